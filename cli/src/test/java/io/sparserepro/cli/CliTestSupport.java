package io.sparserepro.cli;

import java.nio.file.Path;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.experiments.ExperimentRegistry;
import io.sparserepro.experiments.ExperimentSpec;
import io.sparserepro.experiments.TestSolvers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** A CLI wired to test solvers and a tiny experiment, run in-process with captured output. */
final class CliTestSupport {
    private CliTestSupport() {
    }

    record Result(int code, String out, String err) {
    }

    static ExperimentSpec tiny(int runs) {
        return ExperimentSpec.builder("tiny", "gaussian")
                .parameter("n", 30)
                .axis("zeta", 0.5)
                .axis("k", 2, 4)
                .solvers("thresh", "sea-0")
                .runs(runs)
                .seed(7)
                .build();
    }

    static CliContext context() {
        SolverRegistry solvers = TestSolvers.registry();
        ExperimentRegistry experiments = ExperimentRegistry.defaults()
                .with("tiny", new ExperimentRegistry.Entry("two k, two solvers", tiny(5), tiny(9)));
        return new CliContext(solvers, experiments, io.sparserepro.experiments.phase.PhaseExperiments.defaults(),
                io.sparserepro.figures.FigureRegistry.defaults(), false);
    }

    static Result run(String... args) {
        return run(context(), args);
    }

    static Result run(CliContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparseReproCli.commandLine(context, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * A weights file of {@code n} ones for {@code network} (omp-net or iht-net), trained
     * configuration 3 layers, τ = 1e-3, η = 0.5: what the solvers that need one read in tests
     * that run every registered solver.
     */
    static Path onesWeights(Path dir, String network, int n) {
        Path file = dir.resolve(network + "-ones.json");
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        io.sparserepro.algorithms.unfolding.net.WeightsFiles.write(file,
                new io.sparserepro.algorithms.unfolding.net.TrainedWeights(network, n,
                        java.util.Map.of("layers", 3, "tau", 1e-3, "step", 0.5), ones,
                        io.sparserepro.algorithms.unfolding.net.TrainingRecipe.SelectionRule.BEST_VALIDATION_EVERY_EPOCH,
                        1, 0.0, io.sparserepro.algorithms.unfolding.net.TrainingRecipe.paper(), null,
                        java.time.Instant.parse("2026-12-01T00:00:00Z")));
        return file;
    }
}
