package io.sparserepro.algorithms;

import io.sparserepro.core.Checks;

/**
 * Published sufficient conditions for exact support recovery in terms of restricted isometry
 * constants δ_s (computed exactly by {@code io.sparserepro.core.rip.RestrictedIsometry} on
 * small matrices). Tests assert recovery wherever a condition holds and assert nothing where
 * it fails. Each method cites its source; none is claimed sharper than its citation.
 */
public final class RecoveryConditions {
    private RecoveryConditions() {
    }

    /**
     * OMP recovers every k-sparse x* from y = Ax* in exactly k iterations if
     * δ_{k+1} < 1/(√k + 1) (Mo and Shen, "A remark on the restricted isometry property in
     * orthogonal matching pursuit", IEEE Trans. Inf. Theory 58(6), 2012).
     */
    public static boolean ompExactRecovery(double deltaKPlus1, int k) {
        Checks.requirePositive("k", k);
        return deltaKPlus1 < 1.0 / (Math.sqrt(k) + 1.0);
    }

    /**
     * HTP with unit step recovers every k-sparse x* from y = Ax* if δ_{3k} < 1/√3 (Foucart,
     * "Hard thresholding pursuit: an algorithm for compressive sensing", SIAM J. Numer. Anal.
     * 49(6), 2011; Foucart and Rauhut, "A Mathematical Introduction to Compressive Sensing",
     * 2013, chapter 6) — in finitely many iterations.
     */
    public static boolean htpExactRecovery(double delta3k) {
        return delta3k < 1.0 / Math.sqrt(3.0);
    }

    /**
     * IHT with unit step converges to every k-sparse x* from y = Ax* if δ_{3k} < 1/√3
     * (Foucart and Rauhut 2013, chapter 6): the error contracts geometrically.
     */
    public static boolean ihtConvergence(double delta3k) {
        return delta3k < 1.0 / Math.sqrt(3.0);
    }

    /**
     * CoSaMP recovers every k-sparse x* from y = Ax* if δ_{4k} ≤ 0.1: each iteration at least
     * halves the error (Needell and Tropp, "CoSaMP: Iterative signal recovery from incomplete
     * and inaccurate samples", Appl. Comput. Harmon. Anal. 26(3), 2009, Theorem 2.1), so the
     * k largest entries of the iterate eventually sit on S*.
     */
    public static boolean cosampExactRecovery(double delta4k) {
        return delta4k <= 0.1;
    }

    /**
     * Subspace Pursuit recovers every k-sparse x* from y = Ax* if δ_{3k} < 0.165 (Dai and
     * Milenkovic, "Subspace pursuit for compressive sensing signal reconstruction", IEEE Trans.
     * Inf. Theory 55(5), 2009, Theorem 1).
     */
    public static boolean subspacePursuitExactRecovery(double delta3k) {
        return delta3k < 0.165;
    }

    /**
     * SEA₀ reaches S* (S* ⊆ Sᵗ for some t ≤ T_RIP): the stand-in for Theorem 4.1 of Mohamed
     * et al. (ICML 2024) until its constants are transcribed.
     *
     * <p>TODO(Theorem 4.1): the paper states that if A satisfies the (2k+1)-RIP with a small
     * enough constant and the noise is small compared with min_{i∈S*}|x*_i|, SEA run for more
     * than T_RIP iterations reaches a support containing S* (Corollary 4.2: noiseless). Its
     * exact constants are not available to this project; replace the body with them.
     *
     * <p>Until then this is a condition we can prove, of the same shape: SEA₀'s first
     * support read is largest_k(|Aᵀy|) (t = 1). For i ∈ S*, |(Aᵀy)_i| ≥ |x*_i| − δ_k‖x*‖₂ − ‖e‖₂
     * and for j ∉ S*, |(Aᵀy)_j| ≤ δ_{k+1}‖x*‖₂ + ‖e‖₂ (|⟨Au, Av⟩| ≤ δ_{s+t}‖u‖‖v‖ for disjoint
     * supports; unit-norm columns). With δ_k ≤ δ_{k+1} ≤ δ_{2k+1}, the k largest entries are
     * S* — so S* ⊆ S¹ — whenever min|x*_i| > 2δ_{2k+1}‖x*‖₂ + 2‖e‖₂.
     *
     * @param delta2kPlus1 δ_{2k+1} of A (unit-norm columns)
     * @param minAbsTruth  min_{i∈S*} |x*_i|
     * @param truthNorm    ‖x*‖₂
     * @param noiseNorm    ‖e‖₂
     */
    public static boolean seaReachesTrueSupport(double delta2kPlus1, double minAbsTruth,
                                                double truthNorm, double noiseNorm) {
        Checks.requireNonNegative("delta2kPlus1", delta2kPlus1);
        Checks.requireNonNegative("minAbsTruth", minAbsTruth);
        Checks.requireNonNegative("truthNorm", truthNorm);
        Checks.requireNonNegative("noiseNorm", noiseNorm);
        return minAbsTruth > 2 * delta2kPlus1 * truthNorm + 2 * noiseNorm;
    }

    /** The iteration by which {@link #seaReachesTrueSupport} promises S* ⊆ Sᵗ (T_RIP stand-in). */
    public static int seaIterationBound() {
        return 1;
    }
}
