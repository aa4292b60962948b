package io.sparserepro.algorithms.unfolding.net;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.core.Checks;
import io.sparserepro.core.io.AtomicFiles;
import io.sparserepro.core.io.DataFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trained weights as a small JSON file, one per network:
 * <pre>{@code
 * {
 *   "format" : "sparse-repro unrolled-network weights",
 *   "version" : 1,
 *   "network" : "omp-net",
 *   "parameters" : 256,
 *   "configuration" : { ... },
 *   "weights" : [ 1.0, 0.031, ... ],        // N finite numbers, exact (Double.toString)
 *   "selection" : "best_validation_every_epoch",
 *   "bestEpoch" : 734,
 *   "validationLoss" : 1.2E-5,
 *   "recipe" : { "epochs" : 1000, ... },
 *   "codeVersion" : "0.1.0-SNAPSHOT abc1234",
 *   "created" : "2026-12-01T07:00:00Z"
 * }
 * }</pre>
 * Reading checks everything a solver relies on and says what is wrong and how to fix it:
 * malformed JSON (with line and column), a missing field, an unknown network, a weight count
 * that differs from N or from the problem's, NaN or infinite weights.
 */
public final class WeightsFiles {
    static final String FORMAT = "sparse-repro unrolled-network weights";
    static final int VERSION = 1;

    /** The networks a weights file may be for. */
    public static final Set<String> KNOWN_NETWORKS = Set.of("omp-net", "iht-net");

    private WeightsFiles() {
    }

    /** Writes {@code weights} to {@code file}, atomically. */
    public static void write(Path file, TrainedWeights weights) {
        Checks.requireNonNull("file", file);
        Checks.requireNonNull("weights", weights);
        ObjectNode root = NetJson.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("network", weights.network());
        root.put("parameters", weights.parameters());
        root.set("configuration", NetJson.MAPPER.valueToTree(weights.configuration()));
        root.set("weights", NetJson.doubles(weights.weights()));
        root.put("selection", weights.selection().name().toLowerCase(Locale.ROOT));
        root.put("bestEpoch", weights.bestEpoch());
        root.put("validationLoss", weights.validationLoss());
        root.set("recipe", TrainingRecipe.schema().toJson(weights.recipe()));
        root.put("codeVersion", weights.codeVersion());
        root.put("created", weights.created().toString());
        AtomicFiles.writeText(file, NetJson.pretty(root) + "\n");
    }

    /**
     * Reads and checks a weights file for one of {@link #KNOWN_NETWORKS}.
     *
     * @throws IllegalArgumentException (a {@link DataFormatException} for bad content) naming the
     *                                  file, what is wrong and how to fix it
     */
    public static TrainedWeights read(Path file) {
        Checks.requireNonNull("file", file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("weights file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot read weights file " + file + ": permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read weights file " + file + ": "
                    + (Files.isDirectory(file) ? "it is a directory" : e.getMessage()));
        }
        JsonNode root;
        try {
            root = NetJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad(file, "is not valid JSON: " + e.getMessage() + (e.getMessage().startsWith("NaN")
                    ? "; a weights file holds finite numbers only: retrain, or fix the weights by hand" : ""));
        }
        if (!root.isObject()) {
            throw bad(file, "must hold a JSON object, not " + root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw bad(file, "is not a weights file (its field 'format' must be \"" + FORMAT + "\"); "
                    + "write one with the train command");
        }
        try {
            int version = NetJson.integer(root, "version");
            if (version != VERSION) {
                throw new IllegalArgumentException("it has format version " + version + ", this build reads version "
                        + VERSION + "; retrain with this build");
            }
            String network = NetJson.text(root, "network");
            if (!KNOWN_NETWORKS.contains(network)) {
                throw new IllegalArgumentException("it is for network '" + network + "', which is not known; known "
                        + "networks: " + String.join(", ", new TreeSet<>(KNOWN_NETWORKS)));
            }
            int parameters = NetJson.integer(root, "parameters");
            if (parameters < 1) {
                throw new IllegalArgumentException("field 'parameters' (N) must be positive: " + parameters);
            }
            double[] weights = NetJson.doubles(root, "weights");
            if (weights.length != parameters) {
                throw new IllegalArgumentException("it holds " + weights.length + " weights but declares N = "
                        + parameters + " (field 'parameters'); one weight per column of A is needed");
            }
            Map<String, Object> configuration = NetJson.MAPPER.convertValue(NetJson.field(root, "configuration"),
                    new TypeReference<Map<String, Object>>() {
                    });
            TrainingRecipe.SelectionRule selection = selection(NetJson.text(root, "selection"));
            int bestEpoch = NetJson.integer(root, "bestEpoch");
            double validationLoss = NetJson.number(root, "validationLoss");
            TrainingRecipe recipe = recipe(NetJson.field(root, "recipe"));
            String codeVersion = root.path("codeVersion").asText("unknown");
            Instant created;
            try {
                created = Instant.parse(NetJson.text(root, "created"));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("field 'created' must be an ISO-8601 instant such as "
                        + "2026-12-01T07:00:00Z: " + root.get("created"));
            }
            return new TrainedWeights(network, parameters, configuration, weights, selection, bestEpoch,
                    validationLoss, recipe, codeVersion, created);
        } catch (DataFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw bad(file, e.getMessage());
        }
    }

    /**
     * Reads a weights file and checks that it fits the solve it is for: trained for
     * {@code network} and holding {@code parameters} weights (N, the columns of the problem's A).
     */
    public static TrainedWeights read(Path file, String network, int parameters) {
        Checks.requireNonNull("network", network);
        Checks.requirePositive("parameters", parameters);
        TrainedWeights w = read(file);
        if (!w.network().equals(network)) {
            throw bad(file, "holds weights trained for " + w.network() + ", not " + network + ": use --algorithm "
                    + w.network() + ", or weights trained for " + network);
        }
        if (w.parameters() != parameters) {
            throw bad(file, "holds " + w.parameters() + " weights (N = " + w.parameters() + ") but the problem has N = "
                    + parameters + " columns: use weights trained on this problem's operator");
        }
        return w;
    }

    private static TrainingRecipe.SelectionRule selection(String text) {
        for (TrainingRecipe.SelectionRule r : TrainingRecipe.SelectionRule.values()) {
            if (r.name().equalsIgnoreCase(text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("field 'selection' must be best_validation_every_epoch or "
                + "best_validation_every_10_epochs: " + text);
    }

    private static TrainingRecipe recipe(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("field 'recipe' must be an object");
        }
        Map<String, JsonNode> given = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            given.put(e.getKey(), e.getValue());
        }
        return TrainingRecipe.schema().apply(given, "field 'recipe'");
    }

    private static DataFormatException bad(Path file, String what) {
        return new DataFormatException("weights file " + file + " " + (what.startsWith("it ") ? what.substring(3)
                : what.startsWith("is ") || what.startsWith("must ") || what.startsWith("holds ") ? what
                : "is invalid: " + what));
    }
}
