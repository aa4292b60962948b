package io.sparserepro.figures;

import io.sparserepro.experiments.InstanceExperiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * SEA paper, appendix setting "convergence/exploration behaviour": on one deconvolution
 * instance, the residual ‖A xᵗ − y‖₂ and the number of distinct supports visited up to t,
 * against t, for SEA and for IHT/HTP (from the instance experiment's traces.csv).
 */
public final class DeconvExploration implements Figure {
    /** Residuals below this are drawn at it (a log axis has no 0): far below any residual of a wrong support. */
    static final double RESIDUAL_FLOOR = 1e-16;

    @Override
    public String id() {
        return DeconvolutionFigures.EXPLORATION;
    }

    @Override
    public String title() {
        return "Exploration on one instance: residual and distinct supports against t (SEA, IHT, HTP)";
    }

    @Override
    public String caption() {
        return "Appendix setting (exploration behaviour of SEA): SEA explores more supports than the state of the art;"
                + " residual of iterate t and number of distinct supports visited, one instance at k = 20.";
    }

    @Override
    public List<FigureInput> inputs() {
        return List.of(new FigureInput(DeconvolutionFigures.TRACES, "traces.csv of the exploration instance"));
    }

    @Override
    public List<Path> draw(FigureInputs inputs, Path outputDir, FigureOptions options) throws IOException {
        DeconvolutionFigures.requireArguments(inputs, outputDir, options);
        List<InstanceExperiment.TraceRow> rows = InstanceExperiment.readTraces(inputs.require(DeconvolutionFigures.TRACES));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("traces.csv has no rows");
        }
        Map<String, List<InstanceExperiment.TraceRow>> bySolver = new LinkedHashMap<>();
        rows.forEach(r -> bySolver.computeIfAbsent(r.solver(), s -> new ArrayList<>()).add(r));
        double smallest = rows.stream().mapToDouble(InstanceExperiment.TraceRow::residualNorm).min().orElse(0);
        double largest = rows.stream().mapToDouble(InstanceExperiment.TraceRow::residualNorm).max().orElse(0);
        // A log axis only where the residuals span decades (an exact hit, or a long descent); XChart labels
        // only decades, so a range within one decade is clearer on a linear axis.
        boolean logResidual = smallest < 1e-3 * largest;
        XYChart left = chart("Residual ‖A xᵗ − y‖₂ (SEA: dotted = best so far, what it returns)",
                logResidual ? "residual (log scale)" : "residual");
        left.getStyler().setYAxisLogarithmic(logResidual);
        XYChart right = chart("Distinct supports visited up to t", "number of supports (log scale)");
        right.getStyler().setYAxisLogarithmic(true);
        List<PlottedPoint> plotted = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<InstanceExperiment.TraceRow>> e : bySolver.entrySet()) {
            List<InstanceExperiment.TraceRow> trace = e.getValue();
            double[] t = new double[trace.size()];
            double[] residual = new double[trace.size()];
            double[] supports = new double[trace.size()];
            for (int i = 0; i < trace.size(); i++) {
                t[i] = trace.get(i).t() + 1;
                residual[i] = Math.max(RESIDUAL_FLOOR, trace.get(i).residualNorm());
                supports[i] = trace.get(i).distinctSupports();
                plotted.add(PlottedPoint.of("residual", e.getKey(), t[i], trace.get(i).residualNorm()));
                plotted.add(PlottedPoint.of("distinctSupports", e.getKey(), t[i], supports[i]));
            }
            for (XYSeries s : List.of(left.addSeries(e.getKey(), t, residual), right.addSeries(e.getKey(), t, supports))) {
                CurvePanels.styleSeries(s, e.getKey(), index);
                s.setMarker(SeriesMarkers.NONE);
            }
            if (e.getKey().toUpperCase().startsWith("SEA")) {
                // SEA returns its best iterate: the running minimum is its answer at budget t.
                double[] best = new double[residual.length];
                double exact = Double.POSITIVE_INFINITY;
                for (int i = 0; i < best.length; i++) {
                    exact = Math.min(exact, trace.get(i).residualNorm());
                    best[i] = Math.max(RESIDUAL_FLOOR, exact);
                    plotted.add(PlottedPoint.of("bestResidual", e.getKey(), t[i], exact));
                }
                XYSeries b = left.addSeries(e.getKey() + " best so far", t, best);
                CurvePanels.styleSeries(b, e.getKey(), index);
                b.setMarker(SeriesMarkers.NONE);
                b.setLineStyle(new java.awt.BasicStroke(2.4f, java.awt.BasicStroke.CAP_BUTT,
                        java.awt.BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 3f}, 0f));
                b.setLineColor(java.awt.Color.BLACK);
            }
            index++;
        }
        return FigureRendering.write(id(), "One spike-deconvolution instance (t = 1 is the first iterate; x axis log"
                + " scale)", List.of(left, right), plotted, outputDir, options);
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart c = new XYChart(CurvePanels.WIDTH, CurvePanels.HEIGHT);
        c.setTitle(title);
        c.setXAxisTitle("iteration t");
        c.setYAxisTitle(yTitle);
        CurvePanels.style(c);
        c.getStyler().setXAxisLogarithmic(true);
        return c;
    }
}
