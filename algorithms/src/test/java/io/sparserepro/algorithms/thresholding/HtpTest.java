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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtpTest extends SparseSolverContractTest {

    @Override
    protected boolean meetsRankDeficiency() {
        return true;
    }

    @Override
    protected SparseSolver solver() {
        return new Htp();
    }

    @Test
    void nameAndDefaults() {
        assertEquals("htp", new Htp().name());
        assertEquals(new Htp.Options(500, 0.0, 1.0, Htp.StepScale.UNIT, false), Htp.Options.defaults());
    }

    /** Hard, noisy instances: several iterations, supports that are not the truth. */
    private static Problem hardProblem(long seed) {
        return Fixtures.problem(Fixtures.gaussianMatrix(40, 100, 900 + seed), 9, 0.5, 1000 + seed);
    }

    @Test
    void returnsAFixedPoint() {
        int checked = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Problem p = hardProblem(seed);
            for (Htp.StepScale scale : Htp.StepScale.values()) {
                SparseResult r = new Htp(Htp.Options.defaults().withStepScale(scale)).solve(p);
                if (!r.converged()) {
                    continue; // cycling until the cap: no fixed point to check
                }
                checked++;
                DenseMatrix a = p.operator().toDense();
                double[] y = p.observations();
                // x is the least-squares fit on its support (cond(A_S) ≲ 10 here: 1e-10 is ample).
                assertArrayEquals(Naive.leastSquares(a, y, r.support()), r.estimate(), 1e-10);
                // and thresholding its gradient step gives the same support back.
                double step = r.diagnostic("step");
                double[] g = Naive.applyTransposed(a, Naive.residual(a, y, r.estimate()));
                double[] z = new double[a.cols()];
                for (int j = 0; j < z.length; j++) {
                    z[j] = r.estimate()[j] + step * g[j];
                }
                assertArrayEquals(r.support(), Naive.largestK(z, p.sparsity()), "seed " + seed + " " + scale);
            }
        }
        assertTrue(checked >= 12, "too few converged runs to check: " + checked);
    }

    @Test
    void matchesANaiveReferenceThatRefactorisesEveryIteration() {
        int totalIterations = 0;
        for (long seed = 1; seed <= 10; seed++) {
            Problem p = hardProblem(seed);
            for (Htp.StepScale scale : Htp.StepScale.values()) {
                SparseResult r = new Htp(Htp.Options.defaults().withStepScale(scale).withRecordTrace(true)).solve(p);
                List<int[]> expected = naive(p, r.diagnostic("step"), 500);
                assertEquals(expected.size(), r.iterations(), "seed " + seed + " " + scale);
                for (int t = 0; t < expected.size(); t++) {
                    assertArrayEquals(expected.get(t), r.trace().supports().get(t), "seed " + seed + ", iteration " + t);
                }
                int[] last = expected.get(expected.size() - 1);
                assertArrayEquals(Naive.leastSquares(p.operator().toDense(), p.observations(), last),
                        r.estimate(), 1e-10);
                totalIterations += r.iterations();
            }
        }
        assertTrue(totalIterations > 60, "instances too easy to exercise support changes: " + totalIterations);
    }

    /** Foucart's HTP from scratch; returns the support after every iteration. */
    private static List<int[]> naive(Problem p, double step, int cap) {
        DenseMatrix a = p.operator().toDense();
        double[] y = p.observations();
        double[] x = new double[a.cols()];
        int[] previous = null;
        List<int[]> supports = new ArrayList<>();
        for (int t = 0; t < cap; t++) {
            double[] g = Naive.applyTransposed(a, Naive.residual(a, y, x));
            double[] z = new double[x.length];
            for (int j = 0; j < z.length; j++) {
                z[j] = x[j] + step * g[j];
            }
            int[] support = Naive.largestK(z, p.sparsity());
            supports.add(support);
            if (Arrays.equals(support, previous)) {
                break;
            }
            x = Naive.leastSquares(a, y, support);
            previous = support;
        }
        return supports;
    }

    @Test
    void spectralStepScaleUsesTheIhtStep() {
        Problem p = Fixtures.gaussianProblem(50, 100, 4, 3);
        double htpStep = new Htp(Htp.Options.defaults().withStepScale(Htp.StepScale.INVERSE_SQUARED_SPECTRAL_NORM)
                .withStepFactor(0.5)).solve(p).diagnostic("step");
        assertEquals(0.5 * new Iht().solve(p).diagnostic("step"), htpStep, 1e-15);
        assertEquals(1.0, new Htp().solve(p).diagnostic("step"));
    }

    @Test
    void residualToleranceStopsEarly() {
        Problem p = Fixtures.gaussianProblem(100, 200, 5, 1);
        SparseResult plain = new Htp().solve(p);
        SparseResult early = new Htp(Htp.Options.defaults().withResidualTolerance(1e-10)).solve(p);
        assertTrue(early.converged());
        assertEquals(plain.iterations() - 1, early.iterations(), "the repeat-detecting iteration is saved");
        assertArrayEquals(plain.estimate(), early.estimate(), 0.0);
    }

    @Test
    void capIsReportedAsNotConverged() {
        SparseResult r = new Htp(Htp.Options.defaults().withMaxIterations(1)).solve(hardProblem(1));
        assertEquals(1, r.iterations());
        assertFalse(r.converged());
    }

    @Test
    void badOptionsAreRejectedWithTheArgumentName() {
        Htp.Options d = Htp.Options.defaults();
        assertMessage(() -> d.withMaxIterations(0), "maxIterations must be positive: 0");
        assertMessage(() -> d.withResidualTolerance(-0.5), "residualTolerance must be non-negative and finite: -0.5");
        assertMessage(() -> d.withResidualTolerance(1), "residualTolerance must be below 1: 1.0");
        assertMessage(() -> d.withStepFactor(-1), "stepFactor must be positive and finite: -1.0");
        assertMessage(() -> d.withStepScale(null), "stepScale must not be null");
        assertMessage(() -> new Htp(null), "options must not be null");
    }
}
