package io.sparserepro.figures;

import io.sparserepro.experiments.regression.RegressionTable;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Sparse linear regression on real data, as in the ELS paper (Axiotis &amp; Sviridenko, ICML 2020,
 * §6, normalised loss against sparsity) with the SEA variants added: per data set, a panel of
 * the training objective ‖Ax − y‖²/‖y‖² against k, one line per solver, and beside it a panel of
 * the relative test error; one row of two panels per data set. Reads {@code regression.csv} ({@link RegressionTable}); data sets
 * and solvers appear in the order of their first row.
 */
public final class ElsRegressionFigure implements Figure {
    public static final String ID = "els-regression";
    public static final String INPUT = "regression";

    static final int WIDTH = 520;
    static final int HEIGHT = 440;
    /** Extra width of the right column's panels, which carry the legend. */
    static final int LEGEND_WIDTH = 190;

    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)};
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN};

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Sparse linear regression on real data: training objective and test error against k";
    }

    @Override
    public String caption() {
        return "Not a figure of the SEA paper: the ELS paper's experiment (normalised least-squares loss "
                + "‖Ax − y‖²/‖y‖² against the sparsity k on regression data sets, Axiotis & Sviridenko 2020, §6), "
                + "with SEA₀, SEA_OMP and SEA_ELS added, and the error on held-out samples beside it. Solvers that pick "
                + "the same support draw the same point, so coinciding curves hide each other (SEA's are drawn last); "
                + "the report's tables give every value.";
    }

    @Override
    public List<FigureInput> inputs() {
        return List.of(new FigureInput(INPUT, "regression.csv of the els-regression experiment"));
    }

    @Override
    public List<Path> draw(FigureInputs inputs, Path outputDir, FigureOptions options) throws IOException {
        if (inputs == null || outputDir == null || options == null) {
            throw new IllegalArgumentException("inputs, outputDir and options must not be null");
        }
        Path file = inputs.require(INPUT);
        List<RegressionTable.Row> rows = RegressionTable.read(file);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("file " + file + " has no rows: nothing to draw");
        }
        Map<String, List<RegressionTable.Row>> byDataset = new LinkedHashMap<>();
        Set<String> solvers = new LinkedHashSet<>();
        for (RegressionTable.Row r : rows) {
            byDataset.computeIfAbsent(r.dataset(), d -> new ArrayList<>()).add(r);
            solvers.add(r.solver());
        }
        List<String> solverOrder = new ArrayList<>(solvers);
        List<List<XYChart>> panels = new ArrayList<>();
        List<PlottedPoint> plotted = new ArrayList<>();
        for (Map.Entry<String, List<RegressionTable.Row>> e : byDataset.entrySet()) {
            RegressionTable.Row first = e.getValue().get(0);
            String setting = e.getKey() + " (" + (first.trainSamples() + first.testSamples()) + "×" + first.features()
                    + ")";
            // A legend beside every row's right panel: the rows' plot areas stay aligned, and a
            // reader of a tall figure (many data sets) finds the legend on every row.
            XYChart objective = panel(e.getValue(), solverOrder, setting + ": training objective",
                    "‖Ax − y‖² / ‖y‖² (train)", e.getKey() + " train", false, false, plotted);
            boolean hasTest = e.getValue().stream().anyMatch(r -> !Double.isNaN(r.testError()));
            XYChart test = panel(e.getValue(), solverOrder, setting + (hasTest ? ": test error" : ": no test samples"), hasTest
                    ? "test error / error of the training mean" : "(no test samples)", e.getKey() + " test", true,
                    true, plotted);
            panels.add(List.of(objective, test));
        }
        return FigureRendering.writeRows(ID, "Sparse regression: objective and test error against k (one line per solver)",
                panels, plotted, outputDir, options);
    }

    private static XYChart panel(List<RegressionTable.Row> rows, List<String> solverOrder, String title,
                                 String yTitle, String panelName, boolean test, boolean legend,
                                 List<PlottedPoint> plotted) {
        XYChart chart = new XYChart(WIDTH + (test ? LEGEND_WIDTH : 0), HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle("k (features in the model)");
        chart.setYAxisTitle(yTitle);
        style(chart, legend);
        int index = 0;
        for (String solver : solverOrder) {
            List<RegressionTable.Row> curve = rows.stream().filter(r -> r.solver().equals(solver))
                    .filter(r -> !test || !Double.isNaN(r.testError()))
                    .sorted(java.util.Comparator.comparingInt(RegressionTable.Row::k)).toList();
            Color color = PALETTE[index % PALETTE.length];
            int marker = index;
            index++;
            if (curve.isEmpty()) {
                continue;
            }
            double[] x = new double[curve.size()];
            double[] y = new double[curve.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = curve.get(i).k();
                y[i] = test ? curve.get(i).testError() : curve.get(i).trainObjective();
                plotted.add(PlottedPoint.of(panelName, solver, x[i], y[i]));
            }
            XYSeries line = chart.addSeries(solver, x, y);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(color);
            line.setMarkerColor(color);
            line.setMarker(MARKERS[marker % MARKERS.length]);
            boolean sea = solver.toUpperCase(java.util.Locale.ROOT).startsWith("SEA");
            // SEA solid and thicker, baselines dashed, as in the phase diagrams.
            line.setLineStyle(sea ? new BasicStroke(2.4f)
                    : new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
        }
        if (chart.getSeriesMap().isEmpty()) {
            // Nothing to plot (no test samples): keep the k axis of the row rather than XChart's −1..1.
            chart.getStyler().setXAxisMin((double) rows.stream().mapToInt(RegressionTable.Row::k).min().orElse(1));
            chart.getStyler().setXAxisMax((double) rows.stream().mapToInt(RegressionTable.Row::k).max().orElse(1));
            chart.getStyler().setYAxisTicksVisible(false);
        }
        return chart;
    }

    private static void style(XYChart chart, boolean legend) {
        ChartStyle.apply(chart, 14, 12, 13, 11, 6);
        chart.getStyler().setLegendVisible(legend);
    }
}
