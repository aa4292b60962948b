package io.sparserepro.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparserepro.experiments.ResultTables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The REPORT.md sections of grid and one-instance experiments: the setting read back from
 * run.json, the reconstructed solver options, the numbers behind the curves (per metric, a
 * table of solver × the last grid axis, one table per value of the other axes), a sentence
 * computed from them, and runs, seeds, time and code version.
 */
final class GridReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GridReport() {
    }

    static void section(CliContext context, StringBuilder md, Reproduction.Made made, List<String> metrics,
                        Path results) throws IOException {
        JsonNode run = JSON.readTree(made.directory().resolve("run.json").toFile());
        JsonNode declaration = run.get("declaration");
        md.append("### Experiment `").append(made.experiment().name()).append("`\n\n");
        md.append("**This run's setting.** Generator `").append(declaration.path("generator").asText())
                .append("` with ").append(declaration.path("parameters")).append("; grid ")
                .append(declaration.path("grid")).append("; ").append(declaration.path("runs").asInt())
                .append(" runs per point; master seed ").append(declaration.path("seed").asLong())
                .append(" (instance seeds by the instance-key rule in run.json). Reconstructed, not stated in the paper:"
                        + " the kernel width, the k range and the number of runs (each a parameter in run.json). Results: `")
                .append(results.relativize(made.directory())).append("`.\n\n");
        reconstructedOptions(context, md, run);
        List<ResultTables.Summary> rows = ResultTables.readSummary(made.directory().resolve("summary.csv"));
        List<String> axes = new ArrayList<>();
        declaration.path("grid").forEach(a -> axes.add(a.path("name").asText()));
        for (String metric : metrics) {
            md.append(table(rows, axes, metric));
        }
        if (!metrics.isEmpty()) {
            md.append("**What the numbers show.** ").append(summary(rows, metrics.get(0)));
            String budget = budgetSummary(rows, metrics.get(0));
            if (!budget.isEmpty()) {
                md.append(' ').append(budget);
            }
            md.append("\n\n");
        }
        md.append(String.format(Locale.ROOT, "**Runs and time.** %d trials computed by this invocation (%.1f s); the "
                        + "experiment's record: `%s` (code %s, start %s, end %s, %s s of wall time for the trials it "
                        + "computed).%n%n", made.computed(), made.seconds(),
                results.relativize(made.directory().resolve("run.json")), run.path("code").path("gitCommit").asText(),
                run.path("start").asText(), run.path("end").asText(), run.path("wallSeconds").asText()));
    }

    static void instanceSection(CliContext context, StringBuilder md, Reproduction.Made made, Path results)
            throws IOException {
        JsonNode run = JSON.readTree(made.directory().resolve("run.json").toFile());
        JsonNode declaration = run.get("declaration");
        md.append("### Experiment `").append(made.experiment().name()).append("` (one instance)\n\n");
        md.append("**This run's setting.** Generator `").append(declaration.path("generator").asText()).append("` with ")
                .append(declaration.path("parameters")).append("; run ").append(declaration.path("run").asInt())
                .append(" of that instance key (master seed ").append(declaration.path("seed").asLong())
                .append(", instance seed ").append(run.path("instanceSeed").asLong())
                .append("): the same instance as that run of the grid experiment at the same parameters. Results: `")
                .append(results.relativize(made.directory())).append("`.\n\n");
        md.append("| solver | \\|S* \\\\ Ŝ\\| | ‖Ax̂ − y‖₂ | iterations | time (s) |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = run.path("results").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode r = e.getValue();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3g | %d | %.3f |%n", e.getKey(),
                    r.path("supportDistance").asInt(), r.path("residualNorm").asDouble(), r.path("iterations").asInt(),
                    r.path("seconds").asDouble()));
        }
        md.append('\n');
        reconstructedOptions(context, md, run);
        md.append(String.format(Locale.ROOT, "**Runs and time.** %d solves by this invocation (%.1f s); record `%s` "
                        + "(code %s, start %s).%n%n", made.computed(), made.seconds(),
                results.relativize(made.directory().resolve("run.json")), run.path("code").path("gitCommit").asText(),
                run.path("start").asText()));
    }

    /** The table of reconstructed solver options, or a sentence when this code version annotates none. */
    private static void reconstructedOptions(CliContext context, StringBuilder md, JsonNode run) {
        md.append(Report.reconstructedOptions(context, run.get("solvers")));
    }

    /**
     * For solvers labelled {@code NAME T=<budget>} (an iteration-budget sweep): per NAME, the
     * best mean and the smallest budget whose mean is within one standard error of it — where
     * more iterations stop paying. Empty when no label has a budget.
     */
    static String budgetSummary(List<ResultTables.Summary> rows, String metric) {
        java.util.regex.Pattern budget = java.util.regex.Pattern.compile("^(.*\\S)\\s+T=(\\d+)$");
        Map<String, java.util.TreeMap<Long, ResultTables.Summary>> curves = new LinkedHashMap<>();
        for (ResultTables.Summary r : rows) {
            java.util.regex.Matcher m = budget.matcher(r.solver());
            if (m.matches()) {
                curves.computeIfAbsent(m.group(1), c -> new java.util.TreeMap<>()).put(Long.parseLong(m.group(2)), r);
            }
        }
        if (curves.isEmpty() || !rows.get(0).values().containsKey(metric + "_mean")) {
            return "";
        }
        boolean higher = higherIsBetter(metric);
        List<String> parts = new ArrayList<>();
        curves.forEach((name, byT) -> {
            Map.Entry<Long, ResultTables.Summary> best = null;
            for (Map.Entry<Long, ResultTables.Summary> e : byT.entrySet()) {
                double v = e.getValue().value(metric + "_mean");
                if (best == null || (higher ? v > best.getValue().value(metric + "_mean")
                        : v < best.getValue().value(metric + "_mean"))) {
                    best = e;
                }
            }
            ResultTables.Summary b = best.getValue();
            double se = b.trials() > 1 ? b.value(metric + "_std") / Math.sqrt(b.trials()) : 0;
            long enough = best.getKey();
            for (Map.Entry<Long, ResultTables.Summary> e : byT.entrySet()) {
                if (Math.abs(e.getValue().value(metric + "_mean") - b.value(metric + "_mean")) <= se) {
                    enough = e.getKey();
                    break;
                }
            }
            parts.add(String.format(Locale.ROOT, "%s reaches its best mean %s %.3g at T = %d and is within one standard "
                    + "error of it from T = %d", name, metric, b.value(metric + "_mean"), best.getKey(), enough));
        });
        return "Iteration budget: " + String.join("; ", parts) + " (largest T tried: " + curves.values().stream()
                .mapToLong(java.util.TreeMap::lastKey).max().orElse(0) + ").";
    }

    /** Whether larger values of {@code metric} are better. */
    static boolean higherIsBetter(String metric) {
        return metric.startsWith("success") || metric.startsWith("localisationF1") || metric.startsWith("exactRecovery")
                || metric.startsWith("supportContained");
    }

    private static String column(List<ResultTables.Summary> rows, String metric) {
        if (!rows.isEmpty() && rows.get(0).values().containsKey(metric + "_rate")) {
            return metric + "_rate";
        }
        return metric + "_mean";
    }

    /** One markdown table per combination of the leading axes: solver × values of the last axis. */
    static String table(List<ResultTables.Summary> rows, List<String> axes, String metric) {
        if (rows.isEmpty() || axes.isEmpty()) {
            return "";
        }
        String col = column(rows, metric);
        boolean rate = col.endsWith("_rate");
        String last = axes.get(axes.size() - 1);
        List<String> lead = axes.subList(0, axes.size() - 1);
        Map<String, List<ResultTables.Summary>> groups = new LinkedHashMap<>();
        for (ResultTables.Summary r : rows) {
            StringBuilder key = new StringBuilder();
            for (String a : lead) {
                key.append(key.length() == 0 ? "" : ", ").append(a).append(" = ").append(r.parameters().get(a));
            }
            groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder md = new StringBuilder();
        for (Map.Entry<String, List<ResultTables.Summary>> g : groups.entrySet()) {
            md.append("**").append(metric).append(rate ? " (rate)" : " (mean ± std over runs)");
            if (!g.getKey().isEmpty()) {
                md.append(", ").append(g.getKey());
            }
            md.append(":**\n\n| solver |");
            LinkedHashSet<String> xs = new LinkedHashSet<>();
            LinkedHashSet<String> solvers = new LinkedHashSet<>();
            for (ResultTables.Summary r : g.getValue()) {
                xs.add(r.parameters().get(last));
                solvers.add(r.solver());
            }
            xs.forEach(x -> md.append(' ').append(last).append('=').append(x).append(" |"));
            md.append("\n|---|");
            xs.forEach(x -> md.append("---|"));
            md.append('\n');
            for (String s : solvers) {
                md.append("| ").append(s).append(" |");
                for (String x : xs) {
                    ResultTables.Summary cell = g.getValue().stream().filter(r -> r.solver().equals(s)
                            && r.parameters().get(last).equals(x)).findFirst().orElse(null);
                    if (cell == null) {
                        md.append(" |");
                    } else if (rate) {
                        md.append(String.format(Locale.ROOT, " %.2f |", cell.value(col)));
                    } else {
                        md.append(String.format(Locale.ROOT, " %.3g ± %.2g |", cell.value(col),
                                cell.value(metric + "_std")));
                    }
                }
                md.append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** The solvers ranked by {@code metric} averaged over every grid point, best first, with SEA's place. */
    static String summary(List<ResultTables.Summary> rows, String metric) {
        if (rows.isEmpty()) {
            return "no results.";
        }
        String col = column(rows, metric);
        Map<String, double[]> mean = new LinkedHashMap<>();
        for (ResultTables.Summary r : rows) {
            double v = r.value(col);
            if (Double.isFinite(v)) {
                double[] acc = mean.computeIfAbsent(r.solver(), s -> new double[2]);
                acc[0] += v;
                acc[1]++;
            }
        }
        boolean higher = higherIsBetter(metric);
        List<Map.Entry<String, double[]>> ranked = new ArrayList<>(mean.entrySet());
        ranked.sort((a, b) -> {
            int c = Double.compare(a.getValue()[0] / a.getValue()[1], b.getValue()[0] / b.getValue()[1]);
            return higher ? -c : c;
        });
        List<String> order = new ArrayList<>();
        for (Map.Entry<String, double[]> e : ranked) {
            order.add(String.format(Locale.ROOT, "%s (%.3g)", e.getKey(), e.getValue()[0] / e.getValue()[1]));
        }
        String best = ranked.get(0).getKey();
        // ℓ1 is a convex reference, not one of the greedy methods SEA is compared with: name the best greedy one too.
        String bestGreedy = ranked.stream().map(Map.Entry::getKey).filter(l -> !l.startsWith("ℓ1") && !l.startsWith("l1"))
                .findFirst().orElse(best);
        String greedy = bestGreedy.equals(best) ? "" : " Among the greedy methods the best is " + bestGreedy + ".";
        boolean seaBest = best.toUpperCase(Locale.ROOT).startsWith("SEA");
        return "Ranked by " + metric + " averaged over the grid (" + (higher ? "higher" : "lower") + " is better): "
                + String.join(" > ", order) + ". " + (seaBest ? "A SEA variant is best on average, as the paper reports"
                + " for deconvolution." : "The best on average is " + best + ", not a SEA variant: this differs from "
                + "the paper's message for deconvolution; see the per-point table above.") + greedy;
    }
}
