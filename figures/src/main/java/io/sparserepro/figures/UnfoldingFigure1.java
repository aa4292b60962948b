package io.sparserepro.figures;

import io.sparserepro.experiments.unfolding.Fig1Experiment;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.style.Styler;

/**
 * Deep greedy unfolding, Fig. 1: the argsort permutation matrix of one score vector beside its
 * softsort matrices at a few τ, as heat maps (row i = the i-th largest score, column j = entry
 * j of the score vector; white 0 to dark 1). Input {@code softsort}: the
 * {@value Fig1Experiment#FILE} of {@link Fig1Experiment}. CSV panels are {@code argsort} and
 * {@code τ=…}; x = column, y = row.
 */
public final class UnfoldingFigure1 implements Figure {
    public static final String ID = "unfolding-fig1";
    public static final String INPUT = "softsort";
    static final int PANEL = 330;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Argsort permutation matrix vs softsort matrices of one score vector";
    }

    @Override
    public String caption() {
        return "The exact permutation matrix of argsort of a score vector (left) and its continuous relaxation by "
                + "softsort, P̃_ij = softmax_j(−|s_j − ŝ_i|/τ), at decreasing temperatures τ: the rows approach the "
                + "one-hot rows of argsort as τ → 0. (An illustration; the authors' repository names such a script "
                + "without shipping it.)";
    }

    @Override
    public List<FigureInput> inputs() {
        return List.of(new FigureInput(INPUT, "softsort.csv of the unfolding Fig. 1 experiment"));
    }

    @Override
    public List<Path> draw(FigureInputs inputs, Path outputDir, FigureOptions options) throws IOException {
        if (inputs == null || outputDir == null || options == null) {
            throw new IllegalArgumentException("inputs, outputDir and options must not be null");
        }
        Path file = inputs.require(INPUT);
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).equals("matrix,tau,row,col,value")) {
            throw new IOException(file + ": line 1 must be the header matrix,tau,row,col,value");
        }
        Map<String, List<double[]>> matrices = new LinkedHashMap<>();
        int n = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length != 5) {
                throw new IOException(file + ": line " + (i + 1) + ": 5 fields expected: " + lines.get(i));
            }
            if (f[0].equals("scores")) {
                continue;
            }
            String key = f[0].equals("argsort") ? "argsort" : "τ=" + f[1];
            try {
                double[] cell = {Integer.parseInt(f[3]), Integer.parseInt(f[2]), Double.parseDouble(f[4])};
                matrices.computeIfAbsent(key, k -> new ArrayList<>()).add(cell);
                n = Math.max(n, (int) cell[0] + 1);
            } catch (NumberFormatException e) {
                throw new IOException(file + ": line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (!matrices.containsKey("argsort") || matrices.size() < 2) {
            throw new IllegalArgumentException(file + ": needs the argsort matrix and at least one softsort matrix");
        }
        List<HeatMapChart> panels = new ArrayList<>();
        List<PlottedPoint> plotted = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : matrices.entrySet()) {
            // The themed constructor: the plain one leaves the styler's fonts, colours and locale null,
            // which the PDF back end cannot take.
            HeatMapChart chart = new HeatMapChart(PANEL, PANEL + 40, Styler.ChartTheme.XChart);
            chart.setTitle(e.getKey().equals("argsort") ? "argsort (exact)" : "softsort, " + e.getKey());
            chart.setXAxisTitle("entry j of s");
            chart.setYAxisTitle("rank i");
            Styler styler = chart.getStyler();
            chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(253, 174, 97), new Color(165, 0, 38)});
            chart.getStyler().setMin(0);
            chart.getStyler().setMax(1);
            chart.getStyler().setShowValue(n <= 10);
            chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
            chart.getStyler().setHeatMapValueDecimalPattern("0.00");
            chart.getStyler().setDrawBorder(true);
            styler.setLegendVisible(false);
            chart.getStyler().setLocale(java.util.Locale.ROOT);
            styler.setChartBackgroundColor(Color.WHITE);
            chart.getStyler().setPlotGridLinesVisible(false);
            List<Number[]> heat = new ArrayList<>();
            for (double[] c : e.getValue()) {
                // Rank 0 at the top, as a matrix is printed: XChart's y axis grows upwards.
                heat.add(new Number[] {(int) c[0], n - 1 - (int) c[1], c[2]});
                plotted.add(PlottedPoint.of(e.getKey(), "row " + (int) c[1], c[0], c[2]));
            }
            List<Integer> xList = new ArrayList<>();
            List<String> yList = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                xList.add(i);
                yList.add(Integer.toString(n - 1 - i));
            }
            chart.addSeries(e.getKey(), xList, yList, heat);
            panels.add(chart);
        }
        return FigureRendering.write(ID, "Fig. 1: argsort vs softsort, N = " + n + " scores", panels, plotted,
                outputDir, options);
    }
}
