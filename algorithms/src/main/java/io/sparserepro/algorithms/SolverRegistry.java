package io.sparserepro.algorithms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.algorithms.options.OptionDescription;
import io.sparserepro.algorithms.options.OptionSchema;
import io.sparserepro.core.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stable names → solvers, for experiments and the command line. A solver registered with its
 * options record can be configured as data: {@link #create(SolverVariant)} lays the variant's
 * options over the defaults through the record's {@link OptionSchema} (one conversion for
 * declarations and the command line), and a post-processor (SEA) also takes an inner solver.
 *
 * <p>The registry is immutable; {@link #with} returns a copy that also knows a user's solver,
 * which is how a follow-up paper adds its own algorithm to an existing experiment.
 */
public final class SolverRegistry {

    /** How one registered algorithm is built. */
    private record Entry(OptionSchema<?> schema, BiFunction<Record, SparseSolver, SparseSolver> factory,
                         boolean postProcessor, String defaultInner) {
    }

    private final Map<String, Entry> entries;

    private SolverRegistry(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** An empty registry. */
    public static SolverRegistry empty() {
        return new SolverRegistry(new LinkedHashMap<>());
    }

    /** Every solver of this suite under its stable name, with default options. */
    public static SolverRegistry defaults() {
        return BuiltInSolvers.REGISTRY;
    }

    /**
     * A copy that also maps {@code name} to a solver without options as data (the factory's
     * solver is used as it is; a variant of it may not set options).
     */
    public SolverRegistry with(String name, Supplier<? extends SparseSolver> factory) {
        Checks.requireNonNull("factory", factory);
        return put(name, new Entry(null, (options, inner) -> factory.get(), false, null));
    }

    /**
     * A copy that also maps {@code name} to a solver built from its options record:
     * {@code type} with default value {@code defaults}, built by {@code factory}.
     */
    public <O extends Record> SolverRegistry with(String name, Class<O> type, O defaults,
                                                  Function<? super O, ? extends SparseSolver> factory) {
        Checks.requireNonNull("factory", factory);
        return put(name, new Entry(OptionSchema.of(type, defaults), (options, inner) -> factory.apply(type.cast(options)),
                false, null));
    }

    /**
     * A copy that also maps {@code name} to a post-processor of another solver (SEA after ALG):
     * {@code factory} receives the options and the inner solver, which is {@code null} when
     * neither the variant nor {@code defaultInner} (may be null) names one.
     */
    public <O extends Record> SolverRegistry withPostProcessor(String name, Class<O> type, O defaults,
                                                               String defaultInner,
                                                               BiFunction<? super O, SparseSolver, ? extends SparseSolver> factory) {
        Checks.requireNonNull("factory", factory);
        return put(name, new Entry(OptionSchema.of(type, defaults),
                (options, inner) -> factory.apply(type.cast(options), inner), true, defaultInner));
    }

    private SolverRegistry put(String name, Entry entry) {
        Checks.requireNonNull("name", name);
        if (!name.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException(
                    "name must be lowercase letters, digits, '-', '_' or '.': '" + name + "'");
        }
        if (entry.defaultInner != null && !entries.containsKey(entry.defaultInner)) {
            throw new IllegalArgumentException("default inner solver '" + entry.defaultInner + "' of " + name
                    + " is not registered; register it first");
        }
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        copy.put(name, entry);
        return new SolverRegistry(copy);
    }

    /** The solver called {@code name}, with its default options. */
    public SparseSolver create(String name) {
        return create(SolverVariant.of(name));
    }

    /**
     * The solver {@code variant} describes. Every error — unknown algorithm, unknown option,
     * wrong type, out-of-range value, an inner solver where none is accepted, an unknown inner
     * solver — names the solver, the option and the value and lists what is valid.
     */
    public SparseSolver create(SolverVariant variant) {
        Checks.requireNonNull("variant", variant);
        Entry entry = entry(variant);
        Record options = options(variant, entry);
        SparseSolver inner = null;
        if (variant.inner() != null) {
            inner = create(variant.inner());
        } else if (entry.defaultInner != null) {
            inner = create(entry.defaultInner);
        }
        return entry.factory.apply(options, inner);
    }

    /**
     * What {@code variant} computes, with every option spelled out (defaults included) and the
     * inner solver resolved: the identity under which its trials are stored. The label is left
     * out, so relabelling a variant reuses its trials, while changing any option — or a
     * default, in a later version of the code — does not.
     */
    public ObjectNode identity(SolverVariant variant) {
        Checks.requireNonNull("variant", variant);
        Entry entry = entry(variant);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("algorithm", variant.algorithm());
        if (entry.schema != null) {
            node.set("options", toJson(entry, options(variant, entry)));
        }
        if (variant.inner() != null) {
            node.set("inner", identity(variant.inner()));
        } else if (entry.defaultInner != null) {
            node.set("inner", identity(SolverVariant.of(entry.defaultInner)));
        }
        return node;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ObjectNode toJson(Entry entry, Record options) {
        return ((OptionSchema) entry.schema).toJson(options);
    }

    private Record options(SolverVariant variant, Entry entry) {
        if (entry.schema == null) {
            if (!variant.options().isEmpty()) {
                throw new IllegalArgumentException(variant.describe() + ": algorithm " + variant.algorithm()
                        + " takes no options as data; given " + variant.options());
            }
            return null;
        }
        return entry.schema.apply(variant.options(), variant.describe());
    }

    private Entry entry(SolverVariant variant) {
        Entry entry = entries.get(variant.algorithm());
        if (entry == null) {
            throw new IllegalArgumentException(variant.describe() + ": unknown algorithm '" + variant.algorithm()
                    + "'; known algorithms: " + String.join(", ", names()));
        }
        if (variant.inner() != null && !entry.postProcessor) {
            throw new IllegalArgumentException(variant.describe() + ": algorithm " + variant.algorithm()
                    + " does not run after another solver, so it takes no 'inner'; post-processors: "
                    + String.join(", ", postProcessors()));
        }
        return entry;
    }

    /**
     * The JSON value of option {@code option} of {@code algorithm} written as text on a command
     * line, checked against the option's type.
     */
    public JsonNode parseOption(String algorithm, String option, String text) {
        Entry entry = entry(SolverVariant.of(algorithm));
        if (entry.schema == null) {
            throw new IllegalArgumentException("algorithm " + algorithm + " takes no options as data");
        }
        return entry.schema.parse(option, text, "algorithm " + algorithm);
    }

    /** The options of {@code name} (empty for a solver registered without an options record). */
    public List<OptionDescription> options(String name) {
        Entry entry = entry(SolverVariant.of(name));
        return entry.schema == null ? List.of() : entry.schema.describe();
    }

    /** Whether {@code name} runs after another solver (and so accepts an {@code inner} solver). */
    public boolean isPostProcessor(String name) {
        return entry(SolverVariant.of(name)).postProcessor;
    }

    /** The inner solver {@code name} runs after by default, or {@code null}. */
    public String defaultInner(String name) {
        return entry(SolverVariant.of(name)).defaultInner;
    }

    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** The names in registration order. */
    public Set<String> names() {
        return entries.keySet();
    }

    private List<String> postProcessors() {
        return entries.entrySet().stream().filter(e -> e.getValue().postProcessor).map(Map.Entry::getKey).toList();
    }
}
