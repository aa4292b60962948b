package io.sparserepro.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.Trace;
import io.sparserepro.core.Checks;
import io.sparserepro.core.metrics.RecoveryMetrics;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.random.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Runs an {@link InstanceSpec}: draws the one instance, solves it with every solver and
 * writes, into {@code results/<name>/<hash>/},
 *
 * <ul>
 *   <li>{@value #INSTANCE_FILE}: {@code index, truth, observation, <label>...} — x*, y and each
 *       solver's estimate, one row per index (what Fig. 3 draws);</li>
 *   <li>{@value #TRACE_FILE}: {@code solver, t, residualNorm, distinctSupports} for the solvers
 *       that returned a trace (their options ask for one): the residual of iterate t and the
 *       number of distinct supports visited up to t (SEA's exploration);</li>
 *   <li>{@code run.json}: the declaration, every solver's options, per solver the support
 *       distance, residual, iterations and time, the code version.</li>
 * </ul>
 *
 * An experiment never draws; a folder whose run.json says complete is not recomputed.
 */
public final class InstanceExperiment {
    public static final String INSTANCE_FILE = "instance.csv";
    public static final String TRACE_FILE = "traces.csv";

    /**
     * What a run did.
     *
     * @param directory the experiment's folder
     * @param computed  solvers run now (0 when the folder was complete)
     * @param seconds   wall time
     */
    public record Outcome(Path directory, int computed, double seconds) {
    }

    private InstanceExperiment() {
    }

    /** Runs {@code spec} into {@code resultsRoot} unless its folder is already complete. */
    public static Outcome run(InstanceSpec spec, Registries registries, Path resultsRoot) {
        Checks.requireNonNull("spec", spec);
        Checks.requireNonNull("registries", registries);
        Checks.requireNonNull("resultsRoot", resultsRoot);
        long t0 = System.nanoTime();
        Path dir = resultsRoot.resolve(spec.name()).resolve(spec.hash());
        Path record = dir.resolve("run.json");
        if (isComplete(record)) {
            return new Outcome(dir, 0, (System.nanoTime() - t0) * 1e-9);
        }
        PreparedSolvers solvers = new PreparedSolvers(spec.solvers(), registries.solvers());
        InstanceKey key = spec.instanceKey();
        long seed = key.seed(spec.run());
        Problem problem = registries.generators().create(spec.generator(), key.parameters())
                .generate(Seeds.rng(seed));
        if (!problem.hasTruth()) {
            throw new IllegalArgumentException("generator " + spec.generator() + " gives no ground truth");
        }
        Instant start = Instant.now();
        List<SparseResult> results = new ArrayList<>();
        ObjectNode perSolver = ResultFiles.JSON.createObjectNode();
        for (int s = 0; s < solvers.size(); s++) {
            long s0 = System.nanoTime();
            SparseResult result = solvers.solvers().get(s).solve(problem);
            double seconds = (System.nanoTime() - s0) * 1e-9;
            results.add(result);
            ObjectNode o = perSolver.putObject(solvers.labels().get(s));
            o.put("supportDistance", RecoveryMetrics.supportDistance(problem.trueSupport(), result.support()));
            o.put("residualNorm", result.residualNorm());
            o.put("iterations", result.iterations());
            o.put("seconds", seconds);
        }
        writeInstance(dir.resolve(INSTANCE_FILE), problem, solvers.labels(), results);
        writeTraces(dir.resolve(TRACE_FILE), solvers.labels(), results);
        ObjectNode run = ResultFiles.JSON.createObjectNode();
        run.put("status", "complete");
        run.set("declaration", spec.canonicalJson());
        run.put("instanceSeed", seed);
        run.set("solvers", solvers.describe());
        run.set("results", perSolver);
        run.put("start", start.toString());
        run.put("end", Instant.now().toString());
        Provenance.describeInto(run);
        ResultFiles.writeJson(record, run);
        return new Outcome(dir, solvers.size(), (System.nanoTime() - t0) * 1e-9);
    }

    private static boolean isComplete(Path record) {
        if (!Files.isRegularFile(record)) {
            return false;
        }
        try {
            JsonNode node = ResultFiles.JSON.readTree(record.toFile());
            return "complete".equals(node.path("status").asText()) && Files.isRegularFile(record.resolveSibling(
                    INSTANCE_FILE)) && Files.isRegularFile(record.resolveSibling(TRACE_FILE));
        } catch (IOException e) {
            return false;
        }
    }

    private static void writeInstance(Path file, Problem problem, List<String> labels, List<SparseResult> results) {
        List<String> header = new ArrayList<>(List.of("index", "truth", "observation"));
        header.addAll(labels);
        double[] y = problem.observations();
        ResultFiles.writeAtomically(file, out -> {
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
                csv.printRecord(header);
                for (int i = 0; i < problem.cols(); i++) {
                    List<String> row = new ArrayList<>();
                    row.add(Integer.toString(i));
                    row.add(Double.toString(problem.truth()[i]));
                    // m = n in deconvolution; for another generator rows beyond m are left empty.
                    row.add(i < y.length ? Double.toString(y[i]) : "");
                    for (SparseResult r : results) {
                        row.add(Double.toString(r.estimate()[i]));
                    }
                    csv.printRecord(row);
                }
            }
        });
    }

    private static void writeTraces(Path file, List<String> labels, List<SparseResult> results) {
        ResultFiles.writeAtomically(file, out -> {
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
                csv.printRecord("solver", "t", "residualNorm", "distinctSupports");
                for (int s = 0; s < results.size(); s++) {
                    Trace trace = results.get(s).trace();
                    if (trace == null) {
                        continue;
                    }
                    Set<List<Integer>> seen = new HashSet<>();
                    for (int t = 0; t < trace.length(); t++) {
                        seen.add(java.util.Arrays.stream(trace.supports().get(t)).boxed().toList());
                        csv.printRecord(labels.get(s), t, Double.toString(trace.residualNorms()[t]), seen.size());
                    }
                }
            }
        });
    }

    /** Reads {@value #INSTANCE_FILE}: column name → values (index order). */
    public static java.util.LinkedHashMap<String, double[]> readInstance(Path file) {
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(file))) {
            List<String> names = parser.getHeaderNames();
            List<double[]> rows = new ArrayList<>();
            for (var rec : parser) {
                double[] row = new double[names.size()];
                for (int c = 0; c < names.size(); c++) {
                    String v = rec.get(c);
                    try {
                        row[c] = v.isEmpty() ? Double.NaN : Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(file + " line " + (rows.size() + 2) + " column " + names.get(c)
                                + ": not a number: '" + v + "'");
                    }
                }
                rows.add(row);
            }
            if (!names.containsAll(List.of("index", "truth", "observation"))) {
                throw new IllegalArgumentException(file + ": not an instance.csv (index, truth, observation, solvers...): "
                        + names);
            }
            java.util.LinkedHashMap<String, double[]> columns = new java.util.LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                double[] col = new double[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    col[i] = rows.get(i)[c];
                }
                columns.put(names.get(c), col);
            }
            return columns;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** One row of {@value #TRACE_FILE}. */
    public record TraceRow(String solver, int t, double residualNorm, int distinctSupports) {
    }

    /** Reads {@value #TRACE_FILE}. */
    public static List<TraceRow> readTraces(Path file) {
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(file))) {
            if (!parser.getHeaderNames().equals(List.of("solver", "t", "residualNorm", "distinctSupports"))) {
                throw new IllegalArgumentException(file + ": not a traces.csv (solver, t, residualNorm, distinctSupports): "
                        + parser.getHeaderNames());
            }
            List<TraceRow> rows = new ArrayList<>();
            for (var rec : parser) {
                try {
                    rows.add(new TraceRow(rec.get(0), Integer.parseInt(rec.get(1)), Double.parseDouble(rec.get(2)),
                            Integer.parseInt(rec.get(3))));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (rows.size() + 2) + ": " + e.getMessage());
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
