package io.sparserepro.algorithms.unfolding.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The JSON conventions of the training files (checkpoints, weights files). Doubles are written
 * by {@link Double#toString} (Jackson's default), which names the nearest decimal that parses
 * back to the same double, and read by {@link Double#parseDouble}: a finite double round-trips
 * bit for bit. NaN and infinities are never written (JSON has no number for them).
 */
final class NetJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private NetJson() {
    }

    static ArrayNode doubles(double[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("cannot write a non-finite number to JSON: " + v);
            }
            a.add(v);
        }
        return a;
    }

    static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * {@code body} as text with a last field {@code checksum}: the SHA-256 of the body's
     * canonical text (pretty-printed after one parse, so that reading the file and printing it
     * again without the checksum gives the same bytes). A flipped digit, a lost line or a
     * truncation then fails the check instead of being read as valid numbers.
     */
    static String withChecksum(ObjectNode body) {
        ObjectNode canonical = (ObjectNode) parse(pretty(body));
        canonical.put("checksum", sha256(pretty(canonical)));
        return pretty(canonical) + "\n";
    }

    /** The checksum recorded in {@code node} if it matches the rest of the content, else a reason. */
    static String checksumProblem(ObjectNode node) {
        JsonNode recorded = node.get("checksum");
        if (recorded == null || !recorded.isTextual()) {
            return "it has no checksum field";
        }
        ObjectNode body = node.deepCopy();
        body.remove("checksum");
        String actual = sha256(pretty(body));
        return actual.equals(recorded.textValue()) ? null
                : "its checksum does not match its content (the file was edited or damaged)";
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            // Jackson's own location text names a redacted source; say it in the file's terms.
            String what = e.getOriginalMessage().replaceAll(
                    "\\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)",
                    "(opened at line $1, column $2)");
            if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException || what.contains("end-of-input")) {
                what += " (the file is truncated)";
            } else if (what.startsWith("Non-standard token")) {
                what = "NaN and Infinity are not JSON numbers (" + what.substring(0, what.indexOf(':')) + ")";
            }
            throw new IllegalArgumentException(what + " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        }
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** A required field of {@code node}, or an error naming it. */
    static JsonNode field(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return v;
    }

    static String text(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + name + "' must be text, not " + v);
        }
        return v.textValue();
    }

    static int integer(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("field '" + name + "' must be an integer, not " + v);
        }
        return v.intValue();
    }

    static double number(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new IllegalArgumentException("field '" + name + "' must be a finite number, not " + v);
        }
        return v.doubleValue();
    }

    /** A required array of finite numbers, or an error naming the field and the bad entry. */
    static double[] doubles(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isArray()) {
            throw new IllegalArgumentException("field '" + name + "' must be an array of numbers, not "
                    + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            // "NaN" / "Infinity" as strings, or Jackson's non-standard NaN tokens, are not numbers here.
            if (!e.isNumber()) {
                throw new IllegalArgumentException("field '" + name + "' must hold finite numbers only, but "
                        + name + "[" + i + "] = " + e + " is not a number");
            }
            if (!Double.isFinite(e.doubleValue())) {
                throw new IllegalArgumentException("field '" + name + "' must hold finite numbers only, but "
                        + name + "[" + i + "] overflows a double (|value| > 1.8e308)");
            }
            out[i] = e.doubleValue();
        }
        return out;
    }
}
