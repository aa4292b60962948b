package io.sparserepro.algorithms.greedy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparserepro.algorithms.MatrixFreeFixtures;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.core.operators.SubsampledDct;
import io.sparserepro.core.problem.Problem;
import org.junit.jupiter.api.Test;

class MatrixFreeOmpTest {

    @Test
    void ompMatchesTheDensePathAndRecovers() {
        int recovered = 0;
        for (long seed = 1; seed <= 5; seed++) {
            Problem p = MatrixFreeFixtures.dctProblem(512, 128, 12, seed);
            SparseResult d = new Omp().solve(MatrixFreeFixtures.densified(p));
            SparseResult i = OmpImplicit.solve(Omp.Options.defaults(), p);
            assertArrayEquals(d.support(), i.support(), "seed " + seed);
            // OMP is the weakest solver here: seed 5 fails on both paths (a wrong 4th column)
            recovered += java.util.Arrays.equals(p.trueSupport(), i.support()) ? 1 : 0;
            // CGLS to a 1e-14 normal-equation residual on cond(A_S) ≈ 2 vs exact QR
            assertArrayEquals(d.estimate(), i.estimate(), 1e-9, "seed " + seed);
            assertEquals(d.iterations(), i.iterations());
        }
        assertEquals(4, recovered);
    }

    @Test
    void aDependentColumnStopsTheMatrixFreePathToo() {
        // All 8 rows of an 8-point DCT, k = 8 on a signal with 3 non-zeros: after 3 columns the
        // residual is round-off, stopped by the residual tolerance on both paths.
        SubsampledDct a = SubsampledDct.sample(8, 8, 1);
        Problem p = MatrixFreeFixtures.problem(a, 3, 4);
        Problem wide = new Problem(a, p.observations(), 8, null, null);
        SparseResult d = new Omp().solve(MatrixFreeFixtures.densified(wide));
        SparseResult i = OmpImplicit.solve(Omp.Options.defaults(), wide);
        assertArrayEquals(d.support(), i.support());
        assertArrayEquals(p.trueSupport(), i.support());
    }
}
