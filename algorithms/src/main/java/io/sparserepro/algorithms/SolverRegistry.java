package io.sparserepro.algorithms;

import io.sparserepro.core.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Stable names → solvers with default options, for experiments and the command line. The
 * registry is immutable; {@link #with} returns a copy that also knows a user's solver, which
 * is how a follow-up paper adds its own algorithm to an existing experiment.
 */
public final class SolverRegistry {
    private final Map<String, Supplier<? extends SparseSolver>> factories;

    private SolverRegistry(Map<String, Supplier<? extends SparseSolver>> factories) {
        this.factories = Collections.unmodifiableMap(factories);
    }

    /** An empty registry. */
    public static SolverRegistry empty() {
        return new SolverRegistry(new LinkedHashMap<>());
    }

    /** Every solver of this suite under its stable name, with default options. */
    public static SolverRegistry defaults() {
        return BuiltInSolvers.REGISTRY;
    }

    /** A copy that also maps {@code name} to {@code factory} (replacing an existing entry). */
    public SolverRegistry with(String name, Supplier<? extends SparseSolver> factory) {
        Checks.requireNonNull("name", name);
        Checks.requireNonNull("factory", factory);
        if (!name.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException(
                    "name must be lowercase letters, digits, '-', '_' or '.': '" + name + "'");
        }
        Map<String, Supplier<? extends SparseSolver>> copy = new LinkedHashMap<>(factories);
        copy.put(name, factory);
        return new SolverRegistry(copy);
    }

    /** The solver called {@code name}. */
    public SparseSolver create(String name) {
        Supplier<? extends SparseSolver> factory = factories.get(Checks.requireNonNull("name", name));
        if (factory == null) {
            throw new IllegalArgumentException(
                    "unknown algorithm '" + name + "'; known algorithms: " + String.join(", ", names()));
        }
        return factory.get();
    }

    public boolean contains(String name) {
        return factories.containsKey(name);
    }

    /** The names in registration order. */
    public Set<String> names() {
        return factories.keySet();
    }
}
