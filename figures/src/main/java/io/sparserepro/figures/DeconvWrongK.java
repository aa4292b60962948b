package io.sparserepro.figures;

import io.sparserepro.experiments.ResultTables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * A wrong k (issue 12, beyond the paper): every solver asked for k + 2 entries; left the rate
 * of S* ⊆ Ŝ, right the mean |S* \ Ŝ|, against k.
 */
public final class DeconvWrongK implements Figure {
    @Override
    public String id() {
        return DeconvolutionFigures.WRONG_K;
    }

    @Override
    public String title() {
        return "Spike deconvolution with a wrong k: solvers given k + 2, success = S* ⊆ Ŝ";
    }

    @Override
    public String caption() {
        return "Not in the paper (issue 12): each solver is asked for k + 2 entries; success is S* ⊆ Ŝ.";
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
        XYChart left = CurvePanels.panel(rows, r -> true, "k", "supportContained", "Success S* ⊆ Ŝ (higher is better)",
                "k", "rate", "supportContained", plotted);
        left.getStyler().setYAxisMin(0.0);
        left.getStyler().setYAxisMax(1.0);
        XYChart right = CurvePanels.panel(rows, r -> true, "k", "supportDistance", "Support distance", "k",
                "mean |S* \\ Ŝ|", "supportDistance", plotted);
        return FigureRendering.write(id(), DeconvolutionFigures.header(rows), List.of(left, right), plotted, outputDir,
                options);
    }
}
