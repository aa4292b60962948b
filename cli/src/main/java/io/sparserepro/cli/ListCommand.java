package io.sparserepro.cli;

import io.sparserepro.algorithms.options.OptionDescription;
import io.sparserepro.experiments.ExperimentRegistry;
import io.sparserepro.experiments.GeneratorRegistry;
import io.sparserepro.experiments.MetricRegistry;
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
    private static final List<String> TOPICS = List.of("algorithms", "experiments", "figures", "generators", "metrics");
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "WHAT",
            description = "algorithms, experiments, figures, generators or metrics")
    String what;

    @picocli.CommandLine.Option(names = "--options", description = "with the algorithms: every option's type, default, "
            + "origin (paper, reconstructed, implementation) and meaning")
    boolean options;

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
            for (String name : context.solvers().names()) {
                String inner = context.solvers().defaultInner(name);
                out.println("  " + name + (inner == null ? "" : "  (SEA after " + inner + "; any solver as 'inner')"));
                if (options) {
                    printOptions(out, context.solvers().options(name));
                }
            }
        }
        if (all || what.equals("experiments")) {
            out.println("experiments:");
            for (String name : context.experiments().names()) {
                ExperimentRegistry.Entry e = context.experiments().get(name);
                out.printf("  %-20s %s%n", name, e.description());
            }
            for (String name : context.phases().names()) {
                out.printf("  %-20s %s%n", name, context.phases().get(name).description());
            }
        }
        if (what != null && what.equals("generators")) {
            GeneratorRegistry generators = GeneratorRegistry.defaults();
            out.println("generators:");
            for (String name : generators.names()) {
                out.printf("  %-16s %s%n", name, generators.get(name).description());
            }
        }
        if (what != null && what.equals("metrics")) {
            MetricRegistry metrics = MetricRegistry.defaults();
            out.println("metrics:");
            for (String id : metrics.ids()) {
                out.printf("  %-16s %s%n", id, metrics.get(id).description());
            }
        }
        if (all || what.equals("figures")) {
            out.println("figures:");
            for (var figure : context.figures().figures()) {
                out.printf("  %-20s %s%n", figure.id(), figure.title());
            }
        }
        out.flush();
        return 0;
    }

    private static void printOptions(PrintWriter out, List<OptionDescription> described) {
        for (OptionDescription o : described) {
            String origin = o.origin() == null ? "" : o.origin().name().toLowerCase(java.util.Locale.ROOT);
            out.printf("      %-22s %-8s default %-10s [%s] %s%s%n", o.name(), o.type(), o.defaultValue(), origin,
                    o.meaning(), o.source().isEmpty() ? "" : " (" + o.source() + ")");
        }
    }
}
