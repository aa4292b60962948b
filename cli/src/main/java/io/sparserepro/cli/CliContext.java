package io.sparserepro.cli;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.core.Checks;
import io.sparserepro.experiments.ExperimentRegistry;
import io.sparserepro.experiments.phase.PhaseExperiments;
import io.sparserepro.figures.FigureRegistry;
import io.sparserepro.experiments.ProgressListener;

/**
 * What the commands work with: the solver and experiment registries, the figure catalogue
 * (a hook for the figures module, empty until it exists), and whether to draw progress bars.
 * Tests build their own context with test solvers and no progress.
 *
 * @param solvers     algorithms by name
 * @param experiments experiments by name
 * @param phases      phase-transition experiments by name
 * @param figures     the figures {@code list figures} and {@code reproduce} know
 * @param progress    show run progress (a bar on a terminal, plain lines elsewhere)
 */
public record CliContext(SolverRegistry solvers, ExperimentRegistry experiments, PhaseExperiments phases,
                         FigureRegistry figures, boolean progress) {

    public CliContext {
        Checks.requireNonNull("solvers", solvers);
        Checks.requireNonNull("experiments", experiments);
        Checks.requireNonNull("phases", phases);
        Checks.requireNonNull("figures", figures);
    }

    /** The suite's registries, progress bars on a terminal. */
    public static CliContext defaults() {
        return new CliContext(io.sparserepro.experiments.deconv.RandomRestarts.register(
                io.sparserepro.experiments.deconv.OverestimatedSparsity.register(SolverRegistry.defaults())), ExperimentRegistry.defaults(), PhaseExperiments.defaults(),
                FigureRegistry.defaults(), true);
    }

    /**
     * If enabled: a progress bar sized to the terminal when standard error is one, else plain
     * progress lines (a log gets no control characters). If disabled, warnings only.
     */
    ProgressListener progressListener(String task, java.io.PrintWriter err) {
        if (progress) {
            return new ConsoleProgress(task, err, Terminal.detect());
        }
        return new ProgressListener() {
            @Override
            public void warning(String message) {
                err.println("warning: " + message);
                err.flush();
            }
        };
    }
}
