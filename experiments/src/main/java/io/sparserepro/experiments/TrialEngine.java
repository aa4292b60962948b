package io.sparserepro.experiments;

import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.problem.ProblemGenerator;
import io.sparserepro.core.random.Seeds;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Solves units — one problem instance, drawn once from its seed, solved by some solvers — on
 * worker threads and checkpoints the trials into the {@link TrialStore}.
 *
 * <p>Units are taken lazily from an iterator and at most a few per thread are in flight, so
 * memory does not grow with the number of units. Finished units are buffered and appended
 * (grouped by point, one forced write per point file) every {@link RunOptions#batchUnits()}
 * units or {@link RunOptions#flushInterval()}, whichever comes first; an interrupted run loses
 * at most the unwritten buffer, which a stop request or an interrupt writes before returning.
 */
final class TrialEngine {
    private static final Pattern DIAGNOSTIC_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final long STOP_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** One instance and the solvers (indices into the engine's solver list) that still have to solve it. */
    record Unit(InstanceKey key, ProblemGenerator generator, int run, int[] solvers, String where) {
    }

    /** Thrown when a run stops early (stop request or interrupt) after saving its finished trials. */
    static final class Stopped extends IllegalStateException {
        Stopped(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final List<SparseSolver> solvers;
    private final List<String> labels;
    private final List<String> variantIds;
    private final List<Metric> metrics;
    private final TrialStore store;
    private final RunOptions options;
    private final BooleanSupplier stopRequested;
    private int computedTrials;
    private int batches;
    private java.util.function.BiConsumer<InstanceKey, List<StoredTrial>> onSolved = (k, t) -> {
    };

    TrialEngine(List<SparseSolver> solvers, List<String> labels, List<String> variantIds, List<Metric> metrics,
                TrialStore store, RunOptions options, BooleanSupplier stopRequested) {
        this.solvers = solvers;
        this.labels = labels;
        this.variantIds = variantIds;
        this.metrics = metrics;
        this.store = store;
        this.options = options;
        this.stopRequested = stopRequested;
    }

    /** Also hands every solved unit's trials to {@code listener} (on the calling thread, before they are written). */
    TrialEngine onSolved(java.util.function.BiConsumer<InstanceKey, List<StoredTrial>> listener) {
        this.onSolved = listener;
        return this;
    }

    /** Trials computed so far by this engine. */
    int computedTrials() {
        return computedTrials;
    }

    /** Solves every unit {@code units} yields; see the class comment. */
    void execute(Iterator<Unit> units, String experiment) {
        if (!units.hasNext()) {
            return;
        }
        ProgressListener listener = options.listener();
        int threads = options.threads();
        int maxInFlight = Math.max(4, 4 * threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads, workerThreads());
        Map<InstanceKey, List<StoredTrial>> buffer = new LinkedHashMap<>();
        int bufferedUnits = 0;
        try {
            CompletionService<UnitResult> completion = new ExecutorCompletionService<>(pool);
            int inFlight = 0;
            long interval = options.flushInterval().toNanos();
            long lastFlush = System.nanoTime();
            while (inFlight > 0 || units.hasNext()) {
                while (inFlight < maxInFlight && units.hasNext()) {
                    Unit unit = units.next();
                    completion.submit(() -> solve(unit, experiment));
                    inFlight++;
                }
                long wait = Math.min(interval - (System.nanoTime() - lastFlush), STOP_POLL_NANOS);
                Future<UnitResult> done = wait > 0 ? completion.poll(wait, TimeUnit.NANOSECONDS) : completion.poll();
                if (done != null) {
                    inFlight--;
                    UnitResult result = resultOf(done);
                    onSolved.accept(result.key, result.trials);
                    buffer.computeIfAbsent(result.key, k -> new ArrayList<>()).addAll(result.trials);
                    bufferedUnits++;
                    computedTrials += result.trials.size();
                    listener.trialsDone(result.trials.size());
                }
                boolean due = System.nanoTime() - lastFlush >= interval;
                boolean finished = inFlight == 0 && !units.hasNext();
                if (bufferedUnits >= options.batchUnits() || (finished && bufferedUnits > 0) || (due && bufferedUnits > 0)) {
                    int rows = flush(buffer);
                    listener.batchWritten(++batches, rows);
                    bufferedUnits = 0;
                    lastFlush = System.nanoTime();
                } else if (due) {
                    lastFlush = System.nanoTime();
                }
                if (stopRequested.getAsBoolean()) {
                    flush(buffer);
                    throw new Stopped("run of " + experiment + " stopped; its finished trials are saved and a rerun"
                            + " computes only the rest", null);
                }
            }
        } catch (RuntimeException | Error e) {
            // A solver failed (or a listener aborted): keep what is finished.
            flush(buffer);
            throw e;
        } catch (InterruptedException e) {
            // Interrupted: save the trials that are finished but not yet written, so a restart
            // recomputes only what never ran.
            flush(buffer);
            Thread.currentThread().interrupt();
            throw new Stopped("run of " + experiment + " interrupted; its finished trials are saved and a rerun"
                    + " computes only the rest", e);
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int flush(Map<InstanceKey, List<StoredTrial>> buffer) {
        int rows = 0;
        for (Map.Entry<InstanceKey, List<StoredTrial>> e : buffer.entrySet()) {
            store.append(e.getKey(), options.shard(), e.getValue());
            rows += e.getValue().size();
        }
        buffer.clear();
        return rows;
    }

    private record UnitResult(InstanceKey key, List<StoredTrial> trials) {
    }

    private UnitResult solve(Unit unit, String experiment) {
        long seed = unit.key().seed(unit.run());
        Problem problem = unit.generator().generate(Seeds.rng(seed));
        List<StoredTrial> out = new ArrayList<>();
        for (int s : unit.solvers()) {
            String label = labels.get(s);
            long t0 = System.nanoTime();
            SparseResult result;
            try {
                result = solvers.get(s).solve(problem);
            } catch (RuntimeException e) {
                throw new IllegalStateException("solver '" + label + "' failed in experiment " + experiment + " at "
                        + unit.where() + " run " + unit.run() + " (seed " + seed + "): " + e.getMessage(), e);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            SortedMap<String, Double> values = new TreeMap<>();
            for (Metric m : metrics) {
                values.put(m.id(), m.evaluate(problem, result, seconds));
            }
            SortedMap<String, Double> diagnostics = new TreeMap<>();
            result.diagnostics().forEach((k, v) -> {
                if (!DIAGNOSTIC_NAME.matcher(k).matches()) {
                    throw new IllegalStateException("solver '" + label + "' reports a diagnostic whose name is not"
                            + " letters, digits, '_', '-' or '.': '" + k + "'");
                }
                diagnostics.put(k, v == null ? Double.NaN : v);
            });
            out.add(new StoredTrial(unit.run(), variantIds.get(s), seed, values, diagnostics, seconds));
        }
        return new UnitResult(unit.key(), out);
    }

    private static UnitResult resultOf(Future<UnitResult> done) throws InterruptedException {
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

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "sparse-repro-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
