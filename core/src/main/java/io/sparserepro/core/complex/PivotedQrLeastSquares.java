package io.sparserepro.core.complex;

import io.sparserepro.core.Checks;

/**
 * Rank-revealing least squares in the manner of LAPACK's {@code gelsy} (what
 * {@code torch.linalg.lstsq} runs on the CPU, and so what produced the unfolding paper's
 * figures): Householder QR with column pivoting B Π = Q R (Businger–Golub: at step k the
 * remaining column of largest norm), the numerical rank r = #{k : |R_kk| &gt; cutoff·|R_00|},
 * then the complete orthogonal decomposition [R₁₁ R₁₂] = [L 0] Zᴴ (a second Householder QR,
 * of [R₁₁ R₁₂]ᴴ) to return the minimum-norm solution of the rank-r problem.
 *
 * <p>Why not the normal equations: Soft-OMP at large τ builds B = A Pᵀ from nearly uniform
 * softsort rows, so its columns are nearly parallel and BᴴB squares an already huge condition
 * number; the large-τ end of the unfolding paper's Fig. 2 depends on treating that rank
 * deficiency the way {@code gelsy} does (SPEC-UNFOLDING, Soft-OMP).
 *
 * <p>Rank rule: {@code gelsy} estimates the condition of the leading R₁₁ incrementally; the
 * diagonal-ratio rule used here is its textbook simplification (Golub &amp; Van Loan §5.4.2).
 * Both agree whenever the gap in R's diagonal is clear; the default cutoff is
 * {@code gelsy}'s as torch sets it, ε·max(m, t).
 *
 * <p>Cost per solve: O(m t²) — from scratch every time, which makes it the reference that
 * {@link IncrementalQrLeastSquares} falls back to.
 */
public final class PivotedQrLeastSquares implements ColumnLeastSquares {
    private static final double EPS = Math.ulp(1.0) / 2;

    private final int m;
    private final int capacity;
    private final double cutoff;
    private final double[] columns;   // B, interleaved column-major, m × capacity
    private final double[] work;      // the factorised copy of B
    private final double[] y;
    private final double[] qty;
    private final double[] v;
    private final double[] alpha = new double[2];
    private final double[] betas;
    private final double[] reflectors; // second QR: t × r, interleaved column-major
    private final double[] solution;
    private final int[] permutation;
    private final double[] norms;
    private int size;

    public PivotedQrLeastSquares(int rows, int capacity, double cutoff) {
        this.m = Checks.requirePositive("rows", rows);
        this.capacity = Checks.requirePositive("capacity", capacity);
        if (!(cutoff > 0 && cutoff < 1)) {
            throw new IllegalArgumentException("cutoff must be in (0, 1): " + cutoff);
        }
        this.cutoff = cutoff;
        columns = new double[2 * m * capacity];
        work = new double[2 * m * capacity];
        y = new double[2 * m];
        qty = new double[2 * m];
        v = new double[2 * Math.max(m, capacity)];
        betas = new double[capacity];
        reflectors = new double[2 * capacity * capacity];
        solution = new double[2 * capacity];
        permutation = new int[capacity];
        norms = new double[capacity];
    }

    /** ε·max(m, t), the cutoff torch passes to {@code gelsy} by default. */
    public static double defaultCutoff(int rows, int columns) {
        return EPS * Math.max(rows, columns);
    }

    @Override
    public void reset(double[] observations) {
        Checks.requireMinLength("y", observations, 2 * m);
        System.arraycopy(observations, 0, y, 0, 2 * m);
        size = 0;
    }

    @Override
    public void append(double[] column) {
        Checks.requireMinLength("column", column, 2 * m);
        if (size == capacity) {
            throw new IllegalStateException("capacity " + capacity + " reached");
        }
        System.arraycopy(column, 0, columns, 2 * m * size, 2 * m);
        size++;
    }

    @Override
    public int size() {
        return size;
    }

    /** The stored column j of B (interleaved) into {@code out}. */
    void column(int j, double[] out) {
        System.arraycopy(columns, 2 * m * j, out, 0, 2 * m);
    }

    @Override
    public int solve(double[] z) {
        int t = size;
        java.util.Arrays.fill(z, 0, 2 * t, 0.0);
        if (t == 0) {
            return 0;
        }
        System.arraycopy(columns, 0, work, 0, 2 * m * t);
        System.arraycopy(y, 0, qty, 0, 2 * m);
        for (int j = 0; j < t; j++) {
            permutation[j] = j;
        }
        int steps = Math.min(m, t);
        double r00 = 0;
        int rank = 0;
        for (int k = 0; k < steps; k++) {
            // Pivot: the remaining column of largest norm below row k (recomputed, t is small:
            // no downdating error to guard against).
            int best = k;
            double bestNorm = -1;
            for (int j = k; j < t; j++) {
                double s = 0;
                int base = 2 * j * m;
                for (int i = k; i < m; i++) {
                    s += work[base + 2 * i] * work[base + 2 * i] + work[base + 2 * i + 1] * work[base + 2 * i + 1];
                }
                norms[j] = s;
                if (s > bestNorm) {
                    bestNorm = s;
                    best = j;
                }
            }
            if (best != k) {
                swapColumns(work, k, best);
                int p = permutation[k];
                permutation[k] = permutation[best];
                permutation[best] = p;
            }
            double beta = Householder.make(work, m, k, k, v, alpha);
            for (int j = k + 1; j < t; j++) {
                Householder.apply(v, beta, k, m, work, 2 * j * m);
            }
            Householder.apply(v, beta, k, m, qty, 0);
            int d = 2 * (k * m + k);
            work[d] = alpha[0];
            work[d + 1] = alpha[1];
            for (int i = k + 1; i < m; i++) {
                work[2 * (k * m + i)] = 0;
                work[2 * (k * m + i) + 1] = 0;
            }
            double rkk = Math.hypot(alpha[0], alpha[1]);
            if (k == 0) {
                r00 = rkk;
            }
            if (rkk > cutoff * r00 && rkk > 0) {
                rank = k + 1;
            } else {
                break;
            }
        }
        if (rank == 0) {
            return 0; // B = 0 to working precision: z = 0 is the minimum-norm minimiser
        }
        if (rank == t) {
            backSubstitute(t, solution);
        } else {
            minimumNorm(rank, t, solution);
        }
        for (int j = 0; j < t; j++) {
            z[2 * permutation[j]] = solution[2 * j];
            z[2 * permutation[j] + 1] = solution[2 * j + 1];
        }
        return rank;
    }

    private void swapColumns(double[] a, int p, int q) {
        int bp = 2 * p * m;
        int bq = 2 * q * m;
        for (int i = 0; i < 2 * m; i++) {
            double tmp = a[bp + i];
            a[bp + i] = a[bq + i];
            a[bq + i] = tmp;
        }
    }

    /** R z = (Qᴴy)[0..t) with R the leading t×t upper triangle of {@code work}. */
    private void backSubstitute(int t, double[] out) {
        for (int i = t - 1; i >= 0; i--) {
            double sr = qty[2 * i];
            double si = qty[2 * i + 1];
            for (int j = i + 1; j < t; j++) {
                double rr = work[2 * (j * m + i)];
                double ri = work[2 * (j * m + i) + 1];
                sr -= rr * out[2 * j] - ri * out[2 * j + 1];
                si -= rr * out[2 * j + 1] + ri * out[2 * j];
            }
            divide(sr, si, work[2 * (i * m + i)], work[2 * (i * m + i) + 1], out, i);
        }
    }

    /**
     * Minimum-norm solution with rank r &lt; t: T = [R₁₁ R₁₂] (r×t); Tᴴ = Z [L; 0] by Householder
     * QR (t×r), so T = Lᴴ Z₁ᴴ; the minimum-norm w with T w = c is Z [u; 0] with Lᴴ u = c.
     */
    private void minimumNorm(int r, int t, double[] out) {
        // reflectors := Tᴴ, t×r, column i of Tᴴ = conj of row i of T.
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < t; j++) {
                double re = j >= i ? work[2 * (j * m + i)] : 0;
                double im = j >= i ? work[2 * (j * m + i) + 1] : 0;
                reflectors[2 * (i * t + j)] = re;
                reflectors[2 * (i * t + j) + 1] = -im;
            }
        }
        double[] vs = new double[2 * t * r];
        double[] bs = new double[r];
        double[] vk = new double[2 * t];
        for (int k = 0; k < r; k++) {
            double beta = Householder.make(reflectors, t, k, k, vk, alpha);
            for (int j = k + 1; j < r; j++) {
                Householder.apply(vk, beta, k, t, reflectors, 2 * j * t);
            }
            reflectors[2 * (k * t + k)] = alpha[0];
            reflectors[2 * (k * t + k) + 1] = alpha[1];
            System.arraycopy(vk, 0, vs, 2 * k * t, 2 * t);
            bs[k] = beta;
        }
        // Lᴴ u = c, Lᴴ lower triangular: (Lᴴ)_{ij} = conj(L_{ji}), L upper in `reflectors`.
        java.util.Arrays.fill(out, 0, 2 * t, 0.0);
        for (int i = 0; i < r; i++) {
            double sr = qty[2 * i];
            double si = qty[2 * i + 1];
            for (int j = 0; j < i; j++) {
                double lr = reflectors[2 * (i * t + j)];
                double li = -reflectors[2 * (i * t + j) + 1];
                sr -= lr * out[2 * j] - li * out[2 * j + 1];
                si -= lr * out[2 * j + 1] + li * out[2 * j];
            }
            divide(sr, si, reflectors[2 * (i * t + i)], -reflectors[2 * (i * t + i) + 1], out, i);
        }
        // w = Z [u; 0] = H₀ H₁ … H_{r−1} [u; 0].
        for (int k = r - 1; k >= 0; k--) {
            Householder.apply(java.util.Arrays.copyOfRange(vs, 2 * k * t, 2 * (k + 1) * t), bs[k], k, t, out, 0);
        }
    }

    private static void divide(double ar, double ai, double br, double bi, double[] out, int i) {
        double d = br * br + bi * bi;
        out[2 * i] = (ar * br + ai * bi) / d;
        out[2 * i + 1] = (ai * br - ar * bi) / d;
    }
}
