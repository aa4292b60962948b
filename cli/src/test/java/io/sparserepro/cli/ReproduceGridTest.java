package io.sparserepro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SolverVariant;
import io.sparserepro.experiments.ExperimentRegistry;
import io.sparserepro.experiments.ExperimentSpec;
import io.sparserepro.experiments.deconv.DeconvolutionExperiments;
import io.sparserepro.experiments.deconv.OverestimatedSparsity;
import io.sparserepro.experiments.phase.PhaseExperiments;
import io.sparserepro.figures.FigureRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce} with figures made from grid experiments: the deconvolution declarations
 * replaced by tiny ones (n = 40) under the same names, so the recipes are the real ones.
 */
class ReproduceGridTest {

    private static ExperimentSpec tinyFigure4(int runs) {
        return ExperimentSpec.builder(DeconvolutionExperiments.FIGURE4, "deconvolution").parameter("n", 40)
                .parameter("kernelWidth", 2.0).parameter("amplitudes", "uniform-1-2").parameter("noise", 0.0)
                .axis("k", 2, 4).solver(SolverVariant.of("sea-0").withLabel("SEA_0"))
                .solver(SolverVariant.of("omp").withLabel("OMP"))
                .metrics("supportDistance", "success", "localisationF1_r0", "localisationF1_r1", "localisationF1_r2")
                .runs(runs).seed(3).build();
    }

    private static ExperimentSpec tinyBudget(int runs) {
        return ExperimentSpec.builder(DeconvolutionExperiments.BUDGET, "deconvolution").parameter("n", 40)
                .parameter("kernelWidth", 2.0).parameter("amplitudes", "uniform-1-2").parameter("noise", 0.0)
                .axis("k", 4).solver(SolverVariant.of("sea-0").withOption("maxIterations", 5).withLabel("SEA_0 T=5"))
                .solver(SolverVariant.of("sea-0").withOption("maxIterations", 50).withLabel("SEA_0 T=50"))
                .metrics("supportDistance", "success").runs(runs).seed(3).build();
    }

    private static CliContext context() {
        ExperimentRegistry experiments = ExperimentRegistry.defaults()
                .with(DeconvolutionExperiments.FIGURE4, new ExperimentRegistry.Entry("tiny", tinyFigure4(4), tinyFigure4(6)))
                .with(DeconvolutionExperiments.BUDGET, new ExperimentRegistry.Entry("tiny", tinyBudget(4), tinyBudget(6)));
        return new CliContext(OverestimatedSparsity.register(SolverRegistry.defaults()), experiments,
                PhaseExperiments.defaults(), FigureRegistry.defaults(), false);
    }

    @Test
    void gridFiguresAreDrawnAndReported(@TempDir Path results) throws IOException {
        CliTestSupport.Result r = CliTestSupport.run(context(), "reproduce", "--quick", "--results", results.toString(),
                "--threads", "1", "sea-fig4", "sea-deconv-near-misses", "sea-deconv-budget");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("sea-deconvolution (quick): 16 trials, 16 computed"), r.out());
        for (String id : new String[] {"sea-fig4", "sea-deconv-near-misses", "sea-deconv-budget"}) {
            assertTrue(Files.isRegularFile(results.resolve("figures").resolve(id + ".png")), id);
        }
        String report = Files.readString(results.resolve("REPORT.md"));
        assertTrue(report.contains("## sea-fig4"), report);
        assertTrue(report.contains("### Experiment `sea-deconvolution`"), report);
        assertTrue(report.contains("**supportDistance (mean ± std over runs):**"), report);
        assertTrue(report.contains("| SEA_0 |"), report);
        assertTrue(report.contains("**What the numbers show.** Ranked by supportDistance"), report);
        assertTrue(report.contains("**localisationF1_r2 (mean ± std over runs):**"), "near-miss numbers");
        assertTrue(report.contains("**success (rate):**"), "a rate is tabled as a rate");
        assertTrue(report.contains("**Reconstructed options"), report);
        assertTrue(report.contains("Iteration budget: SEA_0 reaches its best mean supportDistance"), report);
        // A second reproduction finds every trial in the store.
        CliTestSupport.Result again = CliTestSupport.run(context(), "reproduce", "--quick", "--results",
                results.toString(), "sea-fig4");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("16 trials, 0 computed, 16 reused"), again.out());
    }

    @Test
    void everyRecipeNamesARegisteredFigureAndExperiment() {
        CliContext context = CliContext.defaults();
        for (var e : Reproduction.RECIPES.entrySet()) {
            context.figures().get(e.getKey());
            for (Reproduction.Experiment x : e.getValue().experiments()) {
                switch (x.kind()) {
                    case PHASE -> context.phases().get(x.name());
                    case GRID -> context.experiments().get(x.name());
                    case INSTANCE -> DeconvolutionExperiments.instance(x.name(), io.sparserepro.experiments.Mode.QUICK);
                    default -> throw new AssertionError(x);
                }
            }
        }
        assertTrue(Reproduction.figureIds(context).containsAll(java.util.List.of("sea-fig1", "sea-fig2", "sea-fig3",
                "sea-fig4")));
    }

    @Test
    void aFigureWithoutRecipeIsAUserError(@TempDir Path results) {
        CliTestSupport.Result r = CliTestSupport.run(context(), "reproduce", "--quick", "--results", results.toString(),
                "no-such-figure");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no-such-figure"), r.err());
    }
}
