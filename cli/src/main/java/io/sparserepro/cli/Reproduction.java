package io.sparserepro.cli;

import io.sparserepro.core.Checks;
import io.sparserepro.experiments.ExperimentRunner;
import io.sparserepro.experiments.Mode;
import io.sparserepro.experiments.Registries;
import io.sparserepro.experiments.RunOptions;
import io.sparserepro.experiments.phase.PhaseTransitionRunner;
import io.sparserepro.experiments.phase.PhaseTransitionSpec;
import io.sparserepro.experiments.phase.ThresholdTable;
import io.sparserepro.figures.FigureInputs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Which experiment produces the inputs of which figure: the plan {@code reproduce} follows.
 * A figure never runs anything; this table is the one place that connects a figure's input
 * names to an experiment's result files.
 */
final class Reproduction {
    /** How one figure is made: the experiment it needs and where its inputs are in that experiment's folder. */
    record Recipe(String experiment, Map<String, String> inputFiles) {
        FigureInputs inputs(Path experimentFolder) {
            FigureInputs inputs = FigureInputs.empty();
            for (Map.Entry<String, String> e : inputFiles.entrySet()) {
                inputs = inputs.with(e.getKey(), experimentFolder.resolve(e.getValue()));
            }
            return inputs;
        }
    }

    static final Map<String, Recipe> RECIPES = Map.of(
            "sea-fig2", new Recipe("sea-phase-transition", Map.of("thresholds", ThresholdTable.FILE_NAME)),
            "sea-fig1-left", new Recipe("sea-phase-transition", Map.of("thresholds", ThresholdTable.FILE_NAME)));

    private Reproduction() {
    }

    static Recipe recipe(String figure) {
        Recipe r = RECIPES.get(Checks.requireNonNull("figure", figure));
        if (r == null) {
            throw new IllegalArgumentException("figure " + figure + " has no reproduction recipe; figures with one: "
                    + String.join(", ", new java.util.TreeSet<>(RECIPES.keySet())));
        }
        return r;
    }

    /** Runs (or resumes) phase-transition experiment {@code name}; returns its folder. */
    static PhaseTransitionRunner.Outcome runPhase(CliContext context, String name, Mode mode, RunOptions options,
                                                  java.io.PrintWriter out) {
        PhaseTransitionSpec spec = context.phases().get(name).spec(mode);
        ExperimentRunner runner = new ExperimentRunner(Registries.of(context.solvers()));
        PhaseTransitionRunner.Outcome outcome = RunCommand.runSavingOnInterrupt(runner,
                () -> new PhaseTransitionRunner(runner).run(spec, options));
        out.printf("%s (%s): %d trials computed in %d rounds, %.1f s%s%n", name, mode.label(), outcome.computed(),
                outcome.rounds(), outcome.seconds(), outcome.complete() ? ""
                        : "; waiting for " + outcome.waitingFor() + " trials of other shards: run every shard again");
        out.flush();
        return outcome;
    }

    static List<String> figureIds(CliContext context) {
        return context.figures().figures().stream().map(f -> f.id()).filter(id -> RECIPES.containsKey(id) || UnfoldingReproduction.handles(id)).toList();
    }
}
