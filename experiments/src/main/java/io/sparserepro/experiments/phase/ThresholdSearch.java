package io.sparserepro.experiments.phase;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds, for one (ζ, solver), the largest sparsity k whose success probability meets a level
 * (0.95 for the SEA paper's Fig. 2, 0.5 for the 50% curves) by a search over k, not a full
 * grid (issue 11). It never runs anything: it is a state machine driven in rounds, so the
 * runs can be computed elsewhere — in parallel, sharded, or read from a trial cache:
 *
 * <pre>{@code
 * ThresholdSearch search = new ThresholdSearch(ThresholdSearch.Options.of(m, StoppingPolicy.exact(0.95, 1000)));
 * cache.forEach((k, outcomes) -> search.accept(k, 0, outcomes));   // optional: reuse old runs
 * while (!search.isDone()) {
 *     for (RunRequest r : search.nextRequests()) {
 *         search.accept(r.k(), r.fromRun(), runner.successes(r.k(), r.fromRun(), r.toRun()));
 *     }
 * }
 * ThresholdSearch.Result result = search.result();
 * }</pre>
 *
 * <h2>The rule (how k* is defined and found)</h2>
 * Every point k is decided by its {@link StoppingRule} from its runs 0, 1, 2, … in order;
 * "non-pass" means FAIL or INCONCLUSIVE.
 * <ol>
 * <li><b>Bisection.</b> The bracket starts at lo = kMin − 1 (a virtual pass) and
 *     hi = kMax + 1 (a virtual fail); the midpoint is decided and replaces lo if it passes, hi
 *     otherwise, until hi = lo + 1. With a starting guess ({@link Options#start()}), the guess
 *     is decided first and points at doubling distances from it (k₀ ± s, ± 3s, ± 7s, …,
 *     s = k₀/4) until the verdict flips, each narrowing the bracket, then the bisection goes
 *     on: points far above the threshold, whose failing runs are the most expensive, are
 *     never opened.</li>
 * <li><b>Neighbour checks.</b> With k* = lo, the points k* − 1 and k* + 2 are decided
 *     (k* + 1 = hi already is); both in the same round. If k* + 2 passes, the non-pass at
 *     k* + 1 was a dip of the noisy success curve near its threshold: bisection resumes on
 *     the bracket (largest evaluated pass below hi', hi' = smallest evaluated non-pass above
 *     k* + 2, or kMax + 1), and the checks are repeated at the new k*. A non-pass at k* − 1
 *     does not move k*; it widens the band.</li>
 * <li><b>Result.</b> k* is therefore the largest evaluated k that passed such that k* + 1
 *     and k* + 2 did not (or lie beyond kMax), i.e. a pass confirmed by two non-passes above
 *     it; kMin − 1 when kMin itself does not pass. The band is
 *     [kLow, kHigh] = [(smallest evaluated non-pass) − 1, (largest evaluated non-fail) + 1],
 *     clipped to [kMin − 1, kMax]: the range of k the search left undecided between "every
 *     evaluated point below passed" and "every evaluated point above failed". It always
 *     contains k*; with a monotone curve and the exact rule it is [k*, k* + 1], one grid step,
 *     the exact-rule interval.</li>
 * </ol>
 * Each restart strictly raises lo, so the search ends after at most kMax − kMin restarts; in
 * practice it decides ⌈log₂(kMax − kMin + 2)⌉ + 2 points, plus 2 + log per dip.
 *
 * <h2>Runs</h2>
 * {@link #nextRequests()} asks, for every open point, for runs [received, received + b) with
 * b = max(r, {@code minBatch}, min(received, 4r)), r the fewest runs that can settle the point
 * (capped at the budget): a point that stays undecided while far from a verdict doubles its
 * batches (few rounds), and one close to a verdict asks for little more than it needs (little
 * waste: at most max(minBatch, 4r) − r runs past the verdict). Runs beyond the
 * verdict are kept (a cache would reuse them, e.g. for the 50% search at the same k) but do
 * not change it. Outcomes of points the search has not opened may be fed at any time (from a
 * cache); they are used when the point is opened.
 *
 * <p>Not thread-safe: drive it from one thread (the runs themselves may run anywhere).
 */
public final class ThresholdSearch {

    /**
     * @param m        rows of A: ρ = k/m
     * @param kMin     the smallest sparsity searched, ≥ 1
     * @param kMax     the largest sparsity searched, ≥ kMin
     * @param minBatch the fewest runs asked for an open point in one round
     * @param policy   the stopping rule of each decision
     * @param start    a first guess of the threshold (0: none): the bracket is then found by
     *                 steps from it, doubling away from it, before the bisection. A guess changes
     *                 which points are evaluated (and so the cost), not the rule that defines k*
     */
    public record Options(int m, int kMin, int kMax, int minBatch, StoppingPolicy policy, int start) {
        /** No starting guess: bisection on [kMin, kMax] from the start. */
        public Options(int m, int kMin, int kMax, int minBatch, StoppingPolicy policy) {
            this(m, kMin, kMax, minBatch, policy, 0);
        }

        public Options {
            if (start != 0 && (start < kMin || start > kMax)) {
                throw new IllegalArgumentException("start must be 0 (none) or in [kMin, kMax] = [" + kMin + ", "
                        + kMax + "]: " + start);
            }
            if (m < 1) {
                throw new IllegalArgumentException("m must be positive: " + m);
            }
            if (kMin < 1) {
                throw new IllegalArgumentException("kMin must be positive: " + kMin);
            }
            if (kMax < kMin) {
                throw new IllegalArgumentException("kMax must be at least kMin = " + kMin + ": " + kMax);
            }
            if (minBatch < 1) {
                throw new IllegalArgumentException("minBatch must be positive: " + minBatch);
            }
            if (policy == null) {
                throw new IllegalArgumentException("policy must not be null");
            }
        }

        /** k from 1 to m, batches of at least 50 runs. */
        public static Options of(int m, StoppingPolicy policy) {
            return new Options(m, 1, m, 50, policy);
        }

        public Options withRange(int kMin, int kMax) {
            return new Options(m, kMin, kMax, minBatch, policy, start);
        }

        public Options withMinBatch(int minBatch) {
            return new Options(m, kMin, kMax, minBatch, policy, start);
        }

        /** A copy that starts from the guess {@code k} (clipped to [kMin, kMax]). */
        public Options withStart(int k) {
            return new Options(m, kMin, kMax, minBatch, policy, Math.max(kMin, Math.min(kMax, k)));
        }
    }

    /** Runs {@code fromRun} (inclusive) to {@code toRun} (exclusive) of sparsity k, wanted next. */
    public record RunRequest(int k, int fromRun, int toRun) {
        public RunRequest {
            if (k < 1 || fromRun < 0 || toRun <= fromRun) {
                throw new IllegalArgumentException(
                        "need k >= 1 and 0 <= fromRun < toRun: k=" + k + " fromRun=" + fromRun + " toRun=" + toRun);
            }
        }

        public int count() {
            return toRun - fromRun;
        }
    }

    /**
     * One evaluated point.
     *
     * @param k             the sparsity
     * @param verdict       PASS, FAIL, INCONCLUSIVE (or UNDECIDED while the search runs)
     * @param runs          the runs the verdict used (the rule's stopping time)
     * @param successes     the successes among those runs
     * @param runsReceived  all runs fed for this k (≥ runs)
     * @param decision      the order in which the search opened it (1-based)
     */
    public record PointDecision(int k, Verdict verdict, int runs, int successes, int runsReceived, int decision) {
    }

    /**
     * The outcome of a finished search.
     *
     * @param m                 rows of A
     * @param level             the success level
     * @param rule              the stopping policy, described
     * @param maxRuns           the run budget of one point
     * @param kStar             the threshold sparsity (kMin − 1 if kMin did not pass)
     * @param kLow              the lower end of the undecided band (see the class comment)
     * @param kHigh             its upper end
     * @param runsAtKStar       runs the verdict at k* used (0 if k* is not an evaluated point)
     * @param successesAtKStar  their successes
     * @param decided           every evaluated point got PASS or FAIL (none INCONCLUSIVE)
     * @param runsUsed          runs the verdicts used, over all points
     * @param runsReceived      runs fed, over all points (≥ runsUsed)
     * @param decisions         the evaluated points by increasing k
     */
    public record Result(int m, double level, String rule, int maxRuns, int kStar, int kLow, int kHigh, int runsAtKStar,
                         int successesAtKStar, boolean decided, long runsUsed, long runsReceived,
                         List<PointDecision> decisions) {
        public Result {
            decisions = List.copyOf(decisions);
        }

        /** ρ* = kStar / m. */
        public double rho() {
            return (double) kStar / m;
        }

        public double rhoLow() {
            return (double) kLow / m;
        }

        public double rhoHigh() {
            return (double) kHigh / m;
        }
    }

    /** Computes runs for {@link #runWith}: outcome i is run {@code fromRun + i} of sparsity k. */
    @FunctionalInterface
    public interface RunSource {
        boolean[] outcomes(int k, int fromRun, int toRun);
    }

    /** One k: its outcomes in run order and the sequential scan of its rule. */
    private static final class Point {
        final BitSet successes = new BitSet();
        int received;
        StoppingRule rule;      // null until opened
        int decision;           // 0 until opened
        int scanned;
        int scannedSuccesses;
        Verdict verdict = Verdict.UNDECIDED;

        /** Advances the rule over the received outcomes, stopping at its first verdict. */
        void scan() {
            if (rule == null) {
                return;
            }
            while (verdict == Verdict.UNDECIDED && scanned < received) {
                if (successes.get(scanned)) {
                    scannedSuccesses++;
                }
                scanned++;
                verdict = rule.verdict(scanned, scannedSuccesses);
            }
        }

        boolean isPass() {
            return verdict == Verdict.PASS;
        }
    }

    private final Options options;
    private final TreeMap<Integer, Point> points = new TreeMap<>();
    private int opened;
    private int lo;
    private int hi;
    private boolean done;
    /** While bracketing from a starting guess: the next point to probe (0 once bracketed). */
    private int probe;
    private int step;

    public ThresholdSearch(Options options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
        this.lo = options.kMin() - 1;
        this.hi = options.kMax() + 1;
        this.probe = options.start();
        this.step = Math.max(1, options.start() / 4);
        advance();
    }

    public Options options() {
        return options;
    }

    /** The search has its result. */
    public boolean isDone() {
        return done;
    }

    /** Runs fed so far for sparsity {@code k} (0 if none). */
    public int runsReceived(int k) {
        Point p = points.get(k);
        return p == null ? 0 : p.received;
    }

    /**
     * The runs wanted next: one request per open, unsettled point, all of which may be computed
     * in parallel. Calling it again without {@link #accept} returns the same requests. Empty
     * once {@link #isDone()}.
     */
    public List<RunRequest> nextRequests() {
        List<RunRequest> requests = new ArrayList<>();
        if (done) {
            return requests;
        }
        for (Map.Entry<Integer, Point> e : points.entrySet()) {
            Point p = e.getValue();
            if (p.rule == null || p.verdict.isSettled()) {
                continue;
            }
            int budgetLeft = options.policy().maxRuns() - p.received;
            int needed = p.rule.minRunsToVerdict(p.scanned, p.scannedSuccesses);
            int batch = Math.max(needed, Math.max(options.minBatch(), Math.min(p.received, 4 * needed)));
            requests.add(new RunRequest(e.getKey(), p.received, p.received + Math.min(batch, budgetLeft)));
        }
        return requests;
    }

    /**
     * Feeds the outcomes (true = success) of runs {@code fromRun, fromRun + 1, …} of sparsity
     * {@code k}. Runs must arrive in order without gaps: {@code fromRun} must equal
     * {@link #runsReceived(int)}. Any k in [kMin, kMax] is accepted at any time, asked for or
     * not (that is how cached runs are reused).
     */
    public void accept(int k, int fromRun, boolean[] outcomes) {
        if (k < options.kMin() || k > options.kMax()) {
            throw new IllegalArgumentException(
                    "k must be in [" + options.kMin() + ", " + options.kMax() + "]: " + k);
        }
        if (outcomes == null) {
            throw new IllegalArgumentException("outcomes must not be null");
        }
        Point p = points.computeIfAbsent(k, key -> new Point());
        if (fromRun != p.received) {
            throw new IllegalArgumentException("fromRun must equal the runs already received at k = " + k
                    + " (" + p.received + "): " + fromRun);
        }
        int budget = options.policy().maxRuns();
        if (outcomes.length > budget - p.received) {
            throw new IllegalArgumentException("outcomes at k = " + k + " must fit the budget of " + budget
                    + " runs: " + p.received + " + " + outcomes.length);
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i]) {
                p.successes.set(p.received + i);
            }
        }
        p.received += outcomes.length;
        p.scan();
        advance();
    }

    /** {@link #accept(int, int, boolean[])} for a request; the outcomes must cover it exactly. */
    public void accept(RunRequest request, boolean[] outcomes) {
        if (request == null || outcomes == null) {
            throw new IllegalArgumentException("request and outcomes must not be null");
        }
        if (outcomes.length != request.count()) {
            throw new IllegalArgumentException(
                    "outcomes must have the request's " + request.count() + " runs: " + outcomes.length);
        }
        accept(request.k(), request.fromRun(), outcomes);
    }

    /**
     * Drives the search to its end, one round at a time, computing each request with
     * {@code source} in turn (a runner that wants the requests of many searches in parallel
     * drives {@link #nextRequests()} and {@link #accept} itself).
     */
    public Result runWith(RunSource source) {
        if (source == null) {
            throw new IllegalArgumentException("source must not be null");
        }
        while (!done) {
            for (RunRequest r : nextRequests()) {
                accept(r, source.outcomes(r.k(), r.fromRun(), r.toRun()));
            }
        }
        return result();
    }

    /** The points evaluated so far, by increasing k. */
    public List<PointDecision> decisions() {
        List<PointDecision> list = new ArrayList<>();
        for (Map.Entry<Integer, Point> e : points.entrySet()) {
            Point p = e.getValue();
            if (p.rule != null) {
                list.add(new PointDecision(e.getKey(), p.verdict, p.scanned, p.scannedSuccesses, p.received,
                        p.decision));
            }
        }
        return Collections.unmodifiableList(list);
    }

    /** The result; only once {@link #isDone()}. */
    public Result result() {
        if (!done) {
            throw new IllegalStateException("the search is not done: call nextRequests() and accept() until isDone()");
        }
        int kMin = options.kMin();
        int kMax = options.kMax();
        int kStar = lo;
        int smallestNonPass = kMax + 1;
        int largestNonFail = kMin - 1;
        boolean decided = true;
        long used = 0;
        long received = 0;
        for (Map.Entry<Integer, Point> e : points.entrySet()) {
            Point p = e.getValue();
            received += p.received;
            if (p.rule == null) {
                continue;
            }
            used += p.scanned;
            int k = e.getKey();
            if (!p.isPass()) {
                smallestNonPass = Math.min(smallestNonPass, k);
            }
            if (p.verdict != Verdict.FAIL) {
                largestNonFail = Math.max(largestNonFail, k);
            }
            decided &= p.verdict.isFinal();
        }
        int kLow = Math.max(kMin - 1, Math.min(kStar, smallestNonPass - 1));
        int kHigh = Math.min(kMax, Math.max(kStar, largestNonFail) + 1);
        Point atStar = points.get(kStar);
        boolean evaluated = atStar != null && atStar.rule != null;
        return new Result(options.m(), options.policy().level(), options.policy().describe(),
                options.policy().maxRuns(), kStar, kLow, kHigh,
                evaluated ? atStar.scanned : 0, evaluated ? atStar.scannedSuccesses : 0, decided, used, received,
                decisions());
    }

    /** Opens k (gives it its rule) unless it is open already; true if it is settled now. */
    private boolean open(int k) {
        Point p = points.computeIfAbsent(k, key -> new Point());
        if (p.rule == null) {
            opened++;
            p.decision = opened;
            p.rule = options.policy().ruleForDecision(opened);
            p.scan();
        }
        return p.verdict.isSettled();
    }

    private boolean isPass(int k) {
        if (k < options.kMin()) {
            return true;
        }
        if (k > options.kMax()) {
            return false;
        }
        return points.get(k).isPass();
    }

    /** Moves the search as far as the outcomes received allow; see the class comment. */
    private void advance() {
        while (!done) {
            if (probe != 0) {
                // Bracketing from the guess: step away from it, doubling, until the verdict flips.
                if (!open(probe)) {
                    return;
                }
                // Until both ends are real points; then the bisection takes over.
                if (isPass(probe)) {
                    lo = probe;
                    boolean failSeen = hi <= options.kMax();
                    probe = failSeen || probe >= options.kMax() ? 0 : Math.min(options.kMax(), probe + step);
                } else {
                    hi = probe;
                    boolean passSeen = lo >= options.kMin();
                    probe = passSeen || probe <= options.kMin() ? 0 : Math.max(options.kMin(), probe - step);
                }
                step *= 2;
                continue;
            }
            if (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (!open(mid)) {
                    return;
                }
                if (isPass(mid)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
                continue;
            }
            int kStar = lo;
            boolean settled = true;
            if (kStar - 1 >= options.kMin()) {
                settled &= open(kStar - 1);
            }
            int above = kStar + 2;
            if (above <= options.kMax()) {
                settled &= open(above);
            }
            if (!settled) {
                return;
            }
            if (above <= options.kMax() && isPass(above)) {
                restartAbove(above);
            } else {
                done = true;
            }
        }
    }

    /** A pass at k* + 2 above the non-pass at k* + 1: re-bracket above it. */
    private void restartAbove(int pass) {
        int newHi = options.kMax() + 1;
        for (Map.Entry<Integer, Point> e : points.tailMap(pass, false).entrySet()) {
            if (e.getValue().rule != null && !e.getValue().isPass()) {
                newHi = e.getKey();
                break;
            }
        }
        int newLo = pass;
        for (Map.Entry<Integer, Point> e : points.subMap(pass, true, newHi, false).entrySet()) {
            if (e.getValue().rule != null && e.getValue().isPass()) {
                newLo = e.getKey();
            }
        }
        lo = newLo;
        hi = newHi;
    }
}
