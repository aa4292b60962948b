package io.sparserepro.experiments.phase;

/**
 * A sequential stopping rule for one point: after each run the rule looks at the number of
 * runs and successes so far and either asks for more or gives a verdict on "the success
 * probability is at least {@link #level()}". The search scans a point's outcomes in run order
 * and keeps the first verdict other than {@link Verdict#UNDECIDED}; outcomes received after
 * that (from a cache, or a batch larger than needed) never change it.
 *
 * <p>Rules are pure functions of (runs, successes): immutable and thread-safe.
 */
public interface StoppingRule {

    /** The success level the verdict is about, in (0, 1). */
    double level();

    /** The run budget of one point. */
    int maxRuns();

    /**
     * The verdict after {@code runs} runs of which {@code successes} succeeded.
     *
     * @throws IllegalArgumentException unless 0 ≤ successes ≤ runs ≤ maxRuns
     */
    Verdict verdict(int runs, int successes);

    /**
     * The fewest further runs after which a verdict is possible (0 when there is one): a batch
     * smaller than this cannot settle the point.
     */
    int minRunsToVerdict(int runs, int successes);

    /** One line for result files and reports. */
    String describe();

    /** Shared argument check of {@link #verdict} and {@link #minRunsToVerdict}. */
    static void checkCounts(int runs, int successes, int maxRuns) {
        if (runs < 0 || runs > maxRuns) {
            throw new IllegalArgumentException("runs must be in [0, " + maxRuns + "]: " + runs);
        }
        if (successes < 0 || successes > runs) {
            throw new IllegalArgumentException("successes must be in [0, " + runs + "]: " + successes);
        }
    }
}
