package io.sparserepro.core.io;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseMatrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the sparse LIBSVM / SVMlight text format into a dense {@link LibSvmData}.
 *
 * <h2>What the reader accepts</h2>
 * <ul>
 *   <li>One sample per line: {@code label index:value index:value ...}, tokens separated by
 *       spaces or tabs. The label and values are finite numbers; indices are 1-based integers
 *       in strictly increasing order within a line. Absent features are zero.</li>
 *   <li>{@code '#'} starts a comment that runs to the end of the line. Lines that are blank
 *       once the comment is removed are skipped.</li>
 *   <li>An SVMlight query id ({@code qid:3}) right after the label is accepted and ignored.
 *       Multi-label lines ({@code 1,3 ...}) are not supported.</li>
 *   <li>The number of features is the largest index in the file, or the count the caller
 *       gives (then an index above it is an error): pass it when a test file may not use the
 *       last feature of the training file.</li>
 * </ul>
 * Messages name the file, the 1-based physical line and the offending token. Malformed
 * content raises {@link DataFormatException}; a missing file an
 * {@link IllegalArgumentException}; other I/O failures an {@link java.io.UncheckedIOException}.
 */
public final class LibSvmFiles {
    private LibSvmFiles() {
    }

    /** Reads a file whose feature count is the largest index it uses. */
    public static LibSvmData read(Path file) {
        Checks.requireNonNull("file", file);
        return read(file, 0, false);
    }

    /** Reads a file with a known feature count; every index must be in [1, featureCount]. */
    public static LibSvmData read(Path file, int featureCount) {
        Checks.requireNonNull("file", file);
        Checks.requirePositive("featureCount", featureCount);
        return read(file, featureCount, true);
    }

    private static LibSvmData read(Path file, int featureCount, boolean countGiven) {
        try (BufferedReader in = FileSupport.openText(file)) {
            return new Parser(file, in, countGiven ? featureCount : Integer.MAX_VALUE).parse();
        } catch (IOException e) {
            throw FileSupport.readFailure(file, e);
        }
    }

    /** Collects the non-zeros in compressed-row form, then scatters them into a dense matrix. */
    private static final class Parser {
        private final Path file;
        private final BufferedReader in;
        private final int maxIndex;
        private long lineNumber;

        private double[] labels = new double[16];
        private int samples;
        /** rowEnd[r] = number of non-zeros in rows 0..r. */
        private int[] rowEnd = new int[16];
        private int[] indices = new int[64];
        private double[] values = new double[64];
        private int nonZeros;
        private int largestIndex;

        Parser(Path file, BufferedReader in, int maxIndex) {
            this.file = file;
            this.in = in;
            this.maxIndex = maxIndex;
        }

        LibSvmData parse() throws IOException {
            String line;
            while ((line = nextLine()) != null) {
                int hash = line.indexOf('#');
                String content = hash < 0 ? line : line.substring(0, hash);
                String[] tokens = tokens(content);
                if (tokens.length > 0) {
                    parseSample(tokens);
                }
            }
            if (samples == 0) {
                throw new DataFormatException("file " + file + " has no samples");
            }
            int cols = maxIndex == Integer.MAX_VALUE ? largestIndex : maxIndex;
            if (cols == 0) {
                throw new DataFormatException("file " + file + ": no sample has any feature, so"
                        + " the feature count is unknown; pass it explicitly");
            }
            if ((long) samples * cols > Integer.MAX_VALUE - 8) {
                throw new DataFormatException("file " + file + ": " + samples + " samples × "
                        + cols + " features is too large for one dense Java array");
            }
            double[] dense = new double[samples * cols];
            int k = 0;
            for (int r = 0; r < samples; r++) {
                for (; k < rowEnd[r]; k++) {
                    dense[(indices[k] - 1) * samples + r] = values[k];
                }
            }
            return new LibSvmData(DenseMatrix.wrapColumnMajor(samples, cols, dense),
                    Arrays.copyOf(labels, samples));
        }

        private void parseSample(String[] tokens) {
            double label;
            try {
                label = Numbers.parse(tokens[0]);
            } catch (NumberFormatException e) {
                throw error("cannot parse label " + Numbers.quote(tokens[0]) + " as a number"
                        + (tokens[0].contains(",") ? " (multi-label lines are not supported)" : ""));
            }
            if (!Double.isFinite(label)) {
                throw error("label " + Numbers.quote(tokens[0]) + " is not finite");
            }
            int first = 1;
            if (tokens.length > 1 && tokens[1].startsWith("qid:")) {
                first = 2;
            }
            int previous = 0;
            for (int t = first; t < tokens.length; t++) {
                String token = tokens[t];
                int colon = token.indexOf(':');
                if (colon < 0) {
                    throw error("token " + Numbers.quote(token) + " has no ':'; expected"
                            + " index:value");
                }
                String indexText = token.substring(0, colon);
                String valueText = token.substring(colon + 1);
                int index;
                try {
                    index = Integer.parseInt(indexText);
                } catch (NumberFormatException e) {
                    throw error("feature index " + Numbers.quote(indexText) + " in "
                            + Numbers.quote(token) + " is not an integer in [1, "
                            + Integer.MAX_VALUE + "]");
                }
                if (index < 1) {
                    throw error("feature index " + index + " in " + Numbers.quote(token)
                            + " must be >= 1");
                }
                if (index <= previous) {
                    throw error("feature index " + index + " in " + Numbers.quote(token)
                            + " must be greater than the previous index " + previous
                            + " (indices must increase within a line)");
                }
                if (index > maxIndex) {
                    throw error("feature index " + index + " in " + Numbers.quote(token)
                            + " exceeds the given feature count " + maxIndex);
                }
                double value;
                try {
                    value = Numbers.parse(valueText);
                } catch (NumberFormatException e) {
                    throw error("cannot parse value " + Numbers.quote(valueText) + " in "
                            + Numbers.quote(token) + " as a number");
                }
                if (!Double.isFinite(value)) {
                    throw error("value " + Numbers.quote(valueText) + " in " + Numbers.quote(token)
                            + " is not finite; this suite rejects NaN and infinite data");
                }
                append(index, value);
                previous = index;
            }
            largestIndex = Math.max(largestIndex, previous);
            if (samples == labels.length) {
                labels = Arrays.copyOf(labels, grow(samples));
                rowEnd = Arrays.copyOf(rowEnd, labels.length);
            }
            labels[samples] = label;
            rowEnd[samples] = nonZeros;
            samples++;
        }

        private void append(int index, double value) {
            if (nonZeros == indices.length) {
                indices = Arrays.copyOf(indices, grow(nonZeros));
                values = Arrays.copyOf(values, indices.length);
            }
            indices[nonZeros] = index;
            values[nonZeros] = value;
            nonZeros++;
        }

        private int grow(int length) {
            if (length >= Integer.MAX_VALUE - 8) {
                throw error("too many entries to hold in one Java array");
            }
            return (int) Math.min(2L * length, Integer.MAX_VALUE - 8);
        }

        private DataFormatException error(String what) {
            return new DataFormatException("file " + file + ", line " + lineNumber + ": " + what);
        }

        private String nextLine() throws IOException {
            String line = in.readLine();
            if (line != null) {
                lineNumber++;
                FileSupport.requireDecodable(file, lineNumber, line);
            }
            return line;
        }

        /** Splits on runs of spaces and tabs; avoids regex because it runs once per line. */
        private static String[] tokens(String s) {
            int n = 0;
            int len = s.length();
            for (int i = 0; i < len; ) {
                while (i < len && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i < len) {
                    n++;
                }
                while (i < len && !isSpace(s.charAt(i))) {
                    i++;
                }
            }
            String[] out = new String[n];
            int t = 0;
            for (int i = 0; i < len; ) {
                while (i < len && isSpace(s.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < len && !isSpace(s.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    out[t++] = s.substring(start, i);
                }
            }
            return out;
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
        }
    }
}
