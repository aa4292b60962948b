package io.sparserepro.figures;

import io.sparserepro.experiments.ResultTables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * SEA paper, appendix setting "noisy observations" (reconstructed): at k = 20, the relative
 * error ‖x̂ − x*‖/‖x*‖ and the support F1 against the SNR ‖A x*‖/‖e‖ in dB.
 */
public final class DeconvNoise implements Figure {
    @Override
    public String id() {
        return DeconvolutionFigures.NOISE;
    }

    @Override
    public String title() {
        return "Noisy spike deconvolution: relative error and support F1 against SNR";
    }

    @Override
    public String caption() {
        return "Appendix setting (noisy observations; the paper's exact noise levels are not known here): relative "
                + "error and support F1 against the signal-to-noise ratio, at one k (10 by default).";
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
        XYChart left = CurvePanels.panel(rows, r -> true, "snrDb", "relativeError", "Relative error (lower is better)",
                "SNR (dB)", "mean ‖x̂ − x*‖ / ‖x*‖", "relativeError", plotted);
        // Log scale: a solver that blows up on a near-singular support (HTP at high SNR) is 6 decades above the rest.
        left.getStyler().setYAxisLogarithmic(true);
        XYChart right = CurvePanels.panel(rows, r -> true, "snrDb", "localisationF1_r0", "Support F1 (higher is better)",
                "SNR (dB)", "mean F1", "supportF1", plotted);
        right.getStyler().setYAxisMax(1.0);
        return FigureRendering.write(id(), DeconvolutionFigures.header(rows) + ", k = " + rows.get(0).parameters()
                .get("k"), List.of(left, right), plotted, outputDir, options);
    }
}
