package io.sparserepro.algorithms.implicit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.MatrixFreeFixtures;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.convex.L1Fista;
import io.sparserepro.algorithms.greedy.Omp;
import io.sparserepro.algorithms.sea.Sea;
import io.sparserepro.algorithms.thresholding.Cosamp;
import io.sparserepro.algorithms.thresholding.Htp;
import io.sparserepro.algorithms.thresholding.Iht;
import io.sparserepro.algorithms.thresholding.NormalizedIht;
import io.sparserepro.algorithms.thresholding.SubspacePursuit;
import io.sparserepro.core.operators.GaussianConvolution;
import io.sparserepro.core.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every solver with both paths, forced onto each through the public API, gives the same support. */
class MatrixFreeDispatchTest {

    private static final List<SparseSolver> BOTH_PATHS = List.of(new Iht(), new NormalizedIht(), new Htp(),
            new Cosamp(), new SubspacePursuit(), new Omp(), Sea.standalone(), Sea.after(new Htp()), new L1Fista());

    @Test
    void everySolverGivesTheSameSupportOnBothPaths() {
        for (long seed = 21; seed <= 23; seed++) {
            Problem p = MatrixFreeFixtures.dctProblem(1024, 256, 20, seed);
            for (SparseSolver solver : BOTH_PATHS) {
                SparseResult dense = MatrixFree.using(MatrixFree.Path.DENSE, () -> solver.solve(p));
                SparseResult free = MatrixFree.using(MatrixFree.Path.MATRIX_FREE, () -> solver.solve(p));
                assertArrayEquals(dense.support(), free.support(), solver.name() + ", seed " + seed);
                assertTrue(Double.isNaN(dense.diagnostic("cglsIterations")), "the dense path ran: " + solver.name());
                if (!solver.name().equals("niht") && !solver.name().equals("l1-fista")) { // no least squares inside
                    assertFalse(Double.isNaN(free.diagnostic("cglsIterations")), "the matrix-free path ran: "
                            + solver.name());
                }
            }
        }
    }

    @Test
    void theConvolutionOperatorRunsMatrixFreeToo() {
        // Spike deconvolution with well-separated spikes: coherent neighbours, easy support.
        GaussianConvolution a = new GaussianConvolution(400, 3.0);
        double[] truth = new double[400];
        int[] support = {50, 150, 250, 350};
        for (int j : support) {
            truth[j] = 1;
        }
        double[] y = new double[400];
        a.apply(truth, y);
        Problem p = new Problem(a, y, 4, truth, support);
        for (SparseSolver solver : List.of(new Htp(), new SubspacePursuit(), new Omp(), Sea.standalone())) {
            SparseResult dense = MatrixFree.using(MatrixFree.Path.DENSE, () -> solver.solve(p));
            SparseResult free = MatrixFree.using(MatrixFree.Path.MATRIX_FREE, () -> solver.solve(p));
            assertArrayEquals(support, free.support(), solver.name());
            assertArrayEquals(dense.support(), free.support(), solver.name());
        }
    }

    @Test
    void usingRestoresThePreviousSettingAndRejectsNulls() {
        Problem small = MatrixFreeFixtures.dctProblem(64, 16, 2, 1);
        assertFalse(MatrixFree.applies(small));
        MatrixFree.using(MatrixFree.Path.MATRIX_FREE, () -> {
            assertTrue(MatrixFree.applies(small));
            MatrixFree.using(MatrixFree.Path.DENSE, () -> {
                assertFalse(MatrixFree.applies(small));
                return null;
            });
            assertTrue(MatrixFree.applies(small));
            return null;
        });
        assertFalse(MatrixFree.applies(small));
        assertThrows(IllegalArgumentException.class, () -> MatrixFree.using(null, () -> 1));
        assertThrows(IllegalArgumentException.class, () -> MatrixFree.using(MatrixFree.Path.DENSE, null));
        assertEquals(1, MatrixFree.using(MatrixFree.Path.DENSE, () -> 1));
    }
}
