package io.sparserepro.experiments;

import io.sparserepro.core.Checks;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One solved trial as the {@link TrialStore} keeps it: run r of an instance, solved by the
 * solver variant {@code variant}.
 *
 * @param run         the run index at the instance's point
 * @param variant     the variant's id ({@link TrialStore#variantId})
 * @param seed        the instance's seed ({@link InstanceKey#seed(int)})
 * @param metrics     metric id → value, sorted by id
 * @param diagnostics the solver's diagnostics, sorted by name
 * @param seconds     measured solve time
 */
public record StoredTrial(int run, String variant, long seed, SortedMap<String, Double> metrics,
                          SortedMap<String, Double> diagnostics, double seconds) {

    public StoredTrial {
        Checks.requireNonNegative("run", run);
        Checks.requireNonNull("variant", variant);
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
        diagnostics = Collections.unmodifiableSortedMap(new TreeMap<>(diagnostics));
    }

    /** Whether the two agree on everything computed (all but the measured time), in result-file text. */
    public boolean sameOutcome(StoredTrial other) {
        return run == other.run && variant.equals(other.variant) && seed == other.seed
                && TrialJournal.pack(metrics).equals(TrialJournal.pack(other.metrics))
                && TrialJournal.pack(diagnostics).equals(TrialJournal.pack(other.diagnostics));
    }

    /** This trial with {@code other}'s metrics added (the later time kept): one row for both. */
    StoredTrial union(StoredTrial other) {
        SortedMap<String, Double> all = new TreeMap<>(metrics);
        all.putAll(other.metrics);
        return new StoredTrial(run, variant, seed, all, other.diagnostics, other.seconds);
    }
}
