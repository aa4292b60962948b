package io.sparserepro.algorithms.implicit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.MatrixFreeFixtures;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.convex.L1Fista;
import io.sparserepro.algorithms.convex.L1Homotopy;
import io.sparserepro.algorithms.greedy.BatchOmp;
import io.sparserepro.algorithms.greedy.ExhaustiveLocalSearch;
import io.sparserepro.algorithms.greedy.Ompr;
import io.sparserepro.algorithms.sea.Sea;
import io.sparserepro.algorithms.thresholding.Cosamp;
import io.sparserepro.algorithms.thresholding.Htp;
import io.sparserepro.algorithms.thresholding.Iht;
import io.sparserepro.algorithms.thresholding.NormalizedIht;
import io.sparserepro.algorithms.thresholding.SubspacePursuit;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.linalg.ImplicitOperators;
import io.sparserepro.core.operators.SubsampledDct;
import io.sparserepro.core.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scaled-down target of issue 17: n = 2¹⁶, m = n/8, k = 80, noiseless subsampled DCT,
 * solved through the public {@code solve} (so the size dispatch is exercised), on an operator
 * whose {@code column} throws: a path that densified (4 GB here) or read columns would fail.
 */
class MatrixFreeLargeTest {
    private static final int N = 1 << 16;
    private static final int M = N / 8;
    private static final int K = 80;

    @Test
    void theThresholdingSolversAndSeaZeroRecoverTheSupportAtLargeN() {
        Problem generated = MatrixFreeFixtures.dctProblem(N, M, K, 2026);
        Problem p = new Problem(MatrixFreeFixtures.columnless((SubsampledDct) generated.operator()),
                generated.observations(), K, generated.truth(), generated.trueSupport());
        assertTrue(MatrixFree.applies(p));
        List<SparseSolver> solvers = List.of(new NormalizedIht(), new Htp(), new Cosamp(), new SubspacePursuit(),
                Sea.standalone(), new Iht(), new L1Fista());
        for (SparseSolver solver : solvers) {
            SparseResult result = solver.solve(p);
            assertArrayEquals(p.trueSupport(), result.support(), solver.name());
            // noiseless: the least-squares fit on the true support is exact up to CGLS's tolerance
            assertTrue(result.residualNorm() <= 1e-9 * MatrixFreeFixtures.norm(p.observations()),
                    solver.name() + ": " + result.residualNorm());
        }
    }

    @Test
    void inherentlyDenseSolversRefuseALargeImplicitOperatorNamingItsSize() {
        Problem p = MatrixFreeFixtures.dctProblem(N, M, K, 7);
        for (SparseSolver solver : List.of(new BatchOmp(), new ExhaustiveLocalSearch(), new L1Homotopy(), new Ompr())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> solver.solve(p),
                    solver.name());
            assertTrue(e.getMessage().contains(M + "×" + N) && e.getMessage().contains("niht"),
                    solver.name() + ": " + e.getMessage());
        }
    }

    @Test
    void theDispatchKeepsDenseMatricesAndSmallOperatorsOnTheDensePath() {
        Problem small = MatrixFreeFixtures.dctProblem(512, 128, 5, 1);
        assertFalse(MatrixFree.applies(small));
        DenseMatrix dense = DenseMatrix.zeros(3000, 3000); // 9e6 entries, above the threshold
        assertFalse(MatrixFree.applies(Problem.of(dense, new double[3000], 1)));
        // above the threshold: 4096 × 1025 entries, seen through the interface
        Problem wrapped = Problem.of(ImplicitOperators.of(DenseMatrix.zeros(1025, 4096)), new double[1025], 1);
        assertTrue(MatrixFree.applies(wrapped));
        assertThrows(IllegalArgumentException.class, () -> MatrixFree.applies(null));
        SubsampledDct a = SubsampledDct.sample(N, M, 1);
        assertThrows(IllegalArgumentException.class, () -> MatrixFree.requireDensifiable(null, "x", "y"));
        MatrixFree.requireDensifiable(small, "x", "y"); // small: allowed
        assertThrows(IllegalArgumentException.class,
                () -> MatrixFree.requireDensifiable(Problem.of(a, new double[M], 1), "x", "y"));
    }
}
