package io.sparserepro.cli;

import io.sparserepro.core.Checks;
import io.sparserepro.experiments.ExperimentRunner;
import io.sparserepro.experiments.ExperimentSpec;
import io.sparserepro.experiments.InstanceExperiment;
import io.sparserepro.experiments.InstanceSpec;
import io.sparserepro.experiments.Mode;
import io.sparserepro.experiments.Registries;
import io.sparserepro.experiments.RunOptions;
import io.sparserepro.experiments.RunOutcome;
import io.sparserepro.experiments.deconv.DeconvolutionExperiments;
import io.sparserepro.experiments.phase.PhaseTransitionRunner;
import io.sparserepro.experiments.phase.PhaseTransitionSpec;
import io.sparserepro.experiments.phase.ThresholdTable;
import io.sparserepro.figures.DeconvolutionFigures;
import io.sparserepro.figures.FigureInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Which experiment produces the inputs of which figure: the plan {@code reproduce} follows.
 * A figure never runs anything; this table is the one place that connects a figure's input
 * names to an experiment's result files. An input comes from one of three kinds of
 * experiment: a phase-transition search ({@code PhaseExperiments}), a grid experiment of the
 * {@code ExperimentRegistry} (run by {@link ExperimentRunner#run}), or a one-instance
 * experiment ({@link InstanceExperiment}).
 */
final class Reproduction {
    /** The kinds of experiment a figure's inputs come from. */
    enum Kind { PHASE, GRID, INSTANCE }

    /** An experiment by kind and name. */
    record Experiment(Kind kind, String name) {
        Experiment {
            Checks.requireNonNull("kind", kind);
            Checks.requireNonNull("name", name);
        }
    }

    /** One input file: which experiment writes it and its name in that experiment's folder. */
    record Source(Experiment experiment, String file) {
    }

    /**
     * How one figure is made: its inputs, and for each grid experiment the metrics whose
     * numbers REPORT.md tables (the numbers behind the curves).
     */
    record Recipe(Map<String, Source> inputFiles, Map<String, List<String>> reportedMetrics) {
        Recipe {
            inputFiles = Map.copyOf(inputFiles);
            reportedMetrics = Map.copyOf(reportedMetrics);
        }

        /** The experiments the figure needs, in a stable order. */
        List<Experiment> experiments() {
            LinkedHashSet<Experiment> set = new LinkedHashSet<>();
            inputFiles.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> set.add(e.getValue().experiment()));
            return new ArrayList<>(set);
        }

        FigureInputs inputs(Map<Experiment, Made> made) {
            FigureInputs inputs = FigureInputs.empty();
            for (Map.Entry<String, Source> e : inputFiles.entrySet()) {
                inputs = inputs.with(e.getKey(), made.get(e.getValue().experiment()).directory().resolve(e.getValue().file()));
            }
            return inputs;
        }
    }

    /**
     * What running (or finding) an experiment gave.
     *
     * @param phase the phase runner's outcome (phase experiments only)
     */
    record Made(Experiment experiment, Path directory, long computed, double seconds, boolean complete,
                PhaseTransitionRunner.Outcome phase) {
    }

    private static final Experiment PHASE = new Experiment(Kind.PHASE, "sea-phase-transition");
    private static final Experiment FIG4 = new Experiment(Kind.GRID, DeconvolutionExperiments.FIGURE4);

    static final Map<String, Recipe> RECIPES = recipes();

    private Reproduction() {
    }

    private static Map<String, Recipe> recipes() {
        Map<String, Recipe> r = new LinkedHashMap<>();
        r.put("sea-fig2", new Recipe(Map.of("thresholds", new Source(PHASE, ThresholdTable.FILE_NAME)), Map.of()));
        r.put("sea-fig1-left", new Recipe(Map.of("thresholds", new Source(PHASE, ThresholdTable.FILE_NAME)), Map.of()));
        r.put(DeconvolutionFigures.FIG4, grid(DeconvolutionExperiments.FIGURE4, "supportDistance", "success"));
        r.put(DeconvolutionFigures.FIG3, new Recipe(Map.of(DeconvolutionFigures.INSTANCE, new Source(
                new Experiment(Kind.INSTANCE, DeconvolutionExperiments.FIGURE3), InstanceExperiment.INSTANCE_FILE)),
                Map.of()));
        r.put(DeconvolutionFigures.FIG1, new Recipe(Map.of("thresholds", new Source(PHASE, ThresholdTable.FILE_NAME),
                DeconvolutionFigures.SUMMARY, new Source(FIG4, "summary.csv")), Map.of(FIG4.name(), List.of(
                "supportDistance"))));
        r.put(DeconvolutionFigures.NEAR_MISSES, grid(DeconvolutionExperiments.FIGURE4, "localisationF1_r0",
                "localisationF1_r1", "localisationF1_r2"));
        r.put(DeconvolutionFigures.SEPARATION, grid(DeconvolutionExperiments.SEPARATION, "supportDistance"));
        r.put(DeconvolutionFigures.WRONG_K, grid(DeconvolutionExperiments.WRONG_K, "supportContained",
                "supportDistance"));
        r.put(DeconvolutionFigures.NOISE, grid(DeconvolutionExperiments.NOISE, "relativeError", "localisationF1_r0"));
        r.put(DeconvolutionFigures.GAUSSIAN, grid(DeconvolutionExperiments.GAUSSIAN_AMPLITUDES, "supportDistance"));
        r.put(DeconvolutionFigures.BUDGET, grid(DeconvolutionExperiments.BUDGET, "supportDistance", "success"));
        r.put(DeconvolutionFigures.WORK, grid(DeconvolutionExperiments.BUDGET, "supportDistance", "iterations"));
        r.put(DeconvolutionFigures.EXPLORATION, new Recipe(Map.of(DeconvolutionFigures.TRACES, new Source(
                new Experiment(Kind.INSTANCE, DeconvolutionExperiments.EXPLORATION), InstanceExperiment.TRACE_FILE)),
                Map.of()));
        return java.util.Collections.unmodifiableMap(r);
    }

    /** A figure drawn from one grid experiment's summary.csv (input {@code summary}) and run.json ({@code run}). */
    private static Recipe grid(String experiment, String... metrics) {
        Experiment e = new Experiment(Kind.GRID, experiment);
        return new Recipe(Map.of(DeconvolutionFigures.SUMMARY, new Source(e, "summary.csv"),
                DeconvolutionFigures.RUN, new Source(e, "run.json")), Map.of(experiment, List.of(metrics)));
    }

    static Recipe recipe(String figure) {
        Recipe r = RECIPES.get(Checks.requireNonNull("figure", figure));
        if (r == null) {
            throw new IllegalArgumentException("figure " + figure + " has no reproduction recipe; figures with one: "
                    + String.join(", ", new java.util.TreeSet<>(RECIPES.keySet())));
        }
        return r;
    }

    /** Runs (or resumes, or finds complete) {@code experiment}. */
    static Made run(CliContext context, Experiment experiment, Mode mode, RunOptions options, java.io.PrintWriter out) {
        switch (experiment.kind()) {
            case PHASE: {
                PhaseTransitionRunner.Outcome o = runPhase(context, experiment.name(), mode, options, out);
                return new Made(experiment, o.directory(), o.computed(), o.seconds(), o.complete(), o);
            }
            case GRID: {
                ExperimentSpec spec = context.experiments().get(experiment.name()).spec(mode);
                ExperimentRunner runner = new ExperimentRunner(registries(context));
                RunOutcome o = RunCommand.runSavingOnInterrupt(runner, () -> runner.run(spec, options));
                out.printf("%s (%s): %d trials, %d computed, %d reused, %.1f s%n", experiment.name(), mode.label(),
                        o.total(), o.computed(), o.reused(), o.seconds());
                out.flush();
                return new Made(experiment, o.directory(), o.computed(), o.seconds(), true, null);
            }
            case INSTANCE: {
                InstanceSpec spec = DeconvolutionExperiments.instance(experiment.name(), mode);
                InstanceExperiment.Outcome o = InstanceExperiment.run(spec, registries(context), options.resultsRoot());
                out.printf("%s (%s): %d solvers run, %.1f s%n", experiment.name(), mode.label(), o.computed(),
                        o.seconds());
                out.flush();
                return new Made(experiment, o.directory(), o.computed(), o.seconds(), true, null);
            }
            default:
                throw new IllegalStateException("unknown kind " + experiment.kind());
        }
    }

    private static Registries registries(CliContext context) {
        return Registries.of(context.solvers());
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
        return context.figures().figures().stream().map(f -> f.id())
                .filter(id -> RECIPES.containsKey(id) || id.equals(DatasetReproduction.FIGURE)
                        || UnfoldingReproduction.handles(id)).toList();
    }
}
