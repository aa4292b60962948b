package io.sparserepro.algorithms.thresholding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.MatrixFreeFixtures;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.implicit.MatrixFree;
import io.sparserepro.core.problem.Problem;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The matrix-free paths against the dense ones on instances where both fit: same supports,
 * estimates equal up to the least-squares solvers' tolerance, and the truth recovered.
 */
class MatrixFreeThresholdingTest {

    private static final long[] SEEDS = {1, 2, 3, 4, 5};

    /**
     * 512 × 128 subsampled DCT, k = 12 (ρ = k/m ≈ 0.09, well inside every solver's recovery
     * region on such operators), noiseless.
     */
    private static Problem instance(long seed) {
        return MatrixFreeFixtures.dctProblem(512, 128, 12, seed);
    }

    private static void assertSamePaths(SparseSolver dense, Function<Problem, SparseResult> implicit) {
        for (long seed : SEEDS) {
            Problem p = instance(seed);
            SparseResult d = dense.solve(MatrixFreeFixtures.densified(p));
            SparseResult i = implicit.apply(p);
            assertArrayEquals(d.support(), i.support(), dense.name() + ", seed " + seed);
            assertArrayEquals(p.trueSupport(), i.support(), dense.name() + " recovers, seed " + seed);
            // Estimates: CGLS stops at a 1e-14 normal-equation residual, cond(A_S) ≈ 2 here,
            // and the dense QR is exact to ~1e-15: 1e-9 leaves ample room.
            assertArrayEquals(d.estimate(), i.estimate(), 1e-9, dense.name() + ", seed " + seed);
            assertEquals(d.converged(), i.converged(), dense.name() + ", seed " + seed);
            assertTrue(i.residualNorm() <= 1e-8, dense.name() + " residual " + i.residualNorm());
        }
    }

    /** The solver's matrix-free path, forced (the instance would take it by size anyway). */
    private static Function<Problem, SparseResult> matrixFree(SparseSolver solver) {
        return p -> MatrixFree.using(MatrixFree.Path.MATRIX_FREE, () -> solver.solve(p));
    }

    @Test
    void ihtMatchesTheDensePath() {
        Iht.Options options = Iht.Options.defaults().withDebias(true);
        assertSamePaths(new Iht(options), matrixFree(new Iht(options)));
    }

    @Test
    void nihtMatchesTheDensePath() {
        NormalizedIht.Options options = NormalizedIht.Options.defaults();
        assertSamePaths(new NormalizedIht(options), matrixFree(new NormalizedIht(options)));
    }

    @Test
    void htpMatchesTheDensePath() {
        Htp.Options options = Htp.Options.defaults();
        assertSamePaths(new Htp(options), matrixFree(new Htp(options)));
        Htp.Options spectral = options.withStepScale(Htp.StepScale.INVERSE_SQUARED_SPECTRAL_NORM);
        assertSamePaths(new Htp(spectral), matrixFree(new Htp(spectral)));
    }

    @Test
    void htpWarmStartMatchesTheDensePath() {
        Problem p = instance(9);
        int[] start = new int[12];
        for (int i = 0; i < 12; i++) {
            start[i] = 3 * i + 1;
        }
        SparseResult d = new Htp().solveFrom(MatrixFreeFixtures.densified(p), start);
        SparseResult i = MatrixFree.using(MatrixFree.Path.MATRIX_FREE, () -> new Htp().solveFrom(p, start));
        assertArrayEquals(d.support(), i.support());
        assertEquals(d.iterations(), i.iterations());
    }

    @Test
    void cosampMatchesTheDensePath() {
        Cosamp.Options options = Cosamp.Options.defaults();
        assertSamePaths(new Cosamp(options), matrixFree(new Cosamp(options)));
    }

    @Test
    void subspacePursuitMatchesTheDensePath() {
        SubspacePursuit.Options options = SubspacePursuit.Options.defaults();
        assertSamePaths(new SubspacePursuit(options), matrixFree(new SubspacePursuit(options)));
    }
}
