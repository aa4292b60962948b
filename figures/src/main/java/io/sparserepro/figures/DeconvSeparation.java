package io.sparserepro.figures;

import io.sparserepro.experiments.ResultTables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * Spike separation (issue 12, beyond the paper): mean |S* \ Ŝ| against k, one panel per
 * minimum separation between spikes (0 = the paper's uniform positions).
 */
public final class DeconvSeparation implements Figure {
    @Override
    public String id() {
        return DeconvolutionFigures.SEPARATION;
    }

    @Override
    public String title() {
        return "Spike deconvolution with a minimum spike separation: support distance against k";
    }

    @Override
    public String caption() {
        return "Not in the paper (issue 12): spikes at least d samples apart (uniform among such supports; d = 0 is the"
                + " paper's setting); mean |S* \\ Ŝ| against k for each d.";
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
        List<XYChart> panels = new ArrayList<>();
        for (String d : CurvePanels.values(rows, "minSeparation")) {
            panels.add(CurvePanels.panel(rows, r -> r.parameters().get("minSeparation").equals(d), "k",
                    "supportDistance", "minimum separation d = " + d, "k", "mean |S* \\ Ŝ|", "d=" + d, plotted,
                    CurvePanels.SMALL_WIDTH, CurvePanels.SMALL_HEIGHT));
        }
        return FigureRendering.write(id(), DeconvolutionFigures.header(rows), panels, plotted, outputDir, options);
    }
}
