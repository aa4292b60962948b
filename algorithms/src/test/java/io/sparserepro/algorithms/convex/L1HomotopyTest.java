package io.sparserepro.algorithms.convex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.Fixtures;
import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.SparseSolverContractTest;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.Problem;
import org.junit.jupiter.api.Test;

class L1HomotopyTest extends SparseSolverContractTest {

    private static final L1Fista PRECISE_FISTA = new L1Fista(L1Fista.Options.defaults()
            .withStageTolerance(1e-13).withMaxStageIterations(200_000));

    @Override
    protected SparseSolver solver() {
        return new L1Homotopy();
    }

    @Test
    void isRegisteredAsTheL1ReferenceBesideFista() {
        assertEquals(L1Homotopy.NAME, SolverRegistry.defaults().create("l1").name());
        assertTrue(SolverRegistry.defaults().create("l1") instanceof L1Homotopy);
        assertTrue(SolverRegistry.defaults().create("l1-fista") instanceof L1Fista);
    }

    @Test
    void pathPointsSatisfyTheLassoOptimalityConditions() {
        double[] fractions = {0.5, 0.1, 0.01, 1e-4, 1e-8};
        for (long seed = 1; seed <= 4; seed++) {
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(40, 90, 40 + seed), 8, 0.2, 50 + seed);
            DenseMatrix a = p.operator().toDense();
            double lambdaMax = maxAbs(correlations(a, p.observations(), new double[a.cols()]));
            for (double fraction : fractions) {
                double lambda = fraction * lambdaMax;
                L1Homotopy.PathPoint point = new L1Homotopy().lasso(p, lambda);
                assertTrue(point.converged());
                assertEquals(lambda, point.lambda(), 0.0);
                double[] c = correlations(a, p.observations(), point.estimate());
                // KKT of the LASSO, c = Aᵀ(y − Ax) ∈ λ∂‖x‖₁, checked on a freshly computed c.
                // The path keeps c by updates c −= γ Aᵀv; each adds round-off ~ε‖A‖·‖v‖, so after
                // the ≤ 200 steps here the drift is ≲ 1e-13·λ₀ (measured worst: 3e-14·λ₀).
                // 1e-10·λ₀ leaves a wide margin and is still 10⁵ times below what a wrong
                // step length (a missed entry or drop) produces, ~ the step size itself.
                double tol = 1e-10 * lambdaMax;
                int support = 0;
                for (int j = 0; j < a.cols(); j++) {
                    double xj = point.estimate()[j];
                    assertTrue(Math.abs(c[j]) <= lambda + tol,
                            "seed " + seed + " λ/λ₀ " + fraction + ": |c_" + j + "| = " + Math.abs(c[j]) + " > λ " + lambda);
                    if (xj != 0) {
                        support++;
                        assertEquals(lambda * Math.signum(xj), c[j], tol, "active entry " + j);
                    }
                }
                assertTrue(support > 0);
            }
        }
    }

    @Test
    void agreesWithFistaOnRandomInstances() {
        double[] fractions = {0.3, 0.05, 0.005};
        for (long seed = 1; seed <= 4; seed++) {
            Problem p = Fixtures.problem(Fixtures.gaussianMatrix(50, 120, 60 + seed), 10, 0.3, 70 + seed);
            DenseMatrix a = p.operator().toDense();
            double lambdaMax = maxAbs(correlations(a, p.observations(), new double[a.cols()]));
            for (double fraction : fractions) {
                double lambda = fraction * lambdaMax;
                double[] homotopy = new L1Homotopy().lasso(p, lambda).estimate();
                L1Fista.LassoSolution fista = PRECISE_FISTA.lasso(p, lambda);
                assertTrue(fista.converged());
                for (int j = 0; j < a.cols(); j++) {
                    // Gaussian columns are in general position, so the LASSO solution is unique
                    // (Tibshirani 2013) and two exact-in-the-limit methods must meet; FISTA stops
                    // at a relative gap of 1e-13 (measured differences ≤ 1e-8), hence 1e-6.
                    assertEquals(fista.estimate()[j], homotopy[j], 1e-6,
                            "seed " + seed + ", λ/λ₀ " + fraction + ", x[" + j + "]");
                }
            }
        }
    }

    @Test
    void aPathThatDropsAnIndexStaysOptimal() {
        // Noiseless 30×60 with k = 10 (ρ = 0.33, near ℓ1's threshold): the path enters wrong
        // indices early and must drop them on the way to λ → 0.
        Problem p = Fixtures.gaussianProblem(30, 60, 10, 81);
        DenseMatrix a = p.operator().toDense();
        double[] y = p.observations();
        SparseResult result = new L1Homotopy().solve(p);
        assertTrue(result.diagnostic("drops") >= 1, "drops: " + result.diagnostic("drops"));
        assertTrue(result.converged());
        // Basis-pursuit optimality by weak duality, independent of how the path got there: from
        // the path point at small λ, w = (y − Ax_λ)/λ satisfies ‖Aᵀw‖∞ ≤ 1, so every x with
        // Ax = y has ‖x‖₁ ≥ wᵀAx = wᵀy. The λ → 0 solution must be feasible and attain it.
        double lambda = 1e-7 * result.diagnostic("lambdaMax");
        double[] xl = new L1Homotopy().lasso(p, lambda).estimate();
        double[] r = residual(a, y, xl);
        double[] w = new double[r.length];
        double dual = 0;
        for (int i = 0; i < r.length; i++) {
            w[i] = r[i] / lambda;
            dual += w[i] * y[i];
        }
        double[] atw = new double[a.cols()];
        a.applyAdjoint(w, atw);
        assertTrue(maxAbs(atw) <= 1 + 1e-8, "dual infeasible: " + maxAbs(atw));
        double[] x0 = new L1Homotopy().lasso(p, 0.0).estimate();
        assertTrue(maxAbs(residual(a, y, x0)) <= 1e-10 * maxAbs(y), "Ax ≠ y");
        double l1 = 0;
        for (double v : x0) {
            l1 += Math.abs(v);
        }
        // Primal − dual: O(λ·‖x‖₁)/λ-level differences plus round-off, 1e-6 relative.
        assertEquals(dual, l1, 1e-6 * l1);
        assertTrue(l1 <= dual * (1 + 1e-6));
    }

    @Test
    void recoversExactlyAtSmallRhoWithoutRefitAndNotAboveTheThreshold() {
        L1Homotopy solver = new L1Homotopy();
        for (long seed = 1; seed <= 5; seed++) {
            // ρ = 0.2 at ζ = 0.5, well below ρ_W ≈ 0.385.
            Problem p = Fixtures.gaussianProblem(100, 200, 20, 700 + seed);
            SparseResult result = solver.solve(p);
            assertTrue(result.converged());
            assertArrayEquals(p.trueSupport(), result.support(), "seed " + seed);
            // Noiseless and exact: x_ℓ1 = x* to round-off of a well-conditioned solve.
            for (int j = 0; j < p.cols(); j++) {
                assertEquals(p.truth()[j], result.estimate()[j], 1e-10);
            }
            assertTrue(result.diagnostic("l1TailNorm") <= 1e-12);
            assertEquals(20.0, result.diagnostic("l1Nonzeros"));
        }
        // ρ = 0.6, far above the threshold: ℓ1 fails, and the diagnostics say so.
        Problem hard = Fixtures.gaussianProblem(100, 200, 60, 777);
        SparseResult result = solver.solve(hard);
        assertTrue(result.diagnostic("l1TailNorm") > 1e-3);
        assertTrue(result.diagnostic("l1Nonzeros") > 60);
        assertEquals(60, result.support().length);
    }

    @Test
    void fiftyPercentPointOfExactRecoveryIsNearTheDonohoTannerWeakThreshold() {
        // ζ = m/n = 0.5 at n = 500 (the paper's n): ρ_W(0.5) ≈ 0.385 (Donoho & Tanner 2009, the
        // weak threshold of the cross-polytope). ρ = k/m from 0.30 (p ≈ 1) to 0.48 (p ≈ 0) in
        // steps of 0.02, 30 instances each; the 50% point of a step-like success curve is
        // estimated as ρ_first − Δ/2 + Δ·Σ p_i (the area under the empirical curve), which uses
        // every trial. Measured: 0.387 with 40 instances per point on 0.26…0.52 (40/40 at 0.30,
        // 0/40 from 0.46 on), 0.3935 at n = 200.
        // Tolerance 0.02: the estimator's binomial standard error is ≈ 0.004 (about five points
        // inside the transition, each with SE ≤ 0.09, times Δ = 0.02), and Donoho–Tanner's
        // finite-N experiments put the 50% point within ~0.01 of the asymptotic curve at
        // N = 500. A greedy method (OMP's 50% point at ζ = 0.5 is near 0.25) or a criterion
        // that cuts x_ℓ1 to k entries and refits would land outside it.
        L1Homotopy solver = new L1Homotopy();
        int m = 250;
        int n = 500;
        int trials = 30;
        double area = 0;
        double firstRho = 0.30;
        for (int i = 0; i <= 9; i++) {
            int k = (int) Math.round((firstRho + 0.02 * i) * m);
            int success = 0;
            for (int t = 0; t < trials; t++) {
                Problem p = Fixtures.gaussianProblem(m, n, k, 10_000L * k + t);
                if (basisPursuitSuccess(p, solver.solve(p))) {
                    success++;
                }
            }
            area += success / (double) trials;
        }
        double rho50 = firstRho - 0.01 + 0.02 * area;
        assertEquals(0.385, rho50, 0.02, "empirical 50% point " + rho50);
    }

    /** x_ℓ1 = x* to 1e-6 relative: the estimate equals x* and nothing was cut off. */
    private static boolean basisPursuitSuccess(Problem p, SparseResult r) {
        double worst = 0;
        for (int j = 0; j < p.cols(); j++) {
            worst = Math.max(worst, Math.abs(r.estimate()[j] - p.truth()[j]));
        }
        return worst <= 1e-6 && r.diagnostic("l1TailNorm") <= 1e-6;
    }

    @Test
    void refitIsALabelledVariantThatRefitsTheKLargest() {
        Problem p = Fixtures.problem(Fixtures.gaussianMatrix(40, 80, 91), 6, 0.2, 92);
        SparseResult plain = new L1Homotopy(L1Homotopy.Options.defaults().withLambdaRatio(0.05)).solve(p);
        L1Homotopy refitSolver = new L1Homotopy(L1Homotopy.Options.defaults().withLambdaRatio(0.05).withRefit(true));
        SparseResult refit = refitSolver.solve(p);
        assertTrue(refitSolver.configuration().contains("refit=true"), refitSolver.configuration());
        assertArrayEquals(plain.support(), refit.support());
        // The refit is the least-squares fit on the support: its residual is orthogonal to it.
        double[] c = correlations(p.operator().toDense(), p.observations(), refit.estimate());
        for (int j : refit.support()) {
            assertEquals(0.0, c[j], 1e-12);
        }
        assertTrue(refit.residualNorm() < plain.residualNorm());
    }

    @Test
    void theStepCapStopsThePathAtAValidPoint() {
        Problem p = Fixtures.gaussianProblem(40, 90, 12, 95);
        SparseResult full = new L1Homotopy().solve(p);
        assertTrue(full.diagnostic("steps") > 5);
        SparseResult capped = new L1Homotopy(L1Homotopy.Options.defaults().withMaxSteps(5)).solve(p);
        assertFalse(capped.converged());
        assertEquals(5, capped.iterations());
        assertTrue(capped.diagnostic("finalLambda") > 0);
        // The path point reached is still a LASSO solution (at its own λ).
        assertTrue(capped.diagnostic("kktViolation") <= 1e-12, "kkt " + capped.diagnostic("kktViolation"));
    }

    @Test
    void observationsOrthogonalToTheColumnsGiveZero() {
        DenseMatrix a = Fixtures.gaussianMatrix(8, 12, 31);
        SparseResult result = new L1Homotopy().solve(a, new double[8], 3);
        assertArrayEquals(new double[12], result.estimate());
        assertEquals(0, result.support().length);
        assertTrue(result.converged());
        assertEquals(0.0, result.diagnostic("l1TailNorm"));
    }

    @Test
    void dependentColumnsAreExcludedNotFactorised() {
        // Column 3 duplicated as column 7: the second copy can never be factorised, and the
        // path must still reach a basis-pursuit solution (y = A x*).
        DenseMatrix base = Fixtures.gaussianMatrix(20, 30, 97);
        DenseMatrix a = base.copy();
        for (int i = 0; i < 20; i++) {
            a.set(i, 7, base.get(i, 3));
        }
        double[] x = new double[30];
        x[3] = 1.5;
        x[11] = -1.2;
        x[20] = 1.1;
        double[] y = new double[20];
        a.apply(x, y);
        SparseResult r = new L1Homotopy().solve(a, y, 3);
        assertTrue(r.converged());
        assertEquals(1.0, r.diagnostic("dependentColumns"));
        assertTrue(r.residualNorm() <= 1e-10, "residual " + r.residualNorm());
        // The ℓ1 norm is split freely between the twin columns; their sum is what is determined.
        assertEquals(1.5, r.estimate()[3] + r.estimate()[7], 1e-10);
    }

    @Test
    void badOptionsAndLambdaAreRejectedWithTheArgumentName() {
        L1Homotopy.Options d = L1Homotopy.Options.defaults();
        assertMessage(() -> d.withLambdaRatio(1.0), "lambdaRatio must be in [0, 1): 1.0");
        assertMessage(() -> d.withLambdaRatio(-0.1), "lambdaRatio must be in [0, 1): -0.1");
        assertMessage(() -> d.withLambdaRatio(Double.NaN), "lambdaRatio must be in [0, 1): NaN");
        assertMessage(() -> d.withMaxSteps(0), "maxSteps must be positive: 0");
        assertMessage(() -> new L1Homotopy(null), "options must not be null");
        L1Homotopy solver = new L1Homotopy();
        Problem p = Fixtures.gaussianProblem(10, 20, 2, 32);
        assertMessage(() -> solver.lasso(p, -1.0), "lambda must be non-negative");
        assertMessage(() -> solver.lasso(p, Double.POSITIVE_INFINITY), "lambda must be non-negative and finite: Infinity");
        assertMessage(() -> solver.lasso((Problem) null, 1.0), "problem must not be null");
        assertMessage(() -> solver.lasso(p.operator(), new double[3], 1.0), "observations must have one entry per row");
    }

    // ---- helpers -------------------------------------------------------------------------

    /** Aᵀ(y − Ax), written into out. */
    private static double[] correlations(DenseMatrix a, double[] y, double[] x) {
        double[] out = new double[a.cols()];
        a.applyAdjoint(residual(a, y, x), out);
        return out;
    }

    private static double[] residual(DenseMatrix a, double[] y, double[] x) {
        double[] r = new double[a.rows()];
        a.apply(x, r);
        for (int i = 0; i < r.length; i++) {
            r[i] = y[i] - r[i];
        }
        return r;
    }

    private static double maxAbs(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }
}
