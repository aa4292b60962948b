package io.sparserepro.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.core.Checks;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.problem.ProblemGenerator;
import io.sparserepro.core.random.Seeds;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the missing trials of a declaration, in parallel, checkpointing as it goes, and merges
 * shards.
 *
 * <p><b>Determinism.</b> A unit (grid point g, run r) is a pure function of the declaration:
 * its problem is drawn from {@code Seeds.rng(Seeds.trialSeed(seed, g, r))} and every missing
 * solver of the unit solves that same instance. Workers finish in any order; rows are only
 * ever ordered canonically when written out, so the final files do not depend on the thread
 * count, the order of execution, interruptions or sharding.
 *
 * <p><b>Checkpoints.</b> Finished units are buffered and appended to the journal (see
 * {@link ResultStore}) every {@link RunOptions#batchUnits()} units or
 * {@link RunOptions#flushInterval()}, whichever comes first; an interrupted run loses at most
 * the unwritten buffer. Restarted, it reads the journal, reports and drops anything damaged,
 * and computes only what is missing.
 */
public final class ExperimentRunner {
    private static final System.Logger LOG = System.getLogger(ExperimentRunner.class.getName());
    private static final Pattern DIAGNOSTIC_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern SHARD_FILE = Pattern.compile("shard-(\\d+)-of-(\\d+)\\.csv");

    private final SolverRegistry registry;
    /** Set by {@link #requestStop()}; checked between finished units (at least every 100 ms). */
    private volatile boolean stopRequested;
    private static final long STOP_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** A runner creating solvers from {@code registry}. */
    public ExperimentRunner(SolverRegistry registry) {
        this.registry = Checks.requireNonNull("registry", registry);
    }

    /**
     * Checks that the registry knows every solver of {@code spec}; the message lists the unknown
     * and the known names.
     */
    public void requireSolvers(ExperimentSpec spec) {
        List<String> unknown = spec.solvers().stream().filter(s -> !registry.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("experiment " + spec.name() + " uses unknown algorithm"
                    + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + "; known algorithms: "
                    + String.join(", ", registry.names()));
        }
    }

    /** Runs the missing trials of {@code options.shard()} of {@code spec}; see the class comment. */
    public RunOutcome run(ExperimentSpec spec, RunOptions options) {
        Checks.requireNonNull("spec", spec);
        Checks.requireNonNull("options", options);
        stopRequested = false;
        requireSolvers(spec);
        List<ProblemGenerator> generators = spec.generators();
        List<SparseSolver> solvers = spec.solvers().stream().map(registry::create).toList();
        ProgressListener listener = options.listener();
        Shard shard = options.shard();
        ResultStore store = ResultStore.of(options.resultsRoot(), spec);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        try {
            if (!Files.isDirectory(store.directory()) && !store.otherDeclarations().isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "experiment " + spec.name() + " has results of other declarations "
                        + store.otherDeclarations() + "; this declaration (" + spec.hash() + ") starts from scratch");
            }
            List<String> warnings = new ArrayList<>(store.checkDeclaration());
            Path journal = store.journalFile(shard);
            ResultStore.Scan scan = store.scan(journal);
            warnings.addAll(scan.warnings());
            Map<TrialKey, TrialRow> rows = new HashMap<>();
            scan.rows().forEach(r -> rows.put(r.key(), r));
            boolean rewrite = scan.needsRewrite();
            if (shard.isAll()) {
                // Shards run elsewhere count too: a whole run only fills their gaps.
                for (Path other : store.journals()) {
                    if (!other.equals(journal)) {
                        ResultStore.Scan s = store.scan(other);
                        warnings.addAll(s.warnings());
                        for (TrialRow r : s.rows()) {
                            rewrite |= rows.putIfAbsent(r.key(), r) == null;
                        }
                    }
                }
            }
            warnings.forEach(listener::warning);
            if (rewrite) {
                store.rewriteJournal(journal, rows.values());
            } else {
                store.createJournal(journal);
            }
            ObjectNode solverOptions = solverOptions(spec, solvers);
            String jsonName = shard.isAll() ? "run.json" : shard.fileName().replace(".csv", ".json");

            List<Unit> units = new ArrayList<>();
            int inScope = 0;
            int reused = 0;
            int solverCount = spec.solvers().size();
            for (int g = 0; g < spec.gridPointCount(); g++) {
                for (int r = 0; r < spec.runs(); r++) {
                    if (!shard.contains((long) g * spec.runs() + r)) {
                        continue;
                    }
                    inScope += solverCount;
                    List<Integer> missing = new ArrayList<>();
                    for (int s = 0; s < solverCount; s++) {
                        if (rows.containsKey(new TrialKey(g, r, s))) {
                            reused++;
                        } else {
                            missing.add(s);
                        }
                    }
                    if (!missing.isEmpty()) {
                        units.add(new Unit(g, r, missing));
                    }
                }
            }
            int computed = inScope - reused;
            store.writeJson(jsonName, runJson(spec, options, "running", start, null, inScope, reused, computed,
                    solverOptions, warnings));
            listener.started(inScope, reused);
            execute(spec, generators, solvers, store, journal, units, options, rows);

            store.rewriteJournal(journal, rows.values());
            if (shard.isAll()) {
                store.writeResults(rows.values());
            }
            Instant end = Instant.now();
            store.writeJson(jsonName, runJson(spec, options, "complete", start, end, inScope, reused, computed,
                    solverOptions, warnings));
            return new RunOutcome(store.directory(), shard.isAll() ? store.trialsFile() : journal, shard,
                    spec.trialCount(), inScope, reused, computed, (System.nanoTime() - t0) * 1e-9, List.copyOf(warnings));
        } finally {
            listener.finished();
        }
    }

    /**
     * Combines every journal of the declaration's folder ({@code shard-*.csv}, and
     * {@code journal.csv} if any) into {@code trials.csv} and {@code summary.csv}, the same
     * files a single run writes. Fails, naming the missing shards, unless every trial is there.
     */
    public static RunOutcome merge(ExperimentSpec spec, Path resultsRoot) {
        Checks.requireNonNull("spec", spec);
        Checks.requireNonNull("resultsRoot", resultsRoot);
        ResultStore store = ResultStore.of(resultsRoot, spec);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        if (!Files.isDirectory(store.directory())) {
            throw new IllegalStateException("nothing to merge: " + store.directory() + " does not exist (experiment "
                    + spec.name() + " with this declaration has not been run here; check --quick/--full and the options)");
        }
        List<String> warnings = new ArrayList<>(store.checkDeclaration());
        Map<TrialKey, TrialRow> rows = new HashMap<>();
        List<Path> journals = store.journals();
        Map<Integer, TreeSet<Integer>> shardsSeen = new TreeMap<>();
        for (Path journal : journals) {
            ResultStore.Scan scan = store.scan(journal);
            warnings.addAll(scan.warnings());
            for (TrialRow r : scan.rows()) {
                TrialRow previous = rows.putIfAbsent(r.key(), r);
                if (previous != null && !previous.sameOutcome(r)) {
                    String w = journal.getFileName() + ": " + store.describe(r.key())
                            + " differs from the same trial in another file; the first file's row is kept";
                    LOG.log(System.Logger.Level.WARNING, w);
                    warnings.add(w);
                }
            }
            Matcher m = SHARD_FILE.matcher(journal.getFileName().toString());
            if (m.matches()) {
                shardsSeen.computeIfAbsent(Integer.parseInt(m.group(2)), n -> new TreeSet<>())
                        .add(Integer.parseInt(m.group(1)));
            }
        }
        int missing = spec.trialCount() - rows.size();
        if (missing > 0) {
            StringBuilder message = new StringBuilder("cannot merge " + spec.name() + " (" + spec.hash() + "): "
                    + missing + " of " + spec.trialCount() + " trials are missing");
            if (journals.isEmpty()) {
                message.append("; no shard files found in ").append(store.directory());
            }
            shardsSeen.forEach((n, present) -> {
                List<String> absent = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    if (!present.contains(i)) {
                        absent.add(i + "/" + n);
                    }
                }
                if (!absent.isEmpty()) {
                    message.append("; shards not found: ").append(String.join(", ", absent));
                }
            });
            message.append("; run the missing shards (or resume them) and merge again");
            throw new IllegalStateException(message.toString());
        }
        store.writeResults(rows.values());
        ObjectNode json = ResultStore.JSON.createObjectNode();
        json.put("experiment", spec.name());
        json.put("hash", spec.hash());
        json.set("declaration", spec.canonicalJson());
        json.put("status", "merged");
        ArrayNode sources = json.putArray("mergedFrom");
        journals.forEach(j -> sources.add(j.getFileName().toString()));
        Provenance.describeInto(json);
        json.put("start", start.toString());
        json.put("end", Instant.now().toString());
        ObjectNode trials = json.putObject("trials");
        trials.put("total", spec.trialCount());
        json.set("solverOptions", shardSolverOptions(store));
        ArrayNode w = json.putArray("warnings");
        warnings.forEach(w::add);
        store.writeJson("run.json", json);
        return new RunOutcome(store.directory(), store.trialsFile(), Shard.ALL, spec.trialCount(), spec.trialCount(),
                spec.trialCount(), 0, (System.nanoTime() - t0) * 1e-9, List.copyOf(warnings));
    }

    private static ObjectNode shardSolverOptions(ResultStore store) {
        try (var files = Files.list(store.directory())) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("shard-\\d+-of-\\d+\\.json")).sorted().toList()) {
                JsonNode options = ResultStore.JSON.readTree(p.toFile()).get("solverOptions");
                if (options instanceof ObjectNode) {
                    return (ObjectNode) options;
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the shards' solver options: " + e.getMessage());
        }
        return ResultStore.JSON.createObjectNode();
    }

    private record Unit(int gridPoint, int run, List<Integer> solvers) {
    }

    private void execute(ExperimentSpec spec, List<ProblemGenerator> generators, List<SparseSolver> solvers,
                         ResultStore store, Path journal, List<Unit> units, RunOptions options,
                         Map<TrialKey, TrialRow> rows) {
        if (units.isEmpty()) {
            return;
        }
        ProgressListener listener = options.listener();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), units.size()),
                workerThreads());
        List<TrialRow> buffer = new ArrayList<>();
        try {
            CompletionService<List<TrialRow>> completion = new ExecutorCompletionService<>(pool);
            for (Unit unit : units) {
                completion.submit(() -> runUnit(spec, generators, solvers, store, unit));
            }
            long interval = options.flushInterval().toNanos();
            int bufferedUnits = 0;
            int batch = 0;
            long lastFlush = System.nanoTime();
            for (int pending = units.size(); pending > 0; ) {
                long wait = Math.min(interval - (System.nanoTime() - lastFlush), STOP_POLL_NANOS);
                Future<List<TrialRow>> done = wait > 0 ? completion.poll(wait, TimeUnit.NANOSECONDS) : completion.poll();
                if (done != null) {
                    pending--;
                    List<TrialRow> unitRows = resultOf(done);
                    buffer.addAll(unitRows);
                    bufferedUnits++;
                    listener.trialsDone(unitRows.size());
                }
                boolean due = System.nanoTime() - lastFlush >= interval;
                if (bufferedUnits >= options.batchUnits() || pending == 0 || (due && bufferedUnits > 0)) {
                    buffer.sort((a, b) -> a.key().compareTo(b.key()));
                    store.append(journal, buffer);
                    buffer.forEach(r -> rows.put(r.key(), r));
                    listener.batchWritten(++batch, buffer.size());
                    buffer = new ArrayList<>();
                    bufferedUnits = 0;
                    lastFlush = System.nanoTime();
                } else if (due) {
                    lastFlush = System.nanoTime();
                }
                if (stopRequested) {
                    saveBuffer(store, journal, buffer);
                    throw new IllegalStateException("run of " + spec.name() + " stopped; " + (rows.size() + buffer.size())
                            + " finished trials are saved and a rerun computes only the rest");
                }
            }
        } catch (InterruptedException e) {
            // Interrupted (the command line does this on Ctrl-C): save the trials that are
            // finished but not yet written, so a restart recomputes only what never ran.
            saveBuffer(store, journal, buffer);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("run of " + spec.name() + " interrupted; " + (rows.size() + buffer.size())
                    + " finished trials are saved and a rerun computes only the rest", e);
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void saveBuffer(ResultStore store, Path journal, List<TrialRow> buffer) {
        if (!buffer.isEmpty()) {
            buffer.sort((a, b) -> a.key().compareTo(b.key()));
            store.append(journal, buffer);
        }
    }

    /**
     * Asks the run in progress (from another thread, e.g. a shutdown hook on Ctrl-C) to save
     * the trials it has finished and stop: {@link #run} then throws IllegalStateException
     * within about 100 ms. Unlike interrupting the running thread, it never interrupts a file
     * write half-way.
     */
    public void requestStop() {
        stopRequested = true;
    }

    private static List<TrialRow> resultOf(Future<List<TrialRow>> done) throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static List<TrialRow> runUnit(ExperimentSpec spec, List<ProblemGenerator> generators,
                                          List<SparseSolver> solvers, ResultStore store, Unit unit) {
        long seed = Seeds.trialSeed(spec.seed(), unit.gridPoint(), unit.run());
        Problem problem = generators.get(unit.gridPoint()).generate(Seeds.rng(seed));
        List<TrialRow> out = new ArrayList<>();
        for (int s : unit.solvers()) {
            String name = spec.solvers().get(s);
            long t0 = System.nanoTime();
            SparseResult result;
            try {
                result = solvers.get(s).solve(problem);
            } catch (RuntimeException e) {
                throw new IllegalStateException("algorithm " + name + " failed in experiment " + spec.name()
                        + " at grid point " + unit.gridPoint() + " run " + unit.run() + " (seed " + seed + "): "
                        + e.getMessage(), e);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<Double> metrics = new ArrayList<>();
            for (Metric m : store.rowMetrics()) {
                metrics.add(m.evaluate(problem, result, seconds));
            }
            SortedMap<String, Double> diagnostics = new TreeMap<>();
            result.diagnostics().forEach((k, v) -> {
                if (!DIAGNOSTIC_NAME.matcher(k).matches()) {
                    throw new IllegalStateException("algorithm " + name + " reports a diagnostic whose name is not"
                            + " letters, digits, '_', '-' or '.': '" + k + "'");
                }
                diagnostics.put(k, v == null ? Double.NaN : v);
            });
            out.add(new TrialRow(new TrialKey(unit.gridPoint(), unit.run(), s), name, seed, metrics, diagnostics,
                    seconds));
        }
        return out;
    }

    /**
     * Each solver's class, {@link SparseSolver#configuration()} (name and every option value,
     * including an inner solver's for SEA after another solver) and, when it has a public
     * {@code options()} record, those options as JSON: the reconstructed defaults a result
     * depends on are on record.
     */
    static ObjectNode solverOptions(ExperimentSpec spec, Collection<SparseSolver> solvers) {
        ObjectNode node = ResultStore.JSON.createObjectNode();
        int i = 0;
        for (SparseSolver solver : solvers) {
            String name = spec.solvers().get(i++);
            ObjectNode entry = node.putObject(name);
            entry.put("class", solver.getClass().getName());
            entry.put("configuration", solver.configuration());
            try {
                Method options = solver.getClass().getMethod("options");
                Object value = options.invoke(solver);
                if (value != null && value.getClass().isRecord()) {
                    entry.set("options", ResultStore.JSON.valueToTree(value));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // No options() record: the configuration string is the record.
            }
        }
        return node;
    }

    private static ObjectNode runJson(ExperimentSpec spec, RunOptions options, String status, Instant start,
                                      Instant end, int inScope, int reused, int computed, ObjectNode solverOptions,
                                      List<String> warnings) {
        ObjectNode json = ResultStore.JSON.createObjectNode();
        json.put("experiment", spec.name());
        json.put("hash", spec.hash());
        json.set("declaration", spec.canonicalJson());
        json.put("status", status);
        Provenance.describeInto(json);
        json.put("threads", options.threads());
        json.put("shard", options.shard().toString());
        json.put("start", start.toString());
        if (end == null) {
            json.putNull("end");
        } else {
            json.put("end", end.toString());
            json.put("wallSeconds", (end.toEpochMilli() - start.toEpochMilli()) / 1000.0);
        }
        ObjectNode trials = json.putObject("trials");
        trials.put("total", spec.trialCount());
        trials.put("inShard", inScope);
        trials.put("reused", reused);
        trials.put("computed", computed);
        json.set("solverOptions", solverOptions);
        ArrayNode w = json.putArray("warnings");
        warnings.forEach(w::add);
        return json;
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "sparse-repro-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
