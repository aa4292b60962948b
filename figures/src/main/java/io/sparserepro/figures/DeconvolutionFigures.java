package io.sparserepro.figures;

import io.sparserepro.experiments.ResultTables;
import java.util.List;

/**
 * The ids and input names of the spike-deconvolution figures (SEA paper, Figs. 1, 3, 4, the
 * appendix settings and issue 12's follow-up questions), shared with the reproduce recipes.
 */
public final class DeconvolutionFigures {
    public static final String FIG4 = "sea-fig4";
    public static final String FIG3 = "sea-fig3";
    public static final String FIG1 = "sea-fig1";
    public static final String NEAR_MISSES = "sea-deconv-near-misses";
    public static final String SEPARATION = "sea-deconv-separation";
    public static final String WRONG_K = "sea-deconv-wrong-k";
    public static final String NOISE = "sea-deconv-noise";
    public static final String GAUSSIAN = "sea-deconv-gaussian-amplitudes";
    public static final String BUDGET = "sea-deconv-budget";
    public static final String EXPLORATION = "sea-deconv-exploration";
    public static final String WORK = "sea-deconv-work";

    /** Input: a grid experiment's summary.csv. */
    public static final String SUMMARY = "summary";
    /** Input: a grid experiment's run.json. */
    public static final String RUN = "run";
    /** Input: an instance experiment's instance.csv. */
    public static final String INSTANCE = "instance";
    /** Input: an instance experiment's traces.csv. */
    public static final String TRACES = "traces";

    static final FigureInput SUMMARY_INPUT = new FigureInput(SUMMARY, "summary.csv of the grid experiment");
    static final FigureInput RUN_INPUT = new FigureInput(RUN, "run.json of the grid experiment");

    private DeconvolutionFigures() {
    }

    /** Every deconvolution figure, for the registry. */
    static List<Figure> all() {
        return List.of(new SeaFigure4(), new SeaFigure3(), new SeaFigure1(), new DeconvNearMisses(),
                new DeconvSeparation(), new DeconvWrongK(), new DeconvNoise(), new DeconvGaussianAmplitudes(),
                new DeconvBudget(), new DeconvWork(), new DeconvExploration());
    }

    static void requireArguments(FigureInputs inputs, java.nio.file.Path outputDir, FigureOptions options) {
        if (inputs == null || outputDir == null || options == null) {
            throw new IllegalArgumentException("inputs, outputDir and options must not be null");
        }
    }

    /** The header of a deconvolution figure: n, kernel width, amplitudes, runs, what the error bars are. */
    static String header(List<ResultTables.Summary> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("summary.csv has no rows");
        }
        ResultTables.Summary first = rows.get(0);
        int runs = rows.stream().mapToInt(ResultTables.Summary::trials).max().orElse(0);
        // Short enough for one 780-point panel at the header's 17-point bold font.
        return "m = n = " + first.parameters().get("n") + ", kernel width " + first.parameters().get("kernelWidth")
                + ", amplitudes " + first.parameters().get("amplitudes") + ", " + runs + " runs/point; bars ±1 s.e.";
    }
}
