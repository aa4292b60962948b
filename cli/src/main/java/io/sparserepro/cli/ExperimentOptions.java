package io.sparserepro.cli;

import io.sparserepro.experiments.ExperimentSpec;
import io.sparserepro.experiments.Mode;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options that pick a declaration, shared by {@code run} and {@code merge} (a merge must
 * name the same declaration as its shards to find their folder).
 */
final class ExperimentOptions {
    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "see 'sparse-repro list experiments'")
    String experiment;

    @ArgGroup(exclusive = true)
    Size size;

    static final class Size {
        @Option(names = "--quick", description = "the reduced variant (minutes)")
        boolean quick;

        @Option(names = "--full", description = "the paper-scale variant (the default)")
        boolean full;
    }

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "results folder (default: ${DEFAULT-VALUE})")
    Path results;

    @Option(names = "--algorithms", split = ",", paramLabel = "NAME",
            description = "replace the experiment's algorithms (comma-separated); a new declaration, so a new folder")
    List<String> algorithms;

    @Option(names = "--runs", paramLabel = "N", description = "replace the number of runs per grid point")
    Integer runs;

    Mode mode() {
        return size != null && size.quick ? Mode.QUICK : Mode.FULL;
    }

    ExperimentSpec spec(CliContext context) {
        ExperimentSpec spec = context.experiments().get(experiment).spec(mode());
        if (algorithms != null) {
            spec = spec.withSolvers(algorithms);
        }
        if (runs != null) {
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1: " + runs);
            }
            spec = spec.withRuns(runs);
        }
        return spec;
    }
}
