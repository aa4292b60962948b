package io.sparserepro.experiments;

import io.sparserepro.core.Checks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * The files of one declaration, {@code <results>/<name>/<hash>/}: the tables a figure reads
 * and the run record.
 *
 * <h2>{@code trials.csv}</h2>
 * One row per trial in canonical order (grid point, run, solver as declared), columns
 * {@code gridPoint, <parameters>, run, solver, seed, <metrics>, diag.<diagnostic>..., time_s}:
 * parameters fixed-then-axes, metrics as declared, diagnostics sorted by name and prefixed
 * {@code diag.} (empty where a solver does not report that diagnostic: one table holds every
 * solver, so a column exists when any solver reports it), {@code solver} the variant's label.
 *
 * <h2>{@code summary.csv}</h2>
 * Per grid point and solver: {@code trials}, then per metric its mean and standard deviation
 * ({@code <id>_mean, <id>_std}; sample, n − 1; 0 for one trial) — for a 0/1 metric
 * ({@link Metric#isRate()}) the rate and its Wilson 95% interval instead
 * ({@code <id>_rate, <id>_low95, <id>_high95}) — then the same for each diagnostic over its
 * finite values ({@code diag.<name>_mean, diag.<name>_std}), then {@code time_s_mean,
 * time_s_std}. Everything but the time columns is a function of the declaration only, so
 * these files are byte-identical however the trials were computed (threads, order,
 * resumptions, shards, reuse from the store).
 *
 * <p>Both are read back as typed rows by {@link ResultTables}.
 */
public final class DeclarationFiles {
    private final Path directory;

    /** The folder of {@code spec} under {@code resultsRoot}. */
    public DeclarationFiles(Path resultsRoot, ExperimentSpec spec) {
        Checks.requireNonNull("resultsRoot", resultsRoot);
        Checks.requireNonNull("spec", spec);
        this.directory = resultsRoot.resolve(spec.name()).resolve(spec.hash());
    }

    public Path directory() {
        return directory;
    }

    public Path trialsFile() {
        return directory.resolve("trials.csv");
    }

    public Path summaryFile() {
        return directory.resolve("summary.csv");
    }

    /** {@code run.json} for a whole run or merge, {@code shard-i-of-N.json} for a shard. */
    public Path runFile(Shard shard) {
        return directory.resolve(shard.isAll() ? "run.json" : shard.fileName().replace(".csv", ".json"));
    }

    /** One grid point's trials in canonical order: {@code trials[run][solver]}. */
    record PointRows(GridPoint point, List<StoredTrial[]> trials) {
    }

    /**
     * Writes {@code trials.csv} and {@code summary.csv} from the points' trials, streamed
     * (memory does not grow with the grid).
     *
     * @param points         every grid point's complete trials, in canonical order (read lazily)
     * @param diagnostics    the diagnostic names reported by any trial, sorted
     */
    void writeTables(ExperimentSpec spec, Iterable<PointRows> points, List<String> diagnostics,
                     List<Metric> metrics) {
        ResultFiles.writeAtomically(trialsFile(), out -> {
            try (CSVPrinter printer = new CSVPrinter(out, TrialJournal.CSV)) {
                List<String> header = new ArrayList<>(List.of("gridPoint"));
                header.addAll(spec.parameterNames());
                header.addAll(List.of("run", "solver", "seed"));
                header.addAll(spec.metrics());
                diagnostics.forEach(d -> header.add("diag." + d));
                header.add("time_s");
                printer.printRecord(header);
                for (PointRows p : points) {
                    List<String> prefix = new ArrayList<>(List.of(Integer.toString(p.point().index())));
                    p.point().values().values().forEach(v -> prefix.add(ParameterValues.format(v)));
                    for (int r = 0; r < p.trials().size(); r++) {
                        StoredTrial[] row = p.trials().get(r);
                        for (int s = 0; s < row.length; s++) {
                            StoredTrial t = row[s];
                            List<String> fields = new ArrayList<>(prefix);
                            fields.addAll(List.of(Integer.toString(r), spec.solvers().get(s).label(),
                                    Long.toString(t.seed())));
                            spec.metrics().forEach(m -> fields.add(ParameterValues.format(t.metrics().get(m))));
                            for (String d : diagnostics) {
                                Double v = t.diagnostics().get(d);
                                fields.add(v == null ? "" : ParameterValues.format(v));
                            }
                            fields.add(ParameterValues.format(t.seconds()));
                            printer.printRecord(fields);
                        }
                    }
                }
            }
        });
        ResultFiles.writeAtomically(summaryFile(), out -> {
            try (CSVPrinter printer = new CSVPrinter(out, TrialJournal.CSV)) {
                printer.printRecord(Summaries.header(spec, metrics, diagnostics));
                for (PointRows p : points) {
                    for (int s = 0; s < spec.solvers().size(); s++) {
                        printer.printRecord(Summaries.row(spec, metrics, diagnostics, p, s));
                    }
                }
            }
        });
    }
}
