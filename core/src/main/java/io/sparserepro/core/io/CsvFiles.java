package io.sparserepro.core.io;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseMatrix;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Dense matrices and vectors as comma-separated text (UTF-8).
 *
 * <h2>What the reader accepts</h2>
 * <ul>
 *   <li>One matrix row per line, fields separated by {@code ','}. Whitespace around a field
 *       is ignored; quoting is not supported.</li>
 *   <li>A field is a decimal or hexadecimal floating-point literal as accepted by
 *       {@link Double#parseDouble}, except that Java type suffixes ({@code 1d}, {@code 2f})
 *       are refused. NaN, infinities and missing values are rejected with their line and
 *       column, in every spelling common tools write ({@code NaN}, {@code nan}, {@code -inf},
 *       {@code Infinity}, {@code 1.#INF}, R's {@code NA}, ...) and from overflow such as
 *       {@code 1e400}: this suite works on finite data only.</li>
 *   <li><b>Header rule:</b> line 1 is a header, and skipped, exactly when <em>every</em> one
 *       of its fields is a name: not a number, not a spelling of NaN, infinity or a missing
 *       value, and containing a letter. A first line that mixes numbers and names, holds a
 *       malformed number such as {@code 1.2.3}, or is all {@code nan} (what numpy writes for
 *       a missing row), is data, and its first bad field is reported. The header's field
 *       count is not checked against the data. A skipped header is reported in one line to
 *       the caller's notice consumer ({@link #readMatrix(Path, Consumer)}), or else logged at
 *       INFO level on the {@code io.sparserepro.core.io} {@link System.Logger}.</li>
 *   <li>Lines that are empty or only whitespace are ignored after the last data row. A blank
 *       line anywhere before it is an error: it usually means two tables were pasted together
 *       or a row was lost.</li>
 *   <li>Every data row must have as many fields as the first. A leading UTF-8 byte-order
 *       mark and Windows line ends are tolerated; bytes that are not UTF-8 are an
 *       error naming their line.</li>
 * </ul>
 * Positions in messages are 1-based: "line" counts every physical line including the header,
 * "column" is the field number within the line.
 *
 * <h2>What the writer produces</h2>
 * Each value printed with {@link Double#toString}, which reads back to the identical double
 * (including {@code -0.0} and subnormals), fields joined by {@code ','}, lines ended by
 * {@code '\n'} on every platform so files are byte-identical across machines; no header.
 * A vector is written as one column. A file is written whole or not at all: to a temporary
 * in the same folder, then renamed (a full disk leaves no truncated file).
 *
 * <p>Malformed content raises {@link DataFormatException}; a missing file an
 * {@link IllegalArgumentException} ("file F does not exist"); other I/O failures an
 * {@link java.io.UncheckedIOException} naming the file.
 */
public final class CsvFiles {
    private CsvFiles() {
    }

    /** Reads a matrix: one row per line. A skipped header line is logged (INFO). */
    public static DenseMatrix readMatrix(Path file) {
        return readMatrix(file, FileSupport.LOG_NOTICE);
    }

    /**
     * Reads a matrix: one row per line.
     *
     * @param notices receives one line if line 1 was skipped as a header, naming the file and
     *                showing the line (cut if long), so that a caller can tell its user
     */
    public static DenseMatrix readMatrix(Path file, Consumer<String> notices) {
        Checks.requireNonNull("file", file);
        Checks.requireNonNull("notices", notices);
        try (BufferedReader in = FileSupport.openText(file)) {
            return new Parser(file, in, notices).parse();
        } catch (IOException e) {
            throw FileSupport.readFailure(file, e);
        }
    }

    /** Reads a vector written either as one column (one value per line) or as one row. */
    public static double[] readVector(Path file) {
        return readVector(file, FileSupport.LOG_NOTICE);
    }

    /** As {@link #readVector(Path)}, telling {@code notices} about a skipped header line. */
    public static double[] readVector(Path file, Consumer<String> notices) {
        DenseMatrix m = readMatrix(file, notices);
        if (m.rows() != 1 && m.cols() != 1) {
            throw new DataFormatException("file " + file + ": expected one row or one column for"
                    + " a vector, found " + m.rows() + " rows × " + m.cols() + " columns");
        }
        // Column-major storage of a single row or a single column is the vector in order.
        return m.data();
    }

    /** Writes a matrix, one row per line. Rejects non-finite entries before writing. */
    public static void writeMatrix(Path file, DenseMatrix matrix) {
        Checks.requireNonNull("file", file);
        Checks.requireNonNull("matrix", matrix);
        matrix.requireFinite("matrix");
        int rows = matrix.rows();
        int cols = matrix.cols();
        double[] data = matrix.data();
        FileSupport.writeAtomically(file, ch -> {
            BufferedWriter out = FileSupport.textWriter(ch);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                for (int j = 0; j < cols; j++) {
                    if (j > 0) {
                        line.append(',');
                    }
                    line.append(Double.toString(data[j * rows + i]));
                }
                line.append('\n');
                out.append(line);
            }
            out.flush();
        });
    }

    /** Writes a vector as one column. Rejects an empty vector and non-finite entries. */
    public static void writeVector(Path file, double[] vector) {
        Checks.requireNonNull("file", file);
        Checks.requireFinite("vector", vector);
        if (vector.length == 0) {
            throw new IllegalArgumentException("vector must not be empty");
        }
        FileSupport.writeAtomically(file, ch -> {
            BufferedWriter out = FileSupport.textWriter(ch);
            for (double v : vector) {
                out.write(Double.toString(v));
                out.write('\n');
            }
            out.flush();
        });
    }

    /** One pass over the lines, accumulating row-major values. */
    private static final class Parser {
        private final Path file;
        private final BufferedReader in;
        private final Consumer<String> notices;
        private long lineNumber;
        private double[] values = new double[64];
        private int count;

        Parser(Path file, BufferedReader in, Consumer<String> notices) {
            this.file = file;
            this.in = in;
            this.notices = notices;
        }

        DenseMatrix parse() throws IOException {
            int cols = -1;
            long firstDataLine = 0;
            int rows = 0;
            long firstBlankLine = 0;
            boolean header = false;
            String line;
            while ((line = nextLine()) != null) {
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    if (firstBlankLine == 0) {
                        firstBlankLine = lineNumber;
                    }
                    continue;
                }
                if (firstBlankLine != 0) {
                    throw new DataFormatException("file " + file + ", line " + firstBlankLine
                            + ": blank line before more data on line " + lineNumber
                            + "; blank lines are allowed only after the last row");
                }
                String[] fields = split(line);
                if (lineNumber == 1 && allNames(fields)) {
                    header = true;
                    notices.accept("file " + file + ", line 1: skipped as a header (every field is a name): "
                            + (line.length() <= 100 ? line : line.substring(0, 100) + "... (" + fields.length
                            + " fields)"));
                    continue;
                }
                if (cols < 0) {
                    cols = fields.length;
                    firstDataLine = lineNumber;
                } else if (fields.length != cols) {
                    throw new DataFormatException("file " + file + ", line " + lineNumber
                            + ": row has " + fields.length + " fields, expected " + cols
                            + " (as on line " + firstDataLine + ")");
                }
                ensureRoom(cols);
                for (int c = 0; c < fields.length; c++) {
                    values[count++] = parseField(fields[c], c + 1);
                }
                rows++;
            }
            if (rows == 0) {
                throw new DataFormatException(header
                        ? "file " + file + " has a header line but no data rows"
                        : "file " + file + " is empty: no data rows");
            }
            return DenseMatrix.fromRowMajor(rows, cols, Arrays.copyOf(values, count));
        }

        private String nextLine() throws IOException {
            String line = in.readLine();
            if (line != null) {
                lineNumber++;
                FileSupport.requireDecodable(file, lineNumber, line);
            }
            return line;
        }

        private double parseField(String field, int column) {
            if (Numbers.isNonFiniteSpelling(field)) {
                throw notFinite(field, column);
            }
            double v;
            try {
                v = Numbers.parse(field);
            } catch (NumberFormatException e) {
                boolean otherDelimiter = field.indexOf(';') >= 0 || field.indexOf('\t') >= 0
                        || field.trim().indexOf(' ') >= 0;
                throw new DataFormatException(position(column) + ": cannot parse "
                        + Numbers.quote(field) + " as a number"
                        + (otherDelimiter ? " (fields must be separated by commas)" : ""));
            }
            if (!Double.isFinite(v)) {
                throw notFinite(field, column);
            }
            return v;
        }

        private DataFormatException notFinite(String field, int column) {
            return new DataFormatException(position(column) + ": " + Numbers.quote(field)
                    + " is not finite; this suite rejects NaN, infinite and missing values");
        }

        private String position(int column) {
            return "file " + file + ", line " + lineNumber + ", column " + column;
        }

        private void ensureRoom(int more) {
            if ((long) count + more > Integer.MAX_VALUE - 8) {
                throw new DataFormatException("file " + file + ", line " + lineNumber
                        + ": too many values to hold in one Java array");
            }
            if (count + more > values.length) {
                long grown = Math.min(Math.max((long) values.length * 2, (long) count + more), Integer.MAX_VALUE - 8);
                try {
                    values = Arrays.copyOf(values, (int) grown);
                } catch (OutOfMemoryError e) {
                    long bytes = grown * Double.BYTES;
                    throw new InputTooLargeError("file " + file + ", line " + lineNumber + ": " + count
                            + " values read so far; room for " + grown + " values needs "
                            + InputTooLargeError.describeBytes(bytes), bytes);
                }
            }
        }

        /**
         * A header: every field is a name, i.e. not a number, not a spelling of NaN, infinity or
         * a missing value, and containing a letter. A field such as {@code 1.2.3} or
         * {@code 0.5 0.7} (a typo, another delimiter) or {@code nan} is not a name, so such a
         * first line is reported as bad data instead of being skipped silently.
         */
        private static boolean allNames(String[] fields) {
            for (String f : fields) {
                if (Numbers.isNumber(f) || Numbers.isNonFiniteSpelling(f)
                        || f.chars().noneMatch(Character::isLetter)) {
                    return false;
                }
            }
            return true;
        }

        /** Splits on ',' and trims; avoids regex because it runs once per line. */
        private static String[] split(String line) {
            int n = 1;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == ',') {
                    n++;
                }
            }
            String[] fields = new String[n];
            int start = 0;
            for (int k = 0; k < n; k++) {
                int end = line.indexOf(',', start);
                if (end < 0) {
                    end = line.length();
                }
                fields[k] = line.substring(start, end).strip();
                start = end + 1;
            }
            return fields;
        }
    }
}
