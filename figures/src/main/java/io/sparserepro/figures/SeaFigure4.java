package io.sparserepro.figures;

import io.sparserepro.experiments.ResultTables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * SEA paper, Fig. 4 (and Fig. 1 right): spike deconvolution, mean support distance
 * |S* \ Ŝ| against k per solver, with ±1 standard-error bars, from the summary.csv of
 * experiment {@code sea-deconvolution}.
 */
public final class SeaFigure4 implements Figure {
    @Override
    public String id() {
        return DeconvolutionFigures.FIG4;
    }

    @Override
    public String title() {
        return "Spike deconvolution: mean support distance |S* \\ Ŝ| against k";
    }

    @Override
    public String caption() {
        return "Spike deconvolution: average support distance between S* and the support of the solutions provided by"
                + " several algorithms as a function of the sparsity level k.";
    }

    @Override
    public List<FigureInput> inputs() {
        return List.of(DeconvolutionFigures.SUMMARY_INPUT);
    }

    /** The panel, reused by Fig. 1. */
    static XYChart panel(List<ResultTables.Summary> rows, String panelName, List<PlottedPoint> plotted) {
        return CurvePanels.panel(rows, r -> true, "k", "supportDistance",
                "Spike deconvolution: support distance (lower is better)", "k", "mean |S* \\ Ŝ|", panelName, plotted);
    }

    @Override
    public List<Path> draw(FigureInputs inputs, Path outputDir, FigureOptions options) throws IOException {
        DeconvolutionFigures.requireArguments(inputs, outputDir, options);
        List<ResultTables.Summary> rows = ResultTables.readSummary(inputs.require(DeconvolutionFigures.SUMMARY));
        List<PlottedPoint> plotted = new ArrayList<>();
        XYChart chart = panel(rows, "supportDistance", plotted);
        return FigureRendering.write(id(), DeconvolutionFigures.header(rows), List.of(chart), plotted, outputDir,
                options);
    }
}
