package io.sparserepro.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * The rows of {@code summary.csv} (columns in {@link DeclarationFiles}). Values are
 * accumulated over runs in canonical order, so the text is a function of the trials only.
 */
public final class Summaries {
    /** The confidence level of a rate's interval. */
    public static final double CONFIDENCE = 0.95;

    private Summaries() {
    }

    static List<String> header(ExperimentSpec spec, List<Metric> metrics, List<String> diagnostics) {
        List<String> header = new ArrayList<>(List.of("gridPoint"));
        header.addAll(spec.parameterNames());
        header.addAll(List.of("solver", "trials"));
        for (Metric m : metrics) {
            if (m.isRate()) {
                header.addAll(List.of(m.id() + "_rate", m.id() + "_low95", m.id() + "_high95"));
            } else {
                header.addAll(List.of(m.id() + "_mean", m.id() + "_std"));
            }
        }
        for (String d : diagnostics) {
            header.addAll(List.of("diag." + d + "_mean", "diag." + d + "_std"));
        }
        header.addAll(List.of("time_s_mean", "time_s_std"));
        return header;
    }

    static List<String> row(ExperimentSpec spec, List<Metric> metrics, List<String> diagnostics,
                            DeclarationFiles.PointRows point, int solver) {
        List<StoredTrial> cell = point.trials().stream().map(row -> row[solver]).toList();
        List<String> fields = new ArrayList<>(List.of(Integer.toString(point.point().index())));
        point.point().values().values().forEach(v -> fields.add(ParameterValues.format(v)));
        fields.add(spec.solvers().get(solver).label());
        fields.add(Integer.toString(cell.size()));
        for (Metric m : metrics) {
            double[] values = cell.stream().mapToDouble(t -> t.metrics().get(m.id())).toArray();
            if (m.isRate()) {
                rateColumns(values, fields);
            } else {
                meanAndSpread(values, fields);
            }
        }
        for (String d : diagnostics) {
            double[] values = cell.stream().map(t -> t.diagnostics().get(d)).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
            meanAndSpread(values, fields);
        }
        meanAndSpread(cell.stream().mapToDouble(StoredTrial::seconds).toArray(), fields);
        return fields;
    }

    private static void rateColumns(double[] values, List<String> fields) {
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
