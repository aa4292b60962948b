package io.sparserepro.figures;

import io.sparserepro.experiments.phase.ThresholdTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * SEA paper, Fig. 1 (left): the phase-transition overview, the 95% thresholds of
 * {@code thresholds.csv} in one panel. The full Fig. 1 puts the deconvolution panel beside it:
 * build both charts ({@link PhaseDiagram#panel} for this one) and pass them to
 * {@link FigureRendering#write}.
 */
public final class SeaFigure1Left implements Figure {
    public static final String ID = "sea-fig1-left";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Overview, left: phase transition (95% thresholds), n = 500";
    }

    @Override
    public String caption() {
        return "Overview of the main results. Left: phase transition diagram showing the recovery limits in dimension "
                + "n=500 while sparsity k and number of observations m varies (the higher, the better).";
    }

    @Override
    public List<FigureInput> inputs() {
        return List.of(new FigureInput(SeaFigure2.INPUT, "thresholds.csv of the phase-transition experiment, level 0.95"));
    }

    @Override
    public List<Path> draw(FigureInputs inputs, Path outputDir, FigureOptions options) throws IOException {
        if (inputs == null || outputDir == null || options == null) {
            throw new IllegalArgumentException("inputs, outputDir and options must not be null");
        }
        List<ThresholdTable.Row> rows = ThresholdTable.read(inputs.require(SeaFigure2.INPUT));
        List<PlottedPoint> plotted = new ArrayList<>();
        // The setting goes in the header line: a single panel is too narrow for it in its title.
        XYChart chart = PhaseDiagram.panel(rows, 0.95, "95% recovery threshold", "95%", false, plotted);
        return FigureRendering.write(ID, "Gaussian A, " + PhaseDiagram.settingOf(rows), List.of(chart), plotted,
                outputDir, options);
    }
}
