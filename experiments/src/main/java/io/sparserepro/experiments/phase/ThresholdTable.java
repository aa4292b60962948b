package io.sparserepro.experiments.phase;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code thresholds.csv}: one row per (ζ, solver, level) threshold found by a
 * {@link ThresholdSearch} — written by the phase experiment, read by the figures. Columns, in
 * this order (all required, header included):
 * <pre>
 * zeta, n, m, solver, label, level, rule, kStar, rho, rhoLow, rhoHigh, runsAtKStar,
 * successesAtKStar, decided, pointsEvaluated, runsUsed, runsReceived, maxRuns
 * </pre>
 * {@code solver} is the stable registry name, {@code label} the legend text (e.g.
 * {@code SEA_OMP (T=500)}); {@code rho = kStar/m}, {@code rhoLow = kLow/m},
 * {@code rhoHigh = kHigh/m} (the band of {@link ThresholdSearch.Result}); {@code decided} is
 * {@code true}/{@code false}. Numbers are written with {@link Double#toString}, so they read
 * back exactly. RFC 4180 quoting (labels may hold commas).
 */
public final class ThresholdTable {

    /** The header, in order. */
    public static final List<String> COLUMNS = List.of("zeta", "n", "m", "solver", "label", "level", "rule",
            "kStar", "rho", "rhoLow", "rhoHigh", "runsAtKStar", "successesAtKStar", "decided", "pointsEvaluated",
            "runsUsed", "runsReceived", "maxRuns");

    /** The conventional file name. */
    public static final String FILE_NAME = "thresholds.csv";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    /** Slack of the rho = kStar/m consistency check: a written double reads back exactly; this only absorbs hand-edited decimals. */
    private static final double RHO_TOLERANCE = 1e-9;

    private ThresholdTable() {
    }

    /**
     * One threshold. Validated: see the messages for each constraint.
     *
     * @param zeta             m/n
     * @param n                columns of A
     * @param m                rows of A
     * @param solver           the stable solver name
     * @param label            the legend text
     * @param level            the success level (0.95, 0.5)
     * @param rule             the stopping policy, described
     * @param kStar            the threshold sparsity (0 if even k = 1 fails)
     * @param rho              kStar/m
     * @param rhoLow           lower end of the band
     * @param rhoHigh          upper end of the band
     * @param runsAtKStar      runs the verdict at kStar used
     * @param successesAtKStar their successes
     * @param decided          every evaluated point got PASS or FAIL
     * @param pointsEvaluated  points (values of k) the search decided
     * @param runsUsed         runs the verdicts used
     * @param runsReceived     runs computed (≥ runsUsed)
     * @param maxRuns          the run budget per point (1000 in the paper)
     */
    public record Row(double zeta, int n, int m, String solver, String label, double level, String rule, int kStar,
                      double rho, double rhoLow, double rhoHigh, int runsAtKStar, int successesAtKStar,
                      boolean decided, int pointsEvaluated, long runsUsed, long runsReceived, int maxRuns) {
        public Row {
            if (!(zeta > 0 && zeta <= 1)) {
                throw new IllegalArgumentException("zeta must be in (0, 1]: " + zeta);
            }
            if (n < 1 || m < 1 || m > n) {
                throw new IllegalArgumentException("n and m must satisfy 1 <= m <= n: n=" + n + " m=" + m);
            }
            // m is ζ·n rounded by the experiment (whichever rounding): more than 1 apart is a wiring error.
            if (Math.abs(m - zeta * n) > 1) {
                throw new IllegalArgumentException("m must be zeta*n rounded: zeta=" + zeta + " n=" + n + " m=" + m);
            }
            requireText("solver", solver);
            requireText("label", label);
            requireText("rule", rule);
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("level must be in (0, 1): " + level);
            }
            if (kStar < 0 || kStar > m) {
                throw new IllegalArgumentException("kStar must be in [0, " + m + "]: " + kStar);
            }
            if (Math.abs(rho - (double) kStar / m) > RHO_TOLERANCE) {
                throw new IllegalArgumentException("rho must equal kStar/m = " + kStar + "/" + m + ": " + rho);
            }
            if (!(rhoLow >= 0 && rhoLow <= rho + RHO_TOLERANCE && rho <= rhoHigh + RHO_TOLERANCE && rhoHigh <= 1)) {
                throw new IllegalArgumentException("need 0 <= rhoLow <= rho <= rhoHigh <= 1: rhoLow=" + rhoLow
                        + " rho=" + rho + " rhoHigh=" + rhoHigh);
            }
            if (maxRuns < 1 || runsAtKStar < 0 || runsAtKStar > maxRuns) {
                throw new IllegalArgumentException("runsAtKStar must be in [0, maxRuns = " + maxRuns + "]: " + runsAtKStar);
            }
            if (successesAtKStar < 0 || successesAtKStar > runsAtKStar) {
                throw new IllegalArgumentException(
                        "successesAtKStar must be in [0, runsAtKStar = " + runsAtKStar + "]: " + successesAtKStar);
            }
            if (pointsEvaluated < 0 || runsUsed < 0 || runsReceived < runsUsed) {
                throw new IllegalArgumentException("need pointsEvaluated >= 0 and 0 <= runsUsed <= runsReceived: "
                        + pointsEvaluated + ", " + runsUsed + ", " + runsReceived);
            }
        }

        /** The row of a finished search. */
        public static Row of(double zeta, int n, String solver, String label, ThresholdSearch.Result result) {
            if (result == null) {
                throw new IllegalArgumentException("result must not be null");
            }
            return new Row(zeta, n, result.m(), solver, label, result.level(), result.rule(), result.kStar(),
                    result.rho(), result.rhoLow(), result.rhoHigh(), result.runsAtKStar(), result.successesAtKStar(),
                    result.decided(), result.decisions().size(), result.runsUsed(), result.runsReceived(),
                    result.maxRuns());
        }

        private static void requireText(String name, String value) {
            if (value == null || value.isBlank() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException(name + " must be non-blank text on one line: '" + value + "'");
            }
        }
    }

    /** A {@code thresholds.csv} that does not parse; the message names the file and line. */
    public static final class FormatException extends IOException {
        private static final long serialVersionUID = 1L;

        public FormatException(String message) {
            super(message);
        }
    }

    /** The file's text for {@code rows}, in the given order. */
    public static String toCsv(List<Row> rows) {
        if (rows == null) {
            throw new IllegalArgumentException("rows must not be null");
        }
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            printer.printRecord(COLUMNS);
            for (Row r : rows) {
                printer.printRecord(Double.toString(r.zeta()), r.n(), r.m(), r.solver(), r.label(),
                        Double.toString(r.level()), r.rule(), r.kStar(), Double.toString(r.rho()),
                        Double.toString(r.rhoLow()), Double.toString(r.rhoHigh()), r.runsAtKStar(),
                        r.successesAtKStar(), r.decided(), r.pointsEvaluated(), r.runsUsed(), r.runsReceived(),
                        r.maxRuns());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Writes {@code file} atomically (a temporary file beside it, then a rename). */
    public static void write(Path file, List<Row> rows) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        String text = toCsv(rows);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads and validates {@code file}. */
    public static List<Row> read(Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), reader);
        }
    }

    /** Parses the text of a {@code thresholds.csv}; {@code name} is used in error messages. */
    public static List<Row> parse(String name, String text) throws FormatException {
        try {
            return parse(name, new StringReader(text));
        } catch (FormatException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Row> parse(String name, Reader reader) throws IOException {
        List<Row> rows = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        CSVParser parser;
        try {
            parser = CSVParser.parse(reader, FORMAT);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new FormatException(name + ": not a CSV file: " + e.getMessage());
        }
        try (parser) {
            boolean header = true;
            for (CSVRecord record : parser) {
                // Fields never span lines (the writer rejects line breaks), so record r is line r.
                long line = record.getRecordNumber();
                if (header) {
                    List<String> found = record.toList();
                    if (!found.equals(COLUMNS)) {
                        throw new FormatException(name + ":" + line + ": header must be " + String.join(",", COLUMNS)
                                + " but is " + String.join(",", found));
                    }
                    header = false;
                    continue;
                }
                if (record.size() != COLUMNS.size()) {
                    throw new FormatException(name + ":" + line + ": expected " + COLUMNS.size() + " fields, found "
                            + record.size());
                }
                Row row;
                try {
                    row = new Row(number(record, 0), integer(record, 1), integer(record, 2), record.get(3),
                            record.get(4), number(record, 5), record.get(6), integer(record, 7), number(record, 8),
                            number(record, 9), number(record, 10), integer(record, 11), integer(record, 12),
                            bool(record, 13), integer(record, 14), longInteger(record, 15), longInteger(record, 16),
                            integer(record, 17));
                } catch (IllegalArgumentException e) {
                    throw new FormatException(name + ":" + line + ": " + e.getMessage());
                }
                // The label names a curve: two variants of one algorithm (SEA after SP and after ℓ1) differ by it.
                String key = row.zeta() + "|" + row.label() + "|" + row.level();
                if (!keys.add(key)) {
                    throw new FormatException(name + ":" + line + ": duplicate threshold for zeta=" + row.zeta()
                            + " label=" + row.label() + " level=" + row.level());
                }
                rows.add(row);
            }
            if (header) {
                throw new FormatException(name + ":1: empty file, expected the header " + String.join(",", COLUMNS));
            }
        } catch (UncheckedIOException e) {
            throw new FormatException(name + ": malformed CSV: " + e.getCause().getMessage());
        }
        return rows;
    }

    private static double number(CSVRecord r, int column) {
        String text = r.get(column);
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + COLUMNS.get(column) + " must be a finite number: '" + text + "'");
        }
    }

    private static int integer(CSVRecord r, int column) {
        String text = r.get(column);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + COLUMNS.get(column) + " must be an integer: '" + text + "'");
        }
    }

    private static long longInteger(CSVRecord r, int column) {
        String text = r.get(column);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + COLUMNS.get(column) + " must be an integer: '" + text + "'");
        }
    }

    private static boolean bool(CSVRecord r, int column) {
        String text = r.get(column);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("column " + COLUMNS.get(column) + " must be true or false: '" + text + "'");
    }
}
