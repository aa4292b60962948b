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
    @Parameters(index = "0", arity = "0..1", paramLabel = "EXPERIMENT",
            description = "a built-in experiment (see 'sparse-repro list experiments'), or use --spec")
    String experiment;

    @Option(names = "--spec", paramLabel = "FILE.json",
            description = "a declaration file instead of EXPERIMENT: write one with 'run EXPERIMENT --print-spec', "
                    + "edit its grid, runs, solvers or seed")
    Path specFile;

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

    /** How the declaration is named in messages: its variant, or the file it came from. */
    String label() {
        return specFile != null ? specFile.getFileName().toString() : mode().label();
    }

    /** The options that name this declaration again, for a follow-up command. */
    String selector() {
        return specFile != null ? "--spec " + specFile : experiment + " --" + mode().label();
    }

    ExperimentSpec spec(CliContext context) {
        ExperimentSpec spec;
        if (specFile != null) {
            if (experiment != null || size != null) {
                throw new IllegalArgumentException("--spec replaces EXPERIMENT and --quick/--full: give one or the other");
            }
            spec = readSpec(specFile);
        } else if (experiment == null) {
            throw new IllegalArgumentException("name an EXPERIMENT (see 'sparse-repro list experiments') or give --spec FILE.json");
        } else {
            spec = context.experiments().get(experiment).spec(mode());
        }
        if (algorithms != null) {
            spec = spec.withSolvers(algorithms.stream().map(io.sparserepro.algorithms.SolverVariant::of).toList());
        }
        if (runs != null) {
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1: " + runs);
            }
            spec = spec.withRuns(runs);
        }
        return spec;
    }

    private static ExperimentSpec readSpec(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--spec file not found: " + file);
        }
        com.fasterxml.jackson.databind.JsonNode json;
        try {
            json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var where = e.getLocation();
            throw new IllegalArgumentException("--spec " + file + " is not valid JSON"
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read --spec " + file + ": " + e.getMessage(), e);
        }
        if (json == null) {
            throw new IllegalArgumentException("--spec " + file + " is empty");
        }
        return ExperimentSpec.fromJson(json, "--spec " + file);
    }
}
