package io.sparserepro.core.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dictionary of an NPY header, e.g. {@code {'descr': '<f8', 'fortran_order': False,
 * 'shape': (2, 3), }}: a Python literal, which is parsed here by a small recursive-descent
 * reader rather than by regular expressions, so key order, spacing, trailing commas, either
 * quote character and Python 2 long suffixes ({@code 3L}) all work.
 *
 * @param descr        the dtype string, such as {@code '<f8'}
 * @param fortranOrder whether the data is stored column-major
 * @param shape        the dimensions, outermost first
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape) {

    /** Marks a value the reader skipped because this suite has no use for it (a list). */
    private static final Object LIST = new Object();

    /** A bare word or number, kept only so that a message can show it as written. */
    private record Bare(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    static NpyHeader parse(Path file, String text) {
        Map<String, Object> dict = new Reader(file, text).dictionary();
        Object descr = require(file, dict, "descr");
        Object fortran = require(file, dict, "fortran_order");
        Object shape = require(file, dict, "shape");
        if (descr == LIST) {
            throw new DataFormatException("file " + file + ": header field 'descr' is a list"
                    + " (a structured dtype); expected a real dtype such as '<f8'");
        }
        if (!(descr instanceof String d)) {
            throw new DataFormatException("file " + file + ": header field 'descr' is "
                    + show(descr) + "; expected a quoted dtype string such as '<f8'");
        }
        if (!(fortran instanceof Boolean f)) {
            throw new DataFormatException("file " + file + ": header field 'fortran_order' is "
                    + show(fortran) + "; expected True or False");
        }
        if (!(shape instanceof long[] s)) {
            throw new DataFormatException("file " + file + ": header field 'shape' is "
                    + show(shape) + "; expected a tuple of integers such as (2, 3)");
        }
        return new NpyHeader(d, f, s);
    }

    private static Object require(Path file, Map<String, Object> dict, String key) {
        Object v = dict.get(key);
        if (v == null) {
            throw new DataFormatException("file " + file + ": header has no field '" + key
                    + "'; an NPY header needs 'descr', 'fortran_order' and 'shape'");
        }
        return v;
    }

    private static String show(Object value) {
        if (value == LIST) {
            return "a list";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof long[] t) {
            return formatShape(t);
        }
        return String.valueOf(value);
    }

    /** Python's tuple spelling: {@code (3,)}, {@code (2, 3)}, {@code ()}. */
    static String formatShape(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }

    private static final class Reader {
        private final Path file;
        private final String text;
        private int pos;

        Reader(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        Map<String, Object> dictionary() {
            Map<String, Object> dict = new HashMap<>();
            skipSpace();
            expect('{', "'{' opening the header dictionary");
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    break;
                }
                int keyAt = pos;
                if (peek() != '\'' && peek() != '"') {
                    throw error("a quoted key or '}'");
                }
                String key = string();
                skipSpace();
                expect(':', "':' after key '" + key + "'");
                skipSpace();
                Object value = value();
                if (dict.put(key, value) != null) {
                    pos = keyAt;
                    throw error("each key once, but '" + key + "' repeats");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("',' or '}' after the value of '" + key + "'");
                }
            }
            // NumPy pads with spaces and a final newline; nothing else may follow.
            skipSpace();
            if (pos < text.length()) {
                throw error("only padding after the closing '}'");
            }
            return dict;
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            if (c == '[') {
                skipBalanced('[', ']');
                return LIST;
            }
            if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (Character.isDigit(c) || c == '-') {
                int start = pos++;
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos))
                        || text.charAt(pos) == '.')) {
                    pos++;
                }
                return new Bare(text.substring(start, pos));
            }
            throw error("a value (a string, True, False or a tuple)");
        }

        private String string() {
            char quote = text.charAt(pos++);
            int start = pos;
            int end = text.indexOf(quote, start);
            if (end < 0) {
                pos = start - 1;
                throw error("a closing " + quote + " for the string starting here");
            }
            pos = end + 1;
            return text.substring(start, end);
        }

        private long[] tuple() {
            expect('(', "'('");
            List<Long> dims = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == ')') {
                    pos++;
                    break;
                }
                dims.add(integer());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ')') {
                    throw error("',' or ')' in the shape tuple");
                }
            }
            long[] out = new long[dims.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = dims.get(i);
            }
            return out;
        }

        private long integer() {
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("a non-negative integer dimension");
            }
            long v;
            try {
                v = Long.parseLong(text.substring(start, pos));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("a dimension that fits in 64 bits");
            }
            if (peek() == 'L' || peek() == 'l') {
                pos++; // Python 2 wrote long integers as 3L.
            }
            return v;
        }

        private void skipBalanced(char open, char close) {
            int start = pos;
            int depth = 0;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == open) {
                    depth++;
                } else if (c == close && --depth == 0) {
                    return;
                }
            }
            pos = start;
            throw error("a matching '" + close + "'");
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void expect(char c, String what) {
            if (peek() != c) {
                throw error(what);
            }
            pos++;
        }

        private DataFormatException error(String expected) {
            String found = pos < text.length()
                    ? "'" + text.substring(pos, Math.min(text.length(), pos + 20)).strip() + "'"
                    : "the end of the header";
            String shown = text.strip();
            if (shown.length() > 200) {
                shown = shown.substring(0, 197) + "...";
            }
            return new DataFormatException("file " + file + ": malformed header at character "
                    + pos + ": expected " + expected + ", found " + found + "; header is " + shown);
        }
    }
}
