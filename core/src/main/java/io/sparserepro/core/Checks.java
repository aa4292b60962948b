package io.sparserepro.core;

/**
 * Argument checks for public entry points. Every message names the argument, the constraint
 * and the offending value, so a user learns what to fix without reading a stack trace.
 */
public final class Checks {
    private Checks() {
    }

    public static <T> T requireNonNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    public static int requireInRange(String name, int value, int lowInclusive, int highInclusive) {
        if (value < lowInclusive || value > highInclusive) {
            throw new IllegalArgumentException(
                    name + " must be in [" + lowInclusive + ", " + highInclusive + "]: " + value);
        }
        return value;
    }

    public static int requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    public static int requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be non-negative: " + value);
        }
        return value;
    }

    public static double requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + value);
        }
        return value;
    }

    public static double requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be non-negative and finite: " + value);
        }
        return value;
    }

    public static double requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite: " + value);
        }
        return value;
    }

    /** Rejects null, and NaN or infinite entries, naming the first bad index. */
    public static double[] requireFinite(String name, double[] values) {
        requireNonNull(name, values);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        name + " must be finite, but " + name + "[" + i + "] = " + values[i]);
            }
        }
        return values;
    }

    public static double[] requireLength(String name, double[] values, int expected) {
        requireNonNull(name, values);
        if (values.length != expected) {
            throw new IllegalArgumentException(
                    name + " must have length " + expected + ": " + values.length);
        }
        return values;
    }

    /** A buffer the caller passes for output must be at least this long. */
    public static double[] requireMinLength(String name, double[] values, int minimum) {
        requireNonNull(name, values);
        if (values.length < minimum) {
            throw new IllegalArgumentException(
                    name + " must have length at least " + minimum + ": " + values.length);
        }
        return values;
    }
}
