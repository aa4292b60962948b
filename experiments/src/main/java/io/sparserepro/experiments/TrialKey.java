package io.sparserepro.experiments;

import java.util.Comparator;

/**
 * Identifies one trial: (grid point, run, solver). Canonical order is by grid point, then run,
 * then the solver's position in the declaration.
 *
 * @param gridPoint   0-based grid point index
 * @param run         0-based run index
 * @param solverIndex position of the solver in {@link ExperimentSpec#solvers()}
 */
public record TrialKey(int gridPoint, int run, int solverIndex) implements Comparable<TrialKey> {
    private static final Comparator<TrialKey> ORDER = Comparator.comparingInt(TrialKey::gridPoint)
            .thenComparingInt(TrialKey::run).thenComparingInt(TrialKey::solverIndex);

    @Override
    public int compareTo(TrialKey other) {
        return ORDER.compare(this, other);
    }

    /** The canonical trial index ((g·runs + r)·solvers + s). */
    public long index(ExperimentSpec spec) {
        return ((long) gridPoint * spec.runs() + run) * spec.solvers().size() + solverIndex;
    }

    @Override
    public String toString() {
        return "grid point " + gridPoint + ", run " + run + ", solver #" + solverIndex;
    }
}
