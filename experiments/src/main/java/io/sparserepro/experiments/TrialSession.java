package io.sparserepro.experiments;

import io.sparserepro.algorithms.SolverVariant;
import io.sparserepro.core.Checks;
import io.sparserepro.core.problem.ProblemGenerator;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Trials at points chosen as a computation goes — what an adaptive search (the
 * phase-transition threshold) needs: "runs 200 to 400 at this point for these solvers". Every
 * trial goes through the {@link TrialStore}: one already stored is reused, a missing one is
 * computed (in parallel, checkpointed) and stored for any later declaration.
 *
 * <p><b>Shards.</b> With {@link RunOptions#shard()} i of N, a session computes only the units
 * (instance, run) whose instance seed is i − 1 modulo N (a hash of the instance, so the split
 * does not depend on the order in which a search asks). Adaptive work is split in rounds:
 * each round's units are computed by all shards, then the next round is chosen from the
 * union of their trials. A shard that needs trials of another shard stops after its own
 * share ({@link #missing()} tells what it waits for); run the shards again when all are done.
 *
 * <p>Holds the store's writer lock until closed.
 */
public final class TrialSession implements AutoCloseable {
    private final PreparedSolvers solvers;
    private final List<Metric> metrics;
    private final TrialStore store;
    private final RunOptions options;
    private final Registries registries;
    private final TrialStore.Lock lock;
    private final ExperimentRunner runner;
    private final String name;
    /** instance → variant index → runs present with every metric, and their 0/1 value of {@code metrics[0]}. */
    private final Map<InstanceKey, Outcomes[]> cache = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private long computed;
    private long missing;

    /** Which runs of one (instance, variant) are known, and the outcome of each. */
    private static final class Outcomes {
        final BitSet present = new BitSet();
        final Map<String, BitSet> ones = new HashMap<>();
    }

    /**
     * One batch of wanted trials.
     *
     * @param key     the instance point
     * @param fromRun the first run (inclusive)
     * @param toRun   the end (exclusive)
     * @param solvers indices into the session's solver list
     */
    public record Request(InstanceKey key, int fromRun, int toRun, int[] solvers) {
        public Request {
            Checks.requireNonNull("key", key);
            if (fromRun < 0 || toRun <= fromRun) {
                throw new IllegalArgumentException("need 0 ≤ fromRun < toRun: " + fromRun + ", " + toRun);
            }
            solvers = solvers.clone();
        }
    }

    TrialSession(ExperimentRunner runner, String name, List<SolverVariant> variants, List<String> metricIds,
                 RunOptions options) {
        this.runner = runner;
        this.name = Checks.requireNonNull("name", name);
        this.registries = runner.registries();
        this.solvers = new PreparedSolvers(variants, registries.solvers());
        this.metrics = metricIds.stream().map(registries.metrics()::get).toList();
        this.options = options;
        this.store = new TrialStore(options.resultsRoot());
        this.lock = store.lock(options.shard(), options.waitForLock());
        solvers.recordIn(store);
    }

    /** The session's solver labels, in order. */
    public List<String> labels() {
        return solvers.labels();
    }

    /** The variant ids and identities of the session's solvers, for a run record. */
    public com.fasterxml.jackson.databind.node.ObjectNode describeSolvers() {
        return solvers.describe();
    }

    /** Whether this session computes run {@code run} of {@code key} (its shard owns it). */
    public boolean owns(InstanceKey key, int run) {
        Shard shard = options.shard();
        return shard.isAll() || Long.remainderUnsigned(key.seed(run), shard.count()) == shard.index() - 1;
    }

    /** Computes whatever of {@code requests} this session owns and the store lacks. */
    public void ensure(List<Request> requests) {
        List<TrialEngine.Unit> units = new ArrayList<>();
        Map<InstanceKey, ProblemGenerator> generators = new HashMap<>();
        for (Request r : requests) {
            Outcomes[] known = known(r.key());
            for (int run = r.fromRun(); run < r.toRun(); run++) {
                int[] wanted = new int[r.solvers().length];
                int count = 0;
                for (int s : r.solvers()) {
                    if (!known[s].present.get(run)) {
                        wanted[count++] = s;
                    }
                }
                if (count == 0) {
                    continue;
                }
                if (!owns(r.key(), run)) {
                    missing += count;
                    continue;
                }
                ProblemGenerator generator = generators.computeIfAbsent(r.key(),
                        k -> registries.generators().create(k.generator(), k.parameters()));
                units.add(new TrialEngine.Unit(r.key(), generator, run, java.util.Arrays.copyOf(wanted, count),
                        r.key().parameters().toString()));
            }
        }
        if (units.isEmpty()) {
            return;
        }
        options.listener().started(units.stream().mapToLong(u -> u.solvers().length).sum());
        TrialEngine engine = new TrialEngine(solvers.solvers(), solvers.labels(), solvers.ids(), metrics, store,
                options, runner::stopRequested).onSolved((key, trials) -> {
                    Outcomes[] known = known(key);
                    for (StoredTrial t : trials) {
                        record(known[solvers.ids().indexOf(t.variant())], t);
                    }
                });
        try {
            Iterator<TrialEngine.Unit> it = units.iterator();
            engine.execute(it, name);
        } finally {
            computed += engine.computedTrials();
            options.listener().finished();
        }
    }

    /**
     * The 0/1 outcomes of metric {@code metric} for runs [fromRun, toRun) of solver {@code solver}
     * at {@code key}, or {@code null} if any of them is not in the store (another shard's).
     */
    public boolean[] outcomes(InstanceKey key, int solver, String metric, int fromRun, int toRun) {
        Outcomes o = known(key)[solver];
        boolean[] values = new boolean[toRun - fromRun];
        BitSet ones = o.ones.get(metric);
        for (int run = fromRun; run < toRun; run++) {
            if (!o.present.get(run)) {
                return null;
            }
            values[run - fromRun] = ones != null && ones.get(run);
        }
        return values;
    }

    /** How many runs of {@code solver} at {@code key}, from run 0 on, are stored without a gap. */
    public int storedRuns(InstanceKey key, int solver) {
        return known(key)[solver].present.nextClearBit(0);
    }

    /** Trials computed by this session. */
    public long computed() {
        return computed;
    }

    /** Trials wanted but owned by other shards and not yet in the store. */
    public long missing() {
        return missing;
    }

    /** Damaged rows and other problems found in the store. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private Outcomes[] known(InstanceKey key) {
        Outcomes[] known = cache.get(key);
        if (known == null) {
            known = new Outcomes[solvers.size()];
            for (int s = 0; s < known.length; s++) {
                known[s] = new Outcomes();
            }
            TrialStore.PointTrials stored = store.load(key, options.shard());
            warnings.addAll(stored.warnings());
            stored.warnings().forEach(options.listener()::warning);
            for (StoredTrial t : stored.trials().values()) {
                int s = solvers.ids().indexOf(t.variant());
                if (s >= 0 && ExperimentRunner.complete(t, metrics)) {
                    record(known[s], t);
                }
            }
            cache.put(key, known);
        }
        return known;
    }

    private void record(Outcomes o, StoredTrial t) {
        o.present.set(t.run());
        for (Metric m : metrics) {
            if (m.isRate() && t.metrics().get(m.id()) == 1.0) {
                o.ones.computeIfAbsent(m.id(), id -> new BitSet()).set(t.run());
            }
        }
    }

    @Override
    public void close() {
        lock.close();
    }
}
