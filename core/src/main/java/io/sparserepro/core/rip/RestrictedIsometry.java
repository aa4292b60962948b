package io.sparserepro.core.rip;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseMatrix;
import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Restricted isometry constants and mutual coherence of a dense matrix A (m×n), the quantities
 * in which the recovery guarantees of OMP, IHT, HTP, CoSaMP, SP and SEA are stated.
 *
 * <p>The restricted isometry constant of order s is
 * <pre>  δ_s = max_{|S| = s} max(λ_max(A_SᵀA_S) − 1, 1 − λ_min(A_SᵀA_S)),</pre>
 * the smallest δ with (1 − δ)‖x‖² ≤ ‖Ax‖² ≤ (1 + δ)‖x‖² for every s-sparse x (Candès &amp; Tao
 * 2005; Foucart &amp; Rauhut, <i>A Mathematical Introduction to Compressive Sensing</i>, Def.
 * 6.1). Computing it is NP-hard in general (Tillmann &amp; Pfetsch 2014), so
 * {@link #exactConstant} enumerates all C(n, s) supports and refuses above a budget, and
 * {@link #sampledLowerBound} gives a lower bound for larger instances.
 *
 * <p>Nothing here normalises A: δ_s is a property of A as given. Normalise the columns first
 * ({@link DenseMatrix#normalizeColumns()}) to get the papers' setting, in which δ_1 = 0.
 *
 * <p>All methods are single-threaded and deterministic (the sampled bound given the state of
 * its random generator).
 */
public final class RestrictedIsometry {
    /**
     * Default budget of {@link #exactConstant(DenseMatrix, int)}: 5,000,000 supports. Every
     * C(24, s) fits (the largest, C(24, 12), is 2,704,156), which covers the instance sizes
     * the specification asks for. Measured on a 20×24 Gaussian matrix (one core): C(24, 5)
     * = 42,504 supports in ~20 ms, C(24, 8) = 735,471 in ~0.3 s, C(24, 12) in ~2.6 s.
     */
    public static final long DEFAULT_MAX_SUPPORTS = 5_000_000L;

    private RestrictedIsometry() {
    }

    // ------------------------------------------------------------------ exact constant

    /**
     * The exact δ_s of {@code a}, enumerating all C(n, s) supports within
     * {@link #DEFAULT_MAX_SUPPORTS}.
     *
     * @see #exactConstant(DenseMatrix, int, long)
     */
    public static RipConstant exactConstant(DenseMatrix a, int s) {
        return exactConstant(a, s, DEFAULT_MAX_SUPPORTS);
    }

    /**
     * The exact δ_s of {@code a}, by computing the extreme eigenvalues of every s×s principal
     * submatrix of AᵀA, supports visited in the order of {@link #forEachSupport}. AᵀA is
     * formed once (for n ≤ 2048; beyond, entries are computed on demand to bound memory).
     *
     * @param a           the matrix, finite
     * @param s           the order, in [1, n]; s &gt; m is allowed (then λ_min = 0 and δ_s ≥ 1)
     * @param maxSupports refuse if C(n, s) exceeds this, which must be positive
     * @throws IllegalArgumentException on a bad argument, or if C(n, s) &gt; maxSupports, before
     *         any work is done
     */
    public static RipConstant exactConstant(DenseMatrix a, int s, long maxSupports) {
        Checks.requireNonNull("a", a);
        int n = a.cols();
        Checks.requireInRange("s", s, 1, n);
        if (maxSupports < 1) {
            throw new IllegalArgumentException("maxSupports must be positive: " + maxSupports);
        }
        long count = binomial(n, s);
        if (count > maxSupports) {
            throw new IllegalArgumentException("enumerating C(" + n + ", " + s + ") = "
                    + (count == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : Long.toString(count))
                    + " supports exceeds the budget of " + maxSupports
                    + "; use sampledLowerBound or raise the budget");
        }
        a.requireFinite("a");
        return exactConstant(a, s, GramEntries.of(a), true);
    }

    /**
     * Package-private so tests can force either Gram mode and compare with and without the
     * skip test.
     *
     * <p>Most supports cannot move the running extremes, and proving that is much cheaper than
     * an eigenvalue computation: λ_max(G_S) &lt; L iff L·I − G_S is positive definite, and
     * λ_min(G_S) &gt; ℓ iff G_S − ℓ·I is, each decided by a Cholesky factorisation (s³/6 flops,
     * against ~10·s³ for Jacobi; measured 20–25× faster overall on a 20×24 Gaussian matrix
     * at s = 5, 8 and 12). The
     * tests use thresholds pulled inwards by {@link #certificateMargin}, far above Cholesky's
     * backward error, so a skipped support provably could not have changed λ_min, λ_max or the
     * worst support (ties keep the first one), and the result is bit-identical with the
     * exhaustive evaluation.
     */
    static RipConstant exactConstant(DenseMatrix a, int s, GramEntries gram, boolean skipCertified) {
        int n = a.cols();
        SymmetricEigenvalues eigen = new SymmetricEigenvalues(s);
        Extremes extremes = new Extremes(s);
        double[] sub = new double[s * s];
        double[] factor = new double[s * s];
        double[] eigenvalues = new double[s];
        int[] support = firstSupport(s);
        long visited = 0;
        do {
            gram.fill(support, s, sub);
            visited++;
            if (skipCertified && visited > 1
                    && strictlyInside(sub, s, extremes.lambdaMin, extremes.lambdaMax, factor)) {
                continue;
            }
            eigen.compute(sub, s, eigenvalues);
            extremes.offer(eigenvalues[0], eigenvalues[s - 1], support);
        } while (nextSupport(support, n));
        return extremes.result(visited);
    }

    /**
     * Safety margin of the Cholesky certificates for an s×s matrix whose entries and shift are
     * bounded by {@code scale}. Cholesky's backward error is at most about s·(s+1)·ε·scale in
     * norm (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, Thm. 10.3), i.e.
     * ~1e-13·scale for s = 24; 1e-9·scale is four orders of magnitude beyond it, and still
     * far below the gaps between a typical support's eigenvalues and the extremes.
     */
    private static double certificateMargin(double scale) {
        return 1e-9 * scale;
    }

    /**
     * True if G = {@code sub} (s×s, symmetric) certainly has ℓ &lt; λ_min(G) and
     * λ_max(G) &lt; L, with {@code factor} as workspace.
     */
    private static boolean strictlyInside(double[] sub, int s, double low, double high, double[] factor) {
        double scale = Math.max(Math.abs(low), Math.abs(high));
        for (int i = 0; i < s; i++) {
            scale = Math.max(scale, Math.abs(sub[i * s + i]));
        }
        double margin = certificateMargin(Math.max(scale, Double.MIN_NORMAL));
        // λ_max(G) < L − margin  ⇐  (L − margin)·I − G positive definite.
        if (!positiveDefiniteShifted(sub, s, -1.0, high - margin, factor)) {
            return false;
        }
        // λ_min(G) > ℓ + margin  ⇐  G − (ℓ + margin)·I positive definite.
        return positiveDefiniteShifted(sub, s, 1.0, -(low + margin), factor);
    }

    /**
     * Whether sign·G + shift·I is positive definite, by an unpivoted Cholesky factorisation of
     * its lower triangle into {@code factor} that stops at the first non-positive pivot.
     */
    private static boolean positiveDefiniteShifted(double[] g, int s, double sign, double shift, double[] factor) {
        for (int j = 0; j < s; j++) {
            double d = sign * g[j * s + j] + shift;
            for (int k = 0; k < j; k++) {
                double l = factor[k * s + j];
                d -= l * l;
            }
            if (!(d > 0)) {
                return false;
            }
            double pivot = Math.sqrt(d);
            factor[j * s + j] = pivot;
            for (int i = j + 1; i < s; i++) {
                double v = sign * g[j * s + i];
                for (int k = 0; k < j; k++) {
                    v -= factor[k * s + i] * factor[k * s + j];
                }
                factor[j * s + i] = v / pivot;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ sampled lower bound

    /**
     * A lower bound on δ_s from {@code samples} uniformly random s-subsets (no local search).
     *
     * @see #sampledLowerBound(DenseMatrix, int, SamplingOptions, UniformRandomProvider)
     */
    public static RipConstant sampledLowerBound(DenseMatrix a, int s, int samples, UniformRandomProvider rng) {
        Checks.requirePositive("samples", samples);
        return sampledLowerBound(a, s, SamplingOptions.of(samples), rng);
    }

    /**
     * A lower bound on δ_s for matrices too large to enumerate: every support examined gives
     * max(λ_max − 1, 1 − λ_min) ≤ δ_s, so the maximum over any set of supports does too.
     *
     * <p>First {@code options.samples()} supports are drawn uniformly among the s-subsets of
     * {0, …, n−1}, independently (with repetition), by a partial Fisher–Yates shuffle. Then, if
     * {@code options.localSearchPasses() > 0}, a greedy local search starts from the worst
     * sampled support: each pass evaluates every single swap (one index in the support replaced
     * by one outside it) and moves to the swap that increases the deviation the most; it stops
     * when no swap increases it or the passes run out. Random supports of a random matrix are
     * typically far from the worst one, so this often tightens the bound substantially, but it
     * remains a lower bound with no guarantee of reaching δ_s.
     *
     * <p>{@code supportsEnumerated} of the result counts every support whose eigenvalues were
     * computed: the samples plus the local-search candidates.
     *
     * @throws IllegalArgumentException on a null or non-finite matrix, s outside [1, n], or a
     *         null option or generator
     */
    public static RipConstant sampledLowerBound(DenseMatrix a, int s, SamplingOptions options,
                                                UniformRandomProvider rng) {
        Checks.requireNonNull("a", a);
        int n = a.cols();
        Checks.requireInRange("s", s, 1, n);
        Checks.requireNonNull("options", options);
        Checks.requireNonNull("rng", rng);
        a.requireFinite("a");

        GramEntries gram = GramEntries.of(a);
        SymmetricEigenvalues eigen = new SymmetricEigenvalues(s);
        Extremes extremes = new Extremes(s);
        double[] sub = new double[s * s];
        double[] eigenvalues = new double[s];
        int[] permutation = new int[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        int[] support = new int[s];
        long visited = 0;
        for (int sample = 0; sample < options.samples(); sample++) {
            // Partial Fisher–Yates: the first s slots become a uniform random s-subset whatever
            // order the permutation was left in, so it need not be reset between samples.
            for (int i = 0; i < s; i++) {
                int j = i + rng.nextInt(n - i);
                int t = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = t;
            }
            System.arraycopy(permutation, 0, support, 0, s);
            // Sorted, the submatrix is the one exactConstant builds for this support, so both
            // give bit-identical eigenvalues for it.
            Arrays.sort(support);
            gram.fill(support, s, sub);
            eigen.compute(sub, s, eigenvalues);
            extremes.offer(eigenvalues[0], eigenvalues[s - 1], support);
            visited++;
        }
        if (options.localSearchPasses() > 0 && s < n) {
            visited += localSearch(gram, n, s, options.localSearchPasses(), eigen, extremes);
        }
        return extremes.result(visited);
    }

    /** The swap search described in sampledLowerBound; returns the supports evaluated. */
    private static long localSearch(GramEntries gram, int n, int s, int passes,
                                    SymmetricEigenvalues eigen, Extremes extremes) {
        int[] current = extremes.worstSupport.clone();
        double currentDeviation = extremes.worstDeviation;
        boolean[] inSupport = new boolean[n];
        double[] currentSub = new double[s * s];
        double[] candidate = new double[s * s];
        double[] eigenvalues = new double[s];
        int[] candidateSupport = new int[s];
        long visited = 0;
        for (int pass = 0; pass < passes; pass++) {
            gram.fill(current, s, currentSub);
            Arrays.fill(inSupport, false);
            for (int index : current) {
                inSupport[index] = true;
            }
            int bestPosition = -1;
            int bestColumn = -1;
            double bestDeviation = currentDeviation;
            for (int p = 0; p < s; p++) {
                for (int j = 0; j < n; j++) {
                    if (inSupport[j]) {
                        continue;
                    }
                    // Swapping current[p] for j changes only row and column p of A_SᵀA_S.
                    System.arraycopy(currentSub, 0, candidate, 0, s * s);
                    for (int r = 0; r < s; r++) {
                        double v = r == p ? gram.entry(j, j) : gram.entry(current[r], j);
                        candidate[p * s + r] = v;
                        candidate[r * s + p] = v;
                    }
                    eigen.compute(candidate, s, eigenvalues);
                    visited++;
                    double lo = eigenvalues[0];
                    double hi = eigenvalues[s - 1];
                    double deviation = Math.max(hi - 1, 1 - lo);
                    if (deviation > extremes.worstDeviation || lo < extremes.lambdaMin
                            || hi > extremes.lambdaMax) {
                        System.arraycopy(current, 0, candidateSupport, 0, s);
                        candidateSupport[p] = j;
                        Arrays.sort(candidateSupport);
                        extremes.offer(lo, hi, candidateSupport);
                    }
                    if (deviation > bestDeviation) {
                        bestDeviation = deviation;
                        bestPosition = p;
                        bestColumn = j;
                    }
                }
            }
            if (bestPosition < 0) {
                break;
            }
            current[bestPosition] = bestColumn;
            currentDeviation = bestDeviation;
        }
        return visited;
    }

    /** Running extremes over supports; the worst support is copied only when it changes. */
    private static final class Extremes {
        double lambdaMin = Double.POSITIVE_INFINITY;
        double lambdaMax = Double.NEGATIVE_INFINITY;
        double worstDeviation = Double.NEGATIVE_INFINITY;
        final int[] worstSupport;
        final int order;

        Extremes(int order) {
            this.order = order;
            this.worstSupport = new int[order];
        }

        void offer(double lo, double hi, int[] support) {
            lambdaMin = Math.min(lambdaMin, lo);
            lambdaMax = Math.max(lambdaMax, hi);
            double deviation = Math.max(hi - 1, 1 - lo);
            // Strict: ties keep the first support examined, as documented on RipConstant.
            if (deviation > worstDeviation) {
                worstDeviation = deviation;
                System.arraycopy(support, 0, worstSupport, 0, order);
            }
        }

        RipConstant result(long visited) {
            // worstDeviation equals max(lambdaMax − 1, 1 − lambdaMin): the maximum of a
            // per-support maximum is the maximum of the two running extremes.
            return new RipConstant(order, worstDeviation, lambdaMin, lambdaMax, worstSupport, visited);
        }
    }

    // ------------------------------------------------------------------ coherence

    /**
     * The mutual coherence μ(A) = max_{i≠j} |⟨a_i, a_j⟩| / (‖a_i‖‖a_j‖), in [0, 1]. It is
     * invariant to column scaling. For unit-norm columns δ_2 = μ and, by Gershgorin,
     * δ_s ≤ (s − 1)μ (Foucart &amp; Rauhut, Prop. 6.2).
     *
     * @throws IllegalArgumentException if {@code a} is null, non-finite, has fewer than two
     *         columns (no pair to compare) or an all-zero column (named by index)
     */
    public static double mutualCoherence(DenseMatrix a) {
        Checks.requireNonNull("a", a);
        int n = a.cols();
        if (n < 2) {
            throw new IllegalArgumentException("a must have at least 2 columns for a mutual coherence: " + n);
        }
        a.requireFinite("a");
        a.requireNonZeroColumns("a");
        // Norms by the scaled ℓ2 routine rather than √G_ii so that huge or tiny columns do not
        // overflow or underflow; the inner products are then taken of the normalised columns.
        DenseMatrix unit = a.normalizeColumns();
        GramEntries gram = GramEntries.of(unit);
        double mu = 0;
        for (int j = 1; j < n; j++) {
            for (int i = 0; i < j; i++) {
                mu = Math.max(mu, Math.abs(gram.entry(i, j)));
            }
        }
        // Rounding can push |⟨a_i, a_j⟩| of parallel unit columns a few ulps above 1.
        return Math.min(mu, 1.0);
    }

    // ------------------------------------------------------------------ combinatorics

    /**
     * The binomial coefficient C(n, k), saturating at {@link Long#MAX_VALUE} instead of
     * overflowing (so a budget test {@code binomial(n, k) > budget} is always right).
     *
     * @throws IllegalArgumentException if n &lt; 0 or k is outside [0, n]
     */
    public static long binomial(int n, int k) {
        Checks.requireNonNegative("n", n);
        Checks.requireInRange("k", k, 0, n);
        int kk = Math.min(k, n - k);
        long c = 1;
        for (int i = 0; i < kk; i++) {
            // C(n, i+1) = C(n, i)·(n−i)/(i+1) is exact; dividing out g = gcd(C, i+1) first keeps
            // the intermediate product as small as the result ((i+1)/g then divides n−i).
            long numerator = n - i;
            long denominator = i + 1;
            long g = gcd(c, denominator);
            long factor = numerator / (denominator / g);
            try {
                c = Math.multiplyExact(c / g, factor);
            } catch (ArithmeticException overflow) {
                // C(n, i) increases up to i = n/2, and kk ≤ n/2, so the result overflows too.
                return Long.MAX_VALUE;
            }
        }
        return c;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /**
     * Calls {@code action} with every s-subset of {0, …, n−1}, as a strictly increasing array,
     * in lexicographic order: {0, …, s−1} first, {n−s, …, n−1} last. This is the order in which
     * {@link #exactConstant} visits supports. C(n, s) calls are made (one, with an empty array,
     * for s = 0), so check {@link #binomial} first when n is not small.
     *
     * <p>The <em>same</em> array is passed every time and updated in place to avoid
     * allocation: copy it to keep it, and do not modify it.
     *
     * @throws IllegalArgumentException if n &lt; 0, s is outside [0, n] or action is null
     */
    public static void forEachSupport(int n, int s, Consumer<int[]> action) {
        Checks.requireNonNegative("n", n);
        Checks.requireInRange("s", s, 0, n);
        Checks.requireNonNull("action", action);
        int[] support = firstSupport(s);
        do {
            action.accept(support);
        } while (nextSupport(support, n));
    }

    /**
     * Advances {@code support}, a strictly increasing s-subset of {0, …, n−1}, in place to its
     * lexicographic successor; returns false (leaving it unchanged) if it is the last one. The
     * allocation-free iterator behind {@link #forEachSupport}: start from {0, 1, …, s−1}.
     *
     * <p>Not validated beyond null and length (it runs once per support in hot loops); the
     * result is unspecified if {@code support} is not strictly increasing within [0, n).
     */
    public static boolean nextSupport(int[] support, int n) {
        Checks.requireNonNull("support", support);
        int s = support.length;
        if (s > n) {
            throw new IllegalArgumentException("support must have length at most n = " + n + ": " + s);
        }
        // Rightmost position that can still move up: position i holds at most n − s + i.
        int i = s - 1;
        while (i >= 0 && support[i] == n - s + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        support[i]++;
        for (int j = i + 1; j < s; j++) {
            support[j] = support[j - 1] + 1;
        }
        return true;
    }

    private static int[] firstSupport(int s) {
        int[] support = new int[s];
        for (int i = 0; i < s; i++) {
            support[i] = i;
        }
        return support;
    }
}
