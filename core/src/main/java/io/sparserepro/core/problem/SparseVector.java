package io.sparserepro.core.problem;

import io.sparserepro.core.Checks;
import java.util.Arrays;

/**
 * A k-sparse vector x ∈ Rⁿ with its support: {@code values} is the dense vector (length n),
 * {@code support} the strictly increasing indices of its non-zero entries. Validated on
 * construction: the two agree exactly (every index in the support holds a non-zero, every
 * other entry is zero). Arrays are not copied; treat them as read-only.
 *
 * @param values  x, length n
 * @param support indices of the non-zeros of x, strictly increasing
 */
public record SparseVector(double[] values, int[] support) {

    public SparseVector {
        Checks.requireFinite("values", values);
        Checks.requireNonNull("support", support);
        for (int i = 0; i < support.length; i++) {
            Checks.requireInRange("support[" + i + "]", support[i], 0, values.length - 1);
            if (i > 0 && support[i] <= support[i - 1]) {
                throw new IllegalArgumentException(
                        "support must be strictly increasing: " + Arrays.toString(support));
            }
        }
        int previous = -1;
        for (int index : support) {
            for (int j = previous + 1; j < index; j++) {
                requireZero(values, j);
            }
            if (values[index] == 0.0) {
                throw new IllegalArgumentException("values[" + index
                        + "] must be non-zero because " + index + " is in the support");
            }
            previous = index;
        }
        for (int j = previous + 1; j < values.length; j++) {
            requireZero(values, j);
        }
    }

    private static void requireZero(double[] values, int j) {
        if (values[j] != 0.0) {
            throw new IllegalArgumentException("values[" + j + "] must be zero because " + j
                    + " is not in the support: " + values[j]);
        }
    }

    /** n, the ambient dimension. */
    public int dimension() {
        return values.length;
    }

    /** k, the number of non-zeros. */
    public int sparsity() {
        return support.length;
    }
}
