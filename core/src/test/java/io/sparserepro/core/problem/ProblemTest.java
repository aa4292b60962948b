package io.sparserepro.core.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;

class ProblemTest {
    private static final DenseMatrix A = DenseMatrix.fromRows(new double[][] {{1, 0, 2}, {0, 1, 1}});

    @Test
    void holdsAValidInstance() {
        Problem p = new Problem(A, new double[] {1, 2}, 2, new double[] {1, 2, 0}, new int[] {0, 1});
        assertEquals(2, p.rows());
        assertEquals(3, p.cols());
        assertTrue(p.hasTruth());
        assertFalse(Problem.of(A, new double[] {1, 2}, 1).hasTruth());
    }

    @Test
    void badInputIsRejectedWithTheArgumentName() {
        assertMessage("operator must not be null", () -> Problem.of(null, new double[2], 1));
        assertMessage("observations must not be null", () -> Problem.of(A, null, 1));
        assertMessage("observations must have one entry per row of the 2×3 matrix: 3", () -> Problem.of(A, new double[3], 1));
        assertMessage("observations must be finite, but observations[1] = NaN",
                () -> Problem.of(A, new double[] {0, Double.NaN}, 1));
        assertMessage("sparsity must be in [1, 2]: 3", () -> Problem.of(A, new double[2], 3));
        assertMessage("sparsity must be in [1, 2]: 0", () -> Problem.of(A, new double[2], 0));
        assertMessage("truth must have length 3: 2", () -> new Problem(A, new double[2], 1, new double[2], null));
        assertMessage("trueSupport must have sparsity = 2 indices: 1",
                () -> new Problem(A, new double[2], 2, null, new int[] {0}));
        assertMessage("trueSupport[1] must be in [0, 2]: 3", () -> new Problem(A, new double[2], 2, null, new int[] {0, 3}));
        assertMessage("trueSupport must be strictly increasing: [1, 0]",
                () -> new Problem(A, new double[2], 2, null, new int[] {1, 0}));
    }

    private static void assertMessage(String expected, Runnable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call::run).getMessage());
    }
}
