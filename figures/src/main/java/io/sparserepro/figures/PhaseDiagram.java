package io.sparserepro.figures;

import io.sparserepro.experiments.phase.DonohoTanner;
import io.sparserepro.experiments.phase.ThresholdTable;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The phase-transition panel (SEA paper, Figs. 1 left and 2): x = ζ = m/n, y = ρ = k/m, one
 * line per solver through its thresholds at one success level, with the band the threshold
 * search left undecided drawn as a translucent area of the line's colour, and optionally the
 * Donoho–Tanner weak threshold of ℓ1 computed by {@link DonohoTanner}. Reusable: a figure that
 * combines this panel with another (Fig. 1: with the deconvolution panel) calls
 * {@link #panel} and hands the charts to {@link FigureRendering#write}.
 */
public final class PhaseDiagram {
    /** Panel size in layout points (a 72-dpi PNG has these pixels). */
    public static final int WIDTH = 780;
    public static final int HEIGHT = 600;

    /** The legend text of the theoretical curve. */
    public static final String DONOHO_TANNER_LABEL = "ℓ1 weak threshold (Donoho–Tanner, theory)";

    /** δ grid of the theoretical curve: 0.01 … 1 in steps of 0.01 (100 points). */
    static final int DONOHO_TANNER_POINTS = 100;

    /**
     * Distinct colours for up to 14 curves (Tableau 10 plus four darker tones), in series order;
     * they repeat beyond 14 with other markers and dashes.
     */
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207), new Color(0, 0, 128), new Color(128, 0, 0),
        new Color(0, 100, 0), new Color(85, 85, 0)};
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN};

    private PhaseDiagram() {
    }

    /**
     * The panel of {@code rows} at success level {@code level} (rows at other levels are
     * ignored). Solvers appear in the order of their first row; the legend shows each row's
     * label. Adds one {@link PlottedPoint} per threshold (with its band) and, if
     * {@code withDonohoTanner}, per point of the theoretical curve, to {@code plotted}.
     *
     * @param panelName the value of the CSV's panel column, e.g. {@code 95%}
     * @throws IllegalArgumentException if no row has this level
     */
    public static XYChart panel(List<ThresholdTable.Row> rows, double level, String title, String panelName,
                                boolean withDonohoTanner, List<PlottedPoint> plotted) {
        if (rows == null || title == null || panelName == null || plotted == null) {
            throw new IllegalArgumentException("rows, title, panelName and plotted must not be null");
        }
        FigureRendering.ensureHeadless();
        // One curve per label: variants of one algorithm (SEA alone, after SP, after ℓ1) are
        // different curves, and thresholds.csv keeps labels unique per (ζ, level).
        Map<String, List<ThresholdTable.Row>> bySolver = new LinkedHashMap<>();
        for (ThresholdTable.Row r : rows) {
            if (Math.abs(r.level() - level) < 1e-9) {
                bySolver.computeIfAbsent(r.label(), s -> new ArrayList<>()).add(r);
            }
        }
        if (bySolver.isEmpty()) {
            throw new IllegalArgumentException("no thresholds at level " + level + " among " + rows.size() + " rows");
        }
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle("ζ = m/n");
        chart.setYAxisTitle("ρ = k/m");
        style(chart);

        int index = 0;
        double top = 0;
        for (Map.Entry<String, List<ThresholdTable.Row>> e : bySolver.entrySet()) {
            List<ThresholdTable.Row> curve = new ArrayList<>(e.getValue());
            curve.sort(Comparator.comparingDouble(ThresholdTable.Row::zeta));
            String name = e.getKey();
            Color color = PALETTE[index % PALETTE.length];
            int n = curve.size();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] bandX = new double[2 * n];
            double[] bandY = new double[2 * n];
            for (int i = 0; i < n; i++) {
                ThresholdTable.Row r = curve.get(i);
                x[i] = r.zeta();
                y[i] = r.rho();
                bandX[i] = r.zeta();
                bandY[i] = r.rhoLow();
                bandX[2 * n - 1 - i] = r.zeta();
                bandY[2 * n - 1 - i] = r.rhoHigh();
                plotted.add(new PlottedPoint(panelName, name, r.zeta(), r.rho(), r.rhoLow(), r.rhoHigh()));
                top = Math.max(top, r.rhoHigh());
            }
            // The band first, so that every line is drawn over every band.
            XYSeries band = chart.addSeries(name + " band", bandX, bandY);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 50));
            band.setLineColor(new Color(0, 0, 0, 0));
            band.setMarker(SeriesMarkers.NONE);
            band.setShowInLegend(false);

            XYSeries line = chart.addSeries(name, x, y);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(color);
            line.setMarkerColor(color);
            line.setMarker(MARKERS[index % MARKERS.length]);
            boolean sea = name.toUpperCase().startsWith("SEA");
            // SEA variants solid and thicker, baselines dashed: the paper's message at a glance.
            line.setLineStyle(sea ? new BasicStroke(2.6f)
                    : new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f));
            index++;
        }
        if (withDonohoTanner) {
            double[] delta = new double[DONOHO_TANNER_POINTS];
            for (int i = 0; i < delta.length; i++) {
                delta[i] = (i + 1) / (double) DONOHO_TANNER_POINTS;
            }
            double[] rho = DonohoTanner.weakThreshold(delta);
            XYSeries dt = chart.addSeries(DONOHO_TANNER_LABEL, delta, rho);
            dt.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            dt.setLineColor(Color.BLACK);
            dt.setMarker(SeriesMarkers.NONE);
            dt.setLineStyle(new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {10f, 4f, 2f, 4f}, 0f));
            for (int i = 0; i < delta.length; i++) {
                plotted.add(PlottedPoint.of(panelName, DONOHO_TANNER_LABEL, delta[i], rho[i]));
                top = Math.max(top, rho[i]);
            }
        }
        // ρ from 0 to the next tenth above the highest band, plus a tenth of headroom, at most 1:
        // 95% curves (ρ ≲ 0.4) are not squeezed into the bottom of a [0, 1] axis.
        chart.getStyler().setYAxisMax(Math.min(1.0, Math.ceil(top * 10 - 1e-9) / 10 + 0.1));
        return chart;
    }

    /** Readable fonts, the legend outside the plot (it never covers a curve), ζ and ρ axes from 0 (ρ up to 1 until {@link #panel} lowers it). */
    static void style(XYChart chart) {
        ChartStyle.apply(chart, 17, 13, 16, 13, 7);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(1.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setYAxisDecimalPattern("0.0");
    }

    /**
     * The setting of a thresholds table, for a figure's header: {@code n = 500, N ≤ 1000 runs
     * per point}, and the stopping rule if all rows share one.
     */
    static String settingOf(List<ThresholdTable.Row> rows) {
        var ns = rows.stream().map(ThresholdTable.Row::n).distinct().sorted().toList();
        var budgets = rows.stream().map(ThresholdTable.Row::maxRuns).distinct().sorted().toList();
        return "n = " + join(ns) + ", up to " + join(budgets) + " runs per point";
    }

    private static String join(List<Integer> values) {
        return values.size() == 1 ? values.get(0).toString()
                : values.stream().map(String::valueOf).reduce((a, b) -> a + "/" + b).orElse("");
    }
}
