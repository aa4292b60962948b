package io.sparserepro.algorithms;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.linalg.LinearOperator;
import io.sparserepro.core.problem.Problem;

/** Input checks shared by every solver, run at the public boundary before any work. */
public final class SolverInputs {
    private SolverInputs() {
    }

    /**
     * Rejects what the {@link Problem} record cannot see: a null problem, non-finite matrix
     * entries and all-zero columns (which make selection by correlation and least squares
     * meaningless). Shapes, finite observations and k ∈ [1, min(m, n)] are checked by
     * {@link Problem} itself.
     */
    public static Problem requireSolvable(Problem problem) {
        Checks.requireNonNull("problem", problem);
        LinearOperator a = problem.operator();
        int m = a.rows();
        if (a instanceof DenseMatrix dense) {
            for (int j = 0; j < a.cols(); j++) {
                requireFiniteNonZero(dense.data(), dense.columnOffset(j), m, j);
            }
        } else {
            double[] column = new double[m];
            for (int j = 0; j < a.cols(); j++) {
                a.column(j, column);
                requireFiniteNonZero(column, 0, m, j);
            }
        }
        return problem;
    }

    /**
     * Checks column j, stored at {@code values[offset..offset+m)}, in one pass (this runs
     * before every solve, so it is kept to about the cost of one product Aᵀr): Σ|a_ij| with
     * four partial sums is 0 exactly for a zero column (absolute values cannot underflow to 0
     * or cancel) and non-finite exactly when an entry is NaN or infinite, or the sum
     * overflows — then the entries are checked one by one, so the message names the
     * offending entry and a merely huge column passes.
     */
    private static void requireFiniteNonZero(double[] values, int offset, int m, int j) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < m; i += 4) {
            s0 += Math.abs(values[offset + i]);
            s1 += Math.abs(values[offset + i + 1]);
            s2 += Math.abs(values[offset + i + 2]);
            s3 += Math.abs(values[offset + i + 3]);
        }
        for (; i < m; i++) {
            s0 += Math.abs(values[offset + i]);
        }
        double sum = (s0 + s1) + (s2 + s3);
        if (sum == 0) {
            throw new IllegalArgumentException("A has an all-zero column " + j + "; remove it or drop that variable");
        }
        if (!Double.isFinite(sum)) {
            for (int r = 0; r < m; r++) {
                double v = values[offset + r];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("A must be finite, but A[" + r + ", " + j + "] = " + v);
                }
            }
        }
    }

    /**
     * The "unit" step of HTP and OMPR in A's own scale: 1 / max_j ‖a_j‖₂². Their papers take
     * the step 1 for unit-norm columns (which this suite's generators produce); dividing by
     * the largest squared column norm makes the same rule invariant to a global rescaling of
     * A, instead of silently failing on a matrix that is not normalised. Within 1e-12 of 1 it
     * is exactly 1, so normalised matrices get the papers' step bit for bit.
     */
    public static double unitStepScale(DenseMatrix a) {
        Checks.requireNonNull("a", a);
        double largest = 0;
        for (double norm : a.columnNorms()) {
            largest = Math.max(largest, norm);
        }
        double squared = largest * largest;
        return Math.abs(squared - 1) <= 1e-12 ? 1.0 : 1.0 / squared;
    }
}
