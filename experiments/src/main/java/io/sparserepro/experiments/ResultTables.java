package io.sparserepro.experiments;

import io.sparserepro.core.Checks;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a declaration's {@code trials.csv} and {@code summary.csv} (columns in
 * {@link DeclarationFiles}) back as typed rows: what a figure reads. A malformed file is
 * reported with its name, line and column.
 */
public final class ResultTables {
    private ResultTables() {
    }

    /**
     * One row of {@code trials.csv}.
     *
     * @param parameters  parameter name → text of its value, in column order
     * @param metrics     metric id → value, in column order
     * @param diagnostics diagnostic name → value (absent where the solver does not report it)
     */
    public record Trial(int gridPoint, Map<String, String> parameters, int run, String solver, long seed,
                        Map<String, Double> metrics, Map<String, Double> diagnostics, double seconds) {
        /** The numeric value of parameter {@code name}. */
        public double parameter(String name) {
            return number(parameters, name);
        }

        /** Metric {@code id}. */
        public double metric(String id) {
            return value(metrics, id, "metric");
        }
    }

    /**
     * One row of {@code summary.csv}.
     *
     * @param parameters parameter name → text of its value, in column order
     * @param values     every statistic column ({@code success_rate}, {@code supportDistance_mean},
     *                   {@code diag.bestIteration_mean}, {@code time_s_mean}, ...) → value, NaN where empty
     */
    public record Summary(int gridPoint, Map<String, String> parameters, String solver, int trials,
                          Map<String, Double> values) {
        /** The numeric value of parameter {@code name}. */
        public double parameter(String name) {
            return number(parameters, name);
        }

        /** The statistic {@code column}. */
        public double value(String column) {
            return ResultTables.value(values, column, "column");
        }
    }

    /** Every row of a {@code trials.csv}. */
    public static List<Trial> readTrials(Path file) {
        List<Trial> rows = new ArrayList<>();
        read(file, (header, record, cells) -> {
            int run = header.indexOf("run");
            int solver = header.indexOf("solver");
            int time = header.indexOf("time_s");
            if (run < 1 || solver != run + 1 || header.indexOf("seed") != run + 2 || time != header.size() - 1) {
                throw new IllegalArgumentException("not a trials.csv header (gridPoint, parameters..., run, solver, seed,"
                        + " metrics..., diag.*..., time_s): " + header);
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            Map<String, Double> diagnostics = new LinkedHashMap<>();
            for (int i = run + 3; i < time; i++) {
                String name = header.get(i);
                if (name.startsWith("diag.")) {
                    if (!record.get(i).isEmpty()) {
                        diagnostics.put(name.substring(5), cells.number(i));
                    }
                } else {
                    metrics.put(name, cells.number(i));
                }
            }
            rows.add(new Trial(cells.integer(0), parameters(header, record, run), cells.integer(run), record.get(solver),
                    cells.longInteger(run + 2), Collections.unmodifiableMap(metrics),
                    Collections.unmodifiableMap(diagnostics), cells.number(time)));
        });
        return rows;
    }

    /** Every row of a {@code summary.csv}. */
    public static List<Summary> readSummary(Path file) {
        List<Summary> rows = new ArrayList<>();
        read(file, (header, record, cells) -> {
            int solver = header.indexOf("solver");
            if (solver < 1 || header.indexOf("trials") != solver + 1) {
                throw new IllegalArgumentException("not a summary.csv header (gridPoint, parameters..., solver, trials,"
                        + " statistics...): " + header);
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (int i = solver + 2; i < header.size(); i++) {
                values.put(header.get(i), record.get(i).isEmpty() ? Double.NaN : cells.number(i));
            }
            rows.add(new Summary(cells.integer(0), parameters(header, record, solver), record.get(solver),
                    cells.integer(solver + 1), Collections.unmodifiableMap(values)));
        });
        return rows;
    }

    private static Map<String, String> parameters(List<String> header, CSVRecord record, int end) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < end; i++) {
            values.put(header.get(i), record.get(i));
        }
        return Collections.unmodifiableMap(values);
    }

    private interface RowReader {
        void read(List<String> header, CSVRecord record, Cells cells);
    }

    /** Typed access to one record's cells, with messages naming file, line and column. */
    private record Cells(Path file, List<String> header, CSVRecord record) {
        double number(int i) {
            try {
                return Double.parseDouble(record.get(i));
            } catch (NumberFormatException e) {
                throw error("is not a number", i);
            }
        }

        int integer(int i) {
            try {
                return Integer.parseInt(record.get(i));
            } catch (NumberFormatException e) {
                throw error("is not an integer", i);
            }
        }

        long longInteger(int i) {
            try {
                return Long.parseLong(record.get(i));
            } catch (NumberFormatException e) {
                throw error("is not an integer", i);
            }
        }

        private IllegalArgumentException error(String what, int i) {
            return new IllegalArgumentException(file + " line " + (record.getRecordNumber() + 1) + ", column "
                    + header.get(i) + ": '" + record.get(i) + "' " + what);
        }
    }

    private static void read(Path file, RowReader reader) {
        Checks.requireNonNull("file", file);
        try (Reader in = Files.newBufferedReader(file);
             CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                throw new IllegalArgumentException(file + " is empty: no header");
            }
            List<String> header = records.get(0).toList();
            for (int i = 1; i < records.size(); i++) {
                CSVRecord record = records.get(i);
                if (record.size() != header.size()) {
                    throw new IllegalArgumentException(file + " line " + (record.getRecordNumber() + 1) + ": "
                            + record.size() + " fields, the header has " + header.size());
                }
                try {
                    reader.read(header, record, new Cells(file, header, record));
                } catch (IllegalArgumentException e) {
                    if (e.getMessage().startsWith(file.toString())) {
                        throw e;
                    }
                    throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("result file not found: " + file + " (run the experiment first)");
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static double number(Map<String, String> values, String name) {
        String text = values.get(name);
        if (text == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; parameters: " + values.keySet());
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " is not a number: '" + text + "'");
        }
    }

    private static double value(Map<String, Double> values, String name, String what) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no " + what + " '" + name + "'; there are: " + values.keySet());
        }
        return v;
    }
}
