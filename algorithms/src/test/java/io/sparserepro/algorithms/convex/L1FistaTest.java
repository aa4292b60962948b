package io.sparserepro.algorithms.convex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.Fixtures;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.SparseSolverContractTest;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.Problem;
import org.junit.jupiter.api.Test;

class L1FistaTest extends SparseSolverContractTest {

    /** Tight stopping for the fixed-λ checks: relative duality gap 1e-13 (see kkt test). */
    private static final L1Fista PRECISE = new L1Fista(L1Fista.Options.defaults()
            .withStageTolerance(1e-13).withMaxStageIterations(200_000));

    @Override
    protected SparseSolver solver() {
        return new L1Fista();
    }

    @Test
    void lassoSolutionSatisfiesTheOptimalityConditions() {
        double[] fractions = {0.05, 0.2, 0.6};
        for (long seed = 1; seed <= 4; seed++) {
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(30, 60, 40 + seed), 6, 0.2, 50 + seed);
            DenseMatrix a = p.operator().toDense();
            double lambdaMax = maxAbs(correlations(a, p.observations(), new double[a.cols()]));
            for (double fraction : fractions) {
                double lambda = fraction * lambdaMax;
                L1Fista.LassoSolution s = PRECISE.lasso(p, lambda);
                assertTrue(s.converged(), "seed " + seed + ", λ/λmax " + fraction);
                double[] c = correlations(a, p.observations(), s.estimate());
                // KKT of the LASSO: Aᵀ(y − Ax) ∈ λ ∂‖x‖₁. The duality gap bounds the objective
                // error, not the KKT residual, so the tolerance is empirical: at a relative gap
                // of 1e-13 the worst violation over these 12 cases is 5e-9·λ (most are ~1e-12·λ);
                // 1e-7·λ leaves a factor 20, and a 1% error in λ's threshold fails by far.
                double tol = 1e-7;
                int support = 0;
                for (int j = 0; j < a.cols(); j++) {
                    double xj = s.estimate()[j];
                    assertTrue(Math.abs(c[j]) <= lambda * (1 + tol),
                            "|A_jᵀ(y − Ax)| > λ at j = " + j + ": " + Math.abs(c[j]) + " vs " + lambda);
                    if (xj != 0) {
                        support++;
                        assertEquals(lambda * Math.signum(xj), c[j], lambda * tol, "support entry " + j);
                    }
                }
                assertTrue(support > 0, "λ < λmax must give a non-zero solution");
                assertEquals(objective(a, p.observations(), s.estimate(), lambda), s.objective(), 1e-12);
            }
        }
    }

    @Test
    void lassoAgreesWithCoordinateDescentOnTinyProblems() {
        double[] fractions = {0.1, 0.3, 0.7};
        for (long seed = 1; seed <= 6; seed++) {
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(6, 10, 300 + seed), 2, 0.1, 400 + seed);
            DenseMatrix a = p.operator().toDense();
            double lambdaMax = maxAbs(correlations(a, p.observations(), new double[a.cols()]));
            for (double fraction : fractions) {
                double lambda = fraction * lambdaMax;
                double[] reference = coordinateDescent(a, p.observations(), lambda);
                double[] fista = PRECISE.lasso(a, p.observations(), lambda).estimate();
                for (int j = 0; j < a.cols(); j++) {
                    // Columns in general position (Gaussian) make the LASSO solution unique
                    // (Tibshirani 2013), so two algorithms must meet; both run to round-off-level
                    // accuracy (measured differences ≤ 1e-10), 1e-6 as the brief asks.
                    assertEquals(reference[j], fista[j], 1e-6,
                            "seed " + seed + ", λ/λmax " + fraction + ", x[" + j + "]");
                }
            }
        }
    }

    @Test
    void fistaMeetsItsRateBoundAndBeatsIsta() {
        L1Fista plain = new L1Fista(L1Fista.Options.defaults().withAdaptiveRestart(false)
                .withStageTolerance(1e-15));
        int[] counts = {1, 2, 5, 10, 20, 50, 100, 200};
        for (long seed = 1; seed <= 3; seed++) {
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(40, 100, 500 + seed), 8, 0.1, 600 + seed);
            DenseMatrix a = p.operator().toDense();
            double[] y = p.observations();
            double lambda = 0.05 * maxAbs(correlations(a, y, new double[a.cols()]));
            double[] optimum = PRECISE.lasso(p, lambda).estimate();
            double best = objective(a, y, optimum, lambda);
            double norm = a.spectralNorm();
            double lipschitz = (1 + L1Fista.LIPSCHITZ_MARGIN) * norm * norm;
            double distanceSquared = 0;
            for (double v : optimum) {
                distanceSquared += v * v; // ‖x₀ − x*‖² with x₀ = 0
            }
            for (int count : counts) {
                L1Fista.LassoSolution s = new L1Fista(plain.options().withMaxStageIterations(count))
                        .lasso(p, lambda);
                int k = s.iterations();
                double excess = objective(a, y, s.estimate(), lambda) - best;
                // Beck & Teboulle 2009, Theorem 4.4: F(x_k) − F* ≤ 2L‖x₀ − x*‖²/(k + 1)²;
                // 1e-12 absorbs the round-off in F* itself.
                assertTrue(excess <= 2 * lipschitz * distanceSquared / ((k + 1.0) * (k + 1.0)) + 1e-12,
                        "seed " + seed + ", k = " + k + ": excess " + excess);
                if (count >= 20) {
                    double ista = objective(a, y, ista(a, y, lambda, lipschitz, count), lambda) - best;
                    assertTrue(excess < ista, "FISTA not below ISTA after " + count + ": " + excess + " vs " + ista);
                }
            }
        }
    }

    @Test
    void withoutStableStagesTheContinuationStopsAtKNonZerosAndTracesEachStage() {
        L1Fista solver = new L1Fista(L1Fista.Options.defaults().withStableStages(0).withRecordTrace(true));
        Problem p = Fixtures.problem(Fixtures.gaussianMatrix(60, 120, 21), 8, 0.05, 22);
        SparseResult result = solver.solve(p);
        assertTrue(result.converged());
        assertTrue(result.diagnostic("lassoNonZeros") >= p.sparsity());
        assertEquals(p.sparsity(), result.support().length);
        assertNotNull(result.trace());
        assertEquals((int) result.diagnostic("stages"), result.trace().length());
        double lambdaMax = maxAbs(correlations(p.operator().toDense(), p.observations(), new double[p.cols()]));
        assertEquals(lambdaMax, result.diagnostic("lambdaMax"), 1e-12 * lambdaMax);
        assertEquals(lambdaMax * Math.pow(0.7, result.diagnostic("stages")), result.diagnostic("finalLambda"),
                1e-9 * lambdaMax);
        // Before the last stage fewer than k entries were non-zero, hence fewer than k traced.
        for (int s = 0; s + 1 < result.trace().length(); s++) {
            assertTrue(result.trace().supports().get(s).length < p.sparsity(), "stage " + s);
        }
        assertNull(new L1Fista().solve(p).trace());
    }

    @Test
    void stableStagesKeepTheSupportFixedOverTheLastStages() {
        Problem p = Fixtures.problem(Fixtures.gaussianMatrix(60, 120, 25), 8, 0.05, 26);
        for (int stable = 1; stable <= 3; stable++) {
            L1Fista solver = new L1Fista(L1Fista.Options.defaults().withStableStages(stable).withRecordTrace(true));
            SparseResult result = solver.solve(p);
            assertTrue(result.converged(), "stable " + stable);
            assertEquals(stable, (int) result.diagnostic("stableStages"));
            int last = result.trace().length() - 1;
            for (int s = last - stable; s < last; s++) {
                assertArrayEquals(result.trace().supports().get(last), result.trace().supports().get(s),
                        "stage " + s + " of " + last);
            }
            assertArrayEquals(result.trace().supports().get(last), result.support());
        }
    }

    @Test
    void recoversWellInsideTheDonohoTannerRegion() {
        // ζ = m/n = 0.5, ρ = k/m = 0.2: basis pursuit recovers such instances with high
        // probability (ℓ1's weak threshold at ζ = 0.5 is ρ ≈ 0.38). Stopping at the first λ with
        // k non-zeros (stableStages = 0) misses most of them; see the class comment.
        L1Fista solver = new L1Fista();
        for (long seed = 1; seed <= 5; seed++) {
            Problem p = Fixtures.gaussianProblem(100, 200, 20, 700 + seed);
            SparseResult result = solver.solve(p);
            assertTrue(result.converged(), "seed " + seed);
            assertArrayEquals(p.trueSupport(), result.support(), "seed " + seed);
        }
    }

    @Test
    void iterationCapsEndTheContinuationWithoutConvergence() {
        Problem p = Fixtures.problem(Fixtures.gaussianMatrix(60, 120, 23), 10, 0.05, 24);
        L1Fista capped = new L1Fista(L1Fista.Options.defaults().withMaxIterations(3));
        SparseResult result = capped.solve(p);
        assertFalse(result.converged());
        assertEquals(3, result.iterations());
        assertTrue(result.support().length <= p.sparsity());
        // The floor: a λ range too narrow to reach k non-zeros ends unconverged as well.
        SparseResult floored = new L1Fista(L1Fista.Options.defaults().withMinLambdaRatio(0.9)).solve(p);
        assertFalse(floored.converged());
        assertEquals(0.9 * floored.diagnostic("lambdaMax"), floored.diagnostic("finalLambda"), 1e-12);
    }

    @Test
    void observationsOrthogonalToTheColumnsGiveZero() {
        DenseMatrix a = Fixtures.gaussianMatrix(8, 12, 31);
        SparseResult result = new L1Fista().solve(a, new double[8], 3);
        assertArrayEquals(new double[12], result.estimate());
        assertEquals(0, result.support().length);
        assertEquals(0, result.iterations());
        assertTrue(result.converged());
        assertEquals(0.0, result.residualNorm());
    }

    @Test
    void badOptionsAndLambdaAreRejectedWithTheArgumentName() {
        L1Fista.Options d = L1Fista.Options.defaults();
        assertMessage(() -> d.withContinuationFactor(1.0), "continuationFactor must be in (0, 1): 1.0");
        assertMessage(() -> d.withContinuationFactor(0.0), "continuationFactor must be in (0, 1): 0.0");
        assertMessage(() -> d.withContinuationFactor(Double.NaN), "continuationFactor must be in (0, 1): NaN");
        assertMessage(() -> d.withStageTolerance(-1e-6), "stageTolerance must be in (0, 1): -1.0E-6");
        assertMessage(() -> d.withMaxStageIterations(0), "maxStageIterations must be positive: 0");
        assertMessage(() -> d.withMaxIterations(-5), "maxIterations must be positive: -5");
        assertMessage(() -> d.withMinLambdaRatio(1.5), "minLambdaRatio must be in (0, 1): 1.5");
        assertMessage(() -> d.withStableStages(-1), "stableStages must be non-negative: -1");
        assertMessage(() -> new L1Fista(null), "options must not be null");

        L1Fista solver = new L1Fista();
        Problem p = Fixtures.gaussianProblem(10, 20, 2, 32);
        assertMessage(() -> solver.lasso(p, 0.0), "lambda must be positive and finite: 0.0");
        assertMessage(() -> solver.lasso(p, Double.POSITIVE_INFINITY), "lambda must be positive and finite: Infinity");
        assertMessage(() -> solver.lasso((Problem) null, 1.0), "problem must not be null");
        assertMessage(() -> solver.lasso(p.operator(), new double[3], 1.0), "observations must have one entry per row");
    }

    // ---- independent references -------------------------------------------------------

    /**
     * Cyclic coordinate descent for the LASSO (Friedman, Hastie, Tibshirani 2007), a different
     * algorithm with the same minimiser: x_j ← soft(x_j + A_jᵀr/‖A_j‖², λ/‖A_j‖²) with the
     * residual r = y − Ax kept up to date, swept until no coordinate moves by more than 1e-15.
     */
    private static double[] coordinateDescent(DenseMatrix a, double[] y, double lambda) {
        int m = a.rows();
        int n = a.cols();
        double[] x = new double[n];
        double[] r = y.clone();
        double[] squaredNorms = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                squaredNorms[j] += a.get(i, j) * a.get(i, j);
            }
        }
        for (int sweep = 0; sweep < 1_000_000; sweep++) {
            double largestMove = 0;
            for (int j = 0; j < n; j++) {
                double correlation = 0;
                for (int i = 0; i < m; i++) {
                    correlation += a.get(i, j) * r[i];
                }
                double u = x[j] + correlation / squaredNorms[j];
                double t = lambda / squaredNorms[j];
                double next = Math.signum(u) * Math.max(Math.abs(u) - t, 0);
                double move = next - x[j];
                if (move != 0) {
                    for (int i = 0; i < m; i++) {
                        r[i] -= move * a.get(i, j);
                    }
                    x[j] = next;
                }
                largestMove = Math.max(largestMove, Math.abs(move));
            }
            if (largestMove <= 1e-15) {
                return x;
            }
        }
        throw new AssertionError("coordinate descent did not converge");
    }

    /** ISTA (proximal gradient without momentum) from 0 with step 1/L, {@code count} steps. */
    private static double[] ista(DenseMatrix a, double[] y, double lambda, double lipschitz, int count) {
        double[] x = new double[a.cols()];
        for (int it = 0; it < count; it++) {
            double[] c = correlations(a, y, x); // −∇f(x) = Aᵀ(y − Ax)
            for (int j = 0; j < x.length; j++) {
                double u = x[j] + c[j] / lipschitz;
                x[j] = Math.signum(u) * Math.max(Math.abs(u) - lambda / lipschitz, 0);
            }
        }
        return x;
    }

    /** Aᵀ(y − Ax) by plain loops. */
    private static double[] correlations(DenseMatrix a, double[] y, double[] x) {
        double[] r = y.clone();
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                r[i] -= a.get(i, j) * x[j];
            }
        }
        double[] c = new double[a.cols()];
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                c[j] += a.get(i, j) * r[i];
            }
        }
        return c;
    }

    /** ½‖Ax − y‖² + λ‖x‖₁ by plain loops. */
    private static double objective(DenseMatrix a, double[] y, double[] x, double lambda) {
        double half = 0;
        for (int i = 0; i < a.rows(); i++) {
            double ri = -y[i];
            for (int j = 0; j < a.cols(); j++) {
                ri += a.get(i, j) * x[j];
            }
            half += 0.5 * ri * ri;
        }
        double l1 = 0;
        for (double v : x) {
            l1 += Math.abs(v);
        }
        return half + lambda * l1;
    }

    private static double maxAbs(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }
}
