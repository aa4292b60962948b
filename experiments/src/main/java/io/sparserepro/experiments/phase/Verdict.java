package io.sparserepro.experiments.phase;

/** The state of one (ζ, solver, k) point under a {@link StoppingRule}. */
public enum Verdict {
    /** The success probability meets the level (in the rule's sense). */
    PASS,
    /** The success probability is below the level (in the rule's sense). */
    FAIL,
    /** More runs are needed. */
    UNDECIDED,
    /**
     * The rule used its whole run budget without a verdict (only rules that are not exact at
     * their budget, such as the truncated SPRT, end here). The search treats it as "not a
     * pass" when it brackets the threshold and widens the reported band over it.
     */
    INCONCLUSIVE;

    /** PASS or FAIL. */
    public boolean isFinal() {
        return this == PASS || this == FAIL;
    }

    /** Neither UNDECIDED nor waiting: PASS, FAIL or INCONCLUSIVE. */
    public boolean isSettled() {
        return this != UNDECIDED;
    }
}
