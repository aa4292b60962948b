package io.sparserepro.figures;

import io.sparserepro.experiments.ResultTables;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Panels of a metric against a grid parameter, one curve per solver, from a grid
 * experiment's {@code summary.csv} (the spike-deconvolution figures). A mean metric is drawn
 * with error bars of ±1 standard error of the mean (std/√runs: the uncertainty of the plotted
 * mean, not the spread of single runs, which the CSV's std column of summary.csv gives); a
 * rate is drawn with its 95% Wilson interval in the CSV (low, high) and no bars.
 */
final class CurvePanels {
    static final int WIDTH = 780;
    static final int HEIGHT = 560;
    /** Panel size when a figure has three or more panels in its row. */
    static final int SMALL_WIDTH = 600;
    static final int SMALL_HEIGHT = 480;

    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(0, 128, 128),
        new Color(188, 189, 34), new Color(23, 190, 207), new Color(0, 0, 128), new Color(128, 0, 0),
        new Color(0, 100, 0), new Color(85, 85, 0)};
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN};

    /** The paper's solver labels, in the order of Fig. 4's legend: each keeps its colour across figures. */
    static final List<String> KNOWN = List.of("SEA_0", "SEA_OMP", "SEA_ELS", "OMP", "OMPR", "ELS", "IHT", "HTP", "ℓ1");

    private CurvePanels() {
    }

    /**
     * Metric {@code metric} of the rows accepted by {@code filter} against parameter {@code x}.
     *
     * @param panelName the CSV's panel column
     * @throws IllegalArgumentException if no row is accepted or a column is missing
     */
    static XYChart panel(List<ResultTables.Summary> rows, Predicate<ResultTables.Summary> filter, String x,
                         String metric, String title, String xTitle, String yTitle, String panelName,
                         List<PlottedPoint> plotted) {
        return panel(rows, filter, x, metric, title, xTitle, yTitle, panelName, plotted, WIDTH, HEIGHT);
    }

    /** {@link #panel} at a given size (figures with three or more panels use smaller ones). */
    static XYChart panel(List<ResultTables.Summary> rows, Predicate<ResultTables.Summary> filter, String x,
                         String metric, String title, String xTitle, String yTitle, String panelName,
                         List<PlottedPoint> plotted, int width, int height) {
        Map<String, List<ResultTables.Summary>> bySolver = new LinkedHashMap<>();
        for (ResultTables.Summary r : rows) {
            if (filter.test(r)) {
                bySolver.computeIfAbsent(r.solver(), s -> new ArrayList<>()).add(r);
            }
        }
        if (bySolver.isEmpty()) {
            throw new IllegalArgumentException("no summary rows for panel '" + panelName + "' among " + rows.size());
        }
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        style(chart);
        boolean rate = bySolver.values().iterator().next().get(0).values().containsKey(metric + "_rate");
        int index = 0;
        for (Map.Entry<String, List<ResultTables.Summary>> e : bySolver.entrySet()) {
            List<ResultTables.Summary> curve = new ArrayList<>(e.getValue());
            curve.sort((a, b) -> Double.compare(a.parameter(x), b.parameter(x)));
            double[] xs = new double[curve.size()];
            double[] ys = new double[curve.size()];
            double[] bars = new double[curve.size()];
            for (int i = 0; i < curve.size(); i++) {
                ResultTables.Summary r = curve.get(i);
                xs[i] = r.parameter(x);
                if (rate) {
                    ys[i] = r.value(metric + "_rate");
                    plotted.add(new PlottedPoint(panelName, e.getKey(), xs[i], ys[i], r.value(metric + "_low95"),
                            r.value(metric + "_high95")));
                } else {
                    ys[i] = r.value(metric + "_mean");
                    double std = r.value(metric + "_std");
                    bars[i] = r.trials() > 1 && Double.isFinite(std) ? std / Math.sqrt(r.trials()) : 0;
                    plotted.add(new PlottedPoint(panelName, e.getKey(), xs[i], ys[i], ys[i] - bars[i], ys[i] + bars[i]));
                }
            }
            XYSeries s = rate ? chart.addSeries(e.getKey(), xs, ys) : chart.addSeries(e.getKey(), xs, ys, bars);
            styleSeries(s, e.getKey(), index++);
        }
        return chart;
    }

    /** SEA variants solid and thick, baselines dashed: the paper's message at a glance. */
    static void styleSeries(XYSeries s, String label, int index) {
        int known = KNOWN.indexOf(label.replaceAll("\\s*(\\(k\\+\\d+\\)|T=\\d+)$", ""));
        // The paper's solvers keep one colour and marker in every figure; others follow in series order.
        index = known >= 0 ? known : KNOWN.size() + index;
        Color color = PALETTE[index % PALETTE.length];
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setMarker(MARKERS[index % MARKERS.length]);
        boolean sea = label.toUpperCase().startsWith("SEA");
        s.setLineStyle(sea ? new BasicStroke(2.6f)
                : new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f));
    }

    /** The colour of {@code label} ({@link #KNOWN} labels keep theirs), else of position {@code index}. */
    static Color color(String label, int index) {
        int known = KNOWN.indexOf(label);
        return PALETTE[(known >= 0 ? known : KNOWN.size() + index) % PALETTE.length];
    }

    static void style(XYChart chart) {
        ChartStyle.apply(chart, 16, 13, 15, 13, 7);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
    }

    /** The distinct values of parameter {@code name}, in order of appearance. */
    static List<String> values(List<ResultTables.Summary> rows, String name) {
        List<String> out = new ArrayList<>();
        for (ResultTables.Summary r : rows) {
            String v = r.parameters().get(name);
            if (v == null) {
                throw new IllegalArgumentException("summary.csv has no parameter column '" + name + "'");
            }
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** A one-line setting for a figure's header, from the first row's fixed parameters. */
    static String setting(ResultTables.Summary row, String... names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            String v = row.parameters().get(n);
            if (v != null) {
                sb.append(sb.length() == 0 ? "" : ", ").append(n).append(" = ").append(v);
            }
        }
        return sb.toString();
    }
}
