package io.sparserepro.core.io;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseMatrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CSV tables whose first line names the columns, as data sets are published (the diabetes
 * data, UCI's slice data): the names are kept, so a target column can be chosen by name and
 * the chosen features reported by name.
 *
 * <p>The grammar is {@link CsvFiles}' (commas, no quoting, finite numbers only, blank lines
 * only at the end, UTF-8) except that line 1 <em>must</em> be a header: every field a
 * non-empty name, names distinct, and every data row as many fields as the header. Every
 * error names the file and the 1-based line (and the column, by number and name, for a bad
 * value), so a user can open the file at that place.
 */
public final class CsvTables {
    private CsvTables() {
    }

    /**
     * A table read from a file.
     *
     * @param file   where it was read from (for messages)
     * @param names  the column names, in file order
     * @param values rows × columns
     */
    public record Table(Path file, List<String> names, DenseMatrix values) {
        public Table {
            Checks.requireNonNull("file", file);
            names = List.copyOf(Checks.requireNonNull("names", names));
            Checks.requireNonNull("values", values);
            if (names.size() != values.cols()) {
                throw new IllegalArgumentException("names has " + names.size() + " entries but values has "
                        + values.cols() + " columns");
            }
        }

        /** The index of column {@code name}, or -1. */
        public int indexOf(String name) {
            return names.indexOf(name);
        }
    }

    /** Reads a table with a header line. */
    public static Table read(Path file) {
        Checks.requireNonNull("file", file);
        try (BufferedReader in = FileSupport.openText(file)) {
            return parse(file, in);
        } catch (IOException e) {
            throw FileSupport.readFailure(file, e);
        }
    }

    private static Table parse(Path file, BufferedReader in) throws IOException {
        String line;
        long lineNumber = 0;
        List<String> names = null;
        double[] values = new double[256];
        int count = 0;
        int rows = 0;
        long firstBlank = 0;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            FileSupport.requireDecodable(file, lineNumber, line);
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                if (firstBlank == 0) {
                    firstBlank = lineNumber;
                }
                continue;
            }
            if (firstBlank != 0) {
                throw new DataFormatException("file " + file + ", line " + firstBlank + ": blank line before more "
                        + "data on line " + lineNumber + "; blank lines are allowed only after the last row");
            }
            String[] fields = line.split(",", -1);
            for (int c = 0; c < fields.length; c++) {
                fields[c] = fields[c].strip();
            }
            if (names == null) {
                names = header(file, lineNumber, fields);
                continue;
            }
            if (fields.length != names.size()) {
                throw new DataFormatException("file " + file + ", line " + lineNumber + ": row has " + fields.length
                        + " fields, the header (line 1) has " + names.size());
            }
            if (count + fields.length > values.length) {
                if ((long) values.length * 2 > Integer.MAX_VALUE - 8) {
                    throw new DataFormatException("file " + file + ", line " + lineNumber
                            + ": too many values to hold in one Java array");
                }
                values = Arrays.copyOf(values, Math.max(values.length * 2, count + fields.length));
            }
            for (int c = 0; c < fields.length; c++) {
                values[count++] = number(file, lineNumber, c, names.get(c), fields[c]);
            }
            rows++;
        }
        if (names == null) {
            throw new DataFormatException("file " + file + ", line 1: the file is empty; expected a header line "
                    + "naming the columns, then one row per sample");
        }
        if (rows == 0) {
            throw new DataFormatException("file " + file + ", line 2: no data rows after the header");
        }
        return new Table(file, names, DenseMatrix.fromRowMajor(rows, names.size(), Arrays.copyOf(values, count)));
    }

    private static List<String> header(Path file, long lineNumber, String[] fields) {
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>(fields.length);
        for (int c = 0; c < fields.length; c++) {
            String f = fields[c];
            if (f.isEmpty() || Numbers.isNumber(f) || Numbers.isNonFiniteSpelling(f)
                    || f.chars().noneMatch(Character::isLetter)) {
                throw new DataFormatException("file " + file + ", line " + lineNumber + ", column " + (c + 1) + ": "
                        + Numbers.quote(f) + " is not a column name; line 1 must be a header naming every column "
                        + "(a name holds a letter and is not a number)");
            }
            if (!seen.add(f)) {
                throw new DataFormatException("file " + file + ", line " + lineNumber + ", column " + (c + 1)
                        + ": column name " + Numbers.quote(f) + " occurs twice in the header");
            }
            names.add(f);
        }
        return names;
    }

    private static double number(Path file, long line, int column, String name, String field) {
        String where = "file " + file + ", line " + line + ", column " + (column + 1) + " (" + name + ")";
        if (Numbers.isNonFiniteSpelling(field) || field.isEmpty()) {
            throw new DataFormatException(where + ": " + Numbers.quote(field)
                    + " is not finite or is missing; this suite rejects NaN, infinite and missing values");
        }
        double v;
        try {
            v = Numbers.parse(field);
        } catch (NumberFormatException e) {
            throw new DataFormatException(where + ": cannot parse " + Numbers.quote(field) + " as a number");
        }
        if (!Double.isFinite(v)) {
            throw new DataFormatException(where + ": " + Numbers.quote(field) + " is not finite (overflow)");
        }
        return v;
    }
}
