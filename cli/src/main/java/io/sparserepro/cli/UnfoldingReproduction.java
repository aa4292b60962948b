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
import io.sparserepro.figures.UnfoldingFigure3;
import io.sparserepro.experiments.unfolding.Fig3Experiment;
import io.sparserepro.experiments.unfolding.Fig3Results;
import io.sparserepro.experiments.unfolding.Fig3Spec;
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
    static final Set<String> FIGURES = Set.of(UnfoldingFigure1.ID, UnfoldingFigure2.ID, UnfoldingFigure3.ID);
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
                                FigureOptions options, CliContext context, PrintWriter out, PrintWriter err)
            throws IOException {
        List<Made> made = new ArrayList<>();
        for (Figure f : figures) {
            if (!handles(f.id())) {
                continue;
            }
            long start = System.nanoTime();
            Path folder;
            FigureInputs inputs;
            boolean reused;
            if (f.id().equals(UnfoldingFigure3.ID)) {
                folder = TrainCommand.Fig3Runs.folder(results, mode);
                reused = true;
                inputs = FigureInputs.empty();
                for (Fig3Spec.Network net : Fig3Spec.Network.values()) {
                    Path netFolder = folder.resolve(net.id());
                    Fig3Experiment.Outcome o = TrainCommand.Fig3Runs.train(Fig3Spec.of(net, mode), netFolder, threads,
                            context, err);
                    if (!o.finished()) {
                        throw new IllegalStateException(net.label() + " training stopped; its checkpoint is in "
                                + netFolder + ": run reproduce again to resume");
                    }
                    reused &= o.reused();
                    inputs = inputs.with(net.id(), netFolder.resolve(Fig3Results.SUMMARY));
                }
            } else if (f.id().equals(UnfoldingFigure1.ID)) {
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
            } else if (figure.id().equals(UnfoldingFigure3.ID)) {
                fig3Section(md, m, results);
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

    private static void fig3Section(StringBuilder md, Made m, Path results) throws IOException {
        for (Fig3Spec.Network net : Fig3Spec.Network.values()) {
            Path folder = m.experiment().resolve(net.id());
            JsonNode run = JSON.readTree(folder.resolve(Fig3Experiment.RECORD).toFile());
            JsonNode s = run.path("spec");
            JsonNode t = run.path("training");
            md.append("### ").append(net.label()).append("\n\n");
            md.append(String.format(Locale.ROOT, "**This run's setting.** Partial DFT, N = %d, m = %d, hidden set of %d, "
                            + "s = %d, σ = %s; %d training, %d validation and %d test samples; %d layers, τ = %s%s; "
                            + "RMSprop lr %s halved every %d epochs, %d epochs, batch %d, clipping at %s; checkpoint "
                            + "rule %s, selected epoch %d; master seed %d. Training %.1f s on %d threads%s. Results: "
                            + "`%s`; weights for `sparse-repro solve --algorithm %s --weights`: `%s`.%n%n",
                    s.path("cols").asInt(), s.path("rows").asInt(), s.path("hiddenSize").asInt(),
                    s.path("sparsity").asInt(), s.path("sigma").asText(), s.path("trainingSize").asInt(),
                    s.path("validationSize").asInt(), s.path("testSize").asInt(), s.path("layers").asInt(),
                    s.path("tau").asText(), net == Fig3Spec.Network.IHT_NET ? ", η = " + s.path("step").asText() : "",
                    run.path("recipe").path("learningRate").asText(), s.path("decayEvery").asInt(),
                    s.path("epochs").asInt(), run.path("recipe").path("batchSize").asInt(),
                    run.path("recipe").path("clipNorm").asText(), t.path("selectionRule").asText(),
                    t.path("bestEpoch").asInt(), s.path("seed").asLong(), t.path("seconds").asDouble(),
                    t.path("threads").asInt(), t.path("resumedFromEpoch").asInt() > 0
                            ? " (resumed from epoch " + t.path("resumedFromEpoch").asInt() + ")" : "",
                    results.relativize(folder), net.id(), results.relativize(folder.resolve(Fig3Experiment.WEIGHTS_FILE))));
            if (s.path("epochs").asInt() != 1000) {
                md.append("**Differs from the paper:** ").append(s.path("epochs").asInt())
                        .append(" epochs (paper 1000): the shape, not the paper's numbers.\n\n");
            }
            md.append(fig3Table(Fig3Results.readSummary(folder)));
            JsonNode sep = run.path("separation");
            md.append(String.format(Locale.ROOT, "How well the weights single out the hidden set: learned |W| puts %.0f%% "
                            + "of the hidden set among its %d largest entries (AUC %.3f); the training-free frequency "
                            + "weights %.0f%% (AUC %.3f).%n%n",
                    100 * sep.path("learned").path("precisionAtHidden").asDouble(), s.path("hiddenSize").asInt(),
                    sep.path("learned").path("auc").asDouble(),
                    100 * sep.path("frequency").path("precisionAtHidden").asDouble(),
                    sep.path("frequency").path("auc").asDouble()));
        }
        md.append("MSE = mean over the samples of ‖Re x̂ − x‖² (the training loss). The checkpoint is selected on the "
                + "validation set, so the net's validation MSE is optimistic: the test set (drawn like the others, "
                + "never used in training or selection) gives the honest figure. *W-X (learned)* runs the plain "
                + "(hard) algorithm with the learned weights; *(frequency)* uses w_j = how often j is in the support "
                + "of a training target (normalised to max 1), a baseline that needs no training. The validation loss of "
                + "an epoch is the whole validation set's with the epoch's final weights (the authors log a running "
                + "mean over validation batches during the epoch). The paper reports nets about two orders of "
                + "magnitude below the plain algorithms in validation MSE, approaching the oracle.\n\n");
    }

    /** Validation and test MSE and median relative error per algorithm. */
    static String fig3Table(List<Fig3Results.Summary> rows) {
        Map<String, Map<String, Fig3Results.Summary>> by = new LinkedHashMap<>();
        for (Fig3Results.Summary r : rows) {
            by.computeIfAbsent(r.algorithm(), k -> new LinkedHashMap<>()).put(r.set(), r);
        }
        StringBuilder md = new StringBuilder("| algorithm | validation MSE | test MSE | validation median rel. error "
                + "| test median rel. error |\n|---|---|---|---|---|\n");
        by.forEach((algorithm, sets) -> {
            Fig3Results.Summary v = sets.get("validation");
            Fig3Results.Summary t = sets.get("test");
            md.append("| ").append(algorithm).append(" | ").append(v == null ? "" : Fig2Experiment.format(v.mse()))
                    .append(" | ").append(t == null ? "" : Fig2Experiment.format(t.mse())).append(" | ")
                    .append(v == null ? "" : Fig2Experiment.format(v.medianRelative())).append(" | ")
                    .append(t == null ? "" : Fig2Experiment.format(t.medianRelative())).append(" |\n");
        });
        return md.append('\n').toString();
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
