package io.sparserepro.algorithms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.core.Checks;
import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A solver as data: a registered algorithm, the options that differ from its defaults, and for
 * a post-processor such as SEA the inner solver, itself a variant. The label is the name that
 * result files and legends show (e.g. {@code SEA_OMP T=3000}); it is not part of what the
 * solver computes, so two variants that differ only by label produce the same trials.
 *
 * <p>In a declaration a variant is either the algorithm's name ({@code "omp"}) or an object:
 * <pre>{@code
 * {"label": "SEA_OMP T=3000", "algorithm": "sea-omp",
 *  "options": {"maxIterations": 3000},
 *  "inner": {"algorithm": "omp", "options": {"residualTolerance": 1e-10}}}
 * }</pre>
 * Options and inner solver are checked against a {@link SolverRegistry} when the declaration
 * is read ({@link SolverRegistry#create(SolverVariant)}).
 *
 * @param label     the name in result files and legends: non-empty, no control characters
 * @param algorithm the registered algorithm's name
 * @param options   option name → JSON scalar, only those that differ from the defaults (sorted)
 * @param inner     the inner solver of a post-processor, or {@code null} for the registry's default
 */
public record SolverVariant(String label, String algorithm, SortedMap<String, JsonNode> options,
                            SolverVariant inner) {
    private static final Set<String> FIELDS = Set.of("label", "algorithm", "options", "inner");

    public SolverVariant {
        Checks.requireNonNull("label", label);
        Checks.requireNonNull("algorithm", algorithm);
        Checks.requireNonNull("options", options);
        if (label.isBlank() || label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a solver label must be non-empty text without control characters: '"
                    + label + "'");
        }
        SortedMap<String, JsonNode> copy = new TreeMap<>();
        options.forEach((name, value) -> {
            Checks.requireNonNull("option " + name, value);
            if (!value.isValueNode() || value.isNull()) {
                throw new IllegalArgumentException("solver '" + label + "': option " + name
                        + " must be a number, a string or a boolean: " + value);
            }
            copy.put(name, value.deepCopy());
        });
        options = Collections.unmodifiableSortedMap(copy);
    }

    /** The algorithm {@code name} with its defaults, labelled by its name. */
    public static SolverVariant of(String algorithm) {
        return new SolverVariant(algorithm, algorithm, new TreeMap<>(), null);
    }

    /** Whether this is just a name: default options, default inner solver, labelled by the name. */
    public boolean isPlain() {
        return options.isEmpty() && inner == null && label.equals(algorithm);
    }

    /** A copy with another label. */
    public SolverVariant withLabel(String value) {
        return new SolverVariant(value, algorithm, options, inner);
    }

    /** A copy with option {@code name} set to {@code value} (a JSON scalar). */
    public SolverVariant withOption(String name, JsonNode value) {
        SortedMap<String, JsonNode> copy = new TreeMap<>(options);
        copy.put(Checks.requireNonNull("name", name), value);
        return new SolverVariant(label, algorithm, copy, inner);
    }

    /** A copy with option {@code name} set to a Java value: a number, a boolean, an enum constant or text. */
    public SolverVariant withOption(String name, Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonNode json;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json = nodes.numberNode(((Number) value).longValue());
        } else if (value instanceof Number) {
            json = nodes.numberNode(((Number) value).doubleValue());
        } else if (value instanceof Boolean) {
            json = nodes.booleanNode((Boolean) value);
        } else if (value instanceof Enum<?>) {
            json = nodes.textNode(((Enum<?>) value).name());
        } else if (value instanceof String) {
            json = nodes.textNode((String) value);
        } else {
            throw new IllegalArgumentException(describe() + ": option " + name
                    + " must be a number, a boolean, an enum constant or text: " + value);
        }
        return withOption(name, json);
    }

    /** A copy with another inner solver. */
    public SolverVariant withInner(SolverVariant value) {
        return new SolverVariant(label, algorithm, options, value);
    }

    /**
     * The declaration form: the name alone for a plain variant, else an object with fields in
     * a fixed order and options sorted by name (so that the JSON, and the hash of a declaration
     * holding it, do not depend on how the user ordered or spaced it).
     */
    public JsonNode canonicalJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (isPlain()) {
            return nodes.textNode(algorithm);
        }
        ObjectNode node = nodes.objectNode();
        node.put("label", label);
        node.put("algorithm", algorithm);
        if (!options.isEmpty()) {
            ObjectNode o = node.putObject("options");
            options.forEach(o::set);
        }
        if (inner != null) {
            node.set("inner", inner.canonicalJson());
        }
        return node;
    }

    /**
     * A variant from its declaration form (see the class comment); {@code where} names the
     * place for messages (e.g. {@code my.json: solvers[2]}). The label defaults to the name.
     */
    public static SolverVariant fromJson(JsonNode json, String where) {
        Checks.requireNonNull("json", json);
        if (json.isTextual()) {
            return of(json.textValue());
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException(where + ": a solver is an algorithm name or an object with "
                    + "\"algorithm\" (and optional \"label\", \"options\", \"inner\"): " + json);
        }
        for (var it = json.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(where + ": unknown field '" + field
                        + "' in a solver; the fields are label, algorithm, options, inner");
            }
        }
        JsonNode algorithm = json.path("algorithm");
        if (!algorithm.isTextual()) {
            throw new IllegalArgumentException(where + ": a solver object needs \"algorithm\": a registered name; "
                    + "found " + (algorithm.isMissingNode() ? "none" : algorithm.toString()));
        }
        JsonNode label = json.path("label");
        if (!label.isMissingNode() && !label.isTextual()) {
            throw new IllegalArgumentException(where + ": \"label\" must be a string: " + label);
        }
        SortedMap<String, JsonNode> options = new TreeMap<>();
        JsonNode given = json.path("options");
        if (!given.isMissingNode()) {
            if (!given.isObject()) {
                throw new IllegalArgumentException(where + ": \"options\" must be an object of name: value; found "
                        + given);
            }
            given.fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue()));
        }
        JsonNode inner = json.path("inner");
        String name = label.isMissingNode() ? algorithm.textValue() : label.textValue();
        return new SolverVariant(name, algorithm.textValue(), options,
                inner.isMissingNode() ? null : fromJson(inner, where + ".inner"));
    }

    /** {@code label} or, when it differs, {@code label (algorithm)}: how messages name this solver. */
    public String describe() {
        return "solver '" + label + "'" + (label.equals(algorithm) ? "" : " (" + algorithm + ")");
    }
}
