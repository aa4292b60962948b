package io.sparserepro.algorithms.greedy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.Fixtures;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.SparseSolverContractTest;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.Problem;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExhaustiveLocalSearchTest extends SparseSolverContractTest {

    @Override
    protected SparseSolver solver() {
        return new ExhaustiveLocalSearch();
    }

    @Test
    void bruteForceProvesTheResultIsALocalOptimumAndNoWorseThanOmp() {
        // The solver asks ‖r‖ to fall below (1 − tol)‖r‖, i.e. ‖r‖² by a fraction 1 − (1 − tol)².
        double stagnation = ExhaustiveLocalSearch.Options.defaults().stagnationTolerance();
        double tolerance = 1 - (1 - stagnation) * (1 - stagnation);
        int totalSwaps = 0;
        for (int seed = 0; seed < 60; seed++) {
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(8, 12, 7000 + seed), 3, 0.3, 8000 + seed);
            DenseMatrix a = p.operator().toDense();
            SparseResult result = new ExhaustiveLocalSearch().solve(p);
            assertTrue(result.converged(), "seed " + seed);
            assertEquals(3, result.support().length);
            NaiveGreedy.Fit fit = NaiveGreedy.fit(a, p.observations(), result.support());
            double here = fit.residualSquared();
            for (int[] swap : NaiveGreedy.singleSwaps(result.support(), a.cols())) {
                double there = NaiveGreedy.fit(a, p.observations(), swap).residualSquared();
                // No swap gains more than the stopping tolerance; 1e-12·‖y‖² covers the
                // round-off of two independent QR fits (~ε·‖y‖² each).
                assertTrue(there >= here * (1 - tolerance) - 1e-12 * (1 + dot(p.observations())),
                        "seed " + seed + ": swap " + Arrays.toString(swap) + " gives " + there + " < " + here);
            }
            double[] x = fit.estimate(a.cols());
            for (int j = 0; j < a.cols(); j++) {
                assertEquals(x[j], result.estimate()[j], 1e-10, "seed " + seed + ", x[" + j + "]");
            }
            SparseResult omp = new Omp().solve(p);
            assertTrue(result.residualNorm() <= omp.residualNorm() + 1e-12, "seed " + seed);
            assertEquals(omp.residualNorm(), result.diagnostic("startResidualNorm"), 0.0);
            totalSwaps += result.iterations();
        }
        assertTrue(totalSwaps >= 10, "the instances must exercise swaps: " + totalSwaps);
    }

    @Test
    void takesTheSameSwapsAsABruteForceLocalSearchFromOmp() {
        int totalSwaps = 0;
        for (int seed = 0; seed < 20; seed++) {
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(20, 45, 9000 + seed), 6, 0.4, 9100 + seed);
            DenseMatrix a = p.operator().toDense();
            int[] start = NaiveGreedy.omp(a, p.observations(), p.sparsity()).support();
            NaiveGreedy.SearchRun reference = NaiveGreedy.localSearch(a, p.observations(), start, 1e-10, 1000);
            SparseResult result = new ExhaustiveLocalSearch().solve(p);
            int[] expected = reference.fit().support().clone();
            Arrays.sort(expected);
            assertArrayEquals(expected, result.support(), "seed " + seed);
            assertEquals(reference.swaps(), result.iterations(), "seed " + seed);
            totalSwaps += reference.swaps();
        }
        assertTrue(totalSwaps >= 10, "the instances must exercise swaps: " + totalSwaps);
    }

    @Test
    void incrementalRankingAgreesWithRecomputingItAfterEverySwap() {
        // refreshInterval = 1 rebuilds W, s, M from a fresh QR after each swap; a huge interval
        // relies on the rank-one updates alone (apart from the final check). Same path.
        for (int seed = 0; seed < 10; seed++) {
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(40, 100, 9200 + seed), 12, 0.3, 9300 + seed);
            SparseResult fresh = new ExhaustiveLocalSearch(ExhaustiveLocalSearch.Options.defaults()
                    .withRefreshInterval(1).withRecordTrace(true)).solve(p);
            SparseResult incremental = new ExhaustiveLocalSearch(ExhaustiveLocalSearch.Options.defaults()
                    .withRefreshInterval(1_000_000).withRecordTrace(true)).solve(p);
            assertEquals(fresh.trace().length(), incremental.trace().length(), "seed " + seed);
            for (int t = 0; t < fresh.trace().length(); t++) {
                assertArrayEquals(fresh.trace().supports().get(t), incremental.trace().supports().get(t));
            }
            assertArrayEquals(fresh.estimate(), incremental.estimate(), 1e-12);
            for (int t = 1; t < fresh.trace().length(); t++) {
                assertTrue(fresh.trace().residualNorms()[t] < fresh.trace().residualNorms()[t - 1]);
            }
        }
    }

    @Test
    void theSwapCapIsNotConvergence() {
        // The first of these (deterministic) hard instances on which ELS needs two swaps or more.
        Problem p = null;
        for (int seed = 0; seed < 20 && p == null; seed++) {
            Problem candidate = Fixtures.problem(Fixtures.gaussianMatrix(30, 100, 9400 + seed), 12, 0.1, 9500 + seed);
            if (new ExhaustiveLocalSearch().solve(candidate).iterations() >= 2) {
                p = candidate;
            }
        }
        assertTrue(p != null, "no instance needing two swaps");
        SparseResult capped = new ExhaustiveLocalSearch(ExhaustiveLocalSearch.Options.defaults().withMaxIterations(1)).solve(p);
        assertEquals(1, capped.iterations());
        assertFalse(capped.converged());
        assertTrue(capped.residualNorm() < capped.diagnostic("startResidualNorm"));
    }

    @Test
    void badOptionsAreRejectedWithTheArgumentName() {
        ExhaustiveLocalSearch.Options d = ExhaustiveLocalSearch.Options.defaults();
        assertMessage(() -> d.withStagnationTolerance(-1e-3), "stagnationTolerance must be non-negative and finite: -0.001");
        assertMessage(() -> d.withStagnationTolerance(1), "stagnationTolerance must be in [0, 1): 1.0");
        assertMessage(() -> d.withMaxIterations(0), "maxIterations must be positive: 0");
        assertMessage(() -> d.withRefreshInterval(0), "refreshInterval must be positive: 0");
        assertEquals("els", new ExhaustiveLocalSearch().name());
    }

    private static double dot(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return s;
    }
}
