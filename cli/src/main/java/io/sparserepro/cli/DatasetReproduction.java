package io.sparserepro.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparserepro.experiments.Mode;
import io.sparserepro.experiments.regression.DatasetCatalog;
import io.sparserepro.experiments.regression.RegressionExperiments;
import io.sparserepro.experiments.regression.RegressionRunner;
import io.sparserepro.experiments.regression.RegressionSpec;
import io.sparserepro.experiments.regression.RegressionTable;
import io.sparserepro.figures.ElsRegressionFigure;
import io.sparserepro.figures.Figure;
import io.sparserepro.figures.FigureInputs;
import io.sparserepro.figures.FigureOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The regression figure's part of {@code reproduce}: runs the {@code els-regression} experiment
 * on the data sets of {@code data/datasets.csv} that are present, draws
 * {@link ElsRegressionFigure}, and returns its REPORT.md section, which also lists the data
 * sets that are missing with the command that fetches them. Kept apart from the
 * phase-transition path so that {@code ReproduceCommand} and {@code Report} need one call each.
 */
final class DatasetReproduction {
    static final String FIGURE = ElsRegressionFigure.ID;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetReproduction() {
    }

    /**
     * Runs, draws and describes the regression figure.
     *
     * @return the REPORT.md section (Markdown, ending with a blank line)
     */
    static String run(CliContext context, Mode mode, Path results, Path dataDir, Path figuresDir,
                      FigureOptions figureOptions, int threads, PrintWriter out) throws IOException {
        Figure figure = context.figures().get(FIGURE);
        StringBuilder md = new StringBuilder("## ").append(FIGURE).append(" — ").append(figure.title()).append("\n\n");
        if (!Files.isRegularFile(dataDir.resolve(DatasetCatalog.FILE_NAME))) {
            md.append("Not drawn: no data set registry `").append(dataDir.resolve(DatasetCatalog.FILE_NAME))
                    .append("` (run from the repository root, or pass `--data DIR`).\n\n");
            out.println(FIGURE + ": skipped, no " + dataDir.resolve(DatasetCatalog.FILE_NAME));
            return md.toString();
        }
        DatasetCatalog catalog = DatasetCatalog.read(dataDir);
        List<DatasetCatalog.Entry> present = catalog.present();
        if (present.isEmpty()) {
            md.append("Not drawn: none of the data sets of `").append(dataDir.resolve(DatasetCatalog.FILE_NAME))
                    .append("` is present.\n\n");
            missing(md, catalog, dataDir);
            return md.toString();
        }
        RegressionSpec spec = RegressionExperiments.declaration(mode, dataDir, present);
        RegressionRunner.Outcome outcome = new RegressionRunner(context.solvers()).run(spec, results, threads,
                line -> {
                    out.println("  " + line);
                    out.flush();
                });
        out.printf(Locale.ROOT, "%s (%s): %s, %.1f s%n", RegressionExperiments.NAME, mode.label(),
                outcome.reused() ? "found in the results, not recomputed" : outcome.rows().size() + " solves", outcome.seconds());
        List<Path> files = figure.draw(FigureInputs.of(ElsRegressionFigure.INPUT,
                outcome.directory().resolve(RegressionTable.FILE_NAME)), figuresDir, figureOptions);
        out.println(FIGURE + ": " + files.get(0));
        md.append("![").append(FIGURE).append("](").append(results.relativize(files.get(0))).append(")\n\n");
        List<String> links = new ArrayList<>();
        for (Path p : files) {
            links.add("[" + p.getFileName() + "](" + results.relativize(p) + ")");
        }
        md.append("Files: ").append(String.join(", ", links)).append(" (the CSV holds the plotted data).\n\n");
        md.append("**Caption.** ").append(figure.caption()).append("\n\n");
        JsonNode run = JSON.readTree(outcome.directory().resolve("run.json").toFile());
        md.append(String.format(Locale.ROOT, "**This run's setting.** Per data set a seeded split (seed %d): %.0f%% of "
                        + "the samples held out for the test error; features centred and scaled to unit norm with the "
                        + "training samples' means and norms, target centred with the training mean (so the objective "
                        + "is 1 − R² of a model with intercept); features constant on the training samples dropped. "
                        + "k = %d..%d (capped at the number of features). Solvers: %s. SEA's budget is declared, "
                        + "T = %d, not the registered default (32000, chosen for deconvolution): the SEA paper gives "
                        + "no T for real data; on the shipped data SEA's objective still drops by up to 0.6%% from "
                        + "T = 2000 to 16000 and by at most 0.4%% from 16000 to 64000 at four times the cost. Train "
                        + "objective = ‖Ax − y‖²/‖y‖² on the standardised training data; test error = Σ(ŷ − y)²/"
                        + "Σ(y − ȳ_train)² on the held-out samples (1 = no better than the training mean). Results: "
                        + "`%s`.%n%n",
                spec.seed(), 100 * spec.testFraction(), spec.kMin(), spec.kMax(),
                String.join(", ", spec.solvers().stream().map(s -> s.label()).toList()),
                RegressionExperiments.SEA_ITERATIONS, results.relativize(outcome.directory())));
        Map<String, List<RegressionTable.Row>> byDataset = new LinkedHashMap<>();
        for (RegressionTable.Row r : outcome.rows()) {
            byDataset.computeIfAbsent(r.dataset(), d -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<RegressionTable.Row>> e : byDataset.entrySet()) {
            RegressionTable.Row first = e.getValue().get(0);
            JsonNode data = run.path("data").path(e.getKey());
            md.append(String.format(Locale.ROOT, "**%s** (%d samples × %d features%s; train %d, test %d). Training "
                            + "objective ‖Ax − y‖²/‖y‖² (lowest per k in bold; the model is the solver's output, not "
                            + "refitted):%n%n", e.getKey(), first.trainSamples() + first.testSamples(),
                    first.features(), data.has("subsampledTo") ? ", subsampled from " + data.path("samples").asInt()
                            : "", first.trainSamples(), first.testSamples()));
            md.append(table(e.getValue(), false));
            if (first.testSamples() > 0) {
                md.append("Test error (relative to the training mean):\n\n").append(table(e.getValue(), true));
            }
            md.append("**What the curves show.** ").append(summary(e.getValue())).append("\n\n");
        }
        missing(md, catalog, dataDir);
        md.append(String.format(Locale.ROOT, "**Runs and time.** %d solves; %s; the experiment's record: `%s` (code %s, "
                        + "start %s, %.1f s on %d threads).%n%n", outcome.rows().size(),
                outcome.reused() ? "found in the results and reused by this invocation" : "computed by this invocation",
                results.relativize(outcome.directory().resolve("run.json")), run.path("code").path("gitCommit").asText(),
                run.path("start").asText(), run.path("seconds").asDouble(), run.path("threads").asInt()));
        return md.toString();
    }

    private static void missing(StringBuilder md, DatasetCatalog catalog, Path dataDir) {
        List<DatasetCatalog.Entry> missing = catalog.missing();
        if (missing.isEmpty()) {
            md.append("Every data set of `").append(dataDir.resolve(DatasetCatalog.FILE_NAME)).append("` is present.\n\n");
            return;
        }
        md.append("**Data sets not present** (the ELS paper's; this machine has not downloaded them). With internet "
                + "access, `").append(dataDir.resolve("fetch.sh")).append(" NAME...` downloads and checks them "
                + "(or all, without names), then `./reproduce.sh ").append(FIGURE).append("` draws them:\n\n");
        md.append("| name | paper's name | format | source | SHA-256 |\n|---|---|---|---|---|\n");
        for (DatasetCatalog.Entry e : missing) {
            md.append("| ").append(e.name()).append(" | ").append(e.paperName()).append(" | ")
                    .append(e.format().name().toLowerCase(Locale.ROOT)).append(" | ").append(e.url()).append(" | ")
                    .append(e.sha256().equals("unknown") ? "unknown (not verified)" : e.sha256().substring(0, 12) + "…")
                    .append(" |\n");
        }
        md.append("\nFetch command: `").append(dataDir.resolve("fetch.sh")).append(' ')
                .append(String.join(" ", missing.stream().map(DatasetCatalog.Entry::name).toList())).append("`\n\n");
    }

    /** k down, solvers across; the lowest value per k in bold. */
    static String table(List<RegressionTable.Row> rows, boolean test) {
        Set<String> solvers = new LinkedHashSet<>();
        Map<Integer, Map<String, Double>> byK = new java.util.TreeMap<>();
        for (RegressionTable.Row r : rows) {
            solvers.add(r.solver());
            byK.computeIfAbsent(r.k(), k -> new LinkedHashMap<>()).put(r.solver(), test ? r.testError() : r.trainObjective());
        }
        StringBuilder md = new StringBuilder("| k |");
        solvers.forEach(s -> md.append(' ').append(s).append(" |"));
        md.append("\n|---|");
        solvers.forEach(s -> md.append("---|"));
        md.append('\n');
        byK.forEach((k, values) -> {
            double best = values.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            md.append("| ").append(k).append(" |");
            for (String s : solvers) {
                Double v = values.get(s);
                String text = v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
                // Bold every value that rounds to the best: ties at 4 decimals are ties to the reader.
                boolean bold = v != null && String.format(Locale.ROOT, "%.4f", best).equals(text);
                md.append(' ').append(bold ? "**" + text + "**" : text).append(" |");
            }
            md.append('\n');
        });
        return md.append('\n').toString();
    }

    /**
     * Computed from the rows: the solvers ranked by their mean training objective over k, and
     * how often each SEA variant is at least as good as (and strictly better than) the solver it
     * starts from.
     */
    static String summary(List<RegressionTable.Row> rows) {
        Map<String, double[]> mean = new LinkedHashMap<>();
        Map<String, Map<Integer, Double>> objective = new LinkedHashMap<>();
        for (RegressionTable.Row r : rows) {
            double[] acc = mean.computeIfAbsent(r.solver(), s -> new double[2]);
            acc[0] += r.trainObjective();
            acc[1]++;
            objective.computeIfAbsent(r.solver(), s -> new LinkedHashMap<>()).put(r.k(), r.trainObjective());
        }
        List<Map.Entry<String, double[]>> ranked = new ArrayList<>(mean.entrySet());
        ranked.sort((a, b) -> Double.compare(a.getValue()[0] / a.getValue()[1], b.getValue()[0] / b.getValue()[1]));
        List<String> order = new ArrayList<>();
        for (Map.Entry<String, double[]> e : ranked) {
            order.add(String.format(Locale.ROOT, "%s (%.4f)", e.getKey(), e.getValue()[0] / e.getValue()[1]));
        }
        StringBuilder s = new StringBuilder("Ranked by the mean training objective over k (lower fits better): ")
                .append(String.join(" < ", order)).append('.');
        String[][] pairs = {{"OMP", "SEA_OMP"}, {"ELS", "SEA_ELS"}};
        for (String[] pair : pairs) {
            String base = pair[0];
            String sea = objective.keySet().stream().filter(l -> l.startsWith(pair[1] + " ") || l.equals(pair[1]))
                    .findFirst().orElse(null);
            if (sea == null || !objective.containsKey(base)) {
                continue;
            }
            int better = 0;
            int worse = 0;
            int total = 0;
            for (Map.Entry<Integer, Double> e : objective.get(base).entrySet()) {
                Double v = objective.get(sea).get(e.getKey());
                if (v == null) {
                    continue;
                }
                total++;
                // 1e-12 relative: below it two objectives are the same support's least-squares fit up to round-off.
                if (v < e.getValue() * (1 - 1e-12)) {
                    better++;
                } else if (v > e.getValue() * (1 + 1e-12)) {
                    worse++;
                }
            }
            s.append(String.format(Locale.ROOT, " %s is below %s at %d of %d k, above at %d.", sea, base, better,
                    total, worse));
        }
        return s.toString();
    }
}
