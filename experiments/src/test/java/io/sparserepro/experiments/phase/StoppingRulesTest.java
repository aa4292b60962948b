package io.sparserepro.experiments.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StoppingRulesTest {

    /** The first verdict of {@code rule} scanning {@code outcomes} in order, and its stopping time. */
    private static int[] sequential(StoppingRule rule, boolean[] outcomes) {
        int successes = 0;
        for (int n = 1; n <= outcomes.length; n++) {
            if (outcomes[n - 1]) {
                successes++;
            }
            Verdict v = rule.verdict(n, successes);
            if (v.isSettled()) {
                return new int[] {v.ordinal(), n};
            }
        }
        return new int[] {Verdict.UNDECIDED.ordinal(), outcomes.length};
    }

    /** The verdict of running all N: at least ⌈level·N⌉ successes, counted directly. */
    private static Verdict fullVerdict(boolean[] outcomes, int required) {
        int s = 0;
        for (boolean b : outcomes) {
            s += b ? 1 : 0;
        }
        return s >= required ? Verdict.PASS : Verdict.FAIL;
    }

    @Test
    void paperRuleIs950SuccessesOr51Failures() {
        ExactStoppingRule rule = new ExactStoppingRule(0.95, 1000);
        assertEquals(950, rule.requiredSuccesses());
        assertEquals(50, rule.allowedFailures());
        assertEquals(Verdict.PASS, rule.verdict(950, 950));
        assertEquals(Verdict.UNDECIDED, rule.verdict(999, 949));
        assertEquals(Verdict.FAIL, rule.verdict(51, 0));
        assertEquals(Verdict.UNDECIDED, rule.verdict(50, 0));
        assertEquals(Verdict.FAIL, rule.verdict(1000, 949));
        assertEquals(500, new ExactStoppingRule(0.5, 1000).requiredSuccesses());
        assertEquals(51, rule.minRunsToVerdict(0, 0));
    }

    /** For tiny N every outcome sequence is enumerated: the early verdict is the full-N verdict. */
    @Test
    void exactRuleEqualsFullVerdictOnEverySequence() {
        double[] levels = {0.5, 0.6, 0.9, 0.95, 0.999};
        for (int n = 1; n <= 12; n++) {
            for (double level : levels) {
                ExactStoppingRule rule = new ExactStoppingRule(level, n);
                for (int mask = 0; mask < (1 << n); mask++) {
                    boolean[] outcomes = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        outcomes[i] = (mask >> i & 1) == 1;
                    }
                    int[] seq = sequential(rule, outcomes);
                    assertEquals(fullVerdict(outcomes, rule.requiredSuccesses()).ordinal(), seq[0],
                            "N=" + n + " level=" + level + " mask=" + mask);
                    // The rule never waits longer than needed: one run earlier it was undecided,
                    // and minRunsToVerdict never promises a verdict sooner than it comes.
                    checkMinRuns(rule, outcomes, seq[1]);
                }
            }
        }
    }

    private static void checkMinRuns(StoppingRule rule, boolean[] outcomes, int stop) {
        int s = 0;
        for (int n = 0; n < stop; n++) {
            int promised = rule.minRunsToVerdict(n, s);
            assertTrue(promised >= 1 && n + promised <= stop,
                    "at " + n + " runs the rule promised " + promised + " more, verdict came at " + stop);
            s += outcomes[n] ? 1 : 0;
        }
    }

    /** Paper scale by simulation: 20 000 sequences around the level, every verdict identical. */
    @Test
    void exactRuleEqualsFullVerdictAtPaperScale() {
        double[] probabilities = {0.0, 0.5, 0.9, 0.93, 0.94, 0.945, 0.95, 0.955, 0.96, 0.97, 1.0};
        for (double level : new double[] {0.95, 0.5}) {
            ExactStoppingRule rule = new ExactStoppingRule(level, 1000);
            SplittableRandom rng = new SplittableRandom(20240611L);
            long runsUsed = 0;
            int sequences = 0;
            for (double p : probabilities) {
                for (int seed = 0; seed < 1000; seed++) {
                    boolean[] outcomes = new boolean[1000];
                    for (int i = 0; i < outcomes.length; i++) {
                        // The probabilities are listed around 0.95; shift them around the level tested.
                        outcomes[i] = rng.nextDouble() < p + (level - 0.95);
                    }
                    int[] seq = sequential(rule, outcomes);
                    assertEquals(fullVerdict(outcomes, rule.requiredSuccesses()).ordinal(), seq[0]);
                    runsUsed += seq[1];
                    sequences++;
                }
            }
            // The early stop saves runs overall (it is the point of the rule).
            assertTrue(runsUsed < 1000L * sequences, "no run saved at level " + level);
        }
    }

    /** Ville's bound: a wrong verdict has probability at most α, by simulation at p0, p1 and beyond. */
    @Test
    void sprtErrorRateStaysBelowAlpha() {
        double alpha = 0.05;
        SprtStoppingRule rule = new SprtStoppingRule(0.95, 0.93, 0.97, alpha, 1000);
        int trials = 4000;
        SplittableRandom rng = new SplittableRandom(7);
        for (double p : new double[] {0.90, 0.93}) {
            int wrong = 0;
            for (int t = 0; t < trials; t++) {
                wrong += runSprt(rule, p, rng) == Verdict.PASS ? 1 : 0;
            }
            // The true rate is well below α (Ville's bound ignores the overshoot); the Monte
            // Carlo standard error at rate 0.05 and 4000 trials is 0.0034, so ≤ α cannot fail
            // by chance unless the bound itself is violated.
            assertTrue((double) wrong / trials <= alpha, "P(PASS | p=" + p + ") = " + (double) wrong / trials);
        }
        for (double p : new double[] {0.97, 0.99}) {
            int wrong = 0;
            for (int t = 0; t < trials; t++) {
                wrong += runSprt(rule, p, rng) == Verdict.FAIL ? 1 : 0;
            }
            assertTrue((double) wrong / trials <= alpha, "P(FAIL | p=" + p + ") = " + (double) wrong / trials);
        }
    }

    /** Far from the level the anytime rule decides in far fewer runs than the exact rule. */
    @Test
    void sprtIsFastFarFromTheLevel() {
        SprtStoppingRule rule = new SprtStoppingRule(0.95, 0.93, 0.97, 0.05 / 12, 1000);
        // All successes: log Λ grows by log(0.97/0.93) = 0.0421 per run and crosses
        // log(1/α) = log 240 = 5.48 after 131 runs (the exact rule needs 950).
        int n = 0;
        while (rule.verdict(n, n) == Verdict.UNDECIDED) {
            n++;
        }
        assertEquals(Verdict.PASS, rule.verdict(n, n));
        assertEquals((int) Math.ceil(Math.log(12 / 0.05) / Math.log(0.97 / 0.93)), n);
        assertEquals(131, n);
        // All failures: each costs log(0.07/0.03) = 0.847, so 7 failures cross −5.48 (exact rule: 51).
        assertEquals(Verdict.FAIL, rule.verdict(7, 0));
        assertEquals(Verdict.UNDECIDED, rule.verdict(6, 0));
        assertEquals(7, rule.minRunsToVerdict(0, 0));
    }

    @Test
    void sprtIsInconclusiveOnlyAtTruncation() {
        SprtStoppingRule rule = new SprtStoppingRule(0.95, 0.93, 0.97, 1e-6, 20);
        assertEquals(Verdict.UNDECIDED, rule.verdict(19, 18));
        assertEquals(Verdict.INCONCLUSIVE, rule.verdict(20, 19));
        assertEquals(1, rule.minRunsToVerdict(19, 18));
    }

    @Test
    void anytimePolicySplitsAlphaOverDecisions() {
        StoppingPolicy.Anytime policy = (StoppingPolicy.Anytime) StoppingPolicy.anytime(0.95, 0.93, 0.97, 0.05, 1000);
        double sum = 0;
        for (int j = 1; j <= 1_000_000; j++) {
            sum += policy.alphaOfDecision(j);
        }
        // Σ 6/(π² j²) over j ≤ J is 1 − O(1/J): the shares stay below α and approach it.
        assertTrue(sum <= 0.05 && sum > 0.05 * (1 - 1e-5), "sum of shares " + sum);
        assertEquals(0.05 * 6 / (Math.PI * Math.PI * 9), ((SprtStoppingRule) policy.ruleForDecision(3)).alpha(), 1e-18);
        StoppingPolicy exact = StoppingPolicy.exact(0.95, 1000);
        assertEquals(exact.ruleForDecision(1), exact.ruleForDecision(40));
    }

    private static Verdict runSprt(StoppingRule rule, double p, SplittableRandom rng) {
        int s = 0;
        for (int n = 1; n <= rule.maxRuns(); n++) {
            s += rng.nextDouble() < p ? 1 : 0;
            Verdict v = rule.verdict(n, s);
            if (v.isSettled()) {
                return v;
            }
        }
        throw new AssertionError("the rule must settle by its budget");
    }

    @Test
    void badInputsAreRejectedWithTheirNames() {
        assertMessage("level", () -> new ExactStoppingRule(1.0, 10));
        assertMessage("maxRuns", () -> new ExactStoppingRule(0.5, 0));
        assertMessage("p0 < level < p1", () -> new SprtStoppingRule(0.95, 0.96, 0.97, 0.05, 10));
        assertMessage("alpha", () -> new SprtStoppingRule(0.95, 0.93, 0.97, 0, 10));
        assertMessage("maxRuns", () -> new SprtStoppingRule(0.95, 0.93, 0.97, 0.05, 0));
        assertMessage("runs", () -> new ExactStoppingRule(0.5, 10).verdict(11, 0));
        assertMessage("successes", () -> new ExactStoppingRule(0.5, 10).verdict(3, 4));
        assertMessage("decision", () -> StoppingPolicy.exact(0.5, 10).ruleForDecision(0));
        assertMessage("alpha", () -> StoppingPolicy.anytime(0.95, 0.93, 0.97, 1.5, 10));
    }

    static void assertMessage(String fragment, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should name " + fragment);
    }
}
