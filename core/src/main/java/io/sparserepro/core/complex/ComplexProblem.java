package io.sparserepro.core.complex;

import io.sparserepro.core.Checks;

/**
 * One complex sparse recovery instance y = A x + e (interleaved vectors), the complex sibling
 * of {@link io.sparserepro.core.problem.Problem}.
 *
 * @param operator     A, m×n complex
 * @param observations y, interleaved, length 2m, finite
 * @param sparsity     s, in [1, n]
 * @param truth        x, interleaved, length 2n, or null for a user's data
 */
public record ComplexProblem(ComplexLinearOperator operator, double[] observations, int sparsity, double[] truth) {
    public ComplexProblem {
        Checks.requireNonNull("operator", operator);
        Checks.requireLength("observations", observations, 2 * operator.rows());
        if (!ComplexVectors.allFinite(observations)) {
            throw new IllegalArgumentException("observations must be finite");
        }
        Checks.requireInRange("sparsity", sparsity, 1, operator.cols());
        if (truth != null) {
            Checks.requireLength("truth", truth, 2 * operator.cols());
        }
    }

    public int rows() {
        return operator.rows();
    }

    public int cols() {
        return operator.cols();
    }
}
