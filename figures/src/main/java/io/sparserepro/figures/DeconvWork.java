package io.sparserepro.figures;

import io.sparserepro.experiments.ResultTables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Quality against work (issue 12, "equal compute", partly): mean |S* \ Ŝ| against the mean
 * number of iterations (one Aᵀr product each for SEA, HTP, SP and IHT; one atom for OMP; for
 * ELS one exhaustive swap search, far more work than an Aᵀr product, so compare ELS by time) and
 * against the mean solve time, SEA at each budget T as a curve, the other solvers at their own
 * stopping rules as single points, and HTP and SP restarted from random supports R times (the
 * best residual kept; {@code RandomRestarts}) as curves against their total iterations: SEA's
 * exploration against the others given as much work.
 */
public final class DeconvWork implements Figure {
    @Override
    public String id() {
        return DeconvolutionFigures.WORK;
    }

    @Override
    public String title() {
        return "Quality against work: support distance against iterations and time, SEA's budgets and the others";
    }

    @Override
    public String caption() {
        return "Not in the paper (issue 12, equal compute): is SEA better because it explores, or because it computes "
                + "more? SEA at budgets T against the other solvers at their own stopping rules, same instances (an ELS "
                + "iteration is a whole swap search: compare it by time).";
    }

    @Override
    public List<FigureInput> inputs() {
        return List.of(DeconvolutionFigures.SUMMARY_INPUT);
    }

    @Override
    public List<Path> draw(FigureInputs inputs, Path outputDir, FigureOptions options) throws IOException {
        DeconvolutionFigures.requireArguments(inputs, outputDir, options);
        List<ResultTables.Summary> rows = ResultTables.readSummary(inputs.require(DeconvolutionFigures.SUMMARY));
        List<PlottedPoint> plotted = new ArrayList<>();
        XYChart byIterations = chart("against iterations (Aᵀr products)", "mean iterations (log scale)");
        XYChart byTime = chart("against solve time", "mean solve time, s (log scale; machine-dependent)");
        Map<String, List<ResultTables.Summary>> curves = new LinkedHashMap<>();
        for (ResultTables.Summary r : rows) {
            // SEA at budgets "T=…" and the restarted solvers at "R=…" runs are one curve each.
            curves.computeIfAbsent(r.solver().replaceAll("\\s*[TR]=\\d+$", ""), c -> new ArrayList<>()).add(r);
        }
        int index = 0;
        for (Map.Entry<String, List<ResultTables.Summary>> e : curves.entrySet()) {
            List<ResultTables.Summary> c = e.getValue();
            c.sort((a, b) -> Double.compare(a.value("iterations_mean"), b.value("iterations_mean")));
            double[] y = c.stream().mapToDouble(r -> r.value("supportDistance_mean")).toArray();
            double[] its = c.stream().mapToDouble(r -> Math.max(1, r.value("iterations_mean"))).toArray();
            double[] time = c.stream().mapToDouble(r -> Math.max(1e-6, r.value("time_s_mean"))).toArray();
            for (int i = 0; i < c.size(); i++) {
                plotted.add(PlottedPoint.of("iterations", e.getKey(), c.get(i).value("iterations_mean"), y[i]));
                plotted.add(PlottedPoint.of("time", e.getKey(), c.get(i).value("time_s_mean"), y[i]));
            }
            for (XYSeries s : List.of(byIterations.addSeries(e.getKey(), its, y), byTime.addSeries(e.getKey(), time, y))) {
                CurvePanels.styleSeries(s, e.getKey(), index);
                if (c.size() == 1) {
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                }
            }
            index++;
        }
        if (index == 0) {
            throw new IllegalArgumentException("summary.csv has no rows");
        }
        return FigureRendering.write(id(), DeconvolutionFigures.header(rows) + ", k = " + rows.get(0).parameters()
                .get("k"), List.of(byIterations, byTime), plotted, outputDir, options);
    }

    private static XYChart chart(String title, String xTitle) {
        XYChart c = new XYChart(CurvePanels.WIDTH, CurvePanels.HEIGHT);
        c.setTitle("Support distance " + title);
        c.setXAxisTitle(xTitle);
        c.setYAxisTitle("mean |S* \\ Ŝ|");
        CurvePanels.style(c);
        c.getStyler().setXAxisLogarithmic(true);
        return c;
    }
}
