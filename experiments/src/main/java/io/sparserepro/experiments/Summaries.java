package io.sparserepro.experiments;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * Per (grid point, solver) statistics of a complete set of trials: see {@link ResultStore}
 * for the columns. Values are accumulated over runs in canonical order, so the text is a
 * function of the rows only.
 */
public final class Summaries {
    /** The confidence level of the success-rate interval. */
    public static final double CONFIDENCE = 0.95;

    private Summaries() {
    }

    /** {@code summary.csv}'s content for {@code rows} (sorted canonically). */
    static String text(ExperimentSpec spec, List<Metric> rowMetrics, List<GridPoint> points,
                       List<String> diagnosticNames, List<TrialRow> rows) {
        int solvers = spec.solvers().size();
        List<List<List<TrialRow>>> cells = new ArrayList<>();
        for (int g = 0; g < points.size(); g++) {
            List<List<TrialRow>> perSolver = new ArrayList<>();
            for (int s = 0; s < solvers; s++) {
                perSolver.add(new ArrayList<>());
            }
            cells.add(perSolver);
        }
        for (TrialRow row : rows) {
            cells.get(row.key().gridPoint()).get(row.key().solverIndex()).add(row);
        }
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, ResultStore.CSV)) {
            List<String> header = new ArrayList<>();
            header.add("gridPoint");
            header.addAll(spec.parameterNames());
            header.addAll(List.of("solver", "trials"));
            for (Metric m : rowMetrics) {
                if (m == Metric.SUCCESS) {
                    header.addAll(List.of("success_rate", "success_low95", "success_high95"));
                } else {
                    header.addAll(List.of(m.id() + "_mean", m.id() + "_std"));
                }
            }
            for (String d : diagnosticNames) {
                header.addAll(List.of(d + "_mean", d + "_std"));
            }
            header.addAll(List.of("time_mean", "time_std"));
            printer.printRecord(header);
            for (int g = 0; g < points.size(); g++) {
                for (int s = 0; s < solvers; s++) {
                    List<TrialRow> cell = cells.get(g).get(s);
                    if (cell.isEmpty()) {
                        continue;
                    }
                    List<String> fields = new ArrayList<>();
                    fields.add(Integer.toString(g));
                    points.get(g).values().values().forEach(v -> fields.add(ParameterValues.format(v)));
                    fields.add(spec.solvers().get(s));
                    fields.add(Integer.toString(cell.size()));
                    for (int i = 0; i < rowMetrics.size(); i++) {
                        int index = i;
                        double[] values = cell.stream().mapToDouble(r -> r.metrics().get(index)).toArray();
                        if (rowMetrics.get(i) == Metric.SUCCESS) {
                            successColumns(values, fields);
                        } else {
                            meanAndSpread(values, fields);
                        }
                    }
                    for (String d : diagnosticNames) {
                        double[] values = cell.stream().map(r -> r.diagnostics().get(d))
                                .filter(v -> v != null && Double.isFinite(v)).mapToDouble(Double::doubleValue).toArray();
                        meanAndSpread(values, fields);
                    }
                    meanAndSpread(cell.stream().mapToDouble(TrialRow::seconds).toArray(), fields);
                    printer.printRecord(fields);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void successColumns(double[] values, List<String> fields) {
        int successes = 0;
        for (double v : values) {
            if (v == 1.0) {
                successes++;
            }
        }
        ConfidenceInterval ci = wilson(values.length, successes);
        fields.add(ParameterValues.format((double) successes / values.length));
        // Commons Math's bounds are off by round-off at the ends (6e-18 for 0 successes, an ulp
        // beyond 1); the Wilson interval of 0 (of all) successes starts at 0 (ends at 1) exactly.
        double low = successes == 0 ? 0.0 : Math.max(0.0, ci.getLowerBound());
        double high = successes == values.length ? 1.0 : Math.min(1.0, ci.getUpperBound());
        fields.add(ParameterValues.format(low));
        fields.add(ParameterValues.format(high));
    }

    /** The Wilson score interval at {@link #CONFIDENCE} of {@code successes} out of {@code trials}. */
    public static ConfidenceInterval wilson(int trials, int successes) {
        return new WilsonScoreInterval().createInterval(trials, successes, CONFIDENCE);
    }

    private static void meanAndSpread(double[] values, List<String> fields) {
        if (values.length == 0) {
            fields.add("");
            fields.add("");
            return;
        }
        fields.add(ParameterValues.format(new Mean().evaluate(values)));
        fields.add(ParameterValues.format(values.length < 2 ? 0.0 : new StandardDeviation().evaluate(values)));
    }
}
