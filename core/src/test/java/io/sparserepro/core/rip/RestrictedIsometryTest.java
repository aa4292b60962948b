package io.sparserepro.core.rip;

import static io.sparserepro.core.rip.SymmetricEigenvaluesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.linalg.DenseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class RestrictedIsometryTest {

    /**
     * Rounding allowance for δ_s of a matrix with unit-norm columns and s ≤ ~12: forming the
     * Gram entries costs ~m·ε each, and the Jacobi eigenvalues are accurate to ~s·ε·‖A_SᵀA_S‖
     * ≤ s²·ε. Both are below 1e-13 here; 1e-12 leaves an order of magnitude of margin.
     */
    private static final double ROUNDING = 1e-12;

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** i.i.d. standard Gaussian m×n with unit-norm columns, the papers' ensemble. */
    private static DenseMatrix gaussian(int m, int n, long seed) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng(seed));
        double[] data = new double[m * n];
        for (int k = 0; k < data.length; k++) {
            data[k] = g.sample();
        }
        return DenseMatrix.wrapColumnMajor(m, n, data).normalizeColumns();
    }

    /** The columns of {@code a} listed in {@code indices}, in that order. */
    private static DenseMatrix columns(DenseMatrix a, int[] indices) {
        int m = a.rows();
        double[] data = new double[m * indices.length];
        for (int c = 0; c < indices.length; c++) {
            System.arraycopy(a.data(), a.columnOffset(indices[c]), data, c * m, m);
        }
        return DenseMatrix.wrapColumnMajor(m, indices.length, data);
    }

    // ------------------------------------------------------------------ textbook values

    @Test
    void identityHasZeroConstantAtEveryOrder() {
        DenseMatrix eye = DenseMatrix.identity(6);
        for (int s = 1; s <= 6; s++) {
            RipConstant rip = RestrictedIsometry.exactConstant(eye, s);
            // Every submatrix of the identity Gram is an identity: no rotation, exact 1s.
            assertEquals(0.0, rip.delta(), 0.0);
            assertEquals(1.0, rip.lambdaMin(), 0.0);
            assertEquals(1.0, rip.lambdaMax(), 0.0);
            assertEquals(CombinatoricsUtils.binomialCoefficient(6, s), rip.supportsEnumerated());
        }
    }

    @Test
    void orthonormalColumnsHaveZeroConstant() {
        // Q of a Householder QR of a random 10×6 matrix: QᵀQ = I to ~n·ε.
        double[][] rows = gaussian(10, 6, 5L).toRows();
        RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(rows)).getQ().getSubMatrix(0, 9, 0, 5);
        DenseMatrix a = DenseMatrix.fromRows(q.getData());
        for (int s = 1; s <= 6; s++) {
            assertEquals(0.0, RestrictedIsometry.exactConstant(a, s).delta(), ROUNDING, "s = " + s);
        }
    }

    @Test
    void twoColumnsWithInnerProductCHaveDelta2EqualToAbsC() {
        for (double c : new double[] {0.0, 0.3, -0.75, 0.999}) {
            // a_1 = e_1, a_2 = (c, √(1 − c²)): unit columns with ⟨a_1, a_2⟩ = c, so
            // A_SᵀA_S = [[1, c], [c, 1]] with eigenvalues 1 ± c.
            DenseMatrix a = DenseMatrix.fromRows(new double[][] {{1, c}, {0, Math.sqrt(1 - c * c)}});
            RipConstant rip = RestrictedIsometry.exactConstant(a, 2);
            // c² + (1 − c²) is 1 to within an ulp or two; the single Jacobi rotation is exact.
            assertEquals(Math.abs(c), rip.delta(), 4 * Math.ulp(1.0), "c = " + c);
            assertEquals(1 - Math.abs(c), rip.lambdaMin(), 4 * Math.ulp(1.0));
            assertEquals(1 + Math.abs(c), rip.lambdaMax(), 4 * Math.ulp(1.0));
            assertArrayEquals(new int[] {0, 1}, rip.worstSupport());
            assertEquals(1, rip.supportsEnumerated());
        }
    }

    @Test
    void delta1OfUnitNormColumnsIsZeroAndOfScaledColumnsIsTheNormDeviation() {
        DenseMatrix a = gaussian(5, 9, 1L);
        // Normalised columns have ‖a_j‖² = 1 to a few ulps.
        assertEquals(0.0, RestrictedIsometry.exactConstant(a, 1).delta(), 1e-15);
        // Scaling column 4 by 1.5 makes its 1×1 Gram 2.25, hence δ_1 = 1.25 on support {4}.
        DenseMatrix b = a.copy();
        for (int i = 0; i < 5; i++) {
            b.set(i, 4, 1.5 * a.get(i, 4));
        }
        RipConstant rip = RestrictedIsometry.exactConstant(b, 1);
        assertEquals(1.25, rip.delta(), 1e-14);
        assertArrayEquals(new int[] {4}, rip.worstSupport());
    }

    @Test
    void moreColumnsInASupportThanRowsGiveLambdaMinZero() {
        // s > m: A_S has a kernel, so λ_min = 0 and δ_s ≥ 1.
        DenseMatrix a = gaussian(3, 6, 2L);
        RipConstant rip = RestrictedIsometry.exactConstant(a, 4);
        assertEquals(0.0, rip.lambdaMin(), ROUNDING);
        assertTrue(rip.delta() >= 1 - ROUNDING);
    }

    // ------------------------------------------------------------------ reference check

    /** δ_s the slow, independent way: recursive enumeration, Commons Math A_SᵀA_S and eigen. */
    private static double[] naiveConstant(DenseMatrix a, int s) {
        RealMatrix full = new Array2DRowRealMatrix(a.toRows(), false);
        List<int[]> supports = new ArrayList<>();
        collect(a.cols(), s, 0, new int[s], 0, supports);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int[] rowsAll = new int[a.rows()];
        for (int i = 0; i < rowsAll.length; i++) {
            rowsAll[i] = i;
        }
        for (int[] support : supports) {
            RealMatrix as = full.getSubMatrix(rowsAll, support);
            double[] ev = new EigenDecomposition(as.transpose().multiply(as)).getRealEigenvalues();
            for (double v : ev) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {Math.max(hi - 1, 1 - lo), lo, hi, supports.size()};
    }

    private static void collect(int n, int s, int start, int[] prefix, int depth, List<int[]> out) {
        if (depth == s) {
            out.add(prefix.clone());
            return;
        }
        for (int j = start; j < n; j++) {
            prefix[depth] = j;
            collect(n, s, j + 1, prefix, depth + 1, out);
        }
    }

    @Test
    void exactConstantMatchesNaiveCommonsMathComputation() {
        for (long seed = 100; seed < 104; seed++) {
            DenseMatrix a = gaussian(6, 10, seed);
            for (int s = 1; s <= 4; s++) {
                RipConstant rip = RestrictedIsometry.exactConstant(a, s);
                double[] naive = naiveConstant(a, s);
                String where = "seed " + seed + ", s = " + s;
                assertEquals(naive[0], rip.delta(), ROUNDING, where);
                assertEquals(naive[1], rip.lambdaMin(), ROUNDING, where);
                assertEquals(naive[2], rip.lambdaMax(), ROUNDING, where);
                assertEquals((long) naive[3], rip.supportsEnumerated(), where);
                // The reported worst support really attains δ_s.
                assertEquals(rip.delta(), naiveConstant(columns(a, rip.worstSupport()), s)[0], ROUNDING, where);
            }
        }
    }

    @Test
    void precomputedAndOnDemandGramGiveIdenticalResults() {
        DenseMatrix a = gaussian(7, 11, 9L);
        for (int s = 1; s <= 5; s++) {
            RipConstant pre = RestrictedIsometry.exactConstant(a, s, new GramEntries(a, true), true);
            RipConstant lazy = RestrictedIsometry.exactConstant(a, s, new GramEntries(a, false), true);
            // Same kernel, same argument order: bit-identical, hence record equality.
            assertEquals(pre, lazy, "s = " + s);
        }
    }

    @Test
    void skippingCertifiedSupportsChangesNothing() {
        // The Cholesky skip must be invisible: same extremes, same worst support, to the bit.
        // Cases: Gaussian (s < m and s > m, where λ_min ≈ 0 defeats the lower certificate),
        // strongly coherent, unnormalised columns of very different scales, and the identity
        // (every support ties; the first must stay the worst).
        DenseMatrix scaled = gaussian(6, 10, 12L).copy();
        for (int j = 0; j < 10; j++) {
            for (int i = 0; i < 6; i++) {
                scaled.set(i, j, scaled.get(i, j) * Math.pow(10, j - 5));
            }
        }
        List<DenseMatrix> matrices = List.of(gaussian(6, 12, 13L), gaussian(12, 16, 14L),
                convolution(14, 2.0), scaled, DenseMatrix.identity(7));
        for (DenseMatrix a : matrices) {
            for (int s = 1; s <= Math.min(8, a.cols()); s++) {
                GramEntries gram = GramEntries.of(a);
                assertEquals(RestrictedIsometry.exactConstant(a, s, gram, false),
                        RestrictedIsometry.exactConstant(a, s, gram, true), a + ", s = " + s);
            }
        }
    }

    // ------------------------------------------------------------------ laws

    @Test
    void constantIsNonDecreasingInOrder() {
        DenseMatrix a = gaussian(8, 12, 21L);
        double previous = -1;
        for (int s = 1; s <= 12; s++) {
            double delta = RestrictedIsometry.exactConstant(a, s).delta();
            // Cauchy interlacing makes δ_s ≤ δ_{s+1} exactly; allow rounding only.
            assertTrue(delta >= previous - ROUNDING, "δ_" + s + " = " + delta + " < δ_" + (s - 1) + " = " + previous);
            previous = delta;
        }
    }

    @Test
    void constantIsInvariantUnderColumnPermutation() {
        DenseMatrix a = gaussian(6, 9, 4L);
        int[] permutation = {3, 8, 0, 5, 1, 7, 2, 6, 4};
        DenseMatrix p = columns(a, permutation);
        for (int s = 1; s <= 4; s++) {
            assertEquals(RestrictedIsometry.exactConstant(a, s).delta(),
                    RestrictedIsometry.exactConstant(p, s).delta(), ROUNDING, "s = " + s);
        }
    }

    @Test
    void coherenceBoundsTheConstant() {
        // A random and a strongly coherent (Gaussian convolution) matrix, both unit-norm.
        List<DenseMatrix> matrices = List.of(gaussian(20, 30, 31L), convolution(24, 1.5));
        for (DenseMatrix a : matrices) {
            double mu = RestrictedIsometry.mutualCoherence(a);
            // For unit columns δ_2 = μ exactly (eigenvalues 1 ± |⟨a_i, a_j⟩|).
            assertEquals(mu, RestrictedIsometry.exactConstant(a, 2).delta(), ROUNDING);
            for (int s = 2; s <= 4; s++) {
                double delta = RestrictedIsometry.exactConstant(a, s).delta();
                // Gershgorin: δ_s ≤ (s − 1)μ for unit-norm columns.
                assertTrue(delta <= (s - 1) * mu + ROUNDING, a + ", s = " + s + ": " + delta + " > " + (s - 1) * mu);
            }
        }
    }

    /** n×n convolution by a sampled Gaussian of width {@code width}, columns normalised. */
    private static DenseMatrix convolution(int n, double width) {
        DenseMatrix a = DenseMatrix.zeros(n, n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double d = (i - j) / width;
                a.set(i, j, Math.exp(-0.5 * d * d));
            }
        }
        return a.normalizeColumns();
    }

    @Test
    void mutualCoherenceKnownValueAndScaleInvariance() {
        // Columns (1, 0), (1, 1), (0, 2): the largest normalised inner product is 1/√2.
        DenseMatrix a = DenseMatrix.fromRows(new double[][] {{1, 1, 0}, {0, 1, 2}});
        assertEquals(Math.sqrt(0.5), RestrictedIsometry.mutualCoherence(a), 1e-15);
        DenseMatrix b = DenseMatrix.fromRows(new double[][] {{1e-200, 3e150, 0}, {0, 3e150, -7}});
        assertEquals(Math.sqrt(0.5), RestrictedIsometry.mutualCoherence(b), 1e-15);
        // Parallel columns: exactly 1 after clamping rounding.
        DenseMatrix parallel = DenseMatrix.fromRows(new double[][] {{0.1, 0.3}, {0.7, 2.1}});
        assertEquals(1.0, RestrictedIsometry.mutualCoherence(parallel), 1e-15);
        assertEquals(0.0, RestrictedIsometry.mutualCoherence(DenseMatrix.identity(4)), 0.0);
    }

    // ------------------------------------------------------------------ sampled lower bound

    @Test
    void sampledBoundNeverExceedsTheExactConstant() {
        for (long seed = 40; seed < 44; seed++) {
            DenseMatrix a = gaussian(6, 12, seed);
            for (int s = 2; s <= 5; s++) {
                RipConstant exact = RestrictedIsometry.exactConstant(a, s);
                RipConstant plain = RestrictedIsometry.sampledLowerBound(a, s, 20, rng(seed));
                RipConstant refined = RestrictedIsometry.sampledLowerBound(a, s,
                        new SamplingOptions(20, 3), rng(seed));
                String where = "seed " + seed + ", s = " + s;
                // Every sampled support is enumerated by exactConstant and evaluated on the same
                // sorted submatrix, so the bound is ≤ exactly; local-search candidates are
                // evaluated in another row order, hence the rounding allowance.
                assertTrue(plain.delta() <= exact.delta(), where);
                assertTrue(refined.delta() <= exact.delta() + ROUNDING, where);
                assertTrue(plain.lambdaMin() >= exact.lambdaMin() && plain.lambdaMax() <= exact.lambdaMax(), where);
                // Same generator state: the refinement starts from the same samples.
                assertTrue(refined.delta() >= plain.delta(), where);
                assertEquals(20, plain.supportsEnumerated());
                assertTrue(refined.supportsEnumerated() >= 20);
                assertEquals(refined.delta(), naiveConstant(columns(a, refined.worstSupport()), s)[0], ROUNDING, where);
            }
        }
    }

    @Test
    void sampledBoundEqualsExactWhenSamplesCoverEverySupport() {
        // C(8, 3) = 56 supports and 2000 samples: a given support is missed with probability
        // (55/56)^2000 ≈ 3e-16, and the seed is fixed, so coverage is certain here.
        DenseMatrix a = gaussian(5, 8, 77L);
        RipConstant exact = RestrictedIsometry.exactConstant(a, 3);
        RipConstant sampled = RestrictedIsometry.sampledLowerBound(a, 3, 2000, rng(77L));
        // Identical sorted submatrices, identical arithmetic: equal to the bit.
        assertEquals(exact.delta(), sampled.delta(), 0.0);
        assertEquals(exact.lambdaMin(), sampled.lambdaMin(), 0.0);
        assertEquals(exact.lambdaMax(), sampled.lambdaMax(), 0.0);
        assertEquals(2000, sampled.supportsEnumerated());
    }

    @Test
    void localSearchFromOneSampleReachesTheExactConstantOnACoherentMatrix() {
        // On a convolution matrix the worst support is a run of neighbouring columns, which a
        // swap search climbs towards; one random sample alone is usually far from it. This is
        // an observed property of this instance (documented as such), not a guarantee.
        DenseMatrix a = convolution(16, 1.5);
        RipConstant exact = RestrictedIsometry.exactConstant(a, 3);
        RipConstant one = RestrictedIsometry.sampledLowerBound(a, 3, 1, rng(5L));
        RipConstant refined = RestrictedIsometry.sampledLowerBound(a, 3, new SamplingOptions(1, 20), rng(5L));
        assertTrue(refined.delta() >= one.delta());
        assertEquals(exact.delta(), refined.delta(), ROUNDING);
    }

    @Test
    void sampledBoundIsReproducibleFromTheSeed() {
        DenseMatrix a = gaussian(10, 40, 8L);
        SamplingOptions options = new SamplingOptions(200, 2);
        assertEquals(RestrictedIsometry.sampledLowerBound(a, 6, options, rng(1234L)),
                RestrictedIsometry.sampledLowerBound(a, 6, options, rng(1234L)));
    }

    @Test
    void edgeCasesFullSupportAndVeryWideMatrix() {
        // s = n: one support; local search has no swap to try and must not loop or fail.
        DenseMatrix a = gaussian(5, 4, 15L);
        RipConstant exact = RestrictedIsometry.exactConstant(a, 4);
        RipConstant sampled = RestrictedIsometry.sampledLowerBound(a, 4, new SamplingOptions(3, 5), rng(15L));
        assertEquals(exact.delta(), sampled.delta(), 0.0);
        assertEquals(3, sampled.supportsEnumerated());
        // n = 3000 > GramEntries.PRECOMPUTE_LIMIT: entries are computed on demand, no n×n array.
        DenseMatrix wide = gaussian(3, 3000, 16L);
        assertEquals(0.0, RestrictedIsometry.exactConstant(wide, 1).delta(), 1e-15);
        // 3000 directions in R³ include nearly parallel pairs.
        assertTrue(RestrictedIsometry.mutualCoherence(wide) > 0.99);
    }

    // ------------------------------------------------------------------ combinatorics

    @Test
    void binomialMatchesCommonsMathAndSaturates() {
        for (int n = 0; n <= 66; n++) {
            for (int k = 0; k <= n; k++) {
                assertEquals(CombinatoricsUtils.binomialCoefficient(n, k), RestrictedIsometry.binomial(n, k),
                        "C(" + n + ", " + k + ")");
            }
        }
        assertEquals(7219428434016265740L, RestrictedIsometry.binomial(66, 33));
        // C(67, 33) ≈ 1.4e19 > Long.MAX_VALUE ≈ 9.2e18.
        assertEquals(Long.MAX_VALUE, RestrictedIsometry.binomial(67, 33));
        assertEquals(Long.MAX_VALUE, RestrictedIsometry.binomial(1000, 500));
        assertEquals(Long.MAX_VALUE, RestrictedIsometry.binomial(Integer.MAX_VALUE, 3));
        assertEquals(Integer.MAX_VALUE, RestrictedIsometry.binomial(Integer.MAX_VALUE, 1));
        assertEquals(1, RestrictedIsometry.binomial(Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals(137846528820L, RestrictedIsometry.binomial(40, 20));
    }

    @Test
    void forEachSupportVisitsAllSubsetsInLexicographicOrderReusingOneArray() {
        for (int n = 0; n <= 7; n++) {
            for (int s = 0; s <= n; s++) {
                List<int[]> seen = new ArrayList<>();
                int[][] first = new int[1][];
                RestrictedIsometry.forEachSupport(n, s, support -> {
                    if (first[0] == null) {
                        first[0] = support;
                    }
                    assertSame(first[0], support, "the array is reused");
                    seen.add(support.clone());
                });
                List<int[]> expected = new ArrayList<>();
                collect(n, s, 0, new int[s], 0, expected);
                assertEquals(RestrictedIsometry.binomial(n, s), seen.size(), "n = " + n + ", s = " + s);
                for (int i = 0; i < seen.size(); i++) {
                    // The recursive reference produces lexicographic order.
                    assertArrayEquals(expected.get(i), seen.get(i), "n = " + n + ", s = " + s + ", #" + i);
                }
            }
        }
    }

    @Test
    void nextSupportStopsAtTheLastSubset() {
        int[] last = {3, 4};
        assertTrue(!RestrictedIsometry.nextSupport(last, 5));
        assertArrayEquals(new int[] {3, 4}, last);
        int[] middle = {1, 4};
        assertTrue(RestrictedIsometry.nextSupport(middle, 5));
        assertArrayEquals(new int[] {2, 3}, middle);
    }

    // ------------------------------------------------------------------ guards and bad input

    @Test
    void budgetGuardRefusesBeforeAnyWork() {
        DenseMatrix a = gaussian(10, 40, 3L);
        assertMessage("enumerating C(40, 20) = 137846528820 supports exceeds the budget of 5000000;"
                + " use sampledLowerBound or raise the budget", () -> RestrictedIsometry.exactConstant(a, 20));
        assertMessage("enumerating C(40, 3) = 9880 supports exceeds the budget of 1000;"
                + " use sampledLowerBound or raise the budget", () -> RestrictedIsometry.exactConstant(a, 3, 1000));
        // Exactly at the budget is allowed.
        assertEquals(9880, RestrictedIsometry.exactConstant(a, 3, 9880).supportsEnumerated());
        DenseMatrix wide = DenseMatrix.zeros(1, 200);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RestrictedIsometry.exactConstant(wide, 100));
        assertTrue(e.getMessage().startsWith("enumerating C(200, 100) = more than 9223372036854775807 supports"),
                e.getMessage());
    }

    @Test
    void rejectsBadArguments() {
        DenseMatrix a = gaussian(4, 6, 1L);
        UniformRandomProvider r = rng(1L);
        assertMessage("a must not be null", () -> RestrictedIsometry.exactConstant(null, 2));
        assertMessage("s must be in [1, 6]: 0", () -> RestrictedIsometry.exactConstant(a, 0));
        assertMessage("s must be in [1, 6]: 7", () -> RestrictedIsometry.exactConstant(a, 7));
        assertMessage("maxSupports must be positive: 0", () -> RestrictedIsometry.exactConstant(a, 2, 0));
        DenseMatrix nan = a.copy();
        nan.set(2, 3, Double.NaN);
        assertMessage("a must be finite, but a[2, 3] = NaN", () -> RestrictedIsometry.exactConstant(nan, 2));
        DenseMatrix inf = a.copy();
        inf.set(0, 5, Double.POSITIVE_INFINITY);
        assertMessage("a must be finite, but a[0, 5] = Infinity", () -> RestrictedIsometry.exactConstant(inf, 1));

        assertMessage("a must not be null", () -> RestrictedIsometry.sampledLowerBound(null, 2, 5, r));
        assertMessage("s must be in [1, 6]: 0", () -> RestrictedIsometry.sampledLowerBound(a, 0, 5, r));
        assertMessage("s must be in [1, 6]: 7", () -> RestrictedIsometry.sampledLowerBound(a, 7, 5, r));
        assertMessage("samples must be positive: 0", () -> RestrictedIsometry.sampledLowerBound(a, 2, 0, r));
        assertMessage("rng must not be null", () -> RestrictedIsometry.sampledLowerBound(a, 2, 5, null));
        assertMessage("options must not be null", () -> RestrictedIsometry.sampledLowerBound(a, 2, null, r));
        assertMessage("a must be finite, but a[2, 3] = NaN", () -> RestrictedIsometry.sampledLowerBound(nan, 2, 5, r));
        assertMessage("localSearchPasses must be non-negative: -1", () -> new SamplingOptions(5, -1));

        assertMessage("a must not be null", () -> RestrictedIsometry.mutualCoherence(null));
        assertMessage("a must have at least 2 columns for a mutual coherence: 1",
                () -> RestrictedIsometry.mutualCoherence(DenseMatrix.zeros(3, 1)));
        DenseMatrix zeroColumn = a.copy();
        for (int i = 0; i < 4; i++) {
            zeroColumn.set(i, 4, 0.0);
        }
        assertMessage("a has an all-zero column 4; remove it or drop that variable",
                () -> RestrictedIsometry.mutualCoherence(zeroColumn));
        assertMessage("a must be finite, but a[2, 3] = NaN", () -> RestrictedIsometry.mutualCoherence(nan));

        assertMessage("n must be non-negative: -1", () -> RestrictedIsometry.binomial(-1, 0));
        assertMessage("k must be in [0, 5]: 6", () -> RestrictedIsometry.binomial(5, 6));
        assertMessage("k must be in [0, 5]: -1", () -> RestrictedIsometry.binomial(5, -1));
        assertMessage("s must be in [0, 3]: 4", () -> RestrictedIsometry.forEachSupport(3, 4, x -> { }));
        assertMessage("action must not be null", () -> RestrictedIsometry.forEachSupport(3, 2, null));
        assertMessage("support must not be null", () -> RestrictedIsometry.nextSupport(null, 3));
        assertMessage("support must have length at most n = 2: 3", () -> RestrictedIsometry.nextSupport(new int[3], 2));

        assertMessage("worstSupport must have length order = 2: 1",
                () -> new RipConstant(2, 0, 1, 1, new int[1], 1));
    }

    @Test
    void ripConstantIsAValueWithDefensiveCopies() {
        int[] support = {1, 4};
        RipConstant rip = new RipConstant(2, 0.5, 0.5, 1.2, support, 10);
        support[0] = 99;
        assertArrayEquals(new int[] {1, 4}, rip.worstSupport());
        rip.worstSupport()[1] = 99;
        assertArrayEquals(new int[] {1, 4}, rip.worstSupport());
        assertEquals(rip, new RipConstant(2, 0.5, 0.5, 1.2, new int[] {1, 4}, 10));
        assertEquals(rip.hashCode(), new RipConstant(2, 0.5, 0.5, 1.2, new int[] {1, 4}, 10).hashCode());
        assertEquals(0.2, rip.upperDeviation(), 1e-15);
        assertEquals(0.5, rip.lowerDeviation(), 0.0);
        assertTrue(rip.toString().contains("worstSupport=[1, 4]"));
    }

    // ------------------------------------------------------------------ timing

    @Test
    void enumerating42504SupportsOfOrder5TakesWellUnderASecond() {
        DenseMatrix a = gaussian(20, 24, 2024L);
        RestrictedIsometry.exactConstant(a, 5); // warm-up: JIT compilation is not what we measure
        long start = System.nanoTime();
        RipConstant rip = RestrictedIsometry.exactConstant(a, 5);
        double seconds = (System.nanoTime() - start) * 1e-9;
        System.out.printf("exactConstant 20x24, s = 5: %d supports in %.1f ms (delta_5 = %.4f)%n",
                rip.supportsEnumerated(), seconds * 1e3, rip.delta());
        assertEquals(42504, rip.supportsEnumerated());
        // Measured at tens of milliseconds; 2 s keeps the test robust on a loaded CI machine
        // while still catching an accidental per-support allocation storm or O(n²) extraction.
        assertTrue(seconds < 2.0, "took " + seconds + " s");
    }
}
