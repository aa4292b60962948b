package io.sparserepro.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void validValuesPassThrough() {
        double[] v = {1, 2};
        assertSame(v, Checks.requireFinite("v", v));
        assertSame(v, Checks.requireLength("v", v, 2));
        assertSame(v, Checks.requireMinLength("v", v, 1));
        assertEquals(3, Checks.requireInRange("k", 3, 1, 3));
        assertEquals(0, Checks.requireNonNegative("k", 0));
        assertEquals(0.5, Checks.requirePositive("tol", 0.5));
        assertEquals(0.0, Checks.requireNonNegative("noise", 0.0));
        assertEquals(-1.0, Checks.requireFinite("x", -1.0));
    }

    @Test
    void messagesNameTheArgumentTheConstraintAndTheValue() {
        assertMessage("k must be in [1, 5]: 6", () -> Checks.requireInRange("k", 6, 1, 5));
        assertMessage("k must be positive: 0", () -> Checks.requirePositive("k", 0));
        assertMessage("k must be non-negative: -1", () -> Checks.requireNonNegative("k", -1));
        assertMessage("tol must be positive and finite: NaN", () -> Checks.requirePositive("tol", Double.NaN));
        assertMessage("tol must be positive and finite: Infinity",
                () -> Checks.requirePositive("tol", Double.POSITIVE_INFINITY));
        assertMessage("noise must be non-negative and finite: -0.5", () -> Checks.requireNonNegative("noise", -0.5));
        assertMessage("x must be finite: NaN", () -> Checks.requireFinite("x", Double.NaN));
        assertMessage("y must be finite, but y[1] = -Infinity",
                () -> Checks.requireFinite("y", new double[] {0, Double.NEGATIVE_INFINITY}));
        assertMessage("y must have length 3: 2", () -> Checks.requireLength("y", new double[2], 3));
        assertMessage("out must have length at least 3: 2", () -> Checks.requireMinLength("out", new double[2], 3));
        assertMessage("A must not be null", () -> Checks.requireNonNull("A", null));
        assertMessage("y must not be null", () -> Checks.requireFinite("y", (double[]) null));
    }

    private static void assertMessage(String expected, Runnable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call::run).getMessage());
    }
}
