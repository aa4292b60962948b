package io.sparserepro.algorithms.greedy;

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
import io.sparserepro.core.select.LargestK;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OmprTest extends SparseSolverContractTest {

    @Override
    protected SparseSolver solver() {
        return new Ompr();
    }

    /** Hard enough (ρ = k/m = 0.4, noisy) that OMP's support is often wrong and replaced. */
    private static Problem hardProblem(int seed) {
        return Fixtures.problem(Fixtures.gaussianMatrix(30, 100, 5000 + seed), 12, 0.1, 6000 + seed);
    }

    private static void assertMatchesReference(Ompr.Options options, boolean refit, boolean fromCorrelations,
                                               int minimumReplacements) {
        int totalReplacements = 0;
        for (int seed = 0; seed < 30; seed++) {
            Problem p = hardProblem(seed);
            DenseMatrix a = p.operator().toDense();
            int[] start = new int[0];
            if (fromCorrelations) {
                start = LargestK.of(NaiveGreedy.correlations(a, p.observations()), p.sparsity());
            }
            NaiveGreedy.OmprRun reference = NaiveGreedy.ompr(a, p.observations(), p.sparsity(), start,
                    refit, options.stepFactor(), options.maxIterations());
            SparseResult result = new Ompr(options).solve(p);
            int[] expected = reference.fit().support().clone();
            Arrays.sort(expected);
            String where = options.replacement() + "/" + options.start() + ", seed " + seed;
            assertArrayEquals(expected, result.support(), where);
            assertEquals(reference.updates(), result.iterations(), where);
            assertEquals(reference.fixedPoint(), result.converged(), where);
            double[] x = reference.fit().estimate(p.cols());
            for (int j = 0; j < p.cols(); j++) {
                // Two backward-stable QR fits (cond(A_S) ≲ 30 at 40×12): agreement to ~1e-13.
                assertEquals(x[j], result.estimate()[j], 1e-9, where + ", x[" + j + "]");
            }
            totalReplacements += (int) result.diagnostic("replacements");
        }
        assertTrue(totalReplacements >= minimumReplacements, "the instances must exercise replacements: " + totalReplacements);
    }

    @Test
    void matchesTheTextbookAlgorithmFromAnEmptyStart() {
        // With η = 1 a replacement needs |a_jᵀr| > min_i |x_i|, rare after OMP when every
        // |x*_i| ≥ 1: a few replacements over the 30 instances is all there is to exercise.
        assertMatchesReference(Ompr.Options.defaults(), false, false, 1);
    }

    @Test
    void matchesTheTextbookAlgorithmWithALongStep() {
        // η = 2 replaces often and, far from the RIP regime, cycles: several runs end at the
        // cap of 100, which the reference must reproduce too (converged = false).
        assertMatchesReference(Ompr.Options.defaults().withStepFactor(2).withMaxIterations(100), false, false, 10);
    }

    @Test
    void matchesTheTextbookAlgorithmWithAnotherStepAndStart() {
        assertMatchesReference(Ompr.Options.defaults().withStepFactor(0.7)
                .withStart(Ompr.Start.LARGEST_CORRELATIONS), false, true, 10);
    }

    @Test
    void matchesTheReferenceForTheRefitVariant() {
        assertMatchesReference(Ompr.Options.defaults().withReplacement(Ompr.Replacement.REFIT_AND_DROP), true, false, 10);
    }

    @Test
    void theRefitVariantStopsBeforeASwapThatWouldRaiseTheResidual() {
        Ompr refit = new Ompr(Ompr.Options.defaults().withReplacement(Ompr.Replacement.REFIT_AND_DROP)
                .withRecordTrace(true));
        int risingStops = 0;
        for (int seed = 0; seed < 60; seed++) {
            Problem p = hardProblem(200 + seed);
            SparseResult result = refit.solve(p);
            double[] residuals = result.trace().residualNorms();
            for (int t = p.sparsity(); t < residuals.length; t++) {
                assertTrue(residuals[t] < residuals[t - 1], "seed " + seed + ": swap " + t + " did not descend");
            }
            if (result.diagnostic("risingSwapStop") == 1.0) {
                risingStops++;
                assertTrue(result.converged());
                // The swap it refused, recomputed independently: refit on S ∪ {j}, drop the
                // smallest |coefficient|, refit; it must not lower the residual.
                DenseMatrix a = p.operator().toDense();
                NaiveGreedy.Fit fit = NaiveGreedy.fit(a, p.observations(), result.support());
                int j = NaiveGreedy.argmaxOff(NaiveGreedy.correlations(a, fit.residual()), fit.support());
                int[] joined = NaiveGreedy.append(fit.support(), j);
                int drop = NaiveGreedy.rankedLast(joined, NaiveGreedy.fit(a, p.observations(), joined).coefficients());
                assertTrue(drop != joined.length - 1, "seed " + seed + ": the incoming column would be dropped");
                double after = NaiveGreedy.fit(a, p.observations(), NaiveGreedy.without(joined, drop)).residualSquared();
                // Two QR fits agree to ~1e-13 relative (cond ≲ 30): the refused swap is no descent.
                assertTrue(after >= fit.residualSquared() * (1 - 1e-9), "seed " + seed);
            }
        }
        assertTrue(risingStops > 0, "the instances must contain a swap that raises the residual");
    }

    @Test
    void thePapersRuleTakesASwapThatRaisesTheResidual() {
        // Far from the RIP regime (ρ = 0.4, noisy) H_k may raise ‖r‖: the paper has no test.
        int rises = 0;
        for (int seed = 0; seed < 30 && rises == 0; seed++) {
            Problem p = hardProblem(300 + seed);
            SparseResult result = new Ompr(Ompr.Options.defaults().withStepFactor(2).withMaxIterations(100)
                    .withRecordTrace(true)).solve(p);
            double[] residuals = result.trace().residualNorms();
            for (int t = p.sparsity(); t < residuals.length; t++) {
                if (residuals[t] > residuals[t - 1] * (1 + 1e-9)) {
                    rises++;
                }
            }
            assertEquals(0.0, result.diagnostic("risingSwapStop"));
        }
        assertTrue(rises > 0, "some swap of the paper's rule must raise the residual on these instances");
    }

    @Test
    void finalSupportIsAFixedPointOfOneMoreReplacementStep() {
        for (int seed = 0; seed < 15; seed++) {
            Problem p = hardProblem(100 + seed);
            DenseMatrix a = p.operator().toDense();
            SparseResult result = new Ompr().solve(p);
            assertTrue(result.converged());
            // One more iteration of the paper's rule, computed independently, keeps the support:
            // the best outside correlation does not beat the smallest |x_i| on the support.
            NaiveGreedy.Fit fit = NaiveGreedy.fit(a, p.observations(), result.support());
            double[] c = NaiveGreedy.correlations(a, fit.residual());
            int j = NaiveGreedy.argmaxOff(c, fit.support());
            double smallest = Double.POSITIVE_INFINITY;
            for (double v : fit.coefficients()) {
                smallest = Math.min(smallest, Math.abs(v));
            }
            assertTrue(Math.abs(c[j]) <= smallest, "seed " + seed + ": |c_j| = " + Math.abs(c[j]) + " > " + smallest);
        }
    }

    @Test
    void growthPhaseIsOmp() {
        Problem p = hardProblem(7);
        SparseResult omp = new Omp(Omp.Options.defaults().withRecordTrace(true)).solve(p);
        SparseResult ompr = new Ompr(Ompr.Options.defaults().withRecordTrace(true)).solve(p);
        for (int t = 0; t < p.sparsity(); t++) {
            assertArrayEquals(omp.trace().supports().get(t), ompr.trace().supports().get(t), "step " + t);
        }
        assertEquals(ompr.iterations(), ompr.trace().length());
        assertEquals(ompr.residualNorm(), ompr.trace().residualNorms()[ompr.trace().length() - 1], 1e-12);
    }

    @Test
    void theIterationCapIsNotConvergence() {
        Problem p = hardProblem(3);
        SparseResult result = new Ompr(Ompr.Options.defaults().withMaxIterations(5)).solve(p);
        assertEquals(5, result.iterations());
        assertFalse(result.converged());
        assertEquals(5, result.support().length);
    }

    @Test
    void badOptionsAreRejectedWithTheArgumentName() {
        Ompr.Options d = Ompr.Options.defaults();
        assertMessage(() -> d.withStepFactor(0), "stepFactor must be positive and finite: 0.0");
        assertMessage(() -> d.withStepFactor(Double.NaN), "stepFactor must be positive and finite: NaN");
        assertMessage(() -> d.withMaxIterations(0), "maxIterations must be positive: 0");
        assertMessage(() -> d.withReplacement(null), "replacement must not be null");
        assertMessage(() -> d.withStart(null), "start must not be null");
        assertMessage(() -> d.withResidualTolerance(-0.5), "residualTolerance must be non-negative and finite: -0.5");
        assertEquals("ompr", new Ompr().name());
    }
}
