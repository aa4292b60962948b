package io.sparserepro.core.metrics;

import static io.sparserepro.core.BadInput.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;

class RecoveryMetricsTest {

    @Test
    void exactSupportRecoveryIsSetEquality() {
        assertTrue(RecoveryMetrics.exactSupportRecovery(new int[] {1, 4, 7}, new int[] {7, 1, 4}));
        assertTrue(RecoveryMetrics.exactSupportRecovery(new int[0], new int[0]));
        assertFalse(RecoveryMetrics.exactSupportRecovery(new int[] {1, 4, 7}, new int[] {1, 4, 8}));
        assertFalse(RecoveryMetrics.exactSupportRecovery(new int[] {1, 4}, new int[] {1, 4, 7}));
    }

    @Test
    void supportDistanceCountsMissedTrueIndices() {
        assertEquals(0, RecoveryMetrics.supportDistance(new int[] {3, 1, 2}, new int[] {2, 3, 1}));
        assertEquals(1, RecoveryMetrics.supportDistance(new int[] {1, 2, 3}, new int[] {1, 2, 9}));
        assertEquals(3, RecoveryMetrics.supportDistance(new int[] {1, 2, 3}, new int[] {4, 5, 6}));
        assertEquals(3, RecoveryMetrics.supportDistance(new int[] {1, 2, 3}, new int[0]));
        // A superset misses nothing: |S* \ Ŝ| ignores false positives.
        assertEquals(0, RecoveryMetrics.supportDistance(new int[] {5, 9}, new int[] {0, 5, 7, 9}));
        assertEquals(0, RecoveryMetrics.supportDistance(new int[0], new int[] {0}));
        // Not symmetric.
        assertEquals(2, RecoveryMetrics.supportDistance(new int[] {0, 5, 7, 9}, new int[] {5, 9}));
    }

    @Test
    void relativeError() {
        double[] truth = {3, 0, -4};
        assertEquals(0.0, RecoveryMetrics.relativeError(truth, truth.clone()));
        // ‖(0, 0, 1)‖ / ‖(3, 0, −4)‖ = 1/5, exact in binary up to one rounding.
        assertEquals(0.2, RecoveryMetrics.relativeError(truth, new double[] {3, 0, -3}), 1e-16);
        assertEquals(1.0, RecoveryMetrics.relativeError(truth, new double[3]), 1e-16);
        // x* = 0: the absolute error ‖x̂‖.
        assertEquals(5.0, RecoveryMetrics.relativeError(new double[2], new double[] {3, 4}), 1e-15);
        assertEquals(0.0, RecoveryMetrics.relativeError(new double[2], new double[2]));
        // A diverged estimate is reported, not rejected.
        assertTrue(Double.isNaN(RecoveryMetrics.relativeError(truth, new double[] {Double.NaN, 0, 0})));
    }

    @Test
    void residualNorm() {
        DenseMatrix a = DenseMatrix.fromRows(new double[][] {{1, 2}, {0, 1}, {1, 0}});
        double[] y = {3, 1, 1};
        assertEquals(0.0, RecoveryMetrics.residualNorm(a, y, new double[] {1, 1}));
        // A(1, 0) − y = (−2, −1, 0): norm sqrt(5).
        assertEquals(Math.sqrt(5), RecoveryMetrics.residualNorm(a, y, new double[] {1, 0}), 1e-15);
    }

    @Test
    void supportOfListsNonZerosInOrder() {
        assertArrayEquals(new int[] {1, 3, 4}, RecoveryMetrics.supportOf(new double[] {0, -2, 0, 1e-300, Double.NaN}));
        assertArrayEquals(new int[0], RecoveryMetrics.supportOf(new double[] {0, -0.0}));
        assertArrayEquals(new int[0], RecoveryMetrics.supportOf(new double[0]));
    }

    @Test
    void badInput() {
        int[] s = {1, 2};
        rejects("trueSupport", () -> RecoveryMetrics.exactSupportRecovery(null, s));
        rejects("estimatedSupport", () -> RecoveryMetrics.exactSupportRecovery(s, null));
        rejects("trueSupport", () -> RecoveryMetrics.exactSupportRecovery(new int[] {1, 1}, s));
        rejects("estimatedSupport", () -> RecoveryMetrics.exactSupportRecovery(s, new int[] {-1, 2}));
        rejects("trueSupport", () -> RecoveryMetrics.supportDistance(null, s));
        rejects("estimatedSupport", () -> RecoveryMetrics.supportDistance(s, null));
        rejects("trueSupport", () -> RecoveryMetrics.supportDistance(new int[] {-3}, s));
        rejects("estimatedSupport", () -> RecoveryMetrics.supportDistance(s, new int[] {4, 0, 4}));
        rejects("truth", () -> RecoveryMetrics.relativeError(null, new double[1]));
        rejects("estimate", () -> RecoveryMetrics.relativeError(new double[1], null));
        rejects("estimate", () -> RecoveryMetrics.relativeError(new double[1], new double[2]));
        DenseMatrix a = DenseMatrix.identity(2);
        rejects("a", () -> RecoveryMetrics.residualNorm(null, new double[2], new double[2]));
        rejects("y", () -> RecoveryMetrics.residualNorm(a, null, new double[2]));
        rejects("y", () -> RecoveryMetrics.residualNorm(a, new double[3], new double[2]));
        rejects("estimate", () -> RecoveryMetrics.residualNorm(a, new double[2], null));
        rejects("estimate", () -> RecoveryMetrics.residualNorm(a, new double[2], new double[1]));
        rejects("x", () -> RecoveryMetrics.supportOf(null));
    }
}
