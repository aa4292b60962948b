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
     * The indices of the r largest scores, decreasing, ties to the lowest index: one pass over
     * the scores with an insertion into the sorted list of the r best so far (a score enters
     * only if it beats the r-th, which after the first few entries is rare), O(N + r·insertions).
     */
    public static void topIndices(double[] scores, int n, int r, int[] out) {
        checkScores(scores, n, r);
        int count = 0;
        double bar = Double.NaN; // the r-th best score once r are held (NaN: not yet, every score enters)
        for (int j = 0; j < n; j++) {
            double v = scores[j];
            if (v > bar || count < r) {
                // Strictly above the r-th, or not yet r held: an equal later score loses the tie.
                int p = count == r ? r - 1 : count++;
                while (p > 0 && scores[out[p - 1]] < v) {
                    out[p] = out[p - 1];
                    p--;
                }
                out[p] = j;
                if (count == r) {
                    bar = scores[out[r - 1]];
                }
            }
        }
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

    /**
     * The first r softsort rows in compressed form, for callers that exploit their sparsity at
     * small τ (the unrolled networks' reverse pass): row i's non-zero entries, in increasing
     * column order, go to {@code index/values[rowStart[rowOffset + i] .. rowStart[rowOffset + i + 1])},
     * the first row starting at {@code start}; {@code top[0..r)} receives the indices of ŝ.
     * The values are bit for bit those {@link #rows} writes (the same operations in the same
     * order; skipping an entry that is exactly 0 changes no sum), but the work is O(N) for the
     * candidates plus O(r·|candidates|): a column whose score is below ŝ_{r−1} − (truncation
     * limit) is 0 in every row and is never visited again.
     *
     * @param candidates scratch of length ≥ n
     * @param rowStart   receives r + 1 positions at {@code rowOffset}
     * @return the position after the last entry written
     */
    public static int compressedRows(double[] scores, int n, int r, double tau, int[] top, int[] candidates,
                                     int[] index, double[] values, int start, int[] rowStart, int rowOffset) {
        checkTau(tau);
        topIndices(scores, n, r, top);
        double limit = truncationLimit(n, tau);
        // Rows peak at ŝ_0 ≥ … ≥ ŝ_{r−1}: below ŝ_{r−1} − limit an entry is truncated in all of them.
        // The filter keeps a margin of one more limit so that the row's own test, the same
        // comparison as in row(), decides every entry near the boundary.
        double floor = scores[top[r - 1]] - 2 * limit;
        int count = 0;
        for (int j = 0; j < n; j++) {
            if (!(scores[j] < floor)) {
                candidates[count++] = j;
            }
        }
        int position = start;
        for (int i = 0; i < r; i++) {
            double target = scores[top[i]];
            int first = position;
            rowStart[rowOffset + i] = first;
            double sum = 0;
            for (int k = 0; k < count; k++) {
                int j = candidates[k];
                double d = Math.abs(scores[j] - target);
                if (!(d > limit)) {
                    double e = Math.exp(-d / tau);
                    if (e != 0.0) {
                        index[position] = j;
                        values[position++] = e;
                        sum += e;
                    }
                }
            }
            double inverse = 1 / sum; // sum ≥ 1: the target's own entry is exp(0)
            for (int k = first; k < position; k++) {
                values[k] *= inverse;
            }
        }
        rowStart[rowOffset + r] = position;
        return position;
    }

    /** Logits below −limit/τ are set to exactly 0 (see {@link #row}). */
    private static double truncationLimit(int n, double tau) {
        return Math.min(UNDERFLOW, TRUNCATION + 2 * Math.log(n)) * tau;
    }

    /** One row: softmax_j(−|s_j − target|/τ) into out[offset..offset+n). */
    static void row(double[] scores, int n, double target, double tau, double[] out, int offset) {
        // Entries with logit below −(40 + 2 ln N) are set to exactly 0 without calling exp: the
        // row's peak is ≥ 1/N, so all of them together move the row — and B = A Pᵀ, x = Pᵀz — by
        // less than N²·e^{−40−2 ln N}·(peak)⁻¹… ≤ e^{−40} ≈ 4e-18 relative, far below one rounding.
        // At small τ most of the row is such entries: the row becomes exactly sparse (Soft-OMP's
        // B column then touches few columns of A) and costs few exponentials.
        double limit = truncationLimit(n, tau);
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
