package io.sparserepro.experiments;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.core.Checks;
import io.sparserepro.core.problem.ProblemGenerator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeSet;

/**
 * Runs the missing trials of a declaration, in parallel, checkpointing into the
 * {@link TrialStore}, and writes the declaration's tables ({@link DeclarationFiles}).
 *
 * <p><b>Determinism.</b> The instance of run r at a grid point is drawn from
 * {@link InstanceKey#seed(int)} and every solver missing there solves that same instance.
 * Workers finish in any order; tables are written in canonical order from the store, so the
 * files do not depend on the thread count, the order of execution, interruptions, sharding
 * or which trials were reused from earlier declarations.
 *
 * <p><b>Reuse.</b> A trial already in the store — same instance, same solver variant with the
 * same options, every declared metric recorded — is never recomputed, whichever declaration
 * computed it. Widening a grid, adding runs or adding a solver computes only what is new.
 *
 * <p><b>Shards.</b> Shard i of N computes the units (grid point g, run r) with
 * (g·runs + r) mod N = i − 1, writing its own files of the store; any later run or merge
 * reads every shard's trials.
 */
public final class ExperimentRunner {
    private static final System.Logger LOG = System.getLogger(ExperimentRunner.class.getName());

    private final Registries registries;
    /** Set by {@link #requestStop()}; checked between finished units (at least every 100 ms). */
    private volatile boolean stopRequested;

    /** A runner creating solvers from {@code solvers}, with the default generators and metrics. */
    public ExperimentRunner(SolverRegistry solvers) {
        this(Registries.of(solvers));
    }

    /** A runner resolving every name of a declaration in {@code registries}. */
    public ExperimentRunner(Registries registries) {
        this.registries = Checks.requireNonNull("registries", registries);
    }

    public Registries registries() {
        return registries;
    }

    /** Runs the missing trials of {@code options.shard()} of {@code spec}; see the class comment. */
    public RunOutcome run(ExperimentSpec spec, RunOptions options) {
        Checks.requireNonNull("spec", spec);
        Checks.requireNonNull("options", options);
        stopRequested = false;
        spec.validate(registries);
        PreparedSolvers solvers = new PreparedSolvers(spec.solvers(), registries.solvers());
        List<Metric> metrics = spec.metrics().stream().map(registries.metrics()::get).toList();
        ProgressListener listener = options.listener();
        Shard shard = options.shard();
        TrialStore store = new TrialStore(options.resultsRoot());
        DeclarationFiles files = new DeclarationFiles(options.resultsRoot(), spec);
        Path record = files.runFile(shard);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        long inScope = countInScope(spec, shard);
        try (TrialStore.Lock lock = store.lock(shard, options.waitForLock())) {
            String stale = RunRecord.staleRunning(record);
            if (stale != null) {
                warn(warnings, listener, stale);
            }
            solvers.recordIn(store);
            UnitSource units = new UnitSource(spec, solvers, metrics, store, shard, warnings, listener,
                    registries.generators());
            ResultFiles.writeJson(record, RunRecord.of(spec, solvers, "running", shard, options.threads(), start, null,
                    new RunRecord.Counts(spec.trialCount(), inScope, 0, 0), warnings));
            listener.started(inScope);
            TrialEngine engine = new TrialEngine(solvers.solvers(), solvers.labels(), solvers.ids(), metrics, store,
                    options, () -> stopRequested);
            try {
                engine.execute(units, spec.name());
            } catch (RuntimeException e) {
                // File channels refuse to write while the thread's interrupt flag is set: clear it
                // for the record, then hand it back to the caller.
                boolean interrupted = Thread.interrupted();
                try {
                    ResultFiles.writeJson(record, RunRecord.of(spec, solvers, "interrupted", shard, options.threads(),
                            start, Instant.now(), new RunRecord.Counts(spec.trialCount(), inScope, units.reused,
                                    engine.computedTrials()), warnings));
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
                throw e;
            }
            if (shard.isAll()) {
                writeTables(spec, solvers, metrics, store, files, warnings, listener);
            }
            long computed = engine.computedTrials();
            ResultFiles.writeJson(record, RunRecord.of(spec, solvers, "complete", shard, options.threads(), start,
                    Instant.now(), new RunRecord.Counts(spec.trialCount(), inScope, inScope - computed, computed),
                    warnings));
            return new RunOutcome(files.directory(), shard.isAll() ? files.trialsFile() : record, shard,
                    spec.trialCount(), inScope, inScope - computed, computed, (System.nanoTime() - t0) * 1e-9,
                    List.copyOf(warnings));
        } finally {
            listener.finished();
        }
    }

    /**
     * Writes {@code trials.csv}, {@code summary.csv} and {@code run.json} from the store once
     * every trial of the declaration is there (run by shards, by earlier declarations, or
     * both). Fails, naming what is missing and any damaged rows (file and line), otherwise.
     */
    public RunOutcome merge(ExperimentSpec spec, Path resultsRoot) {
        Checks.requireNonNull("spec", spec);
        Checks.requireNonNull("resultsRoot", resultsRoot);
        spec.validate(registries);
        PreparedSolvers solvers = new PreparedSolvers(spec.solvers(), registries.solvers());
        List<Metric> metrics = spec.metrics().stream().map(registries.metrics()::get).toList();
        TrialStore store = new TrialStore(resultsRoot);
        DeclarationFiles files = new DeclarationFiles(resultsRoot, spec);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        writeTables(spec, solvers, metrics, store, files, warnings, ProgressListener.NONE);
        ResultFiles.writeJson(files.runFile(Shard.ALL), RunRecord.of(spec, solvers, "merged", Shard.ALL, 0, start,
                Instant.now(), new RunRecord.Counts(spec.trialCount(), spec.trialCount(), spec.trialCount(), 0),
                warnings));
        return new RunOutcome(files.directory(), files.trialsFile(), Shard.ALL, spec.trialCount(), spec.trialCount(),
                spec.trialCount(), 0, (System.nanoTime() - t0) * 1e-9, List.copyOf(warnings));
    }

    /**
     * A session that computes trials at points chosen as it goes (an adaptive search), with
     * {@code variants} recording {@code metrics}; see {@link TrialSession}. Close it to release
     * the store's writer lock.
     */
    public TrialSession openSession(String name, List<io.sparserepro.algorithms.SolverVariant> variants,
                                    List<String> metrics, RunOptions options) {
        Checks.requireNonNull("options", options);
        stopRequested = false;
        return new TrialSession(this, name, variants, metrics, options);
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /**
     * Asks the run in progress (from another thread, e.g. a shutdown hook on Ctrl-C) to save
     * the trials it has finished and stop: {@link #run} then throws IllegalStateException
     * within about 100 ms, after recording {@code interrupted} in its run record. Unlike
     * interrupting the running thread, it never interrupts a file write half-way.
     */
    public void requestStop() {
        stopRequested = true;
    }

    private static long countInScope(ExperimentSpec spec, Shard shard) {
        long units = spec.unitCount();
        long mine = units / shard.count() + (units % shard.count() >= shard.index() ? 1 : 0);
        return mine * spec.solvers().size();
    }

    /**
     * The units of a shard that still need a solver, in canonical order, found one at a time:
     * a grid point's stored trials are read when its turn comes, and runs are scanned as the
     * engine asks for units, so neither the grid nor the run count is ever held in memory.
     */
    private static final class UnitSource implements Iterator<TrialEngine.Unit> {
        private final ExperimentSpec spec;
        private final PreparedSolvers solvers;
        private final List<Metric> metrics;
        private final TrialStore store;
        private final Shard shard;
        private final List<String> warnings;
        private final ProgressListener listener;
        private final GeneratorRegistry generators;
        private int point = -1;
        private int run;
        private GridPoint current;
        private InstanceKey key;
        private TrialStore.PointTrials stored;
        private ProblemGenerator generator;
        private TrialEngine.Unit next;
        private int foundSinceReport;
        long reused;

        UnitSource(ExperimentSpec spec, PreparedSolvers solvers, List<Metric> metrics, TrialStore store, Shard shard,
                   List<String> warnings, ProgressListener listener, GeneratorRegistry generators) {
            this.spec = spec;
            this.solvers = solvers;
            this.metrics = metrics;
            this.store = store;
            this.shard = shard;
            this.warnings = warnings;
            this.listener = listener;
            this.generators = generators;
            this.run = spec.runs();
        }

        @Override
        public boolean hasNext() {
            while (next == null && advance()) {
                next = unitAt(point, run++);
            }
            if (next == null) {
                report();
            }
            return next != null;
        }

        @Override
        public TrialEngine.Unit next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            TrialEngine.Unit unit = next;
            next = null;
            return unit;
        }

        /** Moves to the next (point, run) of the shard; false at the end. */
        private boolean advance() {
            while (true) {
                if (run >= spec.runs()) {
                    if (point + 1 >= spec.gridPointCount()) {
                        return false;
                    }
                    point++;
                    run = 0;
                    current = spec.gridPoint(point);
                    key = spec.instanceKey(current);
                    stored = store.load(key, shard);
                    stored.warnings().forEach(w -> warn(warnings, listener, w));
                    generator = null;
                }
                if (shard.contains((long) point * spec.runs() + run)) {
                    return true;
                }
                run++;
            }
        }

        /** The unit (point, r) if a solver lacks its trial, else null (and the stored ones counted). */
        private TrialEngine.Unit unitAt(int g, int r) {
            int[] missing = new int[solvers.size()];
            int count = 0;
            for (int s = 0; s < solvers.size(); s++) {
                if (complete(stored.get(solvers.ids().get(s), r), metrics)) {
                    reused++;
                    if (++foundSinceReport >= 1024) {
                        report();
                    }
                } else {
                    missing[count++] = s;
                }
            }
            if (count == 0) {
                return null;
            }
            if (generator == null) {
                generator = generators.create(spec.generator(), current.values());
            }
            return new TrialEngine.Unit(key, generator, r, java.util.Arrays.copyOf(missing, count),
                    "grid point " + g + " " + current.values());
        }

        private void report() {
            if (foundSinceReport > 0) {
                listener.trialsReused(foundSinceReport);
                foundSinceReport = 0;
            }
        }
    }

    /** Whether {@code trial} exists and records every metric asked for. */
    static boolean complete(StoredTrial trial, List<Metric> metrics) {
        if (trial == null) {
            return false;
        }
        for (Metric m : metrics) {
            if (!trial.metrics().containsKey(m.id())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the declaration's tables from the store, in two passes over the grid (the first
     * checks completeness and collects diagnostic names, the second streams the rows), so that
     * memory holds one grid point at a time.
     */
    private static void writeTables(ExperimentSpec spec, PreparedSolvers solvers, List<Metric> metrics,
                                    TrialStore store, DeclarationFiles files, List<String> warnings,
                                    ProgressListener listener) {
        TreeSet<String> diagnostics = new TreeSet<>();
        long missing = 0;
        List<String> damaged = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        for (int g = 0; g < spec.gridPointCount(); g++) {
            GridPoint point = spec.gridPoint(g);
            TrialStore.PointTrials stored = store.load(spec.instanceKey(point), null);
            stored.warnings().forEach(w -> {
                warn(warnings, listener, w);
                damaged.add(w);
            });
            for (int r = 0; r < spec.runs(); r++) {
                for (int s = 0; s < solvers.size(); s++) {
                    StoredTrial t = stored.get(solvers.ids().get(s), r);
                    if (complete(t, metrics)) {
                        diagnostics.addAll(t.diagnostics().keySet());
                    } else {
                        missing++;
                        if (examples.size() < 3) {
                            examples.add("grid point " + g + " " + point.values() + " run " + r + " solver '"
                                    + solvers.labels().get(s) + "'");
                        }
                    }
                }
            }
        }
        if (missing > 0) {
            StringBuilder message = new StringBuilder("cannot write the tables of " + spec.name() + " (" + spec.hash()
                    + "): " + missing + " of " + spec.trialCount() + " trials are missing, e.g. "
                    + String.join("; ", examples));
            if (!damaged.isEmpty()) {
                message.append("; damaged rows were dropped: ").append(String.join("; ", damaged.subList(0,
                        Math.min(5, damaged.size()))));
            }
            message.append("; run the missing shards (or resume them: each shard computes only what it lacks) and merge"
                    + " again");
            throw new IllegalStateException(message.toString());
        }
        List<String> diagnosticNames = List.copyOf(diagnostics);
        Iterable<DeclarationFiles.PointRows> points = () -> new Iterator<>() {
            private int g;

            @Override
            public boolean hasNext() {
                return g < spec.gridPointCount();
            }

            @Override
            public DeclarationFiles.PointRows next() {
                GridPoint point = spec.gridPoint(g++);
                TrialStore.PointTrials stored = store.load(spec.instanceKey(point), null);
                List<StoredTrial[]> rows = new ArrayList<>();
                for (int r = 0; r < spec.runs(); r++) {
                    StoredTrial[] row = new StoredTrial[solvers.size()];
                    for (int s = 0; s < row.length; s++) {
                        row[s] = stored.get(solvers.ids().get(s), r);
                    }
                    rows.add(row);
                }
                return new DeclarationFiles.PointRows(point, rows);
            }
        };
        files.writeTables(spec, points, diagnosticNames, metrics);
    }

    private static void warn(List<String> warnings, ProgressListener listener, String message) {
        LOG.log(System.Logger.Level.WARNING, message);
        warnings.add(message);
        listener.warning(message);
    }
}
