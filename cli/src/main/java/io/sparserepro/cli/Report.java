package io.sparserepro.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparserepro.algorithms.options.Option;
import io.sparserepro.algorithms.options.OptionDescription;
import io.sparserepro.experiments.Mode;
import io.sparserepro.experiments.Provenance;
import io.sparserepro.experiments.phase.DonohoTanner;
import io.sparserepro.experiments.phase.PhaseTransitionRunner;
import io.sparserepro.experiments.phase.ThresholdTable;
import io.sparserepro.figures.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code results/REPORT.md}: per figure the image, the paper's caption beside this run's
 * setting, every solver option that is reconstructed rather than quoted, the numbers behind
 * the curves, what they show (computed from them, not written in advance), runs, seeds, time
 * and code version.
 */
final class Report {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Report() {
    }

    static String text(CliContext context, Mode mode, Map<Figure, List<Path>> drawn,
                       Map<Reproduction.Experiment, Reproduction.Made> experiments, Path results, Duration wall)
            throws IOException {
        StringBuilder md = new StringBuilder("# Reproduction report\n\n");
        md.append(String.format(Locale.ROOT, "Made %s by sparse-repro %s (commit %s%s), JDK %s, %d cores; mode **%s**"
                        + " (%s); wall time of this reproduction %.1f s (trials found in the store are not recomputed, so"
                        + " a rerun is fast: the experiments' own run records give the computing time).%n%n",
                Instant.now().toString(), Provenance.projectVersion(), Provenance.gitCommit(),
                "true".equals(Provenance.gitDirty()) ? ", with uncommitted changes" : "",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), mode.label(),
                mode == Mode.QUICK ? "reduced sizes that show each figure's shape in minutes; `--full` is the papers' scale"
                        : "the papers' scale", wall.toMillis() / 1000.0));
        for (Map.Entry<Figure, List<Path>> e : drawn.entrySet()) {
            Figure figure = e.getKey();
            Reproduction.Recipe recipe = Reproduction.recipe(figure.id());
            md.append("## ").append(figure.id()).append(" — ").append(figure.title()).append("\n\n");
            Path png = e.getValue().get(0);
            md.append("![").append(figure.id()).append("](").append(results.relativize(png)).append(")\n\n");
            md.append("Files: ");
            List<String> links = new ArrayList<>();
            for (Path p : e.getValue()) {
                links.add("[" + p.getFileName() + "](" + results.relativize(p) + ")");
            }
            md.append(String.join(", ", links)).append(" (the CSV holds the plotted data).\n\n");
            md.append("**The paper's caption.** ").append(figure.caption()).append("\n\n");
            for (Reproduction.Experiment experiment : recipe.experiments()) {
                Reproduction.Made made = experiments.get(experiment);
                switch (experiment.kind()) {
                    case PHASE -> phaseSection(context, md, made.phase(), results);
                    case GRID -> GridReport.section(context, md, made, recipe.reportedMetrics().getOrDefault(
                            experiment.name(), List.of()), results);
                    case INSTANCE -> GridReport.instanceSection(context, md, made, results);
                    default -> throw new IllegalStateException("unknown kind " + experiment.kind());
                }
            }
        }
        return md.toString();
    }

    private static void phaseSection(CliContext context, StringBuilder md, PhaseTransitionRunner.Outcome outcome,
                                     Path results) throws IOException {
        JsonNode run = JSON.readTree(outcome.directory().resolve("run.json").toFile());
        JsonNode declaration = run.get("declaration");
        List<ThresholdTable.Row> rows = ThresholdTable.read(outcome.directory().resolve(ThresholdTable.FILE_NAME));
        md.append(String.format(Locale.ROOT, "**This run's setting.** Gaussian A with unit-norm columns, n = %d, "
                        + "ζ ∈ %s, amplitudes %s, noiseless; at most %d runs per point, stopping rule: %s; master seed %d; "
                        + "success = exact support recovery (ℓ1: the ℓ1 solution itself equals x* to relative error 1e-6, "
                        + "basis-pursuit success, no refit). Thresholds are found by a search over k (%s), not a full "
                        + "grid. Results: `%s`.%n%n",
                declaration.get("n").asInt(), declaration.get("zetas"), declaration.get("amplitudes").asText(),
                declaration.get("maxRuns").asInt(), rules(rows),
                declaration.get("seed").asLong(), "bisection with neighbour checks", results.relativize(
                        outcome.directory())));
        if (declaration.get("n").asInt() != 500 || declaration.get("maxRuns").asInt() != 1000) {
            md.append("**Differs from the paper:** n = ").append(declaration.get("n").asInt()).append(" (paper 500), ")
                    .append(declaration.get("maxRuns").asInt()).append(" runs per point (paper 1000).\n\n");
        }
        md.append(reconstructedOptions(context, run.get("solvers")));
        for (double level : new TreeSet<>(rows.stream().map(ThresholdTable.Row::level).toList()).descendingSet()) {
            md.append(thresholdTable(rows, level));
        }
        md.append("**What the curves show.** ").append(summary(rows)).append("\n\n");
        Path paired = outcome.directory().resolve("paired.csv");
        if (Files.exists(paired)) {
            List<String> lines = Files.readAllLines(paired);
            md.append("**SEA as post-processing, instance by instance** (same instances for both, at k = k*₉₅(ALG) + 1,"
                    + " just past ALG's threshold; improved = SEA_ALG recovers where ALG fails; p = exact McNemar "
                    + "test on the discordant pairs):\n\n");
            md.append("| ALG | SEA_ALG | ζ | m | k | runs | improved | equal | worsened | p |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|\n");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                md.append("| ").append(String.join(" | ", f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8],
                        String.format(Locale.ROOT, "%.2g", Double.parseDouble(f[9])))).append(" |\n");
            }
            md.append('\n');
        }
        md.append(String.format(Locale.ROOT, "**Runs and time.** %d trials computed by this invocation in %d rounds "
                        + "(%.1f s); the experiment's record: `%s` (code %s, start %s).%n%n", outcome.computed(),
                outcome.rounds(), outcome.seconds(), results.relativize(outcome.directory().resolve("run.json")),
                run.path("code").path("gitCommit").asText(), run.path("start").asText()));
    }

    /** "95%: rule; 50%: rule", each level's stopping rule as thresholds.csv records it. */
    private static String rules(List<ThresholdTable.Row> rows) {
        Map<Double, String> byLevel = new LinkedHashMap<>();
        rows.forEach(r -> byLevel.putIfAbsent(r.level(), r.rule()));
        List<String> parts = new ArrayList<>();
        byLevel.forEach((level, rule) -> parts.add(String.format(Locale.ROOT, "%.0f%%: %s", level * 100, rule)));
        return String.join("; ", parts);
    }

    /**
     * The options whose defaults are reconstructed rather than quoted, one row per (algorithm,
     * option, value) naming every solver of the run that uses it, from run.json's
     * {@code solvers}; a sentence when there is none.
     */
    static String reconstructedOptions(CliContext context, JsonNode solvers) {
        Map<String, List<String>> rowsBySetting = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = solvers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> solver = it.next();
            reconstructedRows(context, rowsBySetting, solver.getKey(), solver.getValue());
        }
        if (rowsBySetting.isEmpty()) {
            return "**Reconstructed options:** none of these solvers' options is annotated as reconstructed; every "
                    + "option value is in run.json (`solvers`).\n\n";
        }
        StringBuilder md = new StringBuilder("**Reconstructed options** (not stated in the papers; each is a named "
                + "option, recorded in run.json):\n\n| algorithm | option | value | meaning | solvers |\n"
                + "|---|---|---|---|---|\n");
        rowsBySetting.forEach((setting, labels) -> md.append("| ").append(setting).append(" | ")
                .append(String.join(", ", labels)).append(" |\n"));
        return md.append('\n').toString();
    }

    private static void reconstructedRows(CliContext context, Map<String, List<String>> rows, String label,
                                          JsonNode solver) {
        String algorithm = solver.path("algorithm").asText();
        if (!context.solvers().contains(algorithm)) {
            return;
        }
        for (OptionDescription o : context.solvers().options(algorithm)) {
            if (o.origin() == Option.Origin.RECONSTRUCTED) {
                String setting = algorithm + " | " + o.name() + " | " + solver.path("options").path(o.name()) + " | "
                        + o.meaning().replace("|", "\\|");
                rows.computeIfAbsent(setting, s -> new ArrayList<>()).add(label);
            }
        }
        JsonNode inner = solver.path("inner");
        if (!inner.isMissingNode()) {
            reconstructedRows(context, rows, label + " (inner)", inner);
        }
    }

    /** ρ* per solver (rows) and ζ (columns) at {@code level}, with the band when it is wider than one step. */
    private static String thresholdTable(List<ThresholdTable.Row> rows, double level) {
        List<Double> zetas = new ArrayList<>(new TreeSet<>(rows.stream().map(ThresholdTable.Row::zeta).toList()));
        Map<String, Map<Double, ThresholdTable.Row>> bySolver = new LinkedHashMap<>();
        for (ThresholdTable.Row r : rows) {
            if (r.level() == level) {
                bySolver.computeIfAbsent(r.label(), l -> new LinkedHashMap<>()).put(r.zeta(), r);
            }
        }
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "**%.0f%% thresholds ρ* = k*/m** "
                + "(largest k with success ≥ %.0f%%; [band] where the search left more than one step undecided):%n%n",
                level * 100, level * 100));
        md.append("| solver |");
        zetas.forEach(z -> md.append(" ζ=").append(z).append(" |"));
        md.append("\n|---|");
        zetas.forEach(z -> md.append("---|"));
        md.append('\n');
        bySolver.forEach((label, cells) -> {
            md.append("| ").append(label).append(" |");
            for (double z : zetas) {
                ThresholdTable.Row r = cells.get(z);
                md.append(' ').append(r == null ? "" : String.format(Locale.ROOT, "%.3f", r.rho()));
                if (r != null && r.rhoHigh() - r.rhoLow() > 1.0 / r.m() + 1e-12) {
                    md.append(String.format(Locale.ROOT, " [%.3f, %.3f]", r.rhoLow(), r.rhoHigh()));
                }
                md.append(" |");
            }
            md.append('\n');
        });
        if (level == 0.5) {
            md.append("| Donoho–Tanner ℓ1 weak threshold (computed) |");
            for (double z : zetas) {
                md.append(String.format(Locale.ROOT, " %.3f |", DonohoTanner.weakThreshold(z)));
            }
            md.append('\n');
        }
        return md.append('\n').toString();
    }

    /** A sentence or two computed from the thresholds: the order of the 95% curves, averaged over ζ. */
    static String summary(List<ThresholdTable.Row> rows) {
        Map<String, double[]> mean = new LinkedHashMap<>();
        for (ThresholdTable.Row r : rows) {
            if (r.level() == 0.95) {
                double[] acc = mean.computeIfAbsent(r.label(), l -> new double[2]);
                acc[0] += r.rho();
                acc[1]++;
            }
        }
        List<Map.Entry<String, double[]>> ranked = new ArrayList<>(mean.entrySet());
        ranked.sort((a, b) -> Double.compare(b.getValue()[0] / b.getValue()[1], a.getValue()[0] / a.getValue()[1]));
        if (ranked.isEmpty()) {
            return "no 95% thresholds were computed.";
        }
        List<String> order = new ArrayList<>();
        for (Map.Entry<String, double[]> e : ranked) {
            order.add(String.format(Locale.ROOT, "%s (%.3f)", e.getKey(), e.getValue()[0] / e.getValue()[1]));
        }
        return "Ranked by the mean 95% threshold over ζ (higher recovers denser vectors): " + String.join(" > ", order)
                + ". The paper reports SEA's curves above the other greedy methods'; compare the order above with it.";
    }
}
