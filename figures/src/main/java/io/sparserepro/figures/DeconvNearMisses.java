package io.sparserepro.figures;

import io.sparserepro.experiments.ResultTables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * Near misses (issue 12, beyond the paper): the localisation F1 of spikes found within ±r
 * samples, r = 0, 1, 2, against k, from Fig. 4's summary.csv: whether a solver's misses are
 * near misses.
 */
public final class DeconvNearMisses implements Figure {
    @Override
    public String id() {
        return DeconvolutionFigures.NEAR_MISSES;
    }

    @Override
    public String title() {
        return "Spike deconvolution, near misses: localisation F1 within ±r samples, r = 0, 1, 2";
    }

    @Override
    public String caption() {
        return "Not in the paper (issue 12): Fig. 4's instances scored by the F1 of spikes found within ±r samples of a"
                + " true spike (one-to-one matching); r = 0 is exact support recovery.";
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
        for (int r = 0; r <= 2; r++) {
            XYChart c = CurvePanels.panel(rows, row -> true, "k", "localisationF1_r" + r, "F1 within ±" + r
                    + " samples (higher is better)", "k", "mean F1", "r=" + r, plotted,
                    CurvePanels.SMALL_WIDTH, CurvePanels.SMALL_HEIGHT);
            c.getStyler().setYAxisMax(1.0);
            panels.add(c);
        }
        return FigureRendering.write(id(), DeconvolutionFigures.header(rows), panels, plotted, outputDir, options);
    }
}
