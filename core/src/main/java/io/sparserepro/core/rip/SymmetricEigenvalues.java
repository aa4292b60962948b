package io.sparserepro.core.rip;

import io.sparserepro.core.Checks;
import java.util.Arrays;

/**
 * Eigenvalues of small dense symmetric matrices by the cyclic Jacobi method, with a workspace
 * sized once so that repeated calls (one per support when computing a restricted isometry
 * constant) never allocate.
 *
 * <p>Why Jacobi: the matrices are tiny (s×s with s rarely above 12) and there are millions of
 * them, so the O(s³) constant and the absence of allocation matter more than asymptotics; and
 * Jacobi is backward stable with every eigenvalue accurate to a small multiple of
 * ε·‖A‖₂ (Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed., §8.5), which is what a
 * constant compared with thresholds such as 1/√3 needs. Only eigenvalues are computed, so
 * no rotation is accumulated.
 *
 * <p>An instance is not thread-safe (it owns the workspace); use one per thread.
 */
public final class SymmetricEigenvalues {
    /**
     * Sweeps allowed before giving up. Cyclic Jacobi converges quadratically; in practice
     * 5–10 sweeps suffice for the orders used here, so this is only a guard against a
     * pathological input looping forever.
     */
    private static final int MAX_SWEEPS = 64;

    /** Relative off-diagonal size at which the matrix counts as diagonal. */
    private static final double EPS = Math.ulp(1.0);

    private final int maxOrder;
    private final double[] work;

    /** A solver for symmetric matrices of order at most {@code maxOrder}. */
    public SymmetricEigenvalues(int maxOrder) {
        Checks.requirePositive("maxOrder", maxOrder);
        if ((long) maxOrder * maxOrder > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxOrder × maxOrder must fit in one Java array: " + maxOrder);
        }
        this.maxOrder = maxOrder;
        this.work = new double[maxOrder * maxOrder];
    }

    /** The largest order this instance accepts. */
    public int maxOrder() {
        return maxOrder;
    }

    /**
     * Writes the eigenvalues of the symmetric n×n matrix held column-major in
     * {@code matrix[0 .. n·n)} into {@code eigenvalues[0 .. n)}, in ascending order.
     *
     * <p>Only the lower triangle (entries (i, j) with i ≥ j) is read, as in LAPACK's
     * {@code UPLO = 'L'}, so the strict upper triangle may hold anything. {@code matrix} is not
     * modified.
     *
     * @throws IllegalArgumentException if n is outside [1, maxOrder], an array is too short, or
     *         a lower-triangle entry is NaN or infinite
     */
    public void compute(double[] matrix, int n, double[] eigenvalues) {
        Checks.requireInRange("n", n, 1, maxOrder);
        Checks.requireMinLength("matrix", matrix, n * n);
        Checks.requireMinLength("eigenvalues", eigenvalues, n);

        // Copy the lower triangle into both triangles, scaled by the largest magnitude so that
        // squaring entries in the convergence test can neither overflow nor underflow.
        double scale = 0;
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double v = matrix[j * n + i];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("matrix must be finite, but matrix["
                            + i + ", " + j + "] = " + v);
                }
                scale = Math.max(scale, Math.abs(v));
            }
        }
        if (scale == 0) {
            Arrays.fill(eigenvalues, 0, n, 0.0);
            return;
        }
        double inv = 1.0 / scale;
        double[] a = work;
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double v = matrix[j * n + i] * inv;
                a[j * n + i] = v;
                a[i * n + j] = v;
            }
        }

        diagonalize(a, n);

        for (int i = 0; i < n; i++) {
            eigenvalues[i] = a[i * n + i] * scale;
        }
        sortAscending(eigenvalues, n);
    }

    /**
     * Cyclic-by-row Jacobi on the full symmetric array {@code a} (n×n, any storage order since
     * it is symmetric), leaving the eigenvalues on the diagonal. Rotation formulas follow
     * Golub &amp; Van Loan, Algorithm 8.5.1 ({@code sym.schur2}), choosing the smaller rotation
     * angle so that the iteration converges.
     */
    private static void diagonalize(double[] a, int n) {
        if (n == 1) {
            return;
        }
        double frobenius2 = 0;
        for (int k = 0; k < n * n; k++) {
            frobenius2 += a[k] * a[k];
        }
        // ‖off(A)‖_F ≤ ε‖A‖_F bounds each eigenvalue's error by ε‖A‖_F (Weyl), i.e. at rounding
        // level; the Frobenius norm is invariant under the rotations, so compute it once.
        double tolerance = EPS * EPS * frobenius2;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int q = 1; q < n; q++) {
                for (int p = 0; p < q; p++) {
                    double v = a[q * n + p];
                    off += v * v;
                }
            }
            if (off <= tolerance) {
                return;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(a, n, p, q);
                }
            }
        }
        // Not reached for finite symmetric input in practice; the diagonal is still the best
        // available estimate, accurate to the remaining off-diagonal norm.
    }

    /** One Jacobi rotation in the (p, q) plane annihilating a[p, q]. */
    private static void rotate(double[] a, int n, int p, int q) {
        double apq = a[q * n + p];
        if (apq == 0) {
            return;
        }
        double app = a[p * n + p];
        double aqq = a[q * n + q];
        double theta = (aqq - app) / (2 * apq);
        double t;
        if (Math.abs(theta) > 1e150) {
            // θ² would overflow; the tangent is then 1/(2θ) to full precision.
            t = 0.5 / theta;
        } else {
            t = (theta >= 0 ? 1.0 : -1.0) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        a[p * n + p] = app - t * apq;
        a[q * n + q] = aqq + t * apq;
        a[q * n + p] = 0;
        a[p * n + q] = 0;
        for (int r = 0; r < n; r++) {
            if (r == p || r == q) {
                continue;
            }
            double arp = a[p * n + r];
            double arq = a[q * n + r];
            double np = c * arp - s * arq;
            double nq = s * arp + c * arq;
            a[p * n + r] = np;
            a[r * n + p] = np;
            a[q * n + r] = nq;
            a[r * n + q] = nq;
        }
    }

    /** Insertion sort: n is tiny and the diagonal is often nearly sorted already. */
    private static void sortAscending(double[] v, int n) {
        for (int i = 1; i < n; i++) {
            double x = v[i];
            int j = i - 1;
            while (j >= 0 && v[j] > x) {
                v[j + 1] = v[j];
                j--;
            }
            v[j + 1] = x;
        }
    }
}
