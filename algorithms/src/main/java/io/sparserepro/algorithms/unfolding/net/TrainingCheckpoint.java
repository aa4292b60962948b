package io.sparserepro.algorithms.unfolding.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a {@link Trainer} needs to carry on after {@code epochsCompleted} epochs and end
 * with the bits an uninterrupted run ends with: the weights, RMSprop's square averages, the
 * best weights so far and the history. The learning-rate schedule's position and the shuffling
 * generator's state are both the epoch: the learning rate of epoch e is a function of e, and
 * the permutation of epoch e is drawn from a generator seeded by (seed, e) alone.
 *
 * <p>File format (JSON, written atomically, see {@link #FORMAT}): {@code format},
 * {@code version}, {@code network} {name, parameters, configuration, operatorFingerprint},
 * {@code data} {trainingSamples, validationSamples, fingerprint}, {@code recipe} (the
 * {@link TrainingRecipe} as its option schema writes it), {@code epochsCompleted},
 * {@code nextLearningRate} (informative), {@code shuffling} (a sentence), {@code weights},
 * {@code rmsSquareAverages}, {@code initialValidationLoss}, {@code best} (null or {epoch,
 * validationLoss, weights}), {@code history} (one object per epoch, the fields of
 * {@link EpochRecord}), and last {@code checksum} (SHA-256 of the rest, see
 * {@link NetJson#withChecksum}).
 */
record TrainingCheckpoint(String network, int parameters, JsonNode configuration, String operatorFingerprint,
                          int trainingSamples, int validationSamples, String dataFingerprint, TrainingRecipe recipe,
                          int epochsCompleted, double[] weights, double[] squareAverages,
                          double initialValidationLoss, int bestEpoch, double bestValidationLoss,
                          double[] bestWeights, List<EpochRecord> history) {
    static final String FORMAT = "sparse-repro unrolled-network training checkpoint";
    static final int VERSION = 1;

    String toJson() {
        ObjectNode root = NetJson.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ObjectNode net = root.putObject("network");
        net.put("name", network);
        net.put("parameters", parameters);
        net.set("configuration", configuration);
        net.put("operatorFingerprint", operatorFingerprint);
        ObjectNode data = root.putObject("data");
        data.put("trainingSamples", trainingSamples);
        data.put("validationSamples", validationSamples);
        data.put("fingerprint", dataFingerprint);
        root.set("recipe", TrainingRecipe.schema().toJson(recipe));
        root.put("epochsCompleted", epochsCompleted);
        root.put("nextLearningRate", recipe.learningRateAt(epochsCompleted));
        root.put("shuffling", "the permutation of epoch e (0-based) is Fisher-Yates driven by "
                + "Seeds.rng(recipe.seed, e): the epoch is the generator's whole state");
        root.set("weights", NetJson.doubles(weights));
        root.set("rmsSquareAverages", NetJson.doubles(squareAverages));
        root.put("initialValidationLoss", initialValidationLoss);
        if (bestWeights == null) {
            root.putNull("best");
        } else {
            ObjectNode best = root.putObject("best");
            best.put("epoch", bestEpoch);
            best.put("validationLoss", bestValidationLoss);
            best.set("weights", NetJson.doubles(bestWeights));
        }
        ArrayNode h = root.putArray("history");
        for (EpochRecord r : history) {
            ObjectNode o = h.addObject();
            o.put("epoch", r.epoch());
            o.put("learningRate", r.learningRate());
            o.put("trainingLoss", r.trainingLoss());
            o.put("validationLoss", r.validationLoss());
            o.put("gradientNorm", r.gradientNorm());
            o.put("wallSeconds", r.wallSeconds());
        }
        return NetJson.withChecksum(root);
    }

    void write(Path file) {
        AtomicFiles.writeText(file, toJson());
    }

    /**
     * Reads a checkpoint; any damage (not JSON, truncated, checksum mismatch, a missing or
     * ill-typed field, inconsistent lengths) is an {@link IllegalArgumentException} whose
     * message says what is wrong.
     */
    static TrainingCheckpoint read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read it: " + e.getMessage());
        }
        return parse(text);
    }

    static TrainingCheckpoint parse(String text) {
        JsonNode parsed = NetJson.parse(text);
        if (!(parsed instanceof ObjectNode root)) {
            throw new IllegalArgumentException("it is not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new IllegalArgumentException("it is not a training checkpoint (field 'format' is not '" + FORMAT + "')");
        }
        if (NetJson.integer(root, "version") != VERSION) {
            throw new IllegalArgumentException("it has format version " + root.get("version")
                    + ", this build reads version " + VERSION);
        }
        String problem = NetJson.checksumProblem(root);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        JsonNode net = NetJson.field(root, "network");
        JsonNode data = NetJson.field(root, "data");
        int parameters = NetJson.integer(net, "parameters");
        TrainingRecipe recipe = recipe(NetJson.field(root, "recipe"));
        int epochs = NetJson.integer(root, "epochsCompleted");
        double[] weights = lengthChecked(NetJson.doubles(root, "weights"), "weights", parameters);
        double[] squares = lengthChecked(NetJson.doubles(root, "rmsSquareAverages"), "rmsSquareAverages", parameters);
        JsonNode best = root.get("best");
        int bestEpoch = 0;
        double bestLoss = Double.NaN;
        double[] bestWeights = null;
        if (best != null && !best.isNull()) {
            bestEpoch = NetJson.integer(best, "epoch");
            bestLoss = NetJson.number(best, "validationLoss");
            bestWeights = lengthChecked(NetJson.doubles(best, "weights"), "best.weights", parameters);
            if (bestEpoch < 1 || bestEpoch > epochs) {
                throw new IllegalArgumentException("best.epoch must be in [1, " + epochs + "]: " + bestEpoch);
            }
        }
        JsonNode h = NetJson.field(root, "history");
        if (!h.isArray() || h.size() != epochs) {
            throw new IllegalArgumentException("field 'history' must hold " + epochs + " epochs (epochsCompleted)");
        }
        List<EpochRecord> history = new ArrayList<>(epochs);
        for (int i = 0; i < epochs; i++) {
            JsonNode o = h.get(i);
            EpochRecord r = new EpochRecord(NetJson.integer(o, "epoch"), NetJson.number(o, "learningRate"),
                    NetJson.number(o, "trainingLoss"), NetJson.number(o, "validationLoss"),
                    NetJson.number(o, "gradientNorm"), NetJson.number(o, "wallSeconds"));
            if (r.epoch() != i + 1) {
                throw new IllegalArgumentException("history[" + i + "].epoch must be " + (i + 1) + ": " + r.epoch());
            }
            history.add(r);
        }
        return new TrainingCheckpoint(NetJson.text(net, "name"), parameters, NetJson.field(net, "configuration"),
                NetJson.text(net, "operatorFingerprint"), NetJson.integer(data, "trainingSamples"),
                NetJson.integer(data, "validationSamples"), NetJson.text(data, "fingerprint"), recipe, epochs,
                weights, squares, NetJson.number(root, "initialValidationLoss"), bestEpoch, bestLoss, bestWeights,
                history);
    }

    private static TrainingRecipe recipe(JsonNode node) {
        Map<String, JsonNode> given = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            given.put(e.getKey(), e.getValue());
        }
        return TrainingRecipe.schema().apply(given, "checkpoint recipe");
    }

    private static double[] lengthChecked(double[] values, String name, int parameters) {
        if (values.length != parameters) {
            throw new IllegalArgumentException("field '" + name + "' must hold " + parameters
                    + " numbers (network.parameters): " + values.length);
        }
        return values;
    }

    /**
     * Why this checkpoint cannot be continued by a run with these settings, or null when it can:
     * the network (name, N, configuration, operator), the data and the recipe (all but epochs
     * and checkpointEvery) must be the same.
     */
    String mismatch(String name, int n, JsonNode config, String operator, int nTrain, int nVal, String data,
                    TrainingRecipe wanted) {
        if (!network.equals(name)) {
            return "it was written for network " + network + ", not " + name;
        }
        if (parameters != n) {
            return "it was written for N = " + parameters + " weights, not " + n;
        }
        if (!configuration.equals(config)) {
            return "its network configuration " + configuration + " differs from " + config;
        }
        if (!operatorFingerprint.equals(operator)) {
            return "it was written for another measurement operator A (fingerprint differs)";
        }
        if (trainingSamples != nTrain || validationSamples != nVal || !dataFingerprint.equals(data)) {
            return "it was written for other data (" + trainingSamples + " training / " + validationSamples
                    + " validation samples, fingerprint " + abbreviate(dataFingerprint) + "; now " + nTrain + " / "
                    + nVal + ", fingerprint " + abbreviate(data) + ")";
        }
        if (!recipe.sameTrajectory(wanted)) {
            return "it was written under another recipe (" + recipeDifferences(recipe, wanted) + ")";
        }
        return null;
    }

    private static String abbreviate(String fingerprint) {
        return fingerprint.length() > 12 ? fingerprint.substring(0, 12) + "…" : fingerprint;
    }

    private static String recipeDifferences(TrainingRecipe had, TrainingRecipe wanted) {
        ObjectNode a = TrainingRecipe.schema().toJson(had);
        ObjectNode b = TrainingRecipe.schema().toJson(wanted);
        List<String> diffs = new ArrayList<>();
        for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
            String n = names.next();
            if (!n.equals("epochs") && !n.equals("checkpointEvery") && !a.get(n).equals(b.get(n))) {
                diffs.add(n + " " + a.get(n) + " there, " + b.get(n) + " now");
            }
        }
        return String.join(", ", diffs);
    }
}
