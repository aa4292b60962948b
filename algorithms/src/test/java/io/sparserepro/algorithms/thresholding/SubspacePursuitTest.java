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

class SubspacePursuitTest extends SparseSolverContractTest {

    @Override
    protected boolean meetsRankDeficiency() {
        return true;
    }

    @Override
    protected SparseSolver solver() {
        return new SubspacePursuit();
    }

    @Test
    void nameAndDefaults() {
        assertEquals("sp", new SubspacePursuit().name());
        assertEquals(new SubspacePursuit.Options(500, 1e-12, 1e-12, false), SubspacePursuit.Options.defaults());
    }

    private static Problem hardProblem(int[] shape, long seed) {
        return Fixtures.problem(Fixtures.gaussianMatrix(shape[0], shape[1], 1500 + seed), shape[2], 0.3, 1600 + seed);
    }

    // 50×100 with k = 12; 30×60 with k = 18 (2k = 36 > m: merged support capped at m = 30).
    private static final int[][] SHAPES = {{50, 100, 12}, {30, 60, 18}};

    @Test
    void matchesANaiveReferenceThatRefactorisesEveryIteration() {
        int totalIterations = 0;
        int instances = 0;
        for (int[] shape : SHAPES) {
            for (long seed = 1; seed <= 8; seed++) {
                Problem p = hardProblem(shape, seed);
                SparseResult r = new SubspacePursuit(SubspacePursuit.Options.defaults().withRecordTrace(true)).solve(p);
                List<int[]> expected = new ArrayList<>();
                double[] estimate = naive(p, 500, 1e-12, expected);
                String label = "shape " + shape[0] + "×" + shape[1] + ", k " + shape[2] + ", seed " + seed;
                assertEquals(expected.size(), r.iterations(), label);
                for (int t = 0; t < expected.size(); t++) {
                    assertArrayEquals(expected.get(t), r.trace().supports().get(t), label + ", iteration " + t);
                }
                assertArrayEquals(estimate, r.estimate(), 1e-9, label);
                totalIterations += r.iterations();
                instances++;
            }
        }
        assertTrue(totalIterations > 2 * instances, "instances too easy: " + totalIterations);
    }

    @Test
    void residualIsNonIncreasingAlongIterations() {
        for (int[] shape : SHAPES) {
            for (long seed = 1; seed <= 8; seed++) {
                Problem p = hardProblem(shape, seed + 20);
                SparseResult r = new SubspacePursuit(SubspacePursuit.Options.defaults().withRecordTrace(true)).solve(p);
                double[] norms = r.trace().residualNorms();
                for (int t = 1; t < norms.length; t++) {
                    // Exact, not up to round-off: a candidate is kept only if its residual is smaller.
                    assertTrue(norms[t] <= norms[t - 1], "seed " + seed + ", iteration " + t);
                }
                assertEquals(r.residualNorm(), norms[norms.length - 1], 1e-12 * (1 + r.residualNorm()));
            }
        }
    }

    /** Dai & Milenkovic's SP with the stopping rule documented on {@link SubspacePursuit}. */
    static double[] naive(Problem p, int cap, double tolerance, List<int[]> supports) {
        DenseMatrix a = p.operator().toDense();
        double[] y = p.observations();
        int k = p.sparsity();
        int proxySize = Math.min(k, Math.min(2 * k, Math.min(a.rows(), a.cols())) - k);
        int[] support = Naive.largestK(Naive.applyTransposed(a, y), k);
        double[] x = Naive.leastSquares(a, y, support);
        double residual = Naive.norm(Naive.residual(a, y, x));
        supports.add(support);
        if (residual <= tolerance * Naive.norm(y)) {
            return x;
        }
        for (int t = 2; t <= cap; t++) {
            double[] proxy = Naive.applyTransposed(a, Naive.residual(a, y, x));
            int[] added = proxySize > 0 ? Naive.largestK(proxy, proxySize) : new int[0];
            int[] merged = Naive.union(support, added);
            int[] next = Naive.largestK(Naive.leastSquares(a, y, merged), merged, k);
            double[] candidate = Naive.leastSquares(a, y, next);
            double candidateResidual = Naive.norm(Naive.residual(a, y, candidate));
            if (candidateResidual >= (1 - tolerance) * residual) {
                supports.add(support);
                return x;
            }
            x = candidate;
            support = next;
            residual = candidateResidual;
            supports.add(support);
            if (residual <= tolerance * Naive.norm(y)) {
                return x;
            }
        }
        return x;
    }

    @Test
    void capIsReportedAsNotConverged() {
        SparseResult r = new SubspacePursuit(SubspacePursuit.Options.defaults().withMaxIterations(1))
                .solve(hardProblem(SHAPES[0], 1));
        assertEquals(1, r.iterations());
        assertFalse(r.converged());
    }

    @Test
    void badOptionsAreRejectedWithTheArgumentName() {
        SubspacePursuit.Options d = SubspacePursuit.Options.defaults();
        assertMessage(() -> d.withMaxIterations(0), "maxIterations must be positive: 0");
        assertMessage(() -> d.withResidualTolerance(Double.NaN), "residualTolerance must be non-negative and finite: NaN");
        assertMessage(() -> d.withStagnationTolerance(2), "stagnationTolerance must be below 1: 2.0");
        assertMessage(() -> new SubspacePursuit(null), "options must not be null");
    }
}
