package io.sparserepro.algorithms.sea;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.Fixtures;
import io.sparserepro.algorithms.OrthonormalMatrices;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.SparseSolverContractTest;
import io.sparserepro.algorithms.greedy.Omp;
import io.sparserepro.algorithms.thresholding.Cosamp;
import io.sparserepro.algorithms.thresholding.Htp;
import io.sparserepro.algorithms.thresholding.Iht;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.select.LargestK;
import org.junit.jupiter.api.Test;

class SeaTest extends SparseSolverContractTest {

    @Override
    protected boolean meetsRankDeficiency() {
        return true;
    }

    @Override
    protected SparseSolver solver() {
        return Sea.standalone();
    }

    private static Sea traced(int iterations) {
        return Sea.standalone(Sea.Options.defaults().withRecordTrace(true).withMaxIterations(iterations)
                .withResidualTolerance(0));
    }

    @Test
    void firstSupportOfSea0IsLargestKOfAtY() {
        for (long seed = 1; seed <= 5; seed++) {
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(30, 60, seed), 5, 0.1, seed + 10);
            SparseResult r = traced(3).solve(p);
            double[] aty = new double[60];
            p.operator().applyAdjoint(p.observations(), aty);
            // t = 0 is X⁰ = 0 itself (empty support); t = 1 reads largest_k(|η Aᵀy|).
            assertEquals(0, r.trace().supports().get(0).length);
            assertArrayEquals(LargestK.of(aty, 5), r.trace().supports().get(1));
        }
    }

    @Test
    void withAZeroStepSeaReturnsTheStart() {
        Problem p = Fixtures.problem(Fixtures.gaussianMatrix(30, 60, 3), 5, 0.1, 4);
        // A start that is a least-squares fit on its k-support: X never moves, every
        // iteration reads the same support, and SEA returns the start (one solve, cached after).
        int[] s = {1, 7, 20, 33, 50};
        double[] start = io.sparserepro.algorithms.sea.TestSolvers.leastSquaresOn(p, s).estimate();
        SparseResult warm = Sea.standalone(Sea.Options.defaults().withStepFactor(0)).solveFrom(p, start);
        assertArrayEquals(s, warm.support());
        for (int j = 0; j < 60; j++) {
            // The same least squares, solved through another factorisation order: round-off.
            assertEquals(start[j], warm.estimate()[j], 1e-12);
        }
        assertEquals(1.0, warm.diagnostic("distinctSupports"));
        assertEquals(1.0, warm.diagnostic("leastSquaresSolves"), "a repeated support is not re-solved");
        // SEA₀ with a zero step: X stays 0; t = 0 is the zero estimate, every later read is
        // largest_k(|0|) = the k lowest indices (the tie-break), solved once.
        SparseResult zero = Sea.standalone(Sea.Options.defaults().withStepFactor(0).withRecordTrace(true)
                .withMaxIterations(5)).solve(p);
        assertEquals(0, zero.trace().supports().get(0).length);
        for (int t = 1; t < 5; t++) {
            assertArrayEquals(new int[] {0, 1, 2, 3, 4}, zero.trace().supports().get(t));
        }
        assertEquals(1.0, zero.diagnostic("leastSquaresSolves"));
    }

    @Test
    void returnedResidualIsTheMinimumOfTheTrace() {
        for (long seed = 1; seed <= 5; seed++) {
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(25, 60, seed), 8, 0.2, seed + 20);
            SparseResult r = traced(200).solve(p);
            double min = Double.POSITIVE_INFINITY;
            int argmin = -1;
            for (int t = 0; t < r.trace().length(); t++) {
                if (r.trace().residualNorms()[t] < min) {
                    min = r.trace().residualNorms()[t];
                    argmin = t;
                }
            }
            // Trace residuals come from the QR residual y − QQᵀy, the result's from A x̂ − y:
            // equal up to round-off of order ε·‖y‖.
            assertEquals(min, r.residualNorm(), 1e-12);
            assertEquals(argmin, (int) r.diagnostic("bestIteration"));
            assertTrue(r.diagnostic("distinctSupports") > 1, "SEA explores");
        }
    }

    @Test
    void matchesANaiveImplementationSolvingEachLeastSquaresFromScratch() {
        for (long seed = 1; seed <= 6; seed++) {
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(20, 40, seed), 6, 0.3, seed + 30);
            int iterations = 150;
            SparseResult fast = traced(iterations).solve(p);
            double step = fast.diagnostic("step");
            NaiveSea naive = new NaiveSea(p, new double[40], step, iterations);
            for (int t = 0; t < iterations; t++) {
                assertArrayEquals(naive.supports.get(t), fast.trace().supports().get(t), "seed " + seed + ", t " + t);
                // Both are backward-stable least squares on supports with cond ≲ 10: residuals
                // agree to ~1e-14 relative; the exploration vectors accumulate at most
                // T·(round-off) ≈ 1e-12, far below any gap that decides a support.
                assertEquals(naive.residuals.get(t), fast.trace().residualNorms()[t], 1e-10);
            }
            for (int j = 0; j < 40; j++) {
                assertEquals(naive.best[j], fast.estimate()[j], 1e-10);
            }
        }
    }

    @Test
    void gramAndResidualFormsOfTheGradientExploreTheSameSupports() {
        for (long seed = 1; seed <= 6; seed++) {
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(30, 70, seed), 7, 0.2, seed + 40);
            Sea.Options options = Sea.Options.defaults().withRecordTrace(true).withMaxIterations(300);
            SparseResult gram = Sea.standalone(options).solve(p);
            SparseResult residual = Sea.standalone(options.withGramGradient(false)).solve(p);
            assertEquals(residual.trace().length(), gram.trace().length());
            for (int t = 0; t < gram.trace().length(); t++) {
                assertArrayEquals(residual.trace().supports().get(t), gram.trace().supports().get(t), "t " + t);
                // ‖y‖² − ‖Qᵀy‖² vs the explicit residual: ~ε‖y‖²/‖r‖ apart (see Sea).
                assertEquals(residual.trace().residualNorms()[t], gram.trace().residualNorms()[t], 1e-11);
            }
            assertTrue(gram.diagnostic("gramColumns") > 0);
            assertTrue(Double.isNaN(residual.diagnostic("gramColumns")) || residual.diagnostic("gramColumns") == 0);
        }
        // Strongly coherent (clustered spikes on a wide kernel): supports of condition number
        // up to ~1e14 make the coefficients huge; there the Gram form steps aside.
        DenseMatrix conv = io.sparserepro.core.problem.ConvolutionMatrices.gaussianKernel(200, 6.0);
        for (long seed = 1; seed <= 2; seed++) {
            Problem p = Fixtures.problem(conv, 30, 0.01, seed);
            Sea.Options options = Sea.Options.defaults().withRecordTrace(true).withMaxIterations(150);
            SparseResult gram = Sea.standalone(options).solve(p);
            SparseResult residual = Sea.standalone(options.withGramGradient(false)).solve(p);
            for (int t = 0; t < gram.trace().length(); t++) {
                assertArrayEquals(residual.trace().supports().get(t), gram.trace().supports().get(t), "coherent, t " + t);
            }
        }
    }

    @Test
    void choleskyUpdatesAndRefactorisationsExploreTheSameSupportsAsQr() {
        // Large k (issue 13): consecutive supports differ by many indices, so the Gram form
        // refactorises, and by few near convergence, where it updates; QR everywhere
        // (gramGradient off, the earlier code path) must read the same supports. Supports of
        // Gaussian 60×120 matrices with k ≤ 24 have cond ≲ 10: the normal equations lose at most
        // ~2 digits more than QR, residuals agree to ~1e-13, far below any support decision.
        int refactorizations = 0;
        int updates = 0;
        for (long seed = 1; seed <= 4; seed++) {
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(60, 120, 90 + seed), 16 + 2 * (int) seed, 0.05,
                    seed + 95);
            Sea.Options options = Sea.Options.defaults().withRecordTrace(true).withMaxIterations(300);
            SparseResult gram = Sea.standalone(options).solve(p);
            SparseResult qr = Sea.standalone(options.withGramGradient(false)).solve(p);
            assertEquals(qr.trace().length(), gram.trace().length());
            for (int t = 0; t < gram.trace().length(); t++) {
                assertArrayEquals(qr.trace().supports().get(t), gram.trace().supports().get(t), "seed " + seed + ", t " + t);
                assertEquals(qr.trace().residualNorms()[t], gram.trace().residualNorms()[t], 1e-10);
            }
            for (int j = 0; j < p.cols(); j++) {
                assertEquals(qr.estimate()[j], gram.estimate()[j], 1e-10);
            }
            assertEquals(0.0, gram.diagnostic("qrSolves"));
            refactorizations += (int) gram.diagnostic("refactorizations");
            updates += (int) gram.diagnostic("factorUpdates");
        }
        assertTrue(refactorizations > 0, "no refactorisation exercised");
        assertTrue(updates > 0, "no update exercised");
    }

    @Test
    void coherentSupportsFallBackToQr() {
        // Spike deconvolution, kernel width 3 (neighbouring columns correlate at ~0.97):
        // supports of adjacent columns make G_SS numerically singular, which the pivot test of
        // the Cholesky factor detects; such supports are solved by QR, so the exploration is
        // the QR-only one.
        DenseMatrix conv = io.sparserepro.core.problem.ConvolutionMatrices.gaussianKernel(150, 3.0);
        for (long seed = 1; seed <= 2; seed++) {
            Problem p = Fixtures.problem(conv, 20, 0.01, seed + 7);
            Sea.Options options = Sea.Options.defaults().withRecordTrace(true).withMaxIterations(200);
            SparseResult gram = Sea.standalone(options).solve(p);
            SparseResult qr = Sea.standalone(options.withGramGradient(false)).solve(p);
            assertTrue(gram.diagnostic("qrSolves") > 0, "no fallback on a coherent matrix");
            for (int t = 0; t < gram.trace().length(); t++) {
                assertArrayEquals(qr.trace().supports().get(t), gram.trace().supports().get(t), "seed " + seed + ", t " + t);
            }
            assertArrayEquals(qr.support(), gram.support());
        }
    }

    @Test
    void postProcessingIsNeverWorseThanTheInnerSolver() {
        SparseSolver[] inners = {new RandomSupportSolver(), new ThresholdingSolver(), new Omp(), new Htp(),
            new Iht(), new Cosamp()};
        Sea.Options options = Sea.Options.defaults().withMaxIterations(100);
        for (SparseSolver inner : inners) {
            Sea sea = Sea.after(inner, options);
            assertEquals("sea-" + inner.name(), sea.name());
            int improved = 0;
            for (long seed = 1; seed <= 60; seed++) {
                Problem p = Fixtures.problem(Fixtures.gaussianMatrix(20, 40, seed), 3 + (int) (seed % 6), 0.05 * (seed % 3), seed);
                SparseResult before = inner.solve(p);
                SparseResult after = sea.solve(p);
                assertTrue(after.residualNorm() <= before.residualNorm(),
                        inner.name() + " seed " + seed + ": " + after.residualNorm() + " > " + before.residualNorm());
                assertEquals(before.residualNorm(), after.diagnostic("innerResidualNorm"));
                // Without the final comparison with the inner result: SEA's own best iterate is
                // at most round-off worse, because t = 0 refits the inner solver's support.
                SparseResult own = Sea.standalone(options.withRecordTrace(true)).solveFrom(p, before.estimate());
                double yNorm = io.sparserepro.core.linalg.DenseKernels.norm2(p.observations());
                assertTrue(own.residualNorm() <= before.residualNorm() + 1e-12 * yNorm,
                        inner.name() + " seed " + seed + ": own " + own.residualNorm() + " > " + before.residualNorm());
                int nonZeros = (int) java.util.Arrays.stream(before.estimate()).filter(v -> v != 0).count();
                int[] expectedStart = nonZeros == p.sparsity() ? before.support()
                        : java.util.stream.IntStream.range(0, p.cols()).filter(j -> before.estimate()[j] != 0).toArray();
                assertArrayEquals(expectedStart, own.trace().supports().get(0), inner.name() + " seed " + seed);
                if (after.residualNorm() < 0.99 * before.residualNorm()) {
                    improved++;
                }
            }
            if (inner instanceof RandomSupportSolver || inner instanceof ThresholdingSolver) {
                assertTrue(improved > 10, inner.name() + ": SEA should usually improve a weak start, improved " + improved);
            }
        }
    }

    @Test
    void coherentAndRankDeficientSupportsGiveAFullSupportAndFiniteEstimates() {
        // Duplicate columns: a support holding both copies is rank deficient; the dependent
        // copy is deferred (coefficient 0) but stays on the reported support.
        DenseMatrix base = Fixtures.gaussianMatrix(20, 40, 5);
        DenseMatrix duplicated = base.copy();
        System.arraycopy(base.data(), base.columnOffset(0), duplicated.data(), duplicated.columnOffset(1), 20);
        Problem p = Fixtures.problem(duplicated, 3, 0.0, 6);
        double[] start = new double[40];
        start[0] = 1;
        start[1] = 1;
        start[2] = 1;
        SparseResult r = Sea.standalone(Sea.Options.defaults().withStepFactor(0).withMaxIterations(3)).solveFrom(p, start);
        assertArrayEquals(new int[] {0, 1, 2}, r.support());
        // Spike deconvolution with clustered spikes: coefficients may be large, never NaN.
        DenseMatrix conv = io.sparserepro.core.problem.ConvolutionMatrices.gaussianKernel(120, 4.0);
        for (long seed = 1; seed <= 3; seed++) {
            Problem q = Fixtures.problem(conv, 12, 0.01, seed);
            SparseResult s = Sea.standalone(Sea.Options.defaults().withMaxIterations(300)).solve(q);
            assertEquals(12, s.support().length);
            for (double v : s.estimate()) {
                assertTrue(Double.isFinite(v));
            }
            assertTrue(s.residualNorm() <= DenseKernelsNorm.of(q.observations()));
        }
    }

    @Test
    void orthonormalColumnsGiveTheTrueSupportAtTheFirstRead() {
        DenseMatrix q = OrthonormalMatrices.orthonormalColumns(20, 12, 5);
        for (int k = 1; k <= 4; k++) {
            for (long seed = 0; seed < 10; seed++) {
                Problem p = Fixtures.problem(q, k, 0.0, seed);
                SparseResult r = Sea.standalone().solve(p);
                // Aᵀy = x* exactly: the first support read (t = 1) is S*, within k + 1 as the
                // theorem's orthonormal case asks.
                assertEquals(1.0, r.diagnostic("firstIterationContainingTruth"));
                assertArrayEquals(p.trueSupport(), r.support());
            }
        }
    }

    @Test
    void keepCurrentTieBreakKeepsAKeptIndexAgainstAnEqualNewcomer() {
        // The identity keeps every number exact (‖A‖₂ = 1, so η = 1): y = e0 + e1 + e2, k = 2,
        // X⁰ = e1 + e2. The fit on {1, 2} leaves r = e0, so X¹ = (1, 1, 1, 0, 0, 0): a
        // three-way tie. LOWEST_INDEX reads {0, 1}; KEEP_CURRENT keeps {1, 2}.
        DenseMatrix identity = DenseMatrix.identity(6);
        Problem p = Problem.of(identity, new double[] {1, 1, 1, 0, 0, 0}, 2);
        Sea.Options options = Sea.Options.defaults().withRecordTrace(true).withMaxIterations(2)
                .withResidualTolerance(0);
        double[] start = {0, 1, 1, 0, 0, 0};
        SparseResult lowest = Sea.standalone(options).solveFrom(p, start);
        SparseResult keep = Sea.standalone(options.withTieBreak(Sea.TieBreak.KEEP_CURRENT)).solveFrom(p, start);
        assertArrayEquals(new int[] {1, 2}, lowest.trace().supports().get(0));
        assertArrayEquals(new int[] {1, 2}, keep.trace().supports().get(0));
        assertArrayEquals(new int[] {0, 1}, lowest.trace().supports().get(1));
        assertArrayEquals(new int[] {1, 2}, keep.trace().supports().get(1));
    }

    @Test
    void theBudgetPerUnitOfSparsityIsTTimesK() {
        // Noisy, so no round-off stop: the run spends its whole budget.
        Problem p = Fixtures.problem(Fixtures.gaussianMatrix(30, 60, 21), 4, 0.3, 22);
        Sea.Options perSparsity = Sea.Options.defaults().withIterationsPerSparsity(7).withRecordTrace(true);
        assertEquals(0, perSparsity.maxIterations());
        assertEquals(28, perSparsity.iterationBudget(4));
        SparseResult relative = Sea.standalone(perSparsity).solve(p);
        SparseResult absolute = Sea.standalone(Sea.Options.defaults().withMaxIterations(28).withRecordTrace(true)).solve(p);
        assertEquals(28, relative.iterations());
        assertArrayEquals(absolute.trace().residualNorms(), relative.trace().residualNorms());
        assertArrayEquals(absolute.support(), relative.support());
        // Setting one form switches the other off; the budget is capped, never overflows.
        assertEquals(0, Sea.Options.defaults().withIterationsPerSparsity(3).withMaxIterations(5).iterationsPerSparsity());
        assertEquals(Sea.Options.MAX_BUDGET,
                Sea.Options.defaults().withIterationsPerSparsity(Sea.Options.MAX_BUDGET).iterationBudget(1000));
        assertEquals(Sea.DEFAULT_MAX_ITERATIONS, Sea.Options.defaults().iterationBudget(50));
    }

    @Test
    void optionsAreValidated() {
        assertMessage(() -> Sea.Options.defaults().withMaxIterations(0),
                "exactly one of maxIterations and iterationsPerSparsity must be positive (the other 0): "
                        + "maxIterations = 0, iterationsPerSparsity = 0");
        assertMessage(() -> Sea.Options.defaults().withMaxIterations(-1), "maxIterations must be in [0, 100000000]: -1");
        assertMessage(() -> Sea.Options.defaults().withIterationsPerSparsity(-2),
                "iterationsPerSparsity must be in [0, 100000000]: -2");
        assertMessage(() -> new Sea.Options(1.0, 100, 10, 1e-12, 8, true, Sea.TieBreak.LOWEST_INDEX, false),
                "exactly one of maxIterations and iterationsPerSparsity must be positive (the other 0): "
                        + "maxIterations = 100, iterationsPerSparsity = 10");
        assertMessage(() -> Sea.Options.defaults().withResidualTolerance(1), "residualTolerance must be in [0, 1): 1.0");
        assertMessage(() -> Sea.Options.defaults().withStepFactor(-1), "stepFactor");
        assertMessage(() -> Sea.Options.defaults().withSupportCacheSize(-1), "supportCacheSize");
        assertMessage(() -> Sea.after(null), "inner must not be null");
        Problem p = Fixtures.gaussianProblem(10, 20, 2, 1);
        assertMessage(() -> Sea.standalone().solveFrom(p, new double[19]), "start must have length 20");
        double[] bad = new double[20];
        bad[4] = Double.NaN;
        assertMessage(() -> Sea.standalone().solveFrom(p, bad), "start[4] = NaN");
    }
}
