package io.sparserepro.figures;

import io.sparserepro.experiments.ResultTables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/** SEA paper, appendix setting "other distributions of x*": Gaussian amplitudes, |S* \ Ŝ| against k. */
public final class DeconvGaussianAmplitudes implements Figure {
    @Override
    public String id() {
        return DeconvolutionFigures.GAUSSIAN;
    }

    @Override
    public String title() {
        return "Spike deconvolution with Gaussian amplitudes: support distance against k";
    }

    @Override
    public String caption() {
        return "Appendix setting (other distributions of x*): as Fig. 4 with standard Gaussian amplitudes.";
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
        XYChart chart = CurvePanels.panel(rows, r -> true, "k", "supportDistance", "Support distance (lower is better)",
                "k", "mean |S* \\ Ŝ|", "supportDistance", plotted);
        return FigureRendering.write(id(), DeconvolutionFigures.header(rows), List.of(chart), plotted, outputDir,
                options);
    }
}
