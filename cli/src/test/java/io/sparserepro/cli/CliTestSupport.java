package io.sparserepro.cli;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.select.LargestK;
import io.sparserepro.experiments.ExperimentRegistry;
import io.sparserepro.experiments.ExperimentSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

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
        SolverRegistry solvers = SolverRegistry.defaults().with("thresh", Thresholding::new);
        ExperimentRegistry experiments = ExperimentRegistry.defaults()
                .with("tiny", new ExperimentRegistry.Entry("two k, two solvers", tiny(5), tiny(9)));
        return new CliContext(solvers, experiments, List::of, false);
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparseReproCli.commandLine(context(), new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** One-step thresholding, with a diagnostic. */
    static final class Thresholding implements SparseSolver {
        @Override
        public String name() {
            return "thresh";
        }

        @Override
        public SparseResult solve(Problem problem) {
            int n = problem.cols();
            double[] c = new double[n];
            problem.operator().applyAdjoint(problem.observations(), c);
            double[] magnitudes = new double[n];
            for (int j = 0; j < n; j++) {
                magnitudes[j] = Math.abs(c[j]);
            }
            int[] support = LargestK.of(magnitudes, problem.sparsity());
            double[] estimate = new double[n];
            for (int j : support) {
                estimate[j] = c[j];
            }
            return SparseResult.of(problem.operator(), problem.observations(), estimate, support, 1, true, null,
                    Map.of("spread", magnitudes[support[0]]));
        }
    }
}
