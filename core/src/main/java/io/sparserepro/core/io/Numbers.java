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

    /**
     * The spellings of NaN, infinities and missing values that common tools write in text
     * files: numpy and C's printf ({@code nan}, {@code -inf}, {@code nan(0x8000)}), Java
     * ({@code NaN}, {@code Infinity}), MSVC ({@code 1.#INF}, {@code -1.#IND}, {@code 1.#QNAN})
     * and R's missing value {@code NA}; case-insensitive except {@code NA}, with an optional
     * sign. Java's own spellings also parse; the others do not, and would otherwise look like
     * names (a first line of them was once taken for a CSV header and dropped).
     */
    private static final java.util.regex.Pattern NON_FINITE = java.util.regex.Pattern.compile(
            "[+-]?(?i:nan(\\([0-9a-z_]*\\))?|inf(inity)?|1\\.#(inf|ind|qnan|snan)[0-9]*)|NA");

    /** Whether {@code token} spells NaN, an infinity or a missing value (see {@link #NON_FINITE}). */
    static boolean isNonFiniteSpelling(String token) {
        return NON_FINITE.matcher(token).matches();
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
