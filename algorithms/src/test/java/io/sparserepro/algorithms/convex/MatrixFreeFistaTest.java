package io.sparserepro.algorithms.convex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparserepro.algorithms.MatrixFreeFixtures;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.core.problem.Problem;
import org.junit.jupiter.api.Test;

class MatrixFreeFistaTest {

    @Test
    void fistaMatchesTheDensePathAndRecovers() {
        L1Fista fista = new L1Fista();
        for (long seed = 1; seed <= 3; seed++) {
            Problem p = MatrixFreeFixtures.dctProblem(512, 128, 12, seed);
            SparseResult d = fista.solve(MatrixFreeFixtures.densified(p));
            SparseResult i = fista.solve(p, true);
            assertArrayEquals(d.support(), i.support(), "seed " + seed);
            assertArrayEquals(p.trueSupport(), i.support(), "seed " + seed);
            // the two paths differ only by round-off in the products and ‖A‖₂ (Lanczos vs exact):
            // the same stages and iterations, and refits equal to CGLS's tolerance
            assertEquals(d.iterations(), i.iterations(), "seed " + seed);
            assertArrayEquals(d.estimate(), i.estimate(), 1e-9, "seed " + seed);
        }
    }
}
