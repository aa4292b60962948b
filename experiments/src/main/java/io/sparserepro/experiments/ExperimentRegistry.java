package io.sparserepro.experiments;

import io.sparserepro.core.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Named experiment declarations, each in a quick and a full variant. Immutable; {@link #with}
 * returns a copy that also knows another experiment.
 */
public final class ExperimentRegistry {

    /**
     * One named experiment.
     *
     * @param description one line for {@code list experiments}
     * @param quick       the reduced declaration (minutes)
     * @param full        the paper-scale declaration
     */
    public record Entry(String description, ExperimentSpec quick, ExperimentSpec full) {
        public Entry {
            Checks.requireNonNull("description", description);
            Checks.requireNonNull("quick", quick);
            Checks.requireNonNull("full", full);
        }

        /** The declaration of {@code mode}. */
        public ExperimentSpec spec(Mode mode) {
            return mode == Mode.QUICK ? quick : full;
        }
    }

    private final Map<String, Entry> entries;

    private ExperimentRegistry(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** An empty registry. */
    public static ExperimentRegistry empty() {
        return new ExperimentRegistry(new LinkedHashMap<>());
    }

    /** The suite's built-in experiments. */
    public static ExperimentRegistry defaults() {
        return BuiltInExperiments.REGISTRY;
    }

    /** A copy that also maps {@code name} to {@code entry}. */
    public ExperimentRegistry with(String name, Entry entry) {
        Checks.requireNonNull("name", name);
        Checks.requireNonNull("entry", entry);
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        copy.put(name, entry);
        return new ExperimentRegistry(copy);
    }

    /** The experiment {@code name}, or an error listing the known names. */
    public Entry get(String name) {
        Entry e = entries.get(Checks.requireNonNull("name", name));
        if (e == null) {
            throw new IllegalArgumentException("unknown experiment '" + name + "'; known experiments: "
                    + String.join(", ", entries.keySet()));
        }
        return e;
    }

    /** The names in registration order. */
    public Set<String> names() {
        return entries.keySet();
    }
}
