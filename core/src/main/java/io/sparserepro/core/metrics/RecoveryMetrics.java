package io.sparserepro.core.metrics;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.LinearOperator;
import java.util.Arrays;

/**
 * Per-trial recovery metrics of the SEA paper's experiments: exact support recovery (the
 * success criterion of Fig. 2's phase transition), the support distance |S* \ Ŝ| (Fig. 4),
 * the relative error of the estimate, and the residual norm.
 *
 * <p>Supports are index sets: order does not matter, but duplicates and negative indices are
 * rejected, since they mean a solver returned something that is not a set. Supports may have
 * different sizes (a solver may return fewer or more than k indices). Non-finite values in an
 * estimate are not rejected: a metric then evaluates to NaN or ∞, so a diverging solver shows
 * up in the result table instead of aborting the whole experiment.
 */
public final class RecoveryMetrics {
    private RecoveryMetrics() {
    }

    /** Whether the two supports are equal as sets (independent of order). */
    public static boolean exactSupportRecovery(int[] trueSupport, int[] estimatedSupport) {
        int[] truth = sortedSet("trueSupport", trueSupport);
        int[] estimate = sortedSet("estimatedSupport", estimatedSupport);
        return Arrays.equals(truth, estimate);
    }

    /**
     * |S* \ Ŝ|, the number of true support indices the estimate misses: the SEA paper's
     * "support distance" of Fig. 4. It is 0 exactly when S* ⊆ Ŝ (so when |Ŝ| = |S*| = k, 0
     * means exact recovery).
     */
    public static int supportDistance(int[] trueSupport, int[] estimatedSupport) {
        int[] truth = sortedSet("trueSupport", trueSupport);
        int[] estimate = sortedSet("estimatedSupport", estimatedSupport);
        int missed = 0;
        int e = 0;
        for (int t : truth) {
            while (e < estimate.length && estimate[e] < t) {
                e++;
            }
            if (e == estimate.length || estimate[e] != t) {
                missed++;
            }
        }
        return missed;
    }

    /**
     * ‖x̂ − x*‖₂ / ‖x*‖₂. When x* = 0 the ratio is undefined and the absolute error ‖x̂‖₂ is
     * returned instead (0 for a correct estimate, as a relative error would be).
     */
    public static double relativeError(double[] truth, double[] estimate) {
        Checks.requireNonNull("truth", truth);
        Checks.requireLength("estimate", estimate, truth.length);
        double[] difference = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            difference[i] = estimate[i] - truth[i];
        }
        double error = DenseKernels.norm2(difference);
        double truthNorm = DenseKernels.norm2(truth);
        return truthNorm == 0 ? error : error / truthNorm;
    }

    /** ‖A x̂ − y‖₂. */
    public static double residualNorm(LinearOperator a, double[] y, double[] estimate) {
        Checks.requireNonNull("a", a);
        Checks.requireNonNull("y", y);
        if (y.length != a.rows()) {
            throw new IllegalArgumentException("y must have one entry per row of the " + a.rows()
                    + "×" + a.cols() + " operator: " + y.length);
        }
        Checks.requireNonNull("estimate", estimate);
        if (estimate.length != a.cols()) {
            throw new IllegalArgumentException("estimate must have one entry per column of the "
                    + a.rows() + "×" + a.cols() + " operator: " + estimate.length);
        }
        double[] r = new double[a.rows()];
        a.apply(estimate, r);
        for (int i = 0; i < r.length; i++) {
            r[i] -= y[i];
        }
        return DenseKernels.norm2(r);
    }

    /** The indices i with x[i] ≠ 0, ascending (NaN counts as non-zero). */
    public static int[] supportOf(double[] x) {
        Checks.requireNonNull("x", x);
        int count = 0;
        for (double v : x) {
            if (v != 0.0) {
                count++;
            }
        }
        int[] support = new int[count];
        for (int i = 0, s = 0; i < x.length; i++) {
            if (x[i] != 0.0) {
                support[s++] = i;
            }
        }
        return support;
    }

    /** A sorted copy, after checking that the indices are non-negative and distinct. */
    private static int[] sortedSet(String name, int[] support) {
        Checks.requireNonNull(name, support);
        int[] sorted = support.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 0) {
                throw new IllegalArgumentException(
                        name + " must hold non-negative indices: " + Arrays.toString(support));
            }
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException(name + " must not repeat an index, but "
                        + sorted[i] + " appears twice: " + Arrays.toString(support));
            }
        }
        return sorted;
    }
}
