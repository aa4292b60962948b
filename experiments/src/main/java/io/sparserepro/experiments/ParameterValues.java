package io.sparserepro.experiments;

import io.sparserepro.core.Checks;
import java.util.Map;

/**
 * The values an experiment parameter may take, and their one text form.
 *
 * <p>A parameter value is a {@link Long} (any integral Java number is widened to it), a
 * {@link Double} (from {@code float} or {@code double}), a {@link String} or a {@link Boolean}.
 * Keeping to these four makes the canonical JSON of a declaration, and so its hash, independent
 * of how the caller spelled a number ({@code 5} and {@code 5L} are the same value; {@code 5.0}
 * is a different one, on purpose: the declaration is hashed as written).
 *
 * <p>{@link #format(double)} is the text of every number in result files: integral values
 * below 2⁵³ are written without a fraction ({@code 12}, not {@code 12.0}), others with
 * {@link Double#toString}, which reads back to the same double. Hence a value written,
 * parsed and written again gives the same text, and results read back from a checkpoint file
 * are written out exactly as if they had just been computed.
 */
public final class ParameterValues {
    private static final double EXACT_INTEGER_LIMIT = 9.007199254740992E15; // 2^53

    private ParameterValues() {
    }

    /** {@code value} as one of the four parameter types; anything else is refused. */
    public static Object normalize(String name, Object value) {
        Checks.requireNonNull(name, value);
        if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof Double) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(name + " must be a finite number: " + d);
            }
            return d;
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException(name + " must be an integer, a number, a string or a boolean: "
                + value + " (" + value.getClass().getName() + ")");
    }

    /** A parameter value as a JSON scalar. */
    public static com.fasterxml.jackson.databind.JsonNode toJson(Object value) {
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (value instanceof Long) {
            return nodes.numberNode((Long) value);
        }
        if (value instanceof Double) {
            return nodes.numberNode((Double) value);
        }
        if (value instanceof Boolean) {
            return nodes.booleanNode((Boolean) value);
        }
        return nodes.textNode((String) value);
    }

    /** The text of a parameter value in result files. */
    public static String format(Object value) {
        if (value instanceof Double) {
            return format(((Double) value).doubleValue());
        }
        return String.valueOf(value);
    }

    /** The text of a number in result files; see the class comment. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < EXACT_INTEGER_LIMIT) {
            if (value == 0 && 1 / value < 0) {
                return "-0.0";
            }
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** The integer parameter {@code name} of {@code params}; a double is accepted if integral. */
    public static int intValue(Map<String, Object> params, String name) {
        Object v = require(params, name);
        if (v instanceof Long) {
            long l = (Long) v;
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " must fit in an int: " + l);
            }
            return (int) l;
        }
        if (v instanceof Double && (Double) v == Math.rint((Double) v)
                && Math.abs((Double) v) <= Integer.MAX_VALUE) {
            return (int) (double) (Double) v;
        }
        throw new IllegalArgumentException(name + " must be an integer: " + v);
    }

    /** The numeric parameter {@code name} of {@code params}. */
    public static double doubleValue(Map<String, Object> params, String name) {
        Object v = require(params, name);
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        throw new IllegalArgumentException(name + " must be a number: " + v);
    }

    /** The parameter {@code name} as text. */
    public static String stringValue(Map<String, Object> params, String name) {
        return String.valueOf(require(params, name));
    }

    private static Object require(Map<String, Object> params, String name) {
        Object v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("parameter " + name + " is required but missing; given: "
                    + params.keySet());
        }
        return v;
    }
}
