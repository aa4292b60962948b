package io.sparserepro.figures;

import io.sparserepro.experiments.ResultTables;
import io.sparserepro.experiments.phase.ThresholdTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * SEA paper, Fig. 1: the overview, the phase diagram's 95% panel ({@link PhaseDiagram#panel},
 * from the phase experiment's thresholds.csv) beside Fig. 4's support-distance panel (from
 * the deconvolution experiment's summary.csv).
 */
public final class SeaFigure1 implements Figure {
    @Override
    public String id() {
        return DeconvolutionFigures.FIG1;
    }

    @Override
    public String title() {
        return "Overview: phase transition (left) and spike deconvolution (right)";
    }

    @Override
    public String caption() {
        return "Overview of the main results. Left: phase transition diagram showing the recovery limits in dimension "
                + "n=500 while sparsity k and number of observations m varies (the higher, the better). Right: spike "
                + "deconvolution in dimension m=n=500 - Average distance between the supports of the solution x* and the "
                + "estimations obtained from various algorithms, plotted against the sparsity level k (the lower, the "
                + "better).";
    }

    @Override
    public List<FigureInput> inputs() {
        return List.of(new FigureInput(SeaFigure2.INPUT, "thresholds.csv of the phase-transition experiment"),
                new FigureInput(DeconvolutionFigures.SUMMARY, "summary.csv of the deconvolution experiment"));
    }

    @Override
    public List<Path> draw(FigureInputs inputs, Path outputDir, FigureOptions options) throws IOException {
        DeconvolutionFigures.requireArguments(inputs, outputDir, options);
        List<ThresholdTable.Row> thresholds = ThresholdTable.read(inputs.require(SeaFigure2.INPUT));
        List<ResultTables.Summary> rows = ResultTables.readSummary(inputs.require(DeconvolutionFigures.SUMMARY));
        List<PlottedPoint> plotted = new ArrayList<>();
        XYChart left = PhaseDiagram.panel(thresholds, 0.95, "Phase transition, 95%: Gaussian A, "
                + PhaseDiagram.settingOf(thresholds), "phase 95%", false, plotted);
        XYChart right = SeaFigure4.panel(rows, "deconvolution", plotted);
        right.setTitle("Spike deconvolution, m = n = " + rows.get(0).parameters().get("n") + ": mean |S* \\ Ŝ|");
        return FigureRendering.write(id(), null, List.of(left, right), plotted, outputDir, options);
    }
}
