package io.sparserepro.cli;

import io.sparserepro.experiments.ExperimentRunner;
import io.sparserepro.experiments.Registries;
import io.sparserepro.experiments.ExperimentSpec;
import io.sparserepro.experiments.RunOutcome;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sparse-repro merge}: combines the shard files of an experiment. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Combine the shards of an experiment into trials.csv and summary.csv.",
                "",
                "The result is identical to a single run's. Name the same variant and options as the shards "
                        + "were run with."})
final class MergeCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ExperimentOptions selection;

    MergeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ExperimentSpec declaration = selection.spec(context);
        SparseReproCli.activity("merging the shards of " + declaration.name() + " (" + selection.label() + ")");
        RunOutcome outcome = new ExperimentRunner(Registries.of(context.solvers())).merge(declaration, selection.results);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        outcome.warnings().forEach(w -> err.println("warning: " + w));
        out.println(declaration.name() + " (" + selection.label() + "): merged " + outcome.total()
                + " trials into " + outcome.output());
        out.flush();
        err.flush();
        return 0;
    }
}
