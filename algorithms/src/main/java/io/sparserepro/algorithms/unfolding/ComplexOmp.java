package io.sparserepro.algorithms.unfolding;

import io.sparserepro.core.Checks;
import io.sparserepro.core.complex.ColumnLeastSquares;
import io.sparserepro.core.complex.ComplexLinearOperator;
import io.sparserepro.core.complex.ComplexProblem;
import io.sparserepro.core.complex.IncrementalQrLeastSquares;
import io.sparserepro.core.complex.PivotedQrLeastSquares;

/**
 * OMP on complex data as the unfolding paper runs it (SPEC-UNFOLDING): weighted scores
 * |w ⊙ Aᴴr| (ties to the lowest index), the chosen column appended to B = A_S, z = argmin
 * ‖Bz − y‖ by a {@link ColumnLeastSquares} method, r = y − Bz; a fixed number of iterations,
 * no early stop, and a column may be chosen twice (its second copy makes B rank-deficient and
 * the rank-revealing least squares handles it, as in the paper's permutation form of OMP).
 * On real data it agrees with {@link io.sparserepro.algorithms.greedy.Omp} (tested). Columns
 * come from {@link ComplexLinearOperator#column}, never a dense copy.
 */
public final class ComplexOmp {
    private final int iterations;
    private final ColumnLeastSquares.Method leastSquares;

    /**
     * @param iterations   iterations; 0 = the problem's sparsity
     * @param leastSquares the least-squares method
     */
    public ComplexOmp(int iterations, ColumnLeastSquares.Method leastSquares) {
        this.iterations = Checks.requireNonNegative("iterations", iterations);
        this.leastSquares = Checks.requireNonNull("leastSquares", leastSquares);
    }

    /** Runs OMP; {@code weights} may be null (all ones); {@code listener} may be null. */
    public UnfoldingResult solve(ComplexProblem problem, double[] weights, IterateListener listener) {
        Checks.requireNonNull("problem", problem);
        ComplexLinearOperator a = problem.operator();
        int m = a.rows();
        int n = a.cols();
        double[] absWeights = UnfoldingInputs.absoluteWeights(weights, n);
        int steps = iterations == 0 ? problem.sparsity() : iterations;
        ColumnLeastSquares ls = leastSquares.create(m, steps, PivotedQrLeastSquares.defaultCutoff(m, steps));
        double[] y = problem.observations();
        ls.reset(y);
        double[] residual = y.clone();
        double[] correlations = new double[2 * n];
        double[] scores = new double[n];
        double[] columns = new double[steps * 2 * m];
        double[] column = new double[2 * m];
        double[] z = new double[2 * steps];
        double[] x = new double[2 * n];
        int[] selected = new int[steps];
        for (int t = 0; t < steps; t++) {
            a.applyAdjoint(residual, correlations);
            UnfoldingInputs.scores(correlations, absWeights, n, scores);
            int best = 0;
            for (int j = 1; j < n; j++) {
                if (scores[j] > scores[best]) {
                    best = j;
                }
            }
            selected[t] = best;
            a.column(best, column);
            System.arraycopy(column, 0, columns, t * 2 * m, 2 * m);
            ls.append(column);
            ls.solve(z);
            System.arraycopy(y, 0, residual, 0, 2 * m);
            for (int c = 0; c <= t; c++) {
                SoftOmp.subtractScaled(columns, c * 2 * m, z[2 * c], z[2 * c + 1], residual, m);
            }
            if (listener != null) {
                scatter(selected, z, t + 1, x);
                listener.accept(t + 1, x);
            }
        }
        scatter(selected, z, steps, x);
        int fallbacks = ls instanceof IncrementalQrLeastSquares inc ? inc.fallbacks() : steps;
        return new UnfoldingResult(x, selected, steps, fallbacks);
    }

    /** x = Pᵀz with one-hot rows: x_{S_c} += z_c (a repeated index accumulates, as Pᵀz does). */
    private static void scatter(int[] selected, double[] z, int t, double[] x) {
        java.util.Arrays.fill(x, 0.0);
        for (int c = 0; c < t; c++) {
            x[2 * selected[c]] += z[2 * c];
            x[2 * selected[c] + 1] += z[2 * c + 1];
        }
    }
}
