package io.sparserepro.algorithms;

import io.sparserepro.core.Checks;

/**
 * The common part of the suite's solvers: a stable name and an immutable, validated options
 * record, which together are the solver's {@link #configuration()}. Subclasses implement
 * {@link #solve(io.sparserepro.core.problem.Problem)} and read their options from
 * {@link #options}.
 *
 * @param <O> the solver's options record
 */
public abstract class ConfiguredSolver<O extends Record> implements SparseSolver {
    private final String name;
    /** The validated options (a record: immutable, so a solver is safe to share between threads). */
    protected final O options;

    protected ConfiguredSolver(String name, O options) {
        this.name = Checks.requireNonNull("name", name);
        this.options = Checks.requireNonNull("options", options);
    }

    public final O options() {
        return options;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String configuration() {
        return name() + " " + options;
    }
}
