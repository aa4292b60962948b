package io.sparserepro.cli;

import io.sparserepro.experiments.ExperimentRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sparse-repro list}: what can be run. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the algorithms, experiments and figures (all three without an argument).")
final class ListCommand implements Callable<Integer> {
    private static final List<String> TOPICS = List.of("algorithms", "experiments", "figures");
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "WHAT", description = "algorithms, experiments or figures")
    String what;

    ListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (what != null && !TOPICS.contains(what)) {
            throw new ParameterException(spec.commandLine(), "WHAT must be one of " + String.join(", ", TOPICS)
                    + ": '" + what + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean all = what == null;
        if (all || what.equals("algorithms")) {
            out.println("algorithms:");
            context.solvers().names().forEach(n -> out.println("  " + n));
        }
        if (all || what.equals("experiments")) {
            out.println("experiments:");
            for (String name : context.experiments().names()) {
                ExperimentRegistry.Entry e = context.experiments().get(name);
                out.printf("  %-20s %s%n", name, e.description());
            }
        }
        if (all || what.equals("figures")) {
            out.println("figures:");
            List<String> figures = context.figures().get();
            if (figures.isEmpty()) {
                out.println("  none yet (the figures module is not part of this build)");
            }
            figures.forEach(f -> out.println("  " + f));
        }
        out.flush();
        return 0;
    }
}
