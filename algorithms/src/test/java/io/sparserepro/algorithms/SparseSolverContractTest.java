package io.sparserepro.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.AmplitudeDistribution;
import io.sparserepro.core.problem.ConvolutionMatrices;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.problem.ProblemGenerators;
import io.sparserepro.core.random.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SparseSolver} runs (in the manner of EJML's generic solver
 * checks): a solver's test class extends this and supplies the solver. Override
 * {@link #easyProblem(long)} if a solver needs an easier regime to recover exactly.
 */
public abstract class SparseSolverContractTest {

    protected abstract SparseSolver solver();

    /**
     * A well-conditioned instance: Gaussian 100×200, k = 5 (ρ = k/m = 0.05, far below the
     * phase-transition curves of the greedy and ℓ1 solvers at ζ = 0.5). Plain IHT with step
     * 1/‖A‖₂² can lock onto a wrong fixed point here and overrides it with an easier regime.
     */
    protected Problem easyProblem(long seed) {
        return Fixtures.gaussianProblem(100, 200, 5, seed);
    }

    @Test
    void recoversEasyInstancesExactly() {
        SparseSolver solver = solver();
        for (long seed = 1; seed <= 10; seed++) {
            Problem p = easyProblem(seed);
            SparseResult result = solver.solve(p);
            assertArrayEquals(p.trueSupport(), result.support(), solver.name() + ", seed " + seed);
            for (int j = 0; j < p.cols(); j++) {
                // Noiseless, well conditioned: the refit is exact up to round-off (cond ≲ 3);
                // iterative solvers stop at their own tolerance, hence 1e-6.
                assertEquals(p.truth()[j], result.estimate()[j], 1e-6, solver.name() + " x[" + j + "]");
            }
        }
    }

    @Test
    void resultIsWellFormed() {
        SparseSolver solver = solver();
        Problem p = Fixtures.problem(Fixtures.gaussianMatrix(40, 90, 5), 8, 0.3, 6);
        SparseResult result = solver.solve(p);
        assertEquals(p.cols(), result.estimate().length);
        assertTrue(result.support().length <= p.sparsity(), "support larger than k");
        for (int i = 1; i < result.support().length; i++) {
            assertTrue(result.support()[i] > result.support()[i - 1], "support not sorted/distinct");
        }
        int nonZeros = 0;
        for (int j = 0; j < p.cols(); j++) {
            if (result.estimate()[j] != 0) {
                nonZeros++;
                assertTrue(java.util.Arrays.binarySearch(result.support(), j) >= 0,
                        "x[" + j + "] is non-zero off the support");
            }
        }
        assertTrue(nonZeros <= p.sparsity());
        assertEquals(SparseResult.residualNorm(p.operator(), p.observations(), result.estimate()),
                result.residualNorm(), 1e-12 * (1 + result.residualNorm()));
        assertTrue(Double.isFinite(result.residualNorm()));
    }

    /**
     * Whether this solver fits by least squares, and so reports
     * {@link FitDiagnostics#RANK_DEFICIENT_FITS}.
     */
    protected boolean fitsByLeastSquares() {
        return true;
    }

    /**
     * Whether this solver meets numerically rank-deficient least-squares fits on
     * {@link #rankDeficientProblems()} (measured: CoSaMP, SP, HTP and SEA₀ do; OMP-like
     * solvers keep dependent columns out instead). Where true, the test requires it to happen,
     * so that the diagnostic is exercised, not just present.
     */
    protected boolean meetsRankDeficiency() {
        return false;
    }

    /**
     * Spike deconvolution with a wide kernel (width 8 samples on 100: neighbouring columns
     * correlate at 0.99) and k = 20 spikes, so clusters of adjacent columns are numerically
     * dependent: least squares on such supports defer columns.
     */
    public static List<Problem> rankDeficientProblems() {
        DenseMatrix a = ConvolutionMatrices.gaussianKernel(100, 8.0);
        List<Problem> problems = new ArrayList<>();
        for (long seed = 0; seed < 6; seed++) {
            problems.add(ProblemGenerators.onMatrix(a, 20, AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO, 0.0,
                    Seeds.rng(seed)));
        }
        return problems;
    }

    /**
     * The answer of a k-sparse solver is its chosen index set: at most k indices, sorted and
     * distinct, the estimate zero off it; an index whose coefficient is 0 (a deferred column
     * of a rank-deficient fit) is kept and counted in {@code zeroCoefficients}, and a solver
     * that fits by least squares reports its rank-deficient fits.
     */
    public static int checkRankDeficientAnswers(SparseSolver solver, boolean fitsByLeastSquares) {
        int deficientRuns = 0;
        int seed = 0;
        for (Problem p : rankDeficientProblems()) {
            String where = solver.name() + ", instance " + seed++;
            SparseResult r = solver.solve(p);
            int[] support = r.support();
            assertTrue(support.length <= p.sparsity(), where + ": " + support.length + " indices for k = " + p.sparsity());
            int zeros = 0;
            for (int i = 0; i < support.length; i++) {
                assertTrue(i == 0 || support[i] > support[i - 1], where + ": support not sorted/distinct");
                if (r.estimate()[support[i]] == 0.0) {
                    zeros++;
                }
            }
            for (int j = 0; j < p.cols(); j++) {
                assertTrue(r.estimate()[j] == 0.0 || java.util.Arrays.binarySearch(support, j) >= 0,
                        where + ": x[" + j + "] is non-zero off the support");
            }
            assertEquals(zeros, r.diagnostic(FitDiagnostics.ZERO_COEFFICIENTS), where + ": zeroCoefficients");
            if (fitsByLeastSquares) {
                double deficient = r.diagnostic(FitDiagnostics.RANK_DEFICIENT_FITS);
                assertTrue(deficient >= 0, where + ": rankDeficientFits = " + deficient);
                // A zero coefficient of a least-squares solver comes from a deferred column.
                assertTrue(zeros == 0 || deficient > 0, where + ": " + zeros + " zero coefficients, no deficient fit");
                if (deficient > 0) {
                    deficientRuns++;
                }
            }
        }
        return deficientRuns;
    }

    @Test
    void rankDeficientFitsKeepEveryChosenIndexAndAreReported() {
        int deficientRuns = checkRankDeficientAnswers(solver(), fitsByLeastSquares());
        if (meetsRankDeficiency()) {
            assertTrue(deficientRuns > 0, "the instances must make " + solver().name() + " meet rank deficiency");
        }
    }

    @Test
    void isDeterministic() {
        SparseSolver solver = solver();
        Problem p = Fixtures.problem(Fixtures.gaussianMatrix(30, 60, 7), 6, 0.1, 8);
        SparseResult first = solver.solve(p);
        SparseResult second = solver.solve(p);
        assertArrayEquals(first.estimate(), second.estimate());
        assertArrayEquals(first.support(), second.support());
        assertEquals(first.iterations(), second.iterations());
    }

    @Test
    void oneSolverObjectGivesTheSameResultsFromManyThreads() throws Exception {
        SparseSolver solver = solver();
        List<Problem> problems = new ArrayList<>();
        for (long seed = 0; seed < 8; seed++) {
            problems.add(Fixtures.problem(Fixtures.gaussianMatrix(40, 80, 100 + seed), 6, 0.05, 200 + seed));
        }
        List<SparseResult> sequential = new ArrayList<>();
        for (Problem p : problems) {
            sequential.add(solver.solve(p));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SparseResult>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Problem p : problems) {
                    futures.add(pool.submit(() -> solver.solve(p)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                SparseResult expected = sequential.get(i % problems.size());
                assertArrayEquals(expected.estimate(), futures.get(i).get().estimate(), "task " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void permutingTheColumnsPermutesTheAnswer() {
        SparseSolver solver = solver();
        Problem p = Fixtures.problem(Fixtures.gaussianMatrix(50, 100, 9), 6, 0.05, 10);
        DenseMatrix a = p.operator().toDense();
        int n = a.cols();
        int[] perm = new int[n];
        for (int j = 0; j < n; j++) {
            perm[j] = (j * 37 + 11) % n; // a bijection since gcd(37, 100) = 1
        }
        DenseMatrix permuted = DenseMatrix.zeros(a.rows(), n);
        for (int j = 0; j < n; j++) {
            System.arraycopy(a.data(), a.columnOffset(perm[j]), permuted.data(), permuted.columnOffset(j), a.rows());
        }
        SparseResult original = solver.solve(p);
        SparseResult onPermuted = solver.solve(permuted, p.observations(), p.sparsity());
        for (int j = 0; j < n; j++) {
            // Same arithmetic in another column order: equal up to summation-order round-off.
            assertEquals(original.estimate()[perm[j]], onPermuted.estimate()[j], 1e-8, "column " + j);
        }
    }

    @Test
    void aGlobalRescalingOfTheProblemChangesNothing() {
        // y = A x* ⇔ (sA) x* = s y: a solver must not depend on the units of A and y.
        SparseSolver solver = solver();
        for (double scale : new double[] {1e-3, 1e3}) {
            for (long seed = 1; seed <= 3; seed++) {
                Problem p = easyProblem(seed);
                DenseMatrix a = p.operator().toDense().copy();
                for (int i = 0; i < a.data().length; i++) {
                    a.data()[i] *= scale;
                }
                double[] y = p.observations().clone();
                for (int i = 0; i < y.length; i++) {
                    y[i] *= scale;
                }
                SparseResult r = solver.solve(new Problem(a, y, p.sparsity(), p.truth(), p.trueSupport()));
                assertArrayEquals(p.trueSupport(), r.support(), solver.name() + " at scale " + scale + ", seed " + seed);
                for (int j = 0; j < p.cols(); j++) {
                    assertEquals(p.truth()[j], r.estimate()[j], 1e-6, solver.name() + " x[" + j + "] at scale " + scale);
                }
            }
        }
    }

    @Test
    void badInputIsRejectedWithTheArgumentName() {
        SparseSolver solver = solver();
        DenseMatrix a = Fixtures.gaussianMatrix(10, 20, 11);
        double[] y = new double[10];
        y[0] = 1;
        assertMessage(() -> solver.solve(null), "problem must not be null");
        assertMessage(() -> solver.solve(null, y, 2), "operator must not be null");
        assertMessage(() -> solver.solve(a, y, 0), "sparsity must be in [1, 10]: 0");
        assertMessage(() -> solver.solve(a, y, 11), "sparsity must be in [1, 10]: 11");
        assertMessage(() -> solver.solve(a, new double[9], 2), "observations must have one entry per row");
        assertMessage(() -> solver.solve(a, null, 2), "observations must not be null");
        double[] nan = y.clone();
        nan[3] = Double.NaN;
        assertMessage(() -> solver.solve(a, nan, 2), "observations[3] = NaN");
        DenseMatrix withInf = a.copy();
        withInf.set(2, 5, Double.POSITIVE_INFINITY);
        assertMessage(() -> solver.solve(withInf, y, 2), "A[2, 5] = Infinity");
        DenseMatrix withZeroColumn = a.copy();
        for (int i = 0; i < 10; i++) {
            withZeroColumn.set(i, 7, 0.0);
        }
        assertMessage(() -> solver.solve(withZeroColumn, y, 2), "all-zero column 7");
    }

    protected static void assertMessage(Runnable action, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage() != null && e.getMessage().contains(fragment),
                "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }
}
