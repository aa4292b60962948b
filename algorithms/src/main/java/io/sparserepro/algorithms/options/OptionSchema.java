package io.sparserepro.algorithms.options;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.core.Checks;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one conversion between options as data (JSON from a declaration, {@code NAME=VALUE}
 * text from the command line) and a solver's options record.
 *
 * <p>Options given as data are laid over the record's defaults and the record is built by
 * Jackson's record support, so the record's compact constructor validates the result exactly
 * as it validates options built in Java. Before that, every given option is checked here by
 * name and type, so a typo or a wrong type is reported with the option, the value and the
 * list of valid options instead of a parser's message. Conversions are strict: a string is
 * never a number, a fraction never an integer, and only {@code true}/{@code false} are
 * booleans.
 *
 * @param <O> the options record
 */
public final class OptionSchema<O extends Record> {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Class<O> type;
    private final O defaults;
    private final ObjectNode defaultsJson;
    private final Map<String, RecordComponent> components = new LinkedHashMap<>();
    private final List<OptionDescription> descriptions = new ArrayList<>();

    private OptionSchema(Class<O> type, O defaults) {
        this.type = Checks.requireNonNull("type", type);
        this.defaults = Checks.requireNonNull("defaults", defaults);
        if (!type.isInstance(defaults)) {
            throw new IllegalArgumentException("defaults must be a " + type.getName() + ": " + defaults.getClass().getName());
        }
        this.defaultsJson = JSON.valueToTree(defaults);
        for (RecordComponent c : type.getRecordComponents()) {
            components.put(c.getName(), c);
            Option doc = c.getAnnotation(Option.class);
            descriptions.add(new OptionDescription(c.getName(), typeName(c.getType()), defaultsJson.get(c.getName()),
                    doc == null ? "" : doc.value(), doc == null ? null : doc.origin(), doc == null ? "" : doc.source()));
        }
    }

    /** The schema of the options record {@code type} whose default value is {@code defaults}. */
    public static <O extends Record> OptionSchema<O> of(Class<O> type, O defaults) {
        return new OptionSchema<>(type, defaults);
    }

    public Class<O> type() {
        return type;
    }

    public O defaults() {
        return defaults;
    }

    /** Every option, in the record's order. */
    public List<OptionDescription> describe() {
        return List.copyOf(descriptions);
    }

    /** The option names, in the record's order. */
    public List<String> names() {
        return List.copyOf(components.keySet());
    }

    /** Every option of {@code options} as a JSON object (the form recorded in result files). */
    public ObjectNode toJson(O options) {
        return JSON.valueToTree(Checks.requireNonNull("options", options));
    }

    /**
     * The defaults with {@code given} laid over them, validated.
     *
     * @param given name → value (scalars) to override
     * @param owner who the options belong to, for messages (e.g. {@code solver 'SEA T=3000' (sea-omp)})
     */
    public O apply(Map<String, JsonNode> given, String owner) {
        Checks.requireNonNull("given", given);
        ObjectNode merged = defaultsJson.deepCopy();
        given.forEach((name, value) -> merged.set(name, checked(name, value, owner)));
        try {
            return JSON.treeToValue(merged, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            String reason = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException(owner + ": invalid options " + given + ": " + reason + "; "
                    + validOptions());
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(owner + ": invalid options " + given + ": " + e.getMessage() + "; "
                    + validOptions());
        }
    }

    /**
     * The JSON value of option {@code name} written as {@code text} on a command line
     * ({@code 3000}, {@code 1e-6}, {@code true}, an enum constant in any case), checked.
     */
    public JsonNode parse(String name, String text, String owner) {
        RecordComponent c = component(name, owner);
        Checks.requireNonNull("text", text);
        Class<?> t = c.getType();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String trimmed = text.trim();
        try {
            if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
                return checked(name, nodes.numberNode(Long.parseLong(trimmed)), owner);
            }
            if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
                return checked(name, nodes.numberNode(Double.parseDouble(trimmed)), owner);
            }
        } catch (NumberFormatException e) {
            throw wrongType(name, nodes.textNode(text), c, owner);
        }
        if (t == boolean.class || t == Boolean.class) {
            if (!trimmed.equals("true") && !trimmed.equals("false")) {
                throw wrongType(name, nodes.textNode(text), c, owner);
            }
            return nodes.booleanNode(Boolean.parseBoolean(trimmed));
        }
        return checked(name, nodes.textNode(text), owner);
    }

    /** {@code value} for option {@code name} if its JSON type fits the option's type. */
    private JsonNode checked(String name, JsonNode value, String owner) {
        RecordComponent c = component(name, owner);
        Checks.requireNonNull(name, value);
        Class<?> t = c.getType();
        boolean fits;
        JsonNode result = value;
        if (t == int.class || t == Integer.class) {
            fits = value.isIntegralNumber() && value.canConvertToInt();
        } else if (t == long.class || t == Long.class) {
            fits = value.isIntegralNumber() && value.canConvertToLong();
        } else if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            fits = value.isNumber() && Double.isFinite(value.doubleValue());
        } else if (t == boolean.class || t == Boolean.class) {
            fits = value.isBoolean();
        } else if (t.isEnum()) {
            fits = false;
            if (value.isTextual()) {
                String wanted = value.textValue().trim().replace('-', '_');
                for (Object constant : t.getEnumConstants()) {
                    String constantName = ((Enum<?>) constant).name();
                    if (constantName.equalsIgnoreCase(wanted)) {
                        result = JsonNodeFactory.instance.textNode(constantName);
                        fits = true;
                    }
                }
            }
        } else if (t == String.class) {
            fits = value.isTextual();
        } else {
            fits = true; // a richer type: Jackson converts it and reports what does not fit
        }
        if (!fits) {
            throw wrongType(name, value, c, owner);
        }
        return result;
    }

    private RecordComponent component(String name, String owner) {
        RecordComponent c = components.get(Checks.requireNonNull("option name", name));
        if (c == null) {
            throw new IllegalArgumentException(owner + ": unknown option '" + name + "'; " + validOptions());
        }
        return c;
    }

    private IllegalArgumentException wrongType(String name, JsonNode value, RecordComponent c, String owner) {
        return new IllegalArgumentException(owner + ": option " + name + " must be " + article(typeName(c.getType()))
                + ", not " + value + "; " + validOptions());
    }

    /** {@code valid options: a (int, default 3), b (...)} for messages. */
    public String validOptions() {
        if (descriptions.isEmpty()) {
            return "this algorithm has no options";
        }
        return "valid options: " + descriptions.stream().map(OptionDescription::brief).collect(Collectors.joining(", "));
    }

    private static String article(String typeName) {
        if (typeName.contains("|")) {
            return "one of " + typeName;
        }
        return (typeName.startsWith("int") ? "an " : "a ") + typeName;
    }

    private static String typeName(Class<?> t) {
        if (t == int.class || t == Integer.class) {
            return "int";
        }
        if (t == long.class || t == Long.class) {
            return "long";
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return "double";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "boolean";
        }
        if (t == String.class) {
            return "text";
        }
        if (t.isEnum()) {
            return Arrays.stream(t.getEnumConstants()).map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining("|"));
        }
        return t.getSimpleName();
    }
}
