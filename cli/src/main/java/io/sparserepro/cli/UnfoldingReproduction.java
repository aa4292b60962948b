package io.sparserepro.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparserepro.experiments.Mode;
import io.sparserepro.experiments.unfolding.Fig1Experiment;
import io.sparserepro.experiments.unfolding.Fig2Experiment;
import io.sparserepro.experiments.unfolding.Fig2Spec;
import io.sparserepro.experiments.unfolding.Fig2Summary;
import io.sparserepro.figures.Figure;
import io.sparserepro.figures.FigureInputs;
import io.sparserepro.figures.FigureOptions;
import io.sparserepro.figures.UnfoldingFigure1;
import io.sparserepro.figures.UnfoldingFigure2;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The deep-greedy-unfolding figures inside {@code reproduce}: which experiment feeds which
 * figure, running it when its results are missing or were made with another spec, drawing,
 * and the report's sections. Kept apart from {@link Reproduction} (the phase-transition
 * recipes) so that the two families evolve without touching each other.
 */
final class UnfoldingReproduction {
    static final Set<String> FIGURES = Set.of(UnfoldingFigure1.ID, UnfoldingFigure2.ID);
    private static final ObjectMapper JSON = new ObjectMapper();

    private UnfoldingReproduction() {
    }

    static boolean handles(String figureId) {
        return FIGURES.contains(figureId);
    }

    /** What one figure's reproduction did. */
    record Made(Figure figure, List<Path> files, Path experiment, double experimentSeconds, boolean reused,
                double drawSeconds, Mode mode) {
    }

    /** Runs (or reuses) the experiments behind {@code figures} and draws them into {@code figuresDir}. */
    static List<Made> reproduce(List<Figure> figures, Path results, Mode mode, int threads, Path figuresDir,
                                FigureOptions options, PrintWriter out) throws IOException {
        List<Made> made = new ArrayList<>();
        for (Figure f : figures) {
            if (!handles(f.id())) {
                continue;
            }
            long start = System.nanoTime();
            Path folder;
            FigureInputs inputs;
            boolean reused;
            if (f.id().equals(UnfoldingFigure1.ID)) {
                folder = results.resolve("unfolding").resolve("fig1");
                Fig1Experiment.run(Fig1Experiment.Spec.defaults(), folder);
                reused = false;
                inputs = FigureInputs.of(UnfoldingFigure1.INPUT, folder.resolve(Fig1Experiment.FILE));
            } else {
                Fig2Spec spec = Fig2Spec.of(mode);
                folder = results.resolve("unfolding").resolve("fig2-" + mode.label());
                reused = sameSpec(folder, spec);
                if (!reused) {
                    Fig2Experiment.run(spec, folder, threads);
                }
                inputs = FigureInputs.of(UnfoldingFigure2.INPUT, folder.resolve(Fig2Experiment.SUMMARY));
            }
            double experimentSeconds = (System.nanoTime() - start) / 1e9;
            long drawStart = System.nanoTime();
            List<Path> files = f.draw(inputs, figuresDir, options);
            double drawSeconds = (System.nanoTime() - drawStart) / 1e9;
            out.printf(Locale.ROOT, "%s (%s): experiment %s in %.1f s, drawn in %.1f s: %s%n", f.id(), mode.label(),
                    reused ? "reused" : "run", experimentSeconds, drawSeconds, files.get(0));
            out.flush();
            made.add(new Made(f, files, folder, experimentSeconds, reused, drawSeconds, mode));
        }
        return made;
    }

    /** Whether {@code folder} holds a finished Fig. 2 run of exactly {@code spec}. */
    private static boolean sameSpec(Path folder, Fig2Spec spec) throws IOException {
        Path record = folder.resolve("run.json");
        if (!Files.exists(record) || !Files.exists(folder.resolve(Fig2Experiment.SUMMARY))) {
            return false;
        }
        JsonNode s = JSON.readTree(record.toFile()).path("spec");
        return s.path("trials").asInt() == spec.trials() && s.path("seed").asLong() == spec.seed()
                && s.path("tauExponents").toString().equals(JSON.valueToTree(spec.tauExponents()).toString())
                && s.path("sigmas").toString().equals(JSON.valueToTree(spec.sigmas()).toString())
                && s.path("m").asInt() == spec.rows() && s.path("N").asInt() == spec.cols()
                && s.path("s").asInt() == spec.sparsity() && s.path("sampling").asText().equals(spec.sampling().name())
                && s.path("ompIterations").asInt() == spec.ompIterations()
                && s.path("ihtIterations").asInt() == spec.ihtIterations()
                && s.path("step").asDouble() == spec.step()
                && s.path("ompDifferenceAt").toString().equals(JSON.valueToTree(spec.ompDifferenceAt()).toString())
                && s.path("ihtDifferenceAt").toString().equals(JSON.valueToTree(spec.ihtDifferenceAt()).toString())
                && s.path("differenceTrials").asInt() == spec.differenceTrials();
    }

    /** The report's sections for the unfolding figures. */
    static String report(List<Made> made, Path results) throws IOException {
        StringBuilder md = new StringBuilder();
        for (Made m : made) {
            Figure figure = m.figure();
            md.append("## ").append(figure.id()).append(" — ").append(figure.title()).append("\n\n");
            md.append("![").append(figure.id()).append("](").append(results.relativize(m.files().get(0)))
                    .append(")\n\n");
            List<String> links = new ArrayList<>();
            for (Path p : m.files()) {
                links.add("[" + p.getFileName() + "](" + results.relativize(p) + ")");
            }
            md.append("Files: ").append(String.join(", ", links)).append(" (the CSV holds the plotted data).\n\n");
            md.append("**The paper's figure.** ").append(figure.caption()).append("\n\n");
            if (figure.id().equals(UnfoldingFigure2.ID)) {
                fig2Section(md, m, results);
            } else {
                md.append("**This run's setting.** ").append(Fig1Experiment.Spec.defaults().n())
                        .append(" scores drawn from U(0, 1) (seed ").append(Fig1Experiment.Spec.defaults().seed())
                        .append("), τ ∈ ").append(java.util.Arrays.toString(Fig1Experiment.Spec.defaults().taus()))
                        .append("; results: `").append(results.relativize(m.experiment())).append("`.\n\n");
            }
            md.append(String.format(Locale.ROOT, "**Time.** Experiment %s %.1f s, drawing %.1f s.%n%n",
                    m.reused() ? "reused from the results folder (checked against the spec) in" : "run in",
                    m.experimentSeconds(), m.drawSeconds()));
        }
        return md.toString();
    }

    private static void fig2Section(StringBuilder md, Made m, Path results) throws IOException {
        JsonNode run = JSON.readTree(m.experiment().resolve("run.json").toFile());
        JsonNode s = run.path("spec");
        md.append(String.format(Locale.ROOT, "**This run's setting.** A %d×%d Gaussian with unit-norm columns, "
                        + "s = %d, x drawn by %s, σ ∈ %s, τ = 10^a for a ∈ %s, %d trials; OMP/Soft-OMP %d "
                        + "iterations, IHT/Soft-IHT %d iterations with η = %s; difference panels at σ = %s, n ∈ %s "
                        + "(OMP) and %s (IHT), %d trials; master seed %d (%s); least squares: %s. Experiment time %.1f s on %d "
                        + "threads. Results: `%s`.%n%n",
                s.path("m").asInt(), s.path("N").asInt(), s.path("s").asInt(), s.path("sampling").asText(),
                s.path("sigmas"), s.path("tauExponents"), s.path("trials").asInt(), s.path("ompIterations").asInt(),
                s.path("ihtIterations").asInt(), s.path("step").asText(), s.path("differenceSigma").asText(),
                s.path("ompDifferenceAt"), s.path("ihtDifferenceAt"), s.path("differenceTrials").asInt(),
                s.path("seed").asLong(),
                run.path("seedRule").asText(), run.path("leastSquares").asText(), run.path("seconds").asDouble(),
                run.path("threads").asInt(), results.relativize(m.experiment())));
        if (s.path("trials").asInt() != 50 || s.path("tauExponents").size() != 24) {
            md.append("**Differs from the paper:** ").append(s.path("trials").asInt()).append(" trials (paper 50), ")
                    .append(s.path("tauExponents").size()).append(" values of τ (paper 24).\n\n");
        }
        List<Fig2Summary.Row> rows = Fig2Summary.read(m.experiment().resolve(Fig2Experiment.SUMMARY));
        md.append(table(rows));
        md.append("Geometric mean of the error over the trials (10^mean log10); the exact algorithms do not depend on"
                + " τ. Differences: geometric mean of 1e-12 + ‖x⁽ⁿ⁾ − x̃⁽ⁿ⁾‖/‖x⁽ⁿ⁾‖.\n\n");
    }

    /** Fig. 2's numbers at τ = 1e-3, 1e-2, 1e-1 (and the exact algorithms) per σ. */
    static String table(List<Fig2Summary.Row> rows) {
        double[] taus = {1e-3, 1e-2, 1e-1};
        StringBuilder md = new StringBuilder("| panel | algorithm | σ | n | exact | τ=1e-3 | τ=1e-2 | τ=1e-1 |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        Map<String, Map<Double, Fig2Summary.Row>> curves = new LinkedHashMap<>();
        Map<String, Fig2Summary.Row> exact = new LinkedHashMap<>();
        for (Fig2Summary.Row r : rows) {
            String key = r.panel() + "|" + r.algorithm() + "|" + r.sigma() + "|" + r.iteration();
            if (r.exact()) {
                exact.put(r.panel() + "|" + r.sigma(), r);
            } else {
                curves.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(r.tau(), r);
            }
        }
        List<String> keys = new ArrayList<>(curves.keySet());
        keys.sort(java.util.Comparator.comparing((String k) -> k.split("\\|")[0])
                .thenComparing(k -> k.split("\\|")[1])
                .thenComparingDouble(k -> Double.parseDouble(k.split("\\|")[2]))
                .thenComparingInt(k -> Integer.parseInt(k.split("\\|")[3])));
        for (String key : keys) {
            Map<Double, Fig2Summary.Row> c = curves.get(key);
            Fig2Summary.Row any = c.values().iterator().next();
            Fig2Summary.Row e = exact.get(any.panel() + "|" + any.sigma());
            md.append("| ").append(any.panel()).append(" | ").append(any.algorithm()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0e", any.sigma())).append(" | ").append(any.iteration())
                    .append(" | ").append(e == null ? "" : Fig2Experiment.format(Math.pow(10, e.mean()))).append(" |");
            for (double tau : taus) {
                Fig2Summary.Row r = null;
                for (Map.Entry<Double, Fig2Summary.Row> entry : c.entrySet()) {
                    if (Math.abs(Math.log10(entry.getKey()) - Math.log10(tau)) < 1e-9) {
                        r = entry.getValue();
                    }
                }
                md.append(' ').append(r == null ? "" : Fig2Experiment.format(Math.pow(10, r.mean()))).append(" |");
            }
            md.append('\n');
        }
        return md.append('\n').toString();
    }
}
