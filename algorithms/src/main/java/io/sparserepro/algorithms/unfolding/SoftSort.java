package io.sparserepro.algorithms.unfolding;

import io.sparserepro.core.Checks;

/**
 * SoftSort, the continuous relaxation of argsort used by the unfolding paper (Prillo &amp;
 * Eisenschlos, <i>SoftSort</i>, ICML 2020; SPEC-UNFOLDING, {@code utils/sort_proxy.py}): for a
 * score vector s and ŝ its r largest entries in decreasing order,
 * <pre>
 *     P̃_ij = softmax_j(−|s_j − ŝ_i| / τ),   i = 1..r.
 * </pre>
 * Only the r rows a solver needs are computed, in O(rN).
 *
 * <p><b>Stability.</b> The softmax is max-subtracted by construction: the largest logit of row
 * i is 0 (at the index of ŝ_i), so every exponential is in [0, 1], the denominator is ≥ 1,
 * and nothing overflows or divides 0 by 0 at any τ &gt; 0. Logits below −(40 + 2 ln N) are set
 * to an exponential of exactly 0 without calling {@code exp}: their total weight is below
 * e^{−40} relative to the row's peak, under one rounding, so at small τ the rows are exactly
 * sparse (one-hot once every gap exceeds that logit) and cost few exponentials.
 *
 * <p><b>Order of ŝ.</b> Decreasing, ties to the lowest index (stable), the order argsort gives:
 * with one-hot rows, row i selects the same index as the i-th step of OMP or IHT.
 */
public final class SoftSort {
    /** exp(x) is exactly 0 in double precision for x &lt; −745.14. */
    private static final double UNDERFLOW = 746;
    /** Base of the logit below which an entry is negligible (see {@link #row}). */
    private static final double TRUNCATION = 40;

    private SoftSort() {
    }

    /**
     * The indices of the r largest scores, decreasing, ties to the lowest index: r passes of
     * O(N), which for the r ≤ 15 rows the solvers need beats a sort.
     */
    public static void topIndices(double[] scores, int n, int r, int[] out) {
        checkScores(scores, n, r);
        for (int i = 0; i < r; i++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double v = scores[j];
                if ((best < 0 || v > bestValue) && !taken(out, i, j)) {
                    best = j;
                    bestValue = v;
                }
            }
            out[i] = best;
        }
    }

    private static boolean taken(int[] chosen, int count, int j) {
        for (int c = 0; c < count; c++) {
            if (chosen[c] == j) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first r softsort rows of {@code scores[0..n)}, row-major into {@code out[0..r·n)}
     * (each row sums to 1); {@code top[0..r)} receives the indices of ŝ.
     */
    public static void rows(double[] scores, int n, int r, double tau, double[] out, int[] top) {
        checkTau(tau);
        topIndices(scores, n, r, top);
        for (int i = 0; i < r; i++) {
            row(scores, n, scores[top[i]], tau, out, i * n);
        }
    }

    /**
     * The first softsort row of {@code scores[0..n)} into {@code out[offset..offset+n)} (what
     * Soft-OMP appends to P at each iteration); returns the index of the largest score (ties
     * to the lowest index), where the row peaks.
     */
    public static int firstRow(double[] scores, int n, double tau, double[] out, int offset) {
        checkTau(tau);
        checkScores(scores, n, 1);
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (scores[j] > scores[best]) {
                best = j;
            }
        }
        row(scores, n, scores[best], tau, out, offset);
        return best;
    }

    /**
     * The column sums of the first r rows, Σ_i P̃_ij (Soft-IHT's soft indicator of the r
     * largest scores), into {@code mask[0..n)}, without storing the rows; {@code rowWork} needs
     * n entries.
     */
    public static void columnSums(double[] scores, int n, int r, double tau, double[] mask, int[] top,
                                  double[] rowWork) {
        checkTau(tau);
        topIndices(scores, n, r, top);
        java.util.Arrays.fill(mask, 0, n, 0.0);
        for (int i = 0; i < r; i++) {
            row(scores, n, scores[top[i]], tau, rowWork, 0);
            for (int j = 0; j < n; j++) {
                mask[j] += rowWork[j];
            }
        }
    }

    /** One row: softmax_j(−|s_j − target|/τ) into out[offset..offset+n). */
    static void row(double[] scores, int n, double target, double tau, double[] out, int offset) {
        // Entries with logit below −(40 + 2 ln N) are set to exactly 0 without calling exp: the
        // row's peak is ≥ 1/N, so all of them together move the row — and B = A Pᵀ, x = Pᵀz — by
        // less than N²·e^{−40−2 ln N}·(peak)⁻¹… ≤ e^{−40} ≈ 4e-18 relative, far below one rounding.
        // At small τ most of the row is such entries: the row becomes exactly sparse (Soft-OMP's
        // B column then touches few columns of A) and costs few exponentials.
        double limit = Math.min(UNDERFLOW, TRUNCATION + 2 * Math.log(n)) * tau;
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double d = Math.abs(scores[j] - target);
            double e = d > limit ? 0.0 : Math.exp(-d / tau);
            out[offset + j] = e;
            sum += e;
        }
        double inverse = 1 / sum; // sum ≥ 1: the target's own entry is exp(0)
        for (int j = 0; j < n; j++) {
            out[offset + j] *= inverse;
        }
    }

    static void checkTau(double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be positive and finite: " + tau);
        }
    }

    private static void checkScores(double[] scores, int n, int r) {
        Checks.requireNonNull("scores", scores);
        Checks.requireInRange("n", n, 1, scores.length);
        Checks.requireInRange("r", r, 1, n);
        for (int j = 0; j < n; j++) {
            if (Double.isNaN(scores[j])) {
                throw new IllegalArgumentException("scores must not be NaN: scores[" + j + "]");
            }
        }
    }
}
