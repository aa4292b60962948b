package io.sparserepro.algorithms.unfolding.net;

/**
 * Reverse mode through one softsort row and through the weighted scores, shared by both
 * networks. The semantics are those of the authors' PyTorch autograd (SPEC-UNFOLDING,
 * {@code utils/sort_proxy.py}): the row is P̃_j = softmax_j(−|s_j − ŝ|/τ) with ŝ = s_top a
 * {@code torch.topk} value, which is differentiable, so the gradient reaches the score at the top
 * index through ŝ as well; d|v|/dv = sign(v), 0 at v = 0 (torch's convention: at j = top the
 * difference is exactly 0).
 */
final class SoftSortAdjoint {
    private SoftSortAdjoint() {
    }

    /**
     * Adds to {@code scoreGradient} (dense, by column j) the gradient through one softsort row.
     *
     * @param scores        the score vector the row was computed from, starting at {@code scoresOffset}
     * @param top           the index of ŝ (where the row peaks)
     * @param index         the row's non-zero columns, {@code index[offset..offset+count)}; entries the
     *                      forward truncated to exactly 0 get no gradient (their softmax factor p_j
     *                      is 0), which is what lets the reverse pass run in O(nnz)
     * @param values        the row's values at those columns, aligned with {@code index}
     * @param rowGradient   ∂L/∂P̃_j (dense, by column j)
     */
    static void row(double[] scores, int scoresOffset, int top, double tau, int[] index, int offset, int count,
                    double[] values, double[] rowGradient, double[] scoreGradient) {
        // Softmax: ∂L/∂logit_j = p_j (ḡ_j − Σ_l p_l ḡ_l).
        double mean = 0;
        for (int k = 0; k < count; k++) {
            mean += values[offset + k] * rowGradient[index[offset + k]];
        }
        double target = scores[scoresOffset + top];
        double toTarget = 0;
        double inverseTau = 1 / tau;
        for (int k = 0; k < count; k++) {
            int j = index[offset + k];
            double logitGradient = values[offset + k] * (rowGradient[j] - mean);
            // logit_j = −|s_j − ŝ|/τ: ∂/∂s_j = −sign(s_j − ŝ)/τ, ∂/∂ŝ = +sign(s_j − ŝ)/τ.
            double sign = Math.signum(scores[scoresOffset + j] - target);
            if (sign != 0.0) {
                double g = sign * inverseTau * logitGradient;
                scoreGradient[j] -= g;
                toTarget += g;
            }
        }
        scoreGradient[top] += toTarget;
    }

    /**
     * The gradient through the score s_j = |W_j|·|u_j| at one column j, given ∂L/∂s_j: adds
     * sign(W_j)·|u_j|·∂L/∂s_j to {@code weightGradient[j]} and returns the factor
     * ∂L/∂s_j·|W_j|/|u_j| by which u_j (re, im) is multiplied to give ∂L/∂Re u_j + i ∂L/∂Im u_j —
     * 0 at u_j = 0 (torch's subgradient of |·| at 0).
     */
    static double score(double scoreGradient, double weight, double uRe, double uIm, double[] weightGradient, int j) {
        double modulus = Math.sqrt(uRe * uRe + uIm * uIm);
        weightGradient[j] += Math.signum(weight) * modulus * scoreGradient;
        return modulus == 0.0 ? 0.0 : scoreGradient * Math.abs(weight) / modulus;
    }
}
