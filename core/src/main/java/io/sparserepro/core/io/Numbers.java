package io.sparserepro.core.io;

/** Number parsing shared by the text formats. */
final class Numbers {
    private Numbers() {
    }

    /**
     * Parses a decimal or hexadecimal floating-point literal. Unlike
     * {@link Double#parseDouble} it refuses Java's type suffixes ({@code 1d}, {@code 2f}): in a
     * data file they are a typo, not a number, and accepting them would also make a CSV header
     * named "1d" look numeric. NaN and infinities are returned as such; callers reject them
     * with their own position information.
     *
     * @throws NumberFormatException if {@code token} is not a number
     */
    static double parse(String token) {
        if (!token.isEmpty()) {
            char last = token.charAt(token.length() - 1);
            if (last == 'd' || last == 'D' || last == 'f' || last == 'F') {
                throw new NumberFormatException(token);
            }
        }
        return Double.parseDouble(token);
    }

    static boolean isNumber(String token) {
        try {
            parse(token);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Quotes a token for a message, cutting very long ones so a message stays one line. */
    static String quote(String token) {
        String shown = token.length() <= 60 ? token : token.substring(0, 57) + "...";
        return "'" + shown + "'";
    }
}
