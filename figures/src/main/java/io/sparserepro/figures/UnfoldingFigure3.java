package io.sparserepro.figures;

import io.sparserepro.experiments.unfolding.Fig3Results;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Deep greedy unfolding, Fig. 3 (SPEC-UNFOLDING): learning structure. One row per network
 * (OMP-Net, IHT-Net), four panels: (i) training and validation loss against epochs (log y) with
 * horizontal lines at the selected net's and the plain algorithm's validation MSE; (ii) the
 * oracle weights (1 on the hidden set); (iii) the initial weights (ones) with |W_learned|
 * overlaid, as stems; (iv) horizontal box plots of the per-sample relative error ‖Re x̂ − x‖/‖x‖
 * on the validation set (plain algorithm, the learned weights in the plain algorithm, the net,
 * the oracle), log x-axis. Box plots follow matplotlib's defaults: box from the first to the
 * third quartile (linear interpolation, as numpy), whiskers to the farthest sample within
 * 1.5 IQR, the samples beyond drawn as points. Inputs {@value #OMP_NET} and {@value #IHT_NET}:
 * the {@code summary.csv} of each network's Fig. 3 run, with the run's other files beside it
 * (either input may be absent, not both).
 */
public final class UnfoldingFigure3 implements Figure {
    public static final String ID = "unfolding-fig3";
    public static final String OMP_NET = "omp-net";
    public static final String IHT_NET = "iht-net";
    static final int WIDTH = 430;
    static final int HEIGHT = 360;
    private static final Color TRAINING = new Color(31, 119, 180);
    private static final Color VALIDATION = new Color(255, 127, 14);
    private static final Color NET = new Color(44, 160, 44);
    private static final Color PLAIN = new Color(214, 39, 40);
    private static final Color ORACLE = new Color(60, 60, 60);
    private static final Color LEARNED = new Color(200, 30, 30);
    private static final Color[] BOXES = {PLAIN, new Color(148, 103, 189), NET, ORACLE};

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "OMP-Net and IHT-Net learn the hidden support pattern: losses, weights, errors";
    }

    @Override
    public String caption() {
        return "Learning structure-aware weights on partial-DFT data (N = 256, m = 20 for OMP-Net and 36 for IHT-Net) "
                + "whose supports are drawn from a hidden set of 20 indices (s = 10, σ = 1e-3): training and "
                + "validation MSE against epochs beside the plain algorithm's; the oracle weights and the learned "
                + "weights |W| over the initial ones; box plots of the relative error of the plain algorithm and the "
                + "trained network. The networks beat the plain algorithms by about two orders of magnitude in "
                + "validation MSE and approach the oracle.";
    }

    @Override
    public List<FigureInput> inputs() {
        return List.of(new FigureInput(OMP_NET, "summary.csv of the Fig. 3 OMP-Net run (losses.csv, weights.csv and "
                        + "errors.csv beside it)"),
                new FigureInput(IHT_NET, "summary.csv of the Fig. 3 IHT-Net run (the same files beside it)"));
    }

    @Override
    public List<Path> draw(FigureInputs inputs, Path outputDir, FigureOptions options) throws IOException {
        if (inputs == null || outputDir == null || options == null) {
            throw new IllegalArgumentException("inputs, outputDir and options must not be null");
        }
        List<List<XYChart>> rows = new ArrayList<>();
        List<PlottedPoint> plotted = new ArrayList<>();
        for (String[] net : new String[][] {{OMP_NET, "OMP-Net", "OMP", "WOMP"}, {IHT_NET, "IHT-Net", "IHT", "WIHT"}}) {
            if (!inputs.asMap().containsKey(net[0])) {
                continue;
            }
            Path folder = inputs.require(net[0]).toAbsolutePath().getParent(); // the run's files sit together
            rows.add(List.of(lossPanel(folder, net[1], net[2], plotted),
                    oraclePanel(folder, net[1], plotted),
                    learnedPanel(folder, net[1], plotted),
                    boxPanel(folder, net[1], net[2], net[3], plotted)));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("unfolding-fig3 needs the folder of at least one network: inputs "
                    + OMP_NET + " and/or " + IHT_NET);
        }
        return FigureRendering.writeRows(ID, "Fig. 3: learning the hidden support pattern (validation set)", rows,
                plotted, outputDir, options);
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        ChartStyle.apply(chart, 13, 10, 12, 10, 5);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setLegendBackgroundColor(new Color(255, 255, 255, 215));
        return chart;
    }

    private static XYChart lossPanel(Path folder, String net, String plain, List<PlottedPoint> plotted)
            throws IOException {
        List<Fig3Results.Epoch> epochs = Fig3Results.readLosses(folder);
        Map<String, Fig3Results.Summary> validation = validationSummary(folder);
        String panel = net + " loss";
        XYChart chart = chart(net + ": MSE loss", "epoch", "MSE (log scale)");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisDecimalPattern("0E0");
        double[] x = epochs.stream().mapToDouble(Fig3Results.Epoch::epoch).toArray();
        double[] train = epochs.stream().mapToDouble(Fig3Results.Epoch::trainingLoss).toArray();
        double[] val = epochs.stream().mapToDouble(Fig3Results.Epoch::validationLoss).toArray();
        // Short legend names (the title names the net): four entries fit in one row below the plot.
        line(chart, "training", x, train, TRAINING, null);
        line(chart, "validation", x, val, VALIDATION, null);
        for (int i = 0; i < x.length; i++) {
            plotted.add(PlottedPoint.of(panel, "training", x[i], train[i]));
            plotted.add(PlottedPoint.of(panel, "validation", x[i], val[i]));
        }
        // The reference lines start half an epoch early: XChart 3.8 puts its ticks on the data points
        // when all x values are equally spaced (1, 57, 113, … whose labels run into each other), and
        // one value off the grid gives round ticks instead.
        double[] ends = {x[0] - 0.5, x[x.length - 1]};
        Fig3Results.Summary best = require(validation, net, folder);
        Fig3Results.Summary base = require(validation, plain, folder);
        BasicStroke dashed = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {7f, 4f}, 0f);
        line(chart, "selected", ends, new double[] {best.mse(), best.mse()}, NET, dashed);
        line(chart, plain, ends, new double[] {base.mse(), base.mse()}, PLAIN, dashed);
        // Whole decades at both ends: XChart labels only decades, and a curve spanning less than one
        // would otherwise get no tick label at all.
        double low = Math.min(best.mse(), base.mse());
        double high = Math.max(best.mse(), base.mse());
        for (int i = 0; i < x.length; i++) {
            low = Math.min(low, Math.min(train[i], val[i]));
            high = Math.max(high, Math.max(train[i], val[i]));
        }
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(low))));
        chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(high))));
        plotted.add(PlottedPoint.of(panel, "selected", ends[1], best.mse()));
        plotted.add(PlottedPoint.of(panel, plain, ends[1], base.mse()));
        return chart;
    }

    private static XYChart oraclePanel(Path folder, String net, List<PlottedPoint> plotted) throws IOException {
        List<Fig3Results.Weight> weights = Fig3Results.readWeights(folder);
        XYChart chart = chart(net + ": oracle weights", "index j", "w_j");
        double[] oracle = weights.stream().mapToDouble(Fig3Results.Weight::oracle).toArray();
        stems(chart, "oracle (hidden set)", oracle, ORACLE, net + " oracle", plotted);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.2);
        return chart;
    }

    private static XYChart learnedPanel(Path folder, String net, List<PlottedPoint> plotted) throws IOException {
        List<Fig3Results.Weight> weights = Fig3Results.readWeights(folder);
        XYChart chart = chart(net + ": initial and learned weights", "index j", "w_j, |W_j|");
        double[] learned = weights.stream().mapToDouble(w -> Math.abs(w.learned())).toArray();
        // The initial weights are all ones: one line says it (256 stems of height 1 said it slowly).
        line(chart, "initial (ones)", new double[] {0, learned.length - 1}, new double[] {1, 1},
                new Color(90, 130, 200), new BasicStroke(2.2f));
        for (int j = 0; j < learned.length; j++) {
            plotted.add(PlottedPoint.of(net + " initial", "initial (ones)", j, 1.0));
        }
        stems(chart, "|W| learned", learned, LEARNED, net + " learned", plotted);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    private static XYChart boxPanel(Path folder, String net, String plain, String weighted,
                                    List<PlottedPoint> plotted) throws IOException {
        Map<String, double[]> errors = Fig3Results.readRelativeErrors(folder, "validation");
        String[] names = {plain, weighted + " (learned)", net, weighted + " (oracle)"};
        XYChart chart = chart(net + ": relative error (validation)", "‖Re x̂ − x‖ / ‖x‖ (log scale)", "");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("0E0");
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setYAxisMin(0.3);
        chart.getStyler().setYAxisMax(names.length + 0.9);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(4);
        int position = names.length;
        for (int k = 0; k < names.length; k++) {
            double[] values = errors.get(names[k]);
            if (values == null) {
                throw new IOException(folder.resolve(Fig3Results.ERRORS) + ": no validation errors of " + names[k]);
            }
            box(chart, names[k], values, position--, BOXES[k], net, plotted);
        }
        return chart;
    }

    private static void box(XYChart chart, String name, double[] values, double y, Color color, String net,
                            List<PlottedPoint> plotted) {
        double[] v = values.clone();
        Arrays.sort(v);
        // A log axis cannot show an exact 0 (a perfect recovery): such samples sit at the smallest positive error.
        double floor = Arrays.stream(v).filter(e -> e > 0).min().orElse(1e-16);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(v[i], floor);
        }
        double q1 = quantile(v, 0.25);
        double median = quantile(v, 0.5);
        double q3 = quantile(v, 0.75);
        double iqr = q3 - q1;
        double low = v[0];
        double high = v[v.length - 1];
        for (double e : v) {
            if (e >= q1 - 1.5 * iqr) {
                low = e;
                break;
            }
        }
        for (int i = v.length - 1; i >= 0; i--) {
            if (v[i] <= q3 + 1.5 * iqr) {
                high = v[i];
                break;
            }
        }
        double h = 0.28;
        XYSeries body = chart.addSeries(name, new double[] {q1, q3, q3, q1, q1},
                new double[] {y - h, y - h, y + h, y + h, y - h});
        body.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        body.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 90));
        body.setLineColor(color);
        body.setLineStyle(new BasicStroke(1.5f));
        body.setMarker(SeriesMarkers.NONE);
        hidden(chart, name + " median", new double[] {median, median}, new double[] {y - h, y + h}, color, 3f);
        hidden(chart, name + " whisker low", new double[] {low, q1}, new double[] {y, y}, color, 1.5f);
        hidden(chart, name + " whisker high", new double[] {q3, high}, new double[] {y, y}, color, 1.5f);
        hidden(chart, name + " cap low", new double[] {low, low}, new double[] {y - h / 2, y + h / 2}, color, 1.5f);
        hidden(chart, name + " cap high", new double[] {high, high}, new double[] {y - h / 2, y + h / 2}, color, 1.5f);
        List<Double> fx = new ArrayList<>();
        for (double e : v) {
            if (e < low || e > high) {
                fx.add(e);
            }
        }
        if (!fx.isEmpty()) {
            double[] xs = fx.stream().mapToDouble(Double::doubleValue).toArray();
            double[] ys = new double[xs.length];
            Arrays.fill(ys, y);
            XYSeries fliers = chart.addSeries(name + " beyond whiskers", xs, ys);
            fliers.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            fliers.setMarker(SeriesMarkers.CIRCLE);
            fliers.setMarkerColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 120));
            fliers.setShowInLegend(false);
        }
        plotted.add(new PlottedPoint(net + " box", name, median, y, q1, q3));
        plotted.add(new PlottedPoint(net + " whiskers", name, median, y, low, high));
    }

    /** numpy's default (linear) quantile of sorted values. */
    static double quantile(double[] sorted, double p) {
        double at = p * (sorted.length - 1);
        int i = (int) Math.floor(at);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (at - i) * (sorted[j] - sorted[i]);
    }

    /**
     * Stems: one polyline along the baseline that goes up to w_j and back at every non-zero
     * entry, a dot on each top; zero entries are the baseline itself.
     */
    private static void stems(XYChart chart, String name, double[] w, Color color, String panel,
                              List<PlottedPoint> plotted) {
        int n = w.length;
        List<double[]> path = new ArrayList<>();
        path.add(new double[] {0, 0});
        List<double[]> tops = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            plotted.add(PlottedPoint.of(panel, name, j, w[j]));
            if (w[j] != 0) {
                path.add(new double[] {j, 0});
                path.add(new double[] {j, w[j]});
                path.add(new double[] {j, 0});
                tops.add(new double[] {j, w[j]});
            }
        }
        path.add(new double[] {n - 1, 0});
        hidden(chart, name + " stems", path.stream().mapToDouble(p -> p[0]).toArray(),
                path.stream().mapToDouble(p -> p[1]).toArray(), color, 1f);
        double[] idx = tops.stream().mapToDouble(p -> p[0]).toArray();
        double[] top = tops.stream().mapToDouble(p -> p[1]).toArray();
        XYSeries dots = chart.addSeries(name, idx.length == 0 ? new double[] {0} : idx,
                top.length == 0 ? new double[] {0} : top);
        dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        dots.setMarker(SeriesMarkers.CIRCLE);
        dots.setMarkerColor(color);
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke == null ? new BasicStroke(1.8f) : stroke);
    }

    private static void hidden(XYChart chart, String name, double[] x, double[] y, Color color, float width) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width));
        s.setShowInLegend(false);
    }

    private static Map<String, Fig3Results.Summary> validationSummary(Path folder) throws IOException {
        Map<String, Fig3Results.Summary> out = new java.util.LinkedHashMap<>();
        for (Fig3Results.Summary s : Fig3Results.readSummary(folder)) {
            if (s.set().equals("validation")) {
                out.put(s.algorithm(), s);
            }
        }
        return out;
    }

    private static Fig3Results.Summary require(Map<String, Fig3Results.Summary> rows, String algorithm, Path folder)
            throws IOException {
        Fig3Results.Summary s = rows.get(algorithm);
        if (s == null) {
            throw new IOException(folder.resolve(Fig3Results.SUMMARY) + ": no validation row for " + algorithm);
        }
        return s;
    }
}
