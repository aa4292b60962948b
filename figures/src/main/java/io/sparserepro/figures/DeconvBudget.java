package io.sparserepro.figures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * SEA's quality against its iteration budget T (issue 12): mean |S* \ Ŝ| and the success rate
 * against T, one curve per SEA variant (solvers labelled {@code <name> T=<budget>}; others are
 * references for {@link DeconvWork}). T is read from each solver's {@code maxIterations} in
 * run.json (the label's " T=…" suffix only selects and names the curve), so the figure plots
 * what ran.
 */
public final class DeconvBudget implements Figure {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String id() {
        return DeconvolutionFigures.BUDGET;
    }

    @Override
    public String title() {
        return "SEA against its iteration budget T: support distance and success at one k";
    }

    @Override
    public String caption() {
        return "Appendix question (issue 12): where more iterations stop paying. SEA_0 and SEA_OMP with budgets T on the"
                + " Fig. 4 instances at one k (10 by default).";
    }

    @Override
    public List<FigureInput> inputs() {
        return List.of(DeconvolutionFigures.SUMMARY_INPUT, DeconvolutionFigures.RUN_INPUT);
    }

    @Override
    public List<Path> draw(FigureInputs inputs, Path outputDir, FigureOptions options) throws IOException {
        DeconvolutionFigures.requireArguments(inputs, outputDir, options);
        List<ResultTables.Summary> rows = ResultTables.readSummary(inputs.require(DeconvolutionFigures.SUMMARY));
        JsonNode solvers = JSON.readTree(inputs.require(DeconvolutionFigures.RUN).toFile()).path("solvers");
        // curve name → (T, row), in order of appearance
        Map<String, List<double[]>> distance = new LinkedHashMap<>();
        Map<String, List<double[]>> success = new LinkedHashMap<>();
        for (ResultTables.Summary r : rows) {
            if (!r.solver().matches(".*\\sT=\\d+$")) {
                continue; // a reference solver at its own stopping rule (drawn by the work figure)
            }
            JsonNode t = solvers.path(r.solver()).path("options").path("maxIterations");
            if (!t.isNumber()) {
                throw new IllegalArgumentException("run.json gives no options.maxIterations for solver '" + r.solver()
                        + "'");
            }
            String curve = r.solver().replaceAll("\\s*T=\\d+$", "");
            double se = r.trials() > 1 ? r.value("supportDistance_std") / Math.sqrt(r.trials()) : 0;
            distance.computeIfAbsent(curve, c -> new ArrayList<>()).add(new double[] {t.asDouble(),
                r.value("supportDistance_mean"), se});
            success.computeIfAbsent(curve, c -> new ArrayList<>()).add(new double[] {t.asDouble(),
                r.value("success_rate"), r.value("success_low95"), r.value("success_high95")});
        }
        if (distance.isEmpty()) {
            throw new IllegalArgumentException("no solver labelled '<name> T=<budget>' in the summary");
        }
        List<PlottedPoint> plotted = new ArrayList<>();
        XYChart left = chart("Support distance (lower is better)", "mean |S* \\ Ŝ|");
        XYChart right = chart("Success Ŝ = S* (higher is better)", "rate");
        right.getStyler().setYAxisMin(0.0);
        right.getStyler().setYAxisMax(1.0);
        int index = 0;
        for (String curve : distance.keySet()) {
            List<double[]> d = distance.get(curve);
            d.sort((a, b) -> Double.compare(a[0], b[0]));
            List<double[]> s = success.get(curve);
            s.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] x = d.stream().mapToDouble(p -> p[0]).toArray();
            XYSeries ds = left.addSeries(curve, x, d.stream().mapToDouble(p -> p[1]).toArray(),
                    d.stream().mapToDouble(p -> p[2]).toArray());
            CurvePanels.styleSeries(ds, curve, index);
            XYSeries ss = right.addSeries(curve, x, s.stream().mapToDouble(p -> p[1]).toArray());
            CurvePanels.styleSeries(ss, curve, index);
            for (double[] p : d) {
                plotted.add(new PlottedPoint("supportDistance", curve, p[0], p[1], p[1] - p[2], p[1] + p[2]));
            }
            for (double[] p : s) {
                plotted.add(new PlottedPoint("success", curve, p[0], p[1], p[2], p[3]));
            }
            index++;
        }
        return FigureRendering.write(id(), DeconvolutionFigures.header(rows) + ", k = "
                + rows.get(0).parameters().get("k"), List.of(left, right), plotted, outputDir, options);
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart c = new XYChart(CurvePanels.WIDTH, CurvePanels.HEIGHT);
        c.setTitle(title);
        c.setXAxisTitle("iteration budget T (log scale)");
        c.setYAxisTitle(yTitle);
        CurvePanels.style(c);
        c.getStyler().setXAxisLogarithmic(true);
        return c;
    }
}
