package io.sparserepro.figures;

import io.sparserepro.experiments.InstanceExperiment;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * SEA paper, Fig. 3: one deconvolution instance at k = 20, cropped to a crowded area: x* and y
 * on the top track, then one track per algorithm with its estimate as coloured stems over x*
 * in light grey. Tracks are offset vertically by {@link #TRACK_SPACING}. The crop is the window of
 * {@link #WINDOW} samples holding the most true spikes (the leftmost such window), chosen from
 * the data by this class; the instance and the estimates come from the instance experiment's
 * instance.csv.
 */
public final class SeaFigure3 implements Figure {
    /** Width of the cropped window, in samples. */
    static final int WINDOW = 80;
    /** Vertical distance between tracks: amplitudes are within ±2 (the paper's [1, 2]), so tracks never overlap. */
    static final double TRACK_SPACING = 5.0;

    @Override
    public String id() {
        return DeconvolutionFigures.FIG3;
    }

    @Override
    public String title() {
        return "Spike deconvolution: one instance at k = 20 cropped to a crowded area, x*, y and each estimate";
    }

    @Override
    public String caption() {
        return "Spike deconvolution: representation of an instance of x* and y with the solutions provided by the "
                + "algorithms when k = 20. This is a cropped version of a crowded area (spikes are close).";
    }

    @Override
    public List<FigureInput> inputs() {
        return List.of(new FigureInput(DeconvolutionFigures.INSTANCE, "instance.csv of the instance experiment"));
    }

    /** The start of the {@code window}-sample window with the most non-zeros of {@code truth} (leftmost on ties). */
    static int crowdedStart(double[] truth, int window) {
        int n = truth.length;
        int w = Math.min(window, n);
        int count = 0;
        for (int i = 0; i < w; i++) {
            count += truth[i] != 0 ? 1 : 0;
        }
        int best = count;
        int bestStart = 0;
        for (int start = 1; start + w <= n; start++) {
            count += (truth[start + w - 1] != 0 ? 1 : 0) - (truth[start - 1] != 0 ? 1 : 0);
            if (count > best) {
                best = count;
                bestStart = start;
            }
        }
        return bestStart;
    }

    @Override
    public List<Path> draw(FigureInputs inputs, Path outputDir, FigureOptions options) throws IOException {
        DeconvolutionFigures.requireArguments(inputs, outputDir, options);
        Map<String, double[]> columns = InstanceExperiment.readInstance(inputs.require(DeconvolutionFigures.INSTANCE));
        double[] truth = columns.get("truth");
        double[] y = columns.get("observation");
        List<String> solvers = new ArrayList<>(columns.keySet()).subList(3, columns.size());
        int start = crowdedStart(truth, WINDOW);
        int end = Math.min(truth.length, start + WINDOW);
        int spikes = 0;
        for (int i = start; i < end; i++) {
            spikes += truth[i] != 0 ? 1 : 0;
        }
        XYChart chart = new XYChart(1100, 260 + 110 * (solvers.size() + 1));
        chart.setTitle("Samples " + start + "–" + (end - 1) + " (" + spikes + " of the " + count(truth)
                + " spikes); tracks offset by " + (int) TRACK_SPACING);
        chart.setXAxisTitle("sample index");
        chart.setYAxisTitle("amplitude (each track around its own zero line)");
        CurvePanels.style(chart);
        chart.getStyler().setYAxisTicksVisible(false);
        // Two samples of margin, so a spike on the window's edge is not drawn on the frame.
        chart.getStyler().setXAxisMin(start - 2.0);
        chart.getStyler().setXAxisMax(end + 1.0);
        List<PlottedPoint> plotted = new ArrayList<>();
        // Top track: y as a line and x* as stems.
        double[] xs = new double[end - start];
        double[] ys = new double[end - start];
        for (int i = start; i < end; i++) {
            xs[i - start] = i;
            ys[i - start] = y[i];
            plotted.add(PlottedPoint.of("y", "y", i, y[i]));
        }
        XYSeries ySeries = chart.addSeries("y = A x*", xs, ys);
        ySeries.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        ySeries.setLineColor(new Color(90, 90, 90));
        ySeries.setMarker(SeriesMarkers.NONE);
        ySeries.setLineStyle(new BasicStroke(1.6f));
        stems(chart, "x*", truth, start, end, 0, Color.BLACK, true, plotted);
        for (int s = 0; s < solvers.size(); s++) {
            double base = -(s + 1) * TRACK_SPACING;
            stems(chart, "x* (grey) under " + solvers.get(s), truth, start, end, base, new Color(205, 205, 205), false,
                    null);
            stems(chart, solvers.get(s), columns.get(solvers.get(s)), start, end, base, CurvePanels.color(solvers.get(s), s), true,
                    plotted);
        }
        return FigureRendering.write(id(), "One spike-deconvolution instance, k = " + count(truth)
                + ", cropped to its most crowded " + WINDOW + "-sample window", List.of(chart), plotted, outputDir,
                options);
    }

    private static int count(double[] x) {
        int c = 0;
        for (double v : x) {
            c += v != 0 ? 1 : 0;
        }
        return c;
    }

    /**
     * The non-zeros of {@code x} in [start, end) as stems around {@code base}: one polyline
     * that runs along the track's zero line and goes up to each value and back, and the stem
     * tops as markers.
     */
    private static void stems(XYChart chart, String name, double[] x, int start, int end, double base, Color color,
                              boolean legend, List<PlottedPoint> plotted) {
        List<double[]> line = new ArrayList<>();
        List<double[]> tops = new ArrayList<>();
        line.add(new double[] {start, base});
        for (int i = start; i < end; i++) {
            if (x[i] != 0) {
                line.add(new double[] {i, base});
                line.add(new double[] {i, base + x[i]});
                line.add(new double[] {i, base});
                tops.add(new double[] {i, base + x[i]});
                if (plotted != null) {
                    plotted.add(PlottedPoint.of(name, name, i, x[i]));
                }
            }
        }
        line.add(new double[] {end - 1, base});
        XYSeries l = chart.addSeries(name + (legend ? "" : " "), line.stream().mapToDouble(p -> p[0]).toArray(),
                line.stream().mapToDouble(p -> p[1]).toArray());
        l.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        l.setLineColor(color);
        l.setMarker(SeriesMarkers.NONE);
        l.setLineStyle(new BasicStroke(legend ? 2.0f : 1.2f));
        l.setShowInLegend(legend);
        if (!tops.isEmpty()) {
            XYSeries t = chart.addSeries(name + " tops" + (legend ? "" : " "), tops.stream().mapToDouble(p -> p[0])
                    .toArray(), tops.stream().mapToDouble(p -> p[1]).toArray());
            t.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            t.setMarker(SeriesMarkers.CIRCLE);
            t.setMarkerColor(color);
            t.setShowInLegend(false);
        }
    }
}
