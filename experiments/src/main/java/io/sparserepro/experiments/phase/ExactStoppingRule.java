package io.sparserepro.experiments.phase;

/**
 * The default rule: stop a point as soon as the verdict of running all {@code maxRuns} runs
 * can no longer change. With N = maxRuns and s* = ⌈level·N⌉ the successes the full-N verdict
 * needs, the point passes once s* runs have succeeded and fails once more than N − s* have
 * failed (for level 0.95 and N = 1000: pass at 950 successes, fail at the 51st failure). The
 * verdict is therefore identical to the full-N verdict "at least s* of N succeed" for every
 * sequence of outcomes: no statistical error is added by stopping early (issue 11). It is a
 * statement about the N runs, not about the true probability: the band the search reports
 * around the threshold is what carries the sampling uncertainty.
 *
 * @param level   the success level, in (0, 1)
 * @param maxRuns N, the runs per point of the full experiment (1000 in the paper's Fig. 2)
 */
public record ExactStoppingRule(double level, int maxRuns) implements StoppingRule {

    public ExactStoppingRule {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1): " + level);
        }
        if (maxRuns < 1) {
            throw new IllegalArgumentException("maxRuns must be positive: " + maxRuns);
        }
    }

    /**
     * s* = ⌈level·N⌉, the successes the full-N verdict needs. The product is nudged down by
     * 1e-9 before rounding up so that a level written in decimal (0.95 × 1000 =
     * 949.99999999999994 in binary) gives the integer a reader expects (950), not 951.
     */
    public int requiredSuccesses() {
        return (int) Math.ceil(level * maxRuns - 1e-9);
    }

    /** N − s*: the failures the full-N verdict tolerates. */
    public int allowedFailures() {
        return maxRuns - requiredSuccesses();
    }

    @Override
    public Verdict verdict(int runs, int successes) {
        StoppingRule.checkCounts(runs, successes, maxRuns);
        if (successes >= requiredSuccesses()) {
            return Verdict.PASS;
        }
        if (runs - successes > allowedFailures()) {
            return Verdict.FAIL;
        }
        return Verdict.UNDECIDED;
    }

    @Override
    public int minRunsToVerdict(int runs, int successes) {
        if (verdict(runs, successes).isSettled()) {
            return 0;
        }
        int toPass = requiredSuccesses() - successes;
        int toFail = allowedFailures() + 1 - (runs - successes);
        return Math.min(toPass, toFail);
    }

    @Override
    public String describe() {
        return "exact: pass at " + requiredSuccesses() + " successes, fail at " + (allowedFailures() + 1)
                + " failures of " + maxRuns;
    }
}
