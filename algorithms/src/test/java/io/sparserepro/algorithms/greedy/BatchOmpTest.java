package io.sparserepro.algorithms.greedy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.Fixtures;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.SparseSolverContractTest;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.Problem;
import org.junit.jupiter.api.Test;

class BatchOmpTest extends SparseSolverContractTest {

    @Override
    protected SparseSolver solver() {
        return new BatchOmp();
    }

    @Test
    void selectsTheSameSupportsAsOmpAndAgreesOnTheEstimates() {
        for (int seed = 0; seed < 50; seed++) {
            int m = 20 + seed;
            int n = 2 * m + seed % 5;
            int k = 2 + seed % (m / 4);
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(m, n, 3000 + seed), k, 0.1 * (seed % 3), 4000 + seed);
            SparseResult omp = new Omp().solve(p);
            SparseResult batch = new BatchOmp().solve(p);
            assertArrayEquals(omp.support(), batch.support(), "seed " + seed);
            assertEquals(omp.iterations(), batch.iterations(), "seed " + seed);
            for (int j = 0; j < n; j++) {
                // Cholesky of G_SS errs by ~cond(A_S)²·ε·‖x‖ (cond ≲ 10 for these Gaussian
                // supports: ≲ 1e-13 with ‖x‖ ≲ 10), QR by ~cond·ε·‖x‖: 1e-9 is a loose bound.
                assertEquals(omp.estimate()[j], batch.estimate()[j], 1e-9, "seed " + seed + ", x[" + j + "]");
            }
            assertEquals(omp.residualNorm(), batch.residualNorm(), 1e-9 * (1 + omp.residualNorm()));
        }
    }

    @Test
    void solveAllEqualsOneSolvePerSignal() {
        DenseMatrix a = Fixtures.gaussianMatrix(50, 120, 21);
        BatchOmp solver = new BatchOmp();
        BatchOmp.Prepared prepared = solver.prepare(a);
        double[][] ys = new double[15][];
        for (int s = 0; s < ys.length; s++) {
            ys[s] = Fixtures.problem(a, 3 + s % 6, 0.05 * (s % 2), 600 + s).observations();
        }
        SparseResult[] all = solver.solveAll(prepared, ys, 8);
        assertEquals(ys.length, all.length);
        for (int s = 0; s < ys.length; s++) {
            SparseResult one = solver.solve(prepared, ys[s], 8);
            // Same arithmetic in the same order on a reused workspace: bitwise equal.
            assertArrayEquals(one.estimate(), all[s].estimate(), "signal " + s);
            assertArrayEquals(one.support(), all[s].support(), "signal " + s);
            assertEquals(one.iterations(), all[s].iterations());
            SparseResult fromProblem = solver.solve(a, ys[s], 8);
            assertArrayEquals(one.estimate(), fromProblem.estimate(), "signal " + s);
        }
        assertEquals(0, solver.solveAll(prepared, new double[0][], 3).length);
    }

    @Test
    void traceMatchesOmpTrace() {
        Problem p = Fixtures.problem(Fixtures.gaussianMatrix(40, 90, 22), 9, 0.2, 23);
        SparseResult omp = new Omp(Omp.Options.defaults().withRecordTrace(true)).solve(p);
        SparseResult batch = new BatchOmp(BatchOmp.Options.defaults().withRecordTrace(true)).solve(p);
        assertEquals(omp.trace().length(), batch.trace().length());
        for (int t = 0; t < omp.trace().length(); t++) {
            assertArrayEquals(omp.trace().supports().get(t), batch.trace().supports().get(t));
            assertEquals(omp.trace().residualNorms()[t], batch.trace().residualNorms()[t], 1e-10);
        }
    }

    @Test
    void stopsAtANegligiblePivotWithTheSupportSoFar() {
        // a₂ = (e₁ + 1e-8 e₂)/‖·‖ is picked first; a₁ then has the pivot 1 − (a₁ᵀa₂)² ≈ 1e-16,
        // below 1e-12·G₁₁. Its correlation with the residual, ≈ 1e-11, is above the round-off
        // stop, so only the pivot test can end the run. (OMP's QR would still factorise a₁:
        // its orthogonal part 1e-8 is above the 1e-10 rank tolerance.)
        double d = 1e-8;
        double norm = Math.sqrt(1 + d * d);
        DenseMatrix a = DenseMatrix.fromRows(new double[][] {{1, 1 / norm}, {0, d / norm}});
        SparseResult result = new BatchOmp().solve(a, new double[] {1, 1e-3}, 2);
        assertArrayEquals(new int[] {1}, result.support());
        assertEquals(1.0, result.diagnostic("pivotStop"));
        assertEquals(1, result.iterations());
        assertTrue(result.converged());
        assertEquals(2, new Omp().solve(a, new double[] {1, 1e-3}, 2).support().length);
    }

    @Test
    void stopsAtRoundOffWhenYUsesFewerColumnsThanK() {
        DenseMatrix a = Fixtures.gaussianMatrix(30, 60, 5);
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            y[i] = 2 * a.get(i, 3) - a.get(i, 41);
        }
        SparseResult result = new BatchOmp().solve(a, y, 6);
        assertArrayEquals(new int[] {3, 41}, result.support());
        assertEquals(2, result.iterations());
        assertEquals(0, new BatchOmp().solve(a, new double[30], 3).support().length);
    }

    @Test
    void badInputToThePreparedEntryPointsIsRejected() {
        BatchOmp solver = new BatchOmp();
        DenseMatrix a = Fixtures.gaussianMatrix(10, 20, 31);
        BatchOmp.Prepared prepared = solver.prepare(a);
        assertMessage(() -> solver.prepare(null), "a must not be null");
        DenseMatrix withNaN = a.copy();
        withNaN.set(1, 2, Double.NaN);
        assertMessage(() -> solver.prepare(withNaN), "A[1, 2] = NaN");
        assertMessage(() -> solver.solve((BatchOmp.Prepared) null, new double[10], 2), "prepared must not be null");
        assertMessage(() -> solver.solve(prepared, new double[9], 2), "y must have length 10: 9");
        assertMessage(() -> solver.solve(prepared, null, 2), "y must not be null");
        assertMessage(() -> solver.solve(prepared, new double[10], 0), "k must be in [1, 10]: 0");
        double[] inf = new double[10];
        inf[4] = Double.POSITIVE_INFINITY;
        assertMessage(() -> solver.solveAll(prepared, new double[][] {new double[10], inf}, 2),
                "ys[1] must be finite, but ys[1][4] = Infinity");
        assertMessage(() -> solver.solveAll(prepared, null, 2), "ys must not be null");
        BatchOmp.Options d = BatchOmp.Options.defaults();
        assertMessage(() -> d.withRankTolerance(0), "rankTolerance must be positive and finite: 0.0");
        assertMessage(() -> d.withCorrelationTolerance(1.5), "correlationTolerance must be in [0, 1): 1.5");
        assertMessage(() -> d.withMaxIterations(-2), "maxIterations must be positive: -2");
    }

    @Test
    void preparedExposesCopies() {
        DenseMatrix a = Fixtures.gaussianMatrix(10, 20, 32);
        BatchOmp.Prepared prepared = new BatchOmp().prepare(a);
        assertEquals(a, prepared.matrix());
        assertEquals(1.0, prepared.gram().get(3, 3), 1e-12);
        prepared.matrix().set(0, 0, 99);
        assertEquals(a, prepared.matrix());
        assertEquals("batch-omp", new BatchOmp().name());
    }
}
