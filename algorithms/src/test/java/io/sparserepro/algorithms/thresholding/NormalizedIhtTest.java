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
import org.junit.jupiter.api.Test;

class NormalizedIhtTest extends SparseSolverContractTest {

    @Override
    protected boolean fitsByLeastSquares() {
        return false; // NIHT never solves a least-squares problem
    }

    @Override
    protected SparseSolver solver() {
        return new NormalizedIht();
    }

    @Test
    void nameAndDefaults() {
        NormalizedIht.Options d = NormalizedIht.Options.defaults();
        assertEquals("niht", new NormalizedIht().name());
        assertEquals(new NormalizedIht.Options(10_000, 1e-12, 0.01, 2.0, false), d);
        assertEquals(0.1, d.withSafeguardMargin(0.1).safeguardMargin());
    }

    @Test
    void objectiveIsNonIncreasing() {
        // The safeguard guarantees descent (Blumensath & Davies 2010); hard and noisy regimes
        // included so that supports change and the step reduction is exercised.
        long reductions = 0;
        for (long seed = 1; seed <= 16; seed++) {
            int m = 20 + (int) (seed * 11 % 40);
            DenseMatrix a = Fixtures.gaussianMatrix(m, 2 * m + 7, 500 + seed);
            int k = 1 + (int) (seed * 3 % (m / 3));
            Problem p = Fixtures.problem(a, k, seed % 2 == 0 ? 0.0 : 0.4, 600 + seed);
            SparseResult r = new NormalizedIht(NormalizedIht.Options.defaults()
                    .withMaxIterations(300).withRecordTrace(true)).solve(p);
            IhtTest.assertNonIncreasing(Naive.norm(p.observations()), r.trace().residualNorms(), "seed " + seed);
            reductions += (long) r.diagnostic("stepReductions");
        }
        assertTrue(reductions > 0, "the step-reduction branch was never exercised");
    }

    @Test
    void iteratesMatchANaiveReference() {
        for (long seed = 1; seed <= 3; seed++) {
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(30, 70, 700 + seed), 8, 0.3, 800 + seed);
            DenseMatrix a = p.operator().toDense();
            int k = p.sparsity();
            double[] y = p.observations();
            double[] x = new double[a.cols()];
            int[] gamma = Naive.largestK(Naive.applyTransposed(a, y), k);
            for (int t = 1; t <= 30; t++) {
                double[] g = Naive.applyTransposed(a, Naive.residual(a, y, x));
                double[] gGamma = Naive.restrict(g, gamma);
                double mu = sq(Naive.norm(gGamma)) / sq(Naive.norm(Naive.apply(a, gGamma)));
                double[] next = step(x, mu, g, k);
                int[] nextSupport = Naive.largestK(next, k);
                if (!java.util.Arrays.equals(nextSupport, gamma)) {
                    while (true) {
                        double[] d = new double[x.length];
                        for (int j = 0; j < d.length; j++) {
                            d[j] = next[j] - x[j];
                        }
                        double omega = 0.99 * sq(Naive.norm(d)) / sq(Naive.norm(Naive.apply(a, d)));
                        if (mu <= omega) {
                            break;
                        }
                        mu /= 2 * 0.99;
                        next = step(x, mu, g, k);
                    }
                    nextSupport = Naive.largestK(next, k);
                }
                x = next;
                gamma = nextSupport;
                if (t % 10 == 1) {
                    SparseResult r = new NormalizedIht(NormalizedIht.Options.defaults()
                            .withMaxIterations(t).withIterateTolerance(0)).solve(p);
                    assertEquals(t, r.iterations());
                    assertArrayEquals(gamma, r.support(), "seed " + seed + ", iteration " + t);
                    assertArrayEquals(x, r.estimate(), 1e-9, "seed " + seed + ", iteration " + t);
                }
            }
        }
    }

    private static double sq(double v) {
        return v * v;
    }

    private static double[] step(double[] x, double mu, double[] g, int k) {
        double[] z = new double[x.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = x[j] + mu * g[j];
        }
        return Naive.restrict(z, Naive.largestK(z, k));
    }

    @Test
    void capIsReportedAsNotConverged() {
        SparseResult r = new NormalizedIht(NormalizedIht.Options.defaults().withMaxIterations(2))
                .solve(Fixtures.gaussianProblem(60, 120, 6, 5));
        assertEquals(2, r.iterations());
        assertFalse(r.converged());
    }

    @Test
    void badOptionsAreRejectedWithTheArgumentName() {
        NormalizedIht.Options d = NormalizedIht.Options.defaults();
        assertMessage(() -> d.withMaxIterations(-3), "maxIterations must be positive: -3");
        assertMessage(() -> d.withIterateTolerance(Double.POSITIVE_INFINITY), "iterateTolerance must be non-negative and finite");
        assertMessage(() -> d.withSafeguardMargin(1.0), "safeguardMargin must be in (0, 1): 1.0");
        assertMessage(() -> d.withSafeguardMargin(0.0), "safeguardMargin must be in (0, 1): 0.0");
        assertMessage(() -> d.withStepReduction(1.01),
                "stepReduction must be finite and greater than 1/(1 − safeguardMargin) = 1.0101");
        assertMessage(() -> new NormalizedIht(null), "options must not be null");
    }
}
