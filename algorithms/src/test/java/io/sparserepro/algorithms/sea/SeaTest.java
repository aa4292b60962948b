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
    protected SparseSolver solver() {
        return Sea.standalone();
    }

    private static Sea traced(int iterations) {
        return Sea.standalone(Sea.Options.defaults().withRecordTrace(true).withMaxIterations(iterations)
                .withStopAtRoundOff(false));
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
        SparseResult zero = Sea.standalone(Sea.Options.defaults().withStepFactor(0)).solve(p);
        assertArrayEquals(new double[60], zero.estimate());
        // From a warm start with k non-zeros, a zero step keeps the support: LS on it.
        double[] start = new double[60];
        int[] s = {1, 7, 20, 33, 50};
        for (int j : s) {
            start[j] = 1;
        }
        SparseResult warm = Sea.standalone(Sea.Options.defaults().withStepFactor(0)).solveFrom(p, start);
        assertArrayEquals(s, warm.support());
        assertEquals(1.0, warm.diagnostic("distinctSupports"));
        assertEquals(1.0, warm.diagnostic("leastSquaresSolves"), "a repeated support is not re-solved");
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
    }

    @Test
    void postProcessingIsNeverWorseThanTheInnerSolver() {
        SparseSolver[] inners = {new RandomSupportSolver(), new ThresholdingSolver(), new Omp(), new Htp(),
            new Iht(), new Cosamp()};
        for (SparseSolver inner : inners) {
            Sea sea = Sea.after(inner, Sea.Options.defaults().withMaxIterations(100));
            assertEquals("sea-" + inner.name(), sea.name());
            int improved = 0;
            for (long seed = 1; seed <= 60; seed++) {
                Problem p = Fixtures.problem(Fixtures.gaussianMatrix(20, 40, seed), 3 + (int) (seed % 6), 0.05 * (seed % 3), seed);
                SparseResult before = inner.solve(p);
                SparseResult after = sea.solve(p);
                assertTrue(after.residualNorm() <= before.residualNorm(),
                        inner.name() + " seed " + seed + ": " + after.residualNorm() + " > " + before.residualNorm());
                assertEquals(before.residualNorm(), after.diagnostic("innerResidualNorm"));
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
    void orthonormalColumnsGiveTheTrueSupportAtTheFirstRead() {
        DenseMatrix q = OrthonormalMatrices.orthonormalColumns(20, 12, 5);
        for (int k = 1; k <= 4; k++) {
            for (long seed = 0; seed < 10; seed++) {
                Problem p = Fixtures.problem(q, k, 0.0, seed);
                SparseResult r = Sea.standalone().solve(p);
                assertTrue(r.diagnostic("firstIterationContainingTruth") <= k + 1);
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
                .withStopAtRoundOff(false);
        double[] start = {0, 1, 1, 0, 0, 0};
        SparseResult lowest = Sea.standalone(options).solveFrom(p, start);
        SparseResult keep = Sea.standalone(options.withTieBreak(Sea.TieBreak.KEEP_CURRENT)).solveFrom(p, start);
        assertArrayEquals(new int[] {1, 2}, lowest.trace().supports().get(0));
        assertArrayEquals(new int[] {1, 2}, keep.trace().supports().get(0));
        assertArrayEquals(new int[] {0, 1}, lowest.trace().supports().get(1));
        assertArrayEquals(new int[] {1, 2}, keep.trace().supports().get(1));
    }

    @Test
    void optionsAreValidated() {
        assertMessage(() -> Sea.Options.defaults().withMaxIterations(0), "maxIterations must be in [1, 100000000]: 0");
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
