package io.sparserepro.experiments;

import io.sparserepro.core.Checks;
import io.sparserepro.core.problem.ProblemGenerator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Problem generators by name, open like the solver registry: a user adds one with
 * {@link #with} (its name, the parameters it accepts and how it builds a generator from a
 * grid point's parameter values) and passes the registry to the runner ({@link Registries}).
 * A parameter a generator does not accept is an error, so a typo in a declaration never
 * silently falls back to a default.
 */
public final class GeneratorRegistry {

    /**
     * One generator.
     *
     * @param description one line for {@code list generators}
     * @param parameters  the parameter names it accepts
     * @param factory     builds the generator from a grid point's values (checked here first
     *                    to hold no other names); throws IllegalArgumentException on bad values
     */
    public record Entry(String description, Set<String> parameters,
                        Function<Map<String, Object>, ProblemGenerator> factory) {
        public Entry {
            Checks.requireNonNull("description", description);
            parameters = Collections.unmodifiableSet(new TreeSet<>(Checks.requireNonNull("parameters", parameters)));
            Checks.requireNonNull("factory", factory);
        }
    }

    private final Map<String, Entry> entries;

    private GeneratorRegistry(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** An empty registry. */
    public static GeneratorRegistry empty() {
        return new GeneratorRegistry(new LinkedHashMap<>());
    }

    /** The suite's generators ({@link StandardGenerators}). */
    public static GeneratorRegistry defaults() {
        return StandardGenerators.register(empty());
    }

    /** A copy that also knows generator {@code name}. */
    public GeneratorRegistry with(String name, Entry entry) {
        Checks.requireNonNull("name", name);
        Checks.requireNonNull("entry", entry);
        if (!name.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("a generator name must be lowercase letters, digits, '-', '_' or '.': '"
                    + name + "'");
        }
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        copy.put(name, entry);
        return new GeneratorRegistry(copy);
    }

    /** The generator {@code name} at the parameters {@code params}, validated now. */
    public ProblemGenerator create(String name, Map<String, Object> params) {
        Entry entry = get(name);
        for (String p : params.keySet()) {
            if (!entry.parameters().contains(p)) {
                throw new IllegalArgumentException("generator " + name + " has no parameter '" + p
                        + "'; its parameters are " + entry.parameters());
            }
        }
        return entry.factory().apply(params);
    }

    /** The entry {@code name}, or an error listing the known generators. */
    public Entry get(String name) {
        Entry entry = entries.get(Checks.requireNonNull("generator", name));
        if (entry == null) {
            throw new IllegalArgumentException("unknown generator '" + name + "'; known generators: "
                    + String.join(", ", entries.keySet()));
        }
        return entry;
    }

    /** The names in registration order. */
    public Set<String> names() {
        return entries.keySet();
    }
}
