package io.sparserepro.cli;

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
}
