package io.sparserepro.experiments.regression;

import io.sparserepro.core.Checks;
import io.sparserepro.core.io.DataFormatException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code regression.csv}: one row per (data set, k, solver) of the regression experiment, what
 * the {@code els-regression} figure reads. Numbers are written with {@link Double#toString}
 * (exact round trip); a malformed file is reported with its name, line and column.
 */
public final class RegressionTable {
    public static final String FILE_NAME = "regression.csv";

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("dataset", "features", "train_samples", "test_samples", "k",
            "solver", "train_objective", "test_error", "time_s", "iterations", "support");

    /**
     * One solve.
     *
     * @param dataset        the data set's name
     * @param features       the number of features the solvers saw (after dropping constant ones)
     * @param trainSamples   training samples
     * @param testSamples    test samples (0: no test error)
     * @param k              the sparsity
     * @param solver         the solver's label
     * @param trainObjective ‖Ãx − ỹ‖²/‖ỹ‖² on the standardised training data (1 − R²)
     * @param testError      Σ(ŷ − y)²/Σ(y − ȳ_train)² over the test samples, NaN without test samples
     * @param seconds        the solve's wall time
     * @param iterations     the solver's iteration count
     * @param support        the chosen features' names, separated by spaces, in the solver's order
     */
    public record Row(String dataset, int features, int trainSamples, int testSamples, int k, String solver,
                      double trainObjective, double testError, double seconds, int iterations, String support) {
        public Row {
            Checks.requireNonNull("dataset", dataset);
            Checks.requireNonNull("solver", solver);
            Checks.requireNonNull("support", support);
        }
    }

    private RegressionTable() {
    }

    /** The CSV text of {@code rows}. */
    public static String text(List<Row> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').build())) {
            p.printRecord(COLUMNS);
            for (Row r : rows) {
                p.printRecord(r.dataset(), r.features(), r.trainSamples(), r.testSamples(), r.k(), r.solver(),
                        Double.toString(r.trainObjective()), Double.isNaN(r.testError()) ? "" : Double.toString(r.testError()),
                        Double.toString(r.seconds()), r.iterations(), r.support());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    /** Reads {@code file}. */
    public static List<Row> read(Path file) throws IOException {
        Checks.requireNonNull("file", file);
        List<Row> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            if (!parser.getHeaderNames().equals(COLUMNS)) {
                throw new DataFormatException("file " + file + ", line 1: expected the columns "
                        + String.join(",", COLUMNS) + ", found " + String.join(",", parser.getHeaderNames()));
            }
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                if (r.size() != COLUMNS.size()) {
                    throw new DataFormatException("file " + file + ", line " + line + ": " + r.size()
                            + " fields, expected " + COLUMNS.size());
                }
                rows.add(new Row(r.get(0), integer(file, line, r, 1), integer(file, line, r, 2), integer(file, line, r, 3),
                        integer(file, line, r, 4), r.get(5), number(file, line, r, 6),
                        r.get(7).isEmpty() ? Double.NaN : number(file, line, r, 7), number(file, line, r, 8),
                        integer(file, line, r, 9), r.get(10)));
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file " + file + " does not exist");
        } catch (UncheckedIOException e) {
            throw new DataFormatException("file " + file + ": " + e.getMessage());
        }
        return rows;
    }

    private static int integer(Path file, long line, CSVRecord r, int column) {
        try {
            return Integer.parseInt(r.get(column));
        } catch (NumberFormatException e) {
            throw bad(file, line, column, r.get(column), "an integer");
        }
    }

    private static double number(Path file, long line, CSVRecord r, int column) {
        try {
            double v = Double.parseDouble(r.get(column));
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(file, line, column, r.get(column), "a finite number");
    }

    private static DataFormatException bad(Path file, long line, int column, String value, String expected) {
        return new DataFormatException("file " + file + ", line " + line + ", column " + (column + 1) + " ("
                + COLUMNS.get(column) + "): '" + value + "' is not " + expected);
    }
}
