package io.sparserepro.algorithms.greedy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.Fixtures;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.SparseSolverContractTest;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.Problem;
import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class OmpTest extends SparseSolverContractTest {

    @Override
    protected SparseSolver solver() {
        return new Omp();
    }

    @Test
    void matchesTextbookOmpRefittedFromScratchEachStep() {
        for (int seed = 0; seed < 50; seed++) {
            int m = 20 + seed;
            int n = 2 * m + seed % 7;
            int k = 2 + seed % (m / 4);
            // Noisy instances: the residual never reaches round-off, so all k steps matter.
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(m, n, 1000 + seed), k, 0.2, 2000 + seed);
            DenseMatrix a = p.operator().toDense();
            SparseResult result = new Omp().solve(p);
            NaiveGreedy.Fit reference = NaiveGreedy.omp(a, p.observations(), k);
            int[] expectedSupport = reference.support().clone();
            Arrays.sort(expectedSupport);
            assertArrayEquals(expectedSupport, result.support(), "seed " + seed);
            double[] expected = reference.estimate(n);
            for (int j = 0; j < n; j++) {
                // Two backward-stable QR solvers on supports with cond(A_S) ≲ 10: they agree to
                // ~cond·k·ε·‖x‖ ≈ 1e-13; 1e-9 leaves a wide margin without hiding a wrong fit.
                assertEquals(expected[j], result.estimate()[j], 1e-9, "seed " + seed + ", x[" + j + "]");
            }
            assertEquals(k, result.iterations());
            assertTrue(result.converged());
        }
    }

    @Test
    void residualIsOrthogonalToEverySelectedColumn() {
        for (int seed = 0; seed < 10; seed++) {
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(60, 150, 300 + seed), 12, 0.5, 400 + seed);
            DenseMatrix a = p.operator().toDense();
            SparseResult result = new Omp().solve(p);
            double[] r = p.observations().clone();
            double scale = 0;
            for (double v : r) {
                scale += v * v;
            }
            scale = Math.sqrt(scale);
            for (int j : result.support()) {
                scale += Math.abs(result.estimate()[j]);
                for (int i = 0; i < a.rows(); i++) {
                    r[i] -= a.get(i, j) * result.estimate()[j];
                }
            }
            for (int j : result.support()) {
                double dot = 0;
                for (int i = 0; i < a.rows(); i++) {
                    dot += a.get(i, j) * r[i];
                }
                // Normal equations A_Sᵀ(y − A_S x̂) = 0 hold up to the round-off of forming r and
                // the dot product with unit columns: ~(m + k)·ε·(‖y‖ + ‖x̂‖₁) ≈ 2e-14·scale.
                assertTrue(Math.abs(dot) <= 1e-12 * scale, "seed " + seed + ", |a_" + j + "ᵀr| = " + dot);
            }
        }
    }

    @Test
    void recoversInKStepsWithOrthonormalColumns() {
        // With AᵀA = I, Aᵀy = x*: each step picks the largest remaining |x*_j|, so OMP recovers
        // any k-sparse x* exactly (the RIP condition holds with δ = 0).
        int m = 40;
        int n = 30;
        RealMatrix g = new Array2DRowRealMatrix(Fixtures.gaussianMatrix(m, n, 77).toRows());
        RealMatrix q = new QRDecomposition(g).getQ().getSubMatrix(0, m - 1, 0, n - 1);
        DenseMatrix a = DenseMatrix.fromRows(q.getData());
        for (int seed = 0; seed < 10; seed++) {
            int k = 1 + seed % 10;
            Problem p = Fixtures.problem(a, k, 0.0, 500 + seed);
            SparseResult result = new Omp().solve(p);
            assertArrayEquals(p.trueSupport(), result.support(), "seed " + seed);
            for (int j = 0; j < n; j++) {
                assertEquals(p.truth()[j], result.estimate()[j], 1e-12, "x[" + j + "]");
            }
        }
    }

    @Test
    void stopsAtRoundOffWhenYUsesFewerColumnsThanK() {
        DenseMatrix a = Fixtures.gaussianMatrix(30, 60, 5);
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            y[i] = 2 * a.get(i, 3) - a.get(i, 41);
        }
        SparseResult result = new Omp().solve(a, y, 6);
        assertArrayEquals(new int[] {3, 41}, result.support());
        assertEquals(2, result.iterations());
        assertTrue(result.converged());
        assertEquals(2.0, result.estimate()[3], 1e-12);

        SparseResult zero = new Omp().solve(a, new double[30], 4);
        assertEquals(0, zero.support().length);
        assertEquals(0, zero.iterations());
        assertEquals(0.0, zero.residualNorm());
    }

    @Test
    void stopsWhenTheBestColumnIsDependentOnTheSupport() {
        // rank(A) = 2 < k = 3 and y has a part outside range(A): after two columns every
        // correlation is 0 and the third pick is in span(A_S).
        double s = Math.sqrt(0.5);
        DenseMatrix a = DenseMatrix.fromRows(new double[][] {{1, 0, s}, {0, 1, s}, {0, 0, 0}});
        SparseResult result = new Omp().solve(a, new double[] {1, 2, 3}, 3);
        assertEquals(2, result.support().length);
        assertEquals(2, result.iterations());
        assertTrue(result.converged());
        assertEquals(1.0, result.diagnostic("dependentColumnStop"));
        assertEquals(3.0, result.residualNorm(), 1e-12);
    }

    @Test
    void traceRecordsEveryIterationWhenAsked() {
        Problem p = Fixtures.problem(Fixtures.gaussianMatrix(40, 80, 12), 7, 0.3, 13);
        assertNull(new Omp().solve(p).trace());
        SparseResult result = new Omp(Omp.Options.defaults().withRecordTrace(true)).solve(p);
        assertEquals(7, result.trace().length());
        for (int t = 0; t < 7; t++) {
            assertEquals(t + 1, result.trace().supports().get(t).length);
            if (t > 0) {
                assertTrue(result.trace().residualNorms()[t] <= result.trace().residualNorms()[t - 1]);
            }
        }
        assertEquals(result.residualNorm(), result.trace().residualNorms()[6], 1e-12);
    }

    @Test
    void iterationCapStopsEarlyAndIsNotConvergence() {
        Problem p = Fixtures.problem(Fixtures.gaussianMatrix(40, 80, 14), 7, 0.3, 15);
        SparseResult result = new Omp(Omp.Options.defaults().withMaxIterations(3)).solve(p);
        assertEquals(3, result.support().length);
        assertEquals(3, result.iterations());
        assertTrue(!result.converged());
    }

    @Test
    void badOptionsAreRejectedWithTheArgumentName() {
        Omp.Options d = Omp.Options.defaults();
        assertMessage(() -> d.withResidualTolerance(-1), "residualTolerance must be non-negative and finite: -1.0");
        assertMessage(() -> d.withResidualTolerance(1), "residualTolerance must be in [0, 1): 1.0");
        assertMessage(() -> d.withMaxIterations(0), "maxIterations must be positive: 0");
        assertMessage(() -> d.withRankTolerance(0), "rankTolerance must be positive and finite: 0.0");
        assertMessage(() -> d.withRankTolerance(2), "rankTolerance must be in (0, 1): 2.0");
        assertMessage(() -> new Omp(null), "options must not be null");
    }

    @Test
    void nameIsStable() {
        assertEquals("omp", new Omp().name());
    }
}
