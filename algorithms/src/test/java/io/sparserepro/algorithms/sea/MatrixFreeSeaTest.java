package io.sparserepro.algorithms.sea;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.MatrixFreeFixtures;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.greedy.Omp;
import io.sparserepro.core.problem.Problem;
import org.junit.jupiter.api.Test;

class MatrixFreeSeaTest {

    private static void assertSame(SparseResult d, SparseResult i, Problem p, String what) {
        assertArrayEquals(d.support(), i.support(), what);
        assertArrayEquals(p.trueSupport(), i.support(), what);
        assertEquals(d.converged(), i.converged(), what);
        assertEquals(d.iterations(), i.iterations(), what);
        assertEquals(d.diagnostic("distinctSupports"), i.diagnostic("distinctSupports"), what);
        // CGLS to a 1e-14 normal-equation residual vs exact QR/Cholesky, cond(A_S) ≈ 2
        assertArrayEquals(d.estimate(), i.estimate(), 1e-9, what);
    }

    @Test
    void seaZeroMatchesTheDensePath() {
        double explored = 0;
        for (long seed = 1; seed <= 5; seed++) {
            // k = 20 of m = 128 makes SEA explore a few supports before it lands on the truth
            Problem p = MatrixFreeFixtures.dctProblem(512, 128, 20, seed);
            SparseResult d = Sea.standalone().solve(MatrixFreeFixtures.densified(p));
            SparseResult i = SeaImplicit.solve(Sea.Options.defaults(), null, p);
            assertSame(d, i, p, "seed " + seed);
            assertTrue(i.diagnostic("cglsIterations") > 0);
            explored = Math.max(explored, i.diagnostic("distinctSupports"));
        }
        assertTrue(explored > 1, "the instances make SEA explore: " + explored);
    }

    @Test
    void seaAfterOmpAndFromAStartMatchTheDensePath() {
        Problem p = MatrixFreeFixtures.dctProblem(512, 128, 20, 11);
        Sea after = Sea.after(new Omp());
        SparseResult d = after.solve(MatrixFreeFixtures.densified(p));
        SparseResult i = SeaImplicit.solve(after.options(), new Omp(), p);
        assertSame(d, i, p, "after omp");
        double[] start = new double[512];
        start[3] = 1;
        start[100] = -2;
        SparseResult ds = Sea.standalone().solveFrom(MatrixFreeFixtures.densified(p), start);
        SparseResult is = SeaImplicit.solveFrom(Sea.Options.defaults(), p, start);
        assertSame(ds, is, p, "from a start");
    }

    @Test
    void keepCurrentTieBreakMatchesToo() {
        Sea.Options options = Sea.Options.defaults().withTieBreak(Sea.TieBreak.KEEP_CURRENT).withRecordTrace(true);
        Problem p = MatrixFreeFixtures.dctProblem(512, 128, 20, 3);
        SparseResult d = Sea.standalone(options).solve(MatrixFreeFixtures.densified(p));
        SparseResult i = SeaImplicit.solve(options, null, p);
        assertSame(d, i, p, "keep current");
        assertEquals(d.trace().length(), i.trace().length());
    }
}
