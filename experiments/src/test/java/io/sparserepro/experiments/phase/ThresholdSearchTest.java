package io.sparserepro.experiments.phase;

import static io.sparserepro.experiments.phase.StoppingRulesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.experiments.phase.ThresholdSearch.PointDecision;
import io.sparserepro.experiments.phase.ThresholdSearch.Result;
import io.sparserepro.experiments.phase.ThresholdSearch.RunRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The search driven by a simulated Bernoulli oracle with a known success curve p(k). */
class ThresholdSearchTest {

    /** Run i at sparsity k succeeds with probability p(k), from its own seed: any order, same outcome. */
    record Oracle(IntToDoubleFunction p, long seed) {
        boolean outcome(int k, int run) {
            long s = seed * 0x9E3779B97F4A7C15L + k * 1_000_003L + run;
            return new SplittableRandom(s).nextDouble() < p.applyAsDouble(k);
        }

        boolean[] outcomes(int k, int from, int to) {
            boolean[] out = new boolean[to - from];
            for (int i = from; i < to; i++) {
                out[i - from] = outcome(k, i);
            }
            return out;
        }
    }

    /** Drives the search to the end; returns the runs fed per k (for the cache test). */
    static Map<Integer, List<Boolean>> drive(ThresholdSearch search, Oracle oracle) {
        Map<Integer, List<Boolean>> fed = new HashMap<>();
        int rounds = 0;
        while (!search.isDone()) {
            List<RunRequest> requests = search.nextRequests();
            assertFalse(requests.isEmpty(), "an unfinished search must ask for runs");
            assertEquals(requests, search.nextRequests(), "requests are a function of the state");
            for (RunRequest r : requests) {
                assertTrue(r.toRun() <= search.options().policy().maxRuns());
                boolean[] out = oracle.outcomes(r.k(), r.fromRun(), r.toRun());
                List<Boolean> list = fed.computeIfAbsent(r.k(), k -> new ArrayList<>());
                for (boolean b : out) {
                    list.add(b);
                }
                search.accept(r, out);
            }
            assertTrue(++rounds < 500, "the search must end");
        }
        assertTrue(search.nextRequests().isEmpty());
        return fed;
    }

    private static Result search(int m, IntToDoubleFunction p, long seed, StoppingPolicy policy) {
        ThresholdSearch s = new ThresholdSearch(ThresholdSearch.Options.of(m, policy));
        drive(s, new Oracle(p, seed));
        return s.result();
    }

    private static final StoppingPolicy PAPER = StoppingPolicy.exact(0.95, 1000);

    @Test
    void stepCurveGivesItsStepExactly() {
        for (int step : new int[] {0, 1, 17, 37, 99, 100}) {
            Result r = search(100, k -> k <= step ? 1.0 : 0.0, 1, PAPER);
            assertEquals(step, r.kStar(), "step " + step);
            assertEquals(step, r.kLow());
            assertEquals(Math.min(100, step + 1), r.kHigh());
            assertTrue(r.decided());
            // Bisection over 101 candidates (7 points) plus at most 2 neighbour checks.
            assertTrue(r.decisions().size() <= 9, r.decisions().toString());
            for (PointDecision d : r.decisions()) {
                // Deterministic outcomes: a pass needs exactly 950 runs, a fail exactly 51.
                assertEquals(d.verdict() == Verdict.PASS ? 950 : 51, d.runs(), d.toString());
            }
            if (step >= 1) {
                assertEquals(950, r.runsAtKStar());
                assertEquals(950, r.successesAtKStar());
            }
            assertEquals((double) step / 100, r.rho(), 0);
        }
    }

    /**
     * A smooth curve whose 95% threshold is sharp at this N: p = 0.97 at k = 40 (the full-N
     * verdict passes except with probability 1e-4), 0.90 at k = 41 (it fails except with
     * probability below 1e-12).
     */
    @Test
    void smoothCurveGivesTheKnownThreshold() {
        IntToDoubleFunction p = k -> k <= 40 ? 1 - 0.03 * Math.pow(0.5, 40 - k) : Math.max(0, 0.90 - 0.2 * (k - 41));
        for (long seed = 1; seed <= 5; seed++) {
            Result r = search(120, p, seed, PAPER);
            assertEquals(40, r.kStar(), "seed " + seed);
            assertEquals(40, r.kLow());
            assertEquals(41, r.kHigh());
        }
    }

    /**
     * Non-monotone noise near the threshold: p dips to 0.80 at k = 22 between certain passes at
     * 21 and 23–24. Bisection on m = 60 lands on the dip (30 F, 15 P, 22 F, 18 P, 20 P, 21 P);
     * the check of k* + 2 = 23 passes, so the search resumes above and ends at k* = 24 with the
     * band [21, 25] covering the dip — the documented rule, worked by hand.
     */
    @Test
    void dipBelowTheThresholdIsSteppedOver() {
        IntToDoubleFunction p = k -> k <= 21 ? 1.0 : k == 22 ? 0.80 : k <= 24 ? 0.99 : 0.0;
        for (long seed = 1; seed <= 3; seed++) {
            Result r = search(60, p, seed, PAPER);
            assertEquals(24, r.kStar());
            assertEquals(21, r.kLow());
            assertEquals(25, r.kHigh());
            assertEquals(List.of(15, 18, 20, 21, 22, 23, 24, 25, 26, 30),
                    r.decisions().stream().map(PointDecision::k).toList());
        }
    }

    /** A dip at k* − 1 does not move k* (largest pass followed by two non-passes) but widens the band. */
    @Test
    void dipJustBelowKStarWidensTheBand() {
        IntToDoubleFunction p = k -> k <= 21 ? 1.0 : k == 22 ? 0.5 : k == 23 ? 1.0 : 0.0;
        Result r = search(60, p, 3, PAPER);
        // Bisection: 30 F, 15 P, 22 F, 18 P, 20 P, 21 P; k* = 21; k* + 2 = 23 passes -> resume
        // on (23, 30): 26 F, 24 F; k* = 23; checks 22 (F, known) and 25 (F).
        assertEquals(23, r.kStar());
        assertEquals(21, r.kLow());
        assertEquals(24, r.kHigh());
    }

    /**
     * With the exact rule, every point's verdict is the full-N verdict at that k, whatever the
     * noise; where those verdicts are monotone, k* is the largest full-N pass (checked against a
     * full grid computed from the same oracle).
     */
    @Test
    void exactRuleAgreesWithTheFullGrid() {
        // A gentle curve: p crosses 0.95 over several k, so full-N verdicts near it are random.
        IntToDoubleFunction p = k -> 1 / (1 + Math.exp((k - 30) / 2.0));
        int monotoneSeeds = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Oracle oracle = new Oracle(p, seed);
            Result r = search(80, p, seed, PAPER);
            boolean[] fullPass = new boolean[81];
            for (int k = 1; k <= 80; k++) {
                int s = 0;
                for (int i = 0; i < 1000; i++) {
                    s += oracle.outcome(k, i) ? 1 : 0;
                }
                fullPass[k] = s >= 950;
            }
            for (PointDecision d : r.decisions()) {
                assertEquals(fullPass[d.k()], d.verdict() == Verdict.PASS, "seed " + seed + " " + d);
            }
            int largest = 0;
            boolean monotone = true;
            for (int k = 1; k <= 80; k++) {
                if (fullPass[k]) {
                    monotone &= largest == k - 1;
                    largest = k;
                }
            }
            if (monotone) {
                monotoneSeeds++;
                assertEquals(largest, r.kStar(), "seed " + seed);
            }
            assertTrue(r.kLow() <= r.kStar() && r.kStar() <= r.kHigh());
        }
        assertTrue(monotoneSeeds >= 6, "the check must have bitten: " + monotoneSeeds);
    }

    /**
     * Random curves with non-monotone noise near the threshold (p wobbles around 0.95 over
     * several k): whatever the search meets, its result satisfies the documented rule — k* passed
     * (or is kMin − 1), k* + 1 and k* + 2 were evaluated and did not pass (or lie beyond kMax),
     * k* − 1 was evaluated, and the band contains k*.
     */
    @Test
    void resultObeysTheRuleOnNoisyCurves() {
        SplittableRandom curves = new SplittableRandom(31);
        for (int trial = 0; trial < 200; trial++) {
            int m = 20 + curves.nextInt(200);
            int center = 1 + curves.nextInt(m);
            double[] p = new double[m + 1];
            for (int k = 1; k <= m; k++) {
                double base = k < center - 3 ? 1.0 : k > center + 3 ? 0.3 * curves.nextDouble() : 0.93;
                p[k] = Math.min(1, base + (Math.abs(k - center) <= 3 ? 0.04 * curves.nextDouble() : 0));
            }
            boolean anytime = trial % 2 == 1;
            StoppingPolicy policy = anytime ? StoppingPolicy.anytime(0.95, 0.93, 0.97, 0.05, 1000) : PAPER;
            Result r = search(m, k -> p[k], trial, policy);
            Map<Integer, Verdict> verdicts = new HashMap<>();
            r.decisions().forEach(d -> verdicts.put(d.k(), d.verdict()));
            int ks = r.kStar();
            String where = "trial " + trial + " m=" + m + " center=" + center + " " + r.decisions();
            assertTrue(ks == 0 || verdicts.get(ks) == Verdict.PASS, where);
            for (int above = ks + 1; above <= Math.min(m, ks + 2); above++) {
                assertTrue(verdicts.containsKey(above) && verdicts.get(above) != Verdict.PASS, where);
            }
            assertTrue(ks - 1 < 1 || verdicts.containsKey(ks - 1), where);
            assertTrue(r.kLow() <= ks && ks <= r.kHigh(), where);
            // Bisection plus checks plus a few restarts, never a grid.
            assertTrue(r.decisions().size() <= 3 * (32 - Integer.numberOfLeadingZeros(m + 1)) + 4, where);
        }
    }

    /** Runs already done are reused: fed up front, the search asks for nothing and ends the same. */
    @Test
    void cachedRunsAreReused() {
        IntToDoubleFunction p = k -> 1 / (1 + Math.exp((k - 30) / 2.0));
        Oracle oracle = new Oracle(p, 99);
        ThresholdSearch first = new ThresholdSearch(ThresholdSearch.Options.of(80, PAPER));
        Map<Integer, List<Boolean>> fed = drive(first, oracle);

        ThresholdSearch second = new ThresholdSearch(ThresholdSearch.Options.of(80, PAPER));
        fed.forEach((k, list) -> {
            boolean[] out = new boolean[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = list.get(i);
            }
            second.accept(k, 0, out);
        });
        assertTrue(second.isDone());
        assertTrue(second.nextRequests().isEmpty());
        assertEquals(first.result(), second.result());

        // A partial cache: half of each k's runs. Only the rest is asked for.
        ThresholdSearch third = new ThresholdSearch(ThresholdSearch.Options.of(80, PAPER));
        fed.forEach((k, list) -> third.accept(k, 0, oracle.outcomes(k, 0, list.size() / 2)));
        for (RunRequest r : third.nextRequests()) {
            assertEquals(third.runsReceived(r.k()), r.fromRun());
        }
        drive(third, oracle);
        assertEquals(first.result().kStar(), third.result().kStar());
        assertEquals(first.result().decisions().stream().map(PointDecision::verdict).toList(),
                third.result().decisions().stream().map(PointDecision::verdict).toList());
    }

    /**
     * The anytime policy over whole searches: the fraction of searches with any wrong decision
     * (a PASS where p ≤ 0.93, a FAIL where p ≥ 0.97) stays below the total α.
     */
    @Test
    void anytimeSearchErrorRateStaysBelowAlpha() {
        double alpha = 0.1;
        StoppingPolicy policy = StoppingPolicy.anytime(0.95, 0.93, 0.97, alpha, 1000);
        // A curve that spends several k inside and near the indifference zone.
        IntToDoubleFunction p = k -> 1 / (1 + Math.exp((k - 40) / 3.0));
        int searches = 300;
        int wrong = 0;
        long runs = 0;
        for (long seed = 0; seed < searches; seed++) {
            Result r = search(100, p, 1000 + seed, policy);
            runs += r.runsUsed();
            boolean anyWrong = false;
            for (PointDecision d : r.decisions()) {
                double pk = p.applyAsDouble(d.k());
                anyWrong |= d.verdict() == Verdict.PASS && pk <= 0.93 || d.verdict() == Verdict.FAIL && pk >= 0.97;
            }
            wrong += anyWrong ? 1 : 0;
            assertTrue(r.kLow() <= r.kStar() && r.kStar() <= r.kHigh());
        }
        // The bound is conservative (the realised rate is far below α); the Monte Carlo
        // standard error at rate α = 0.1 over 300 searches is 0.017.
        assertTrue((double) wrong / searches <= alpha, "error rate " + (double) wrong / searches);
        // And it is cheaper than the exact rule on the same curve.
        long exactRuns = 0;
        for (long seed = 0; seed < 20; seed++) {
            exactRuns += search(100, p, 1000 + seed, PAPER).runsUsed();
        }
        assertTrue(runs / searches < exactRuns / 20, "anytime " + runs / searches + " vs exact " + exactRuns / 20);
    }

    @Test
    void inconclusivePointsWidenTheBand() {
        // p = 0.95 exactly at k = 10..12: the SPRT with a tiny α and 200 runs cannot decide there.
        StoppingPolicy policy = StoppingPolicy.anytime(0.95, 0.93, 0.97, 1e-4, 200);
        Result r = search(40, k -> k < 10 ? 1.0 : k <= 12 ? 0.95 : 0.0, 5, policy);
        assertFalse(r.decided());
        assertTrue(r.kLow() <= 9 && r.kHigh() >= 11, r.toString());
        assertTrue(r.decisions().stream().anyMatch(d -> d.verdict() == Verdict.INCONCLUSIVE));
    }

    @Test
    void runWithDrivesToTheSameResult() {
        IntToDoubleFunction p = k -> 1 / (1 + Math.exp((k - 30) / 2.0));
        Oracle oracle = new Oracle(p, 4);
        Result driven = search(80, p, 4, PAPER);
        Result ran = new ThresholdSearch(ThresholdSearch.Options.of(80, PAPER)).runWith(oracle::outcomes);
        assertEquals(driven, ran);
        assertMessage("source", () -> new ThresholdSearch(ThresholdSearch.Options.of(80, PAPER)).runWith(null));
    }

    @Test
    void badInputsAreRejected() {
        assertMessage("m", () -> new ThresholdSearch.Options(0, 1, 1, 1, PAPER));
        assertMessage("kMin", () -> new ThresholdSearch.Options(10, 0, 5, 1, PAPER));
        assertMessage("kMax", () -> new ThresholdSearch.Options(10, 5, 4, 1, PAPER));
        assertMessage("minBatch", () -> new ThresholdSearch.Options(10, 1, 5, 0, PAPER));
        assertMessage("policy", () -> new ThresholdSearch.Options(10, 1, 5, 1, null));
        assertMessage("options", () -> new ThresholdSearch(null));
        ThresholdSearch s = new ThresholdSearch(ThresholdSearch.Options.of(10, PAPER));
        assertMessage("k must be in [1, 10]", () -> s.accept(11, 0, new boolean[1]));
        assertMessage("fromRun", () -> s.accept(5, 3, new boolean[1]));
        assertMessage("budget", () -> s.accept(5, 0, new boolean[1001]));
        assertMessage("outcomes", () -> s.accept(5, 0, null));
        assertMessage("request's 50 runs", () -> s.accept(new RunRequest(5, 0, 50), new boolean[3]));
        assertThrows(IllegalStateException.class, s::result);
    }

    /**
     * A starting guess changes which points are evaluated, not the threshold: on a steep
     * monotone curve (p = 1 below k = 37, 0 above) every guess gives k* = 37, and a guess near
     * it never opens the far, expensive points above.
     */
    @Test
    void aStartingGuessFindsTheSameThresholdWithoutVisitingFarPoints() {
        for (int guess : new int[] {1, 10, 36, 37, 38, 60, 200}) {
            ThresholdSearch s = new ThresholdSearch(new ThresholdSearch.Options(200, 1, 200, 50, PAPER).withStart(guess));
            while (!s.isDone()) {
                for (ThresholdSearch.RunRequest r : s.nextRequests()) {
                    boolean[] outcomes = new boolean[r.count()];
                    java.util.Arrays.fill(outcomes, r.k() <= 37);
                    s.accept(r, outcomes);
                }
            }
            assertEquals(37, s.result().kStar(), "guess " + guess);
            if (guess >= 20 && guess <= 60) {
                int highest = s.decisions().stream().mapToInt(ThresholdSearch.PointDecision::k).max().orElseThrow();
                assertTrue(highest <= 2 * guess, "guess " + guess + " opened k = " + highest);
            }
        }
    }
}
