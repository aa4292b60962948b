package io.sparserepro.experiments.phase;

/**
 * The optional faster rule: a truncated sequential probability ratio test (Wald 1945) of
 * p ≤ p0 against p ≥ p1, with p0 &lt; level &lt; p1 (0.93 and 0.97 around 0.95 in issue 11),
 * whose boundaries are set by Ville's inequality instead of Wald's approximations so that the
 * error bound holds exactly under optional stopping.
 *
 * <p>With Λ_n = ∏ (p1/p0)^{x_i} ((1−p1)/(1−p0))^{1−x_i} the likelihood ratio after n runs:
 * pass as soon as Λ_n ≥ 1/α, fail as soon as Λ_n ≤ α. Under any p ≤ p0, Λ_n is a non-negative
 * supermartingale with Λ_0 = 1 (one factor has mean p·p1/p0 + (1−p)(1−p1)/(1−p0) ≤ 1, which
 * increases in p and equals 1 at p0), so by Ville's inequality P(some n has Λ_n ≥ 1/α) ≤ α:
 * a wrong PASS has probability at most α, whatever the stopping time. Symmetrically 1/Λ_n is a
 * supermartingale under any p ≥ p1, so a wrong FAIL has probability at most α. For p strictly
 * between p0 and p1 (the indifference zone) either verdict is acceptable by design. If neither
 * boundary is crossed within {@code maxRuns} runs the verdict is {@link Verdict#INCONCLUSIVE}:
 * the truncation makes no claim, so it adds no error (the point's p is then most likely inside
 * the indifference zone, and the search widens its band over it).
 *
 * <p>The search splits its total α over its decisions: see {@link StoppingPolicy#anytime}.
 *
 * @param level   the level the verdict is reported against, p0 &lt; level &lt; p1
 * @param p0      the largest success probability that must FAIL
 * @param p1      the smallest success probability that must PASS
 * @param alpha   the error bound of this one decision, in (0, 1)
 * @param maxRuns the truncation
 */
public record SprtStoppingRule(double level, double p0, double p1, double alpha, int maxRuns)
        implements StoppingRule {

    public SprtStoppingRule {
        if (!(p0 > 0 && p0 < level && level < p1 && p1 < 1)) {
            throw new IllegalArgumentException(
                    "p0 < level < p1 must hold inside (0, 1): p0=" + p0 + " level=" + level + " p1=" + p1);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        if (maxRuns < 1) {
            throw new IllegalArgumentException("maxRuns must be positive: " + maxRuns);
        }
    }

    /** log Λ gained by a success (positive). */
    private double successStep() {
        return Math.log(p1 / p0);
    }

    /** log Λ lost by a failure (positive). */
    private double failureStep() {
        return Math.log((1 - p0) / (1 - p1));
    }

    /** log(1/α), the boundary of |log Λ|. */
    public double boundary() {
        return Math.log(1 / alpha);
    }

    /** log Λ_n after {@code runs} runs with {@code successes} successes. */
    public double logLikelihoodRatio(int runs, int successes) {
        return successes * successStep() - (runs - successes) * failureStep();
    }

    @Override
    public Verdict verdict(int runs, int successes) {
        StoppingRule.checkCounts(runs, successes, maxRuns);
        double llr = logLikelihoodRatio(runs, successes);
        if (llr >= boundary()) {
            return Verdict.PASS;
        }
        if (llr <= -boundary()) {
            return Verdict.FAIL;
        }
        return runs == maxRuns ? Verdict.INCONCLUSIVE : Verdict.UNDECIDED;
    }

    @Override
    public int minRunsToVerdict(int runs, int successes) {
        if (verdict(runs, successes).isSettled()) {
            return 0;
        }
        double llr = logLikelihoodRatio(runs, successes);
        // Fewest successes in a row that cross the upper boundary, fewest failures the lower.
        long toPass = (long) Math.ceil((boundary() - llr) / successStep());
        long toFail = (long) Math.ceil((llr + boundary()) / failureStep());
        long fewest = Math.max(1, Math.min(toPass, toFail));
        return (int) Math.min(fewest, maxRuns - runs);
    }

    @Override
    public String describe() {
        return "anytime SPRT p0=" + p0 + " p1=" + p1 + " alpha=" + alpha + " truncated at " + maxRuns;
    }
}
