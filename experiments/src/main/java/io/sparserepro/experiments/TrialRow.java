package io.sparserepro.experiments;

import io.sparserepro.core.Checks;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of one trial.
 *
 * @param key         which trial
 * @param solver      the solver's name
 * @param seed        the unit's seed, {@code Seeds.trialSeed(masterSeed, gridPoint, run)}
 * @param metrics     the declared metrics other than time, in declared order
 * @param diagnostics the solver's diagnostics, sorted by name
 * @param seconds     measured solve time
 */
public record TrialRow(TrialKey key, String solver, long seed, List<Double> metrics,
                       SortedMap<String, Double> diagnostics, double seconds) {

    public TrialRow {
        Checks.requireNonNull("key", key);
        Checks.requireNonNull("solver", solver);
        metrics = List.copyOf(metrics);
        diagnostics = Collections.unmodifiableSortedMap(new TreeMap<>(diagnostics));
    }

    /** Whether the two rows agree on everything computed (all but the measured time). */
    public boolean sameOutcome(TrialRow other) {
        return key.equals(other.key) && solver.equals(other.solver) && seed == other.seed
                && formatted(metrics).equals(formatted(other.metrics))
                && formatted(List.copyOf(diagnostics.values())).equals(formatted(List.copyOf(other.diagnostics.values())))
                && diagnostics.keySet().equals(other.diagnostics.keySet());
    }

    private static List<String> formatted(List<Double> values) {
        return values.stream().map(v -> ParameterValues.format(v.doubleValue())).toList();
    }
}
