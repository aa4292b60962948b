package io.sparserepro.figures;

import io.sparserepro.experiments.unfolding.Fig2Summary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Deep greedy unfolding, Fig. 2 (SPEC-UNFOLDING): error ‖x̂ − x‖ against τ of (a) OMP and
 * Soft-OMP and (b) IHT and Soft-IHT at each σ, drawn as 10^mean(log10 err) with the band
 * 10^(mean ± std), on log-log axes, x ∈ [1e-10, 10^1.5], y ∈ [10^-6.5, 10]; one colour per σ,
 * the exact algorithm a flat line in a bright shade and the soft one in a dark shade with
 * markers. Panels (c) and (d) are the companion difference panels: ‖x⁽ⁿ⁾ − x̃⁽ⁿ⁾‖/‖x⁽ⁿ⁾‖ at
 * σ = 1e-3 plotted as 10^mean(log10(1e-12 + d)) ± std, y ∈ [1e-14, 10], one colour per n.
 * Input {@code summary}: the Fig. 2 experiment's {@code summary.csv}.
 */
public final class UnfoldingFigure2 implements Figure {
    public static final String ID = "unfolding-fig2";
    public static final String INPUT = "summary";
    static final int WIDTH = 460;
    static final int HEIGHT = 440;
    /** Extra height of panels (a) and (b) for their legend of six entries below the plot. */
    static final int LEGEND_HEIGHT = 120;

    /** Bright (exact) and dark (soft) shades, one pair per σ in increasing order. */
    private static final Color[][] SHADES = {
            {new Color(110, 180, 255), new Color(8, 48, 140)},
            {new Color(120, 220, 120), new Color(0, 100, 30)},
            {new Color(255, 130, 110), new Color(150, 10, 10)},
            {new Color(210, 150, 255), new Color(80, 20, 130)}};
    private static final Color[] ITERATION_COLORS = {new Color(31, 119, 180), new Color(255, 127, 14),
            new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189)};

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Soft-OMP and Soft-IHT approximate OMP and IHT: error and iterate distance against τ";
    }

    @Override
    public String caption() {
        return "Approximation accuracy of Soft-OMP and Soft-IHT as a function of the temperature τ, for noise levels "
                + "σ ∈ {1e-5, 1e-3, 1e-1}: (a) OMP vs Soft-OMP (15 iterations), (b) IHT vs Soft-IHT (30 iterations, "
                + "η = 0.6); A ∈ R^{200×400} Gaussian with unit-norm columns, s = 15, 50 trials (geometric mean and "
                + "±1 std band in log scale). (c), (d): relative distance between the n-th iterates of X and Soft-X "
                + "at σ = 1e-3.";
    }

    @Override
    public List<FigureInput> inputs() {
        return List.of(new FigureInput(INPUT, "summary.csv of the unfolding Fig. 2 experiment"));
    }

    @Override
    public List<Path> draw(FigureInputs inputs, Path outputDir, FigureOptions options) throws IOException {
        if (inputs == null || outputDir == null || options == null) {
            throw new IllegalArgumentException("inputs, outputDir and options must not be null");
        }
        List<Fig2Summary.Row> rows = Fig2Summary.read(inputs.require(INPUT));
        List<PlottedPoint> plotted = new ArrayList<>();
        List<XYChart> panels = new ArrayList<>();
        panels.add(errorPanel(rows, "a", "(Soft-)OMP", "OMP", "Soft-OMP", plotted));
        panels.add(errorPanel(rows, "b", "(Soft-)IHT", "IHT", "Soft-IHT", plotted));
        panels.add(differencePanel(rows, "c", "Soft-OMP vs OMP: n-th iterates", plotted));
        panels.add(differencePanel(rows, "d", "Soft-IHT vs IHT: n-th iterates", plotted));
        int trials = rows.stream().mapToInt(Fig2Summary.Row::trials).max().orElse(0);
        return FigureRendering.write(ID, "Fig. 2: error against τ (a, b) and iterate distance (c, d); " + trials
                + " trials", panels, plotted, outputDir, options);
    }

    private static XYChart chart(String title, String yTitle, double yMin, double yMax, boolean legendBelow) {
        XYChart chart = new XYChart(WIDTH, legendBelow ? HEIGHT + LEGEND_HEIGHT : HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle("τ");
        chart.setYAxisTitle(yTitle);
        Styler styler = chart.getStyler();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisMin(1e-10);
        chart.getStyler().setXAxisMax(Math.pow(10, 1.5));
        chart.getStyler().setYAxisMin(yMin);
        chart.getStyler().setYAxisMax(yMax);
        // 12 decades of τ: labels turned so that they do not overlap. (A formatting function that
        // blanks every other label sends XChart 3.8.8's tick spacing search into an endless loop.)
        chart.getStyler().setXAxisDecimalPattern("0E0");
        chart.getStyler().setYAxisDecimalPattern("0E0");
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        // Six curves in (a) and (b): their legend goes below the plot, where it hides none of them.
        styler.setLegendPosition(legendBelow ? Styler.LegendPosition.OutsideS : Styler.LegendPosition.InsideNW);
        styler.setLegendFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
        styler.setLegendBackgroundColor(new Color(255, 255, 255, 210));
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        return chart;
    }

    private static XYChart errorPanel(List<Fig2Summary.Row> rows, String panel, String title, String exact,
                                      String soft, List<PlottedPoint> plotted) {
        XYChart chart = chart(title, "‖x̂ − x‖ (geometric mean ± std)", Math.pow(10, -6.5), 10, true);
        TreeSet<Double> sigmas = new TreeSet<>();
        rows.stream().filter(r -> r.panel().equals(panel)).forEach(r -> sigmas.add(r.sigma()));
        if (sigmas.isEmpty()) {
            throw new IllegalArgumentException("summary has no rows for panel " + panel);
        }
        List<Double> taus = rows.stream().filter(r -> r.panel().equals(panel) && !r.exact())
                .map(Fig2Summary.Row::tau).distinct().sorted().toList();
        int index = 0;
        for (double sigma : sigmas) {
            Color[] shade = SHADES[index++ % SHADES.length];
            String sig = String.format(Locale.ROOT, "σ=%.0e", sigma);
            List<Fig2Summary.Row> softRows = rows.stream()
                    .filter(r -> r.panel().equals(panel) && r.algorithm().equals(soft) && r.sigma() == sigma)
                    .sorted(Comparator.comparingDouble(Fig2Summary.Row::tau)).toList();
            Fig2Summary.Row exactRow = rows.stream()
                    .filter(r -> r.panel().equals(panel) && r.algorithm().equals(exact) && r.sigma() == sigma)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + exact + " row at σ " + sigma));
            // The exact algorithm does not depend on τ: a flat line across the τ range, bright shade.
            List<Fig2Summary.Row> flat = new ArrayList<>();
            for (double tau : taus.isEmpty() ? List.of(1e-10, Math.pow(10, 1.5)) : taus) {
                flat.add(new Fig2Summary.Row(panel, exact, sigma, exactRow.iteration(), tau, exactRow.mean(),
                        exactRow.std(), exactRow.trials()));
            }
            curve(chart, panel, exact + ", " + sig, flat, shade[0], false, plotted);
            curve(chart, panel, soft + ", " + sig, softRows, shade[1], true, plotted);
        }
        return chart;
    }

    private static XYChart differencePanel(List<Fig2Summary.Row> rows, String panel, String title,
                                           List<PlottedPoint> plotted) {
        XYChart chart = chart(title, "‖x⁽ⁿ⁾ − x̃⁽ⁿ⁾‖/‖x⁽ⁿ⁾‖ (1e-12 + ·)", 1e-14, 10, false);
        Map<Integer, List<Fig2Summary.Row>> byIteration = new LinkedHashMap<>();
        rows.stream().filter(r -> r.panel().equals(panel)).sorted(Comparator.comparingInt(Fig2Summary.Row::iteration)
                .thenComparingDouble(Fig2Summary.Row::tau))
                .forEach(r -> byIteration.computeIfAbsent(r.iteration(), k -> new ArrayList<>()).add(r));
        if (byIteration.isEmpty()) {
            throw new IllegalArgumentException("summary has no rows for panel " + panel);
        }
        int index = 0;
        for (Map.Entry<Integer, List<Fig2Summary.Row>> e : byIteration.entrySet()) {
            Fig2Summary.Row first = e.getValue().get(0);
            String label = String.format(Locale.ROOT, "n=%d (σ=%.0e)", e.getKey(), first.sigma());
            curve(chart, panel, label, e.getValue(), ITERATION_COLORS[index++ % ITERATION_COLORS.length], true,
                    plotted);
        }
        return chart;
    }

    private static void curve(XYChart chart, String panel, String name, List<Fig2Summary.Row> points, Color color,
                              boolean markers, List<PlottedPoint> plotted) {
        int n = points.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] bandX = new double[2 * n];
        double[] bandY = new double[2 * n];
        for (int i = 0; i < n; i++) {
            Fig2Summary.Row r = points.get(i);
            x[i] = r.tau();
            y[i] = Math.pow(10, r.mean());
            double low = Math.pow(10, r.mean() - r.std());
            double high = Math.pow(10, r.mean() + r.std());
            bandX[i] = r.tau();
            bandY[i] = low;
            bandX[2 * n - 1 - i] = r.tau();
            bandY[2 * n - 1 - i] = high;
            plotted.add(new PlottedPoint(panel, name, x[i], y[i], low, high));
        }
        XYSeries band = chart.addSeries(name + " band", bandX, bandY);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 45));
        band.setLineColor(new Color(0, 0, 0, 0));
        band.setMarker(SeriesMarkers.NONE);
        band.setShowInLegend(false);
        XYSeries line = chart.addSeries(name, x, y);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(color);
        line.setMarkerColor(color);
        line.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        line.setLineStyle(markers ? new BasicStroke(1.8f)
                : new BasicStroke(2.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 4f}, 0f));
    }
}
