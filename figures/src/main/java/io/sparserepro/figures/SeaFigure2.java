package io.sparserepro.figures;

import io.sparserepro.experiments.phase.ThresholdTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * SEA paper, Fig. 2: the phase-transition diagram. Two panels side by side in one image: left
 * the 95% thresholds (the paper's figure), right the 50% thresholds with the Donoho–Tanner
 * weak threshold of ℓ1 computed from its formula (what the literature compares; issue 11).
 * Input {@code thresholds}: a {@code thresholds.csv} ({@link ThresholdTable}) with rows at
 * levels 0.95 and 0.5. The CSV's panel column is {@code 95%} or {@code 50%}.
 */
public final class SeaFigure2 implements Figure {
    public static final String ID = "sea-fig2";
    public static final String INPUT = "thresholds";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Phase transition: 95% and 50% recovery thresholds, Gaussian A";
    }

    @Override
    public String caption() {
        return "Phase transition diagram: each curve is the threshold below which the related algorithm recovers at "
                + "least 95% of the supports. ζ denotes the ratio between the number of rows and the number of columns "
                + "in A while ρ denotes the ratio between the sparsity and the number of rows in A. Matrix A have i.i.d. "
                + "standard Gaussian entries and non-zero entries in x* are drawn uniformly in [−2, −1]∪[1, 2]. n=500 is "
                + "fixed and results are obtained from 1000 runs.";
    }

    @Override
    public List<FigureInput> inputs() {
        return List.of(new FigureInput(INPUT,
                "thresholds.csv of the phase-transition experiment, levels 0.95 and 0.5"));
    }

    @Override
    public List<Path> draw(FigureInputs inputs, Path outputDir, FigureOptions options) throws IOException {
        if (inputs == null || outputDir == null || options == null) {
            throw new IllegalArgumentException("inputs, outputDir and options must not be null");
        }
        List<ThresholdTable.Row> rows = ThresholdTable.read(inputs.require(INPUT));
        List<PlottedPoint> plotted = new ArrayList<>();
        XYChart left = PhaseDiagram.panel(rows, 0.95, "95% recovery threshold", "95%", false, plotted);
        XYChart right = PhaseDiagram.panel(rows, 0.5, "50% recovery threshold", "50%", true, plotted);
        String header = "Fig. 2 setting: Gaussian A (unit-norm columns), " + PhaseDiagram.settingOf(rows)
                + ", amplitudes ±[1, 2], exact support recovery";
        return FigureRendering.write(ID, header, List.of(left, right), plotted, outputDir, options);
    }
}
