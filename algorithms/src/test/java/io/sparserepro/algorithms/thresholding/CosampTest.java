package io.sparserepro.algorithms.thresholding;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CosampTest extends SparseSolverContractTest {

    @Override
    protected boolean meetsRankDeficiency() {
        return true;
    }

    @Override
    protected SparseSolver solver() {
        return new Cosamp();
    }

    @Test
    void nameAndDefaults() {
        assertEquals("cosamp", new Cosamp().name());
        assertEquals(new Cosamp.Options(100, 1e-12, 1e-12, false, false, false), Cosamp.Options.defaults());
    }

    @Test
    void matchesANaiveReferenceThatRefactorisesEveryIteration() {
        int totalIterations = 0;
        int instances = 0;
        // 50×100 with k = 9 (3k = 27 columns per solve) and 40×80 with k = 16 (3k = 48 > m:
        // the merged support is capped at m = 40).
        int[][] shapes = {{50, 100, 9}, {40, 80, 16}};
        for (int[] shape : shapes) {
            for (long seed = 1; seed <= 8; seed++) {
                Problem p = Fixtures.problem(Fixtures.gaussianMatrix(shape[0], shape[1], 1100 + seed),
                        shape[2], 0.3, 1200 + seed);
                SparseResult r = new Cosamp(Cosamp.Options.defaults().withRecordTrace(true)).solve(p);
                Reference expected = naive(p, 100, 1e-12);
                String label = "shape " + shape[0] + "×" + shape[1] + ", k " + shape[2] + ", seed " + seed;
                assertEquals(expected.supports.size(), r.iterations(), label);
                for (int t = 0; t < expected.supports.size(); t++) {
                    assertArrayEquals(expected.supports.get(t), r.trace().supports().get(t), label + ", iteration " + t);
                }
                // Least squares on ≤ 3k Gaussian columns (cond ≲ 1e2 here) by two QR methods.
                assertArrayEquals(expected.estimate, r.estimate(), 1e-9, label);
                assertEquals(expected.converged, r.converged(), label);
                totalIterations += r.iterations();
                instances++;
            }
        }
        assertTrue(totalIterations > 2 * instances, "instances too easy: " + totalIterations);
    }

    record Reference(List<int[]> supports, double[] estimate, boolean converged) {
    }

    /**
     * Needell & Tropp's CoSaMP with the stopping rule documented on {@link Cosamp} (residual
     * target, or a repeated support with an unchanged residual) and its best-iterate output,
     * from scratch.
     */
    static Reference naive(Problem p, int cap, double tolerance) {
        DenseMatrix a = p.operator().toDense();
        double[] y = p.observations();
        int m = a.rows();
        int n = a.cols();
        int k = p.sparsity();
        double[] x = new double[n];
        int[] support = new int[0];
        double residual = Naive.norm(y);
        double[] best = x;
        double bestResidual = residual;
        List<int[]> supports = new ArrayList<>();
        for (int t = 1; t <= cap; t++) {
            double[] proxy = Naive.applyTransposed(a, Naive.residual(a, y, x));
            int omegaSize = Math.min(Math.min(2 * k, n), m - support.length);
            int[] omega = omegaSize > 0 ? Naive.largestK(proxy, omegaSize) : new int[0];
            int[] merged = Naive.union(omega, support);
            double[] b = Naive.leastSquares(a, y, merged);
            int[] pruned = Naive.largestK(b, merged, k);
            double previous = residual;
            boolean same = java.util.Arrays.equals(pruned, support);
            x = Naive.restrict(b, pruned);
            support = pruned;
            residual = Naive.norm(Naive.residual(a, y, x));
            supports.add(support);
            if (residual < bestResidual) {
                best = x;
                bestResidual = residual;
            }
            if (residual <= tolerance * Naive.norm(y) || (same && Math.abs(residual - previous) <= tolerance * previous)) {
                return new Reference(supports, best, true);
            }
        }
        return new Reference(supports, best, false);
    }

    @Test
    void neverFitsWorseThanZeroOnCoherentMatrices() {
        // Clustered spikes on a wide kernel: the pruned 3k-column fit can keep huge cancelling
        // coefficients (residual ~1e12·‖y‖ before the best-iterate rule).
        DenseMatrix conv = io.sparserepro.core.problem.ConvolutionMatrices.gaussianKernel(200, 6.0);
        for (long seed = 1; seed <= 4; seed++) {
            Problem p = Fixtures.problem(conv, 30, 0.0, seed);
            SparseResult r = new Cosamp().solve(p);
            assertTrue(r.residualNorm() <= Naive.norm(p.observations()), "seed " + seed + ": " + r.residualNorm());
        }
    }

    @Test
    void debiasRefitsTheFinalSupport() {
        Problem p = Fixtures.problem(Fixtures.gaussianMatrix(50, 100, 1301), 9, 0.5, 1302);
        SparseResult r = new Cosamp(Cosamp.Options.defaults().withDebias(true)).solve(p);
        assertArrayEquals(Naive.leastSquares(p.operator().toDense(), p.observations(), r.support()),
                r.estimate(), 1e-10);
        SparseResult plain = new Cosamp().solve(p);
        assertArrayEquals(plain.support(), r.support());
        assertTrue(r.residualNorm() <= plain.residualNorm() + 1e-12, "a refit cannot fit worse");
    }

    @Test
    void thePapersRuleRunsOnAfterARisingResidualAndTheVariantStopsThere() {
        // Near CoSaMP's transition (Gaussian 40×100, k = 12) the residual sometimes rises.
        Cosamp paper = new Cosamp(Cosamp.Options.defaults().withRecordTrace(true));
        Cosamp variant = new Cosamp(Cosamp.Options.defaults().withStopWhenResidualRises(true));
        int checked = 0;
        for (long seed = 1; seed <= 60 && checked < 3; seed++) {
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(40, 100, 1500 + seed), 12, 0.0, 1600 + seed);
            SparseResult r = paper.solve(p);
            double[] residuals = r.trace().residualNorms();
            int firstRise = -1;
            for (int t = 1; t < residuals.length && firstRise < 0; t++) {
                if (residuals[t] > residuals[t - 1]) {
                    firstRise = t;
                }
            }
            if (firstRise < 0) {
                continue;
            }
            checked++;
            // Trace entry t is iterate t + 1: the paper's rule goes on past it, the variant
            // stops at the iteration that produced it.
            assertTrue(r.iterations() > firstRise + 1, "seed " + seed);
            SparseResult stopped = variant.solve(p);
            assertEquals(firstRise + 1, stopped.iterations(), "seed " + seed);
            assertTrue(stopped.converged());
        }
        assertTrue(checked > 0, "the instances must contain a rising residual");
    }

    @Test
    void capIsReportedAsNotConverged() {
        SparseResult r = new Cosamp(Cosamp.Options.defaults().withMaxIterations(1))
                .solve(Fixtures.problem(Fixtures.gaussianMatrix(50, 100, 1401), 9, 0.5, 1402));
        assertEquals(1, r.iterations());
        assertFalse(r.converged());
    }

    @Test
    void badOptionsAreRejectedWithTheArgumentName() {
        Cosamp.Options d = Cosamp.Options.defaults();
        assertMessage(() -> d.withMaxIterations(0), "maxIterations must be positive: 0");
        assertMessage(() -> d.withResidualTolerance(-1e-3), "residualTolerance must be non-negative and finite: -0.001");
        assertMessage(() -> d.withStagnationTolerance(1.0), "stagnationTolerance must be below 1: 1.0");
        assertMessage(() -> new Cosamp(null), "options must not be null");
    }
}
