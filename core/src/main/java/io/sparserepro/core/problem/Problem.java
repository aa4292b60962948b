package io.sparserepro.core.problem;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.LinearOperator;
import java.util.Arrays;

/**
 * One sparse recovery instance y = A x* + e with x* k-sparse. The ground truth
 * ({@code truth}, {@code trueSupport}) is known for generated problems and null for a user's
 * data. Validated on construction: shapes agree, entries are finite, k is in [1, min(m, n)],
 * the true support is sorted, distinct and of size k.
 *
 * @param operator    A, m×n
 * @param observations y, length m
 * @param sparsity    k
 * @param truth       x*, length n, or null
 * @param trueSupport S*, sorted ascending, or null
 */
public record Problem(LinearOperator operator, double[] observations, int sparsity,
                      double[] truth, int[] trueSupport) {

    public Problem {
        Checks.requireNonNull("operator", operator);
        Checks.requireFinite("observations", observations);
        if (observations.length != operator.rows()) {
            throw new IllegalArgumentException("observations must have one entry per row of the "
                    + operator.rows() + "×" + operator.cols() + " matrix: " + observations.length);
        }
        Checks.requireInRange("sparsity", sparsity, 1, Math.min(operator.rows(), operator.cols()));
        if (truth != null) {
            Checks.requireFinite("truth", truth);
            Checks.requireLength("truth", truth, operator.cols());
        }
        if (trueSupport != null) {
            if (trueSupport.length != sparsity) {
                throw new IllegalArgumentException("trueSupport must have sparsity = " + sparsity
                        + " indices: " + trueSupport.length);
            }
            for (int i = 0; i < trueSupport.length; i++) {
                Checks.requireInRange("trueSupport[" + i + "]", trueSupport[i], 0, operator.cols() - 1);
                if (i > 0 && trueSupport[i] <= trueSupport[i - 1]) {
                    throw new IllegalArgumentException(
                            "trueSupport must be strictly increasing: " + Arrays.toString(trueSupport));
                }
            }
        }
    }

    /** A problem without ground truth (a user's data). */
    public static Problem of(LinearOperator operator, double[] observations, int sparsity) {
        return new Problem(operator, observations, sparsity, null, null);
    }

    public int rows() {
        return operator.rows();
    }

    public int cols() {
        return operator.cols();
    }

    public boolean hasTruth() {
        return trueSupport != null;
    }
}
