package io.sparserepro.algorithms.unfolding.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.unfolding.net.TrainingRecipe.SelectionRule;
import io.sparserepro.core.io.DataFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsFilesTest {
    @TempDir
    Path dir;

    private static TrainedWeights weights(double[] w) {
        return new TrainedWeights("omp-net", w.length, Map.of("layers", 10, "tau", 1e-3), w,
                SelectionRule.BEST_VALIDATION_EVERY_10_EPOCHS, 731, 1.25e-5, TrainingRecipe.paper()
                .withSelection(SelectionRule.BEST_VALIDATION_EVERY_10_EPOCHS), "0.1.0 abc123",
                Instant.parse("2026-12-01T07:00:00Z"));
    }

    @Test
    void roundTripIsExact() {
        double[] w = TrainingCheckpointTest.awkwardDoubles(256, 5);
        Path file = dir.resolve("omp-net.weights.json");
        TrainedWeights original = weights(w);
        WeightsFiles.write(file, original);
        TrainedWeights back = WeightsFiles.read(file, "omp-net", 256);
        TrainingCheckpointTest.assertBitsEqual(w, back.weights());
        assertEquals(original.network(), back.network());
        assertEquals(original.parameters(), back.parameters());
        assertEquals(original.configuration(), back.configuration());
        assertEquals(original.selection(), back.selection());
        assertEquals(original.bestEpoch(), back.bestEpoch());
        assertEquals(original.validationLoss(), back.validationLoss(), 0.0);
        assertEquals(original.recipe(), back.recipe());
        assertEquals(original.codeVersion(), back.codeVersion());
        assertEquals(original.created(), back.created());
    }

    @Test
    void outcomeOfATrainingBecomesAWeightsFile() {
        ToyFilterNetwork net = ToyFilterNetwork.gaussian(6, 10, 3);
        TrainingOutcome o = new Trainer(1).train(net, net.samples(20, 4, 2, 1), net.samples(10, 4, 2, 2),
                TrainingRecipe.paper().withEpochs(3).withBatchSize(8), null, null);
        TrainedWeights w = TrainedWeights.of(net, o, null);
        assertEquals("unknown", w.codeVersion());
        assertEquals(o.bestEpoch(), w.bestEpoch());
        TrainingCheckpointTest.assertBitsEqual(o.bestWeights(), w.weights());
    }

    @Test
    void badFilesSayWhatIsWrongAndHowToFixIt() throws IOException {
        Path file = dir.resolve("w.json");
        WeightsFiles.write(file, weights(new double[] {1, 0.5, -0.25, 2}));
        String good = Files.readString(file, StandardCharsets.UTF_8);

        assertBad("does not exist", dir.resolve("missing.json"), null);
        assertBad("is not valid JSON", file, good.substring(0, good.length() / 2));
        assertBad("truncated", file, good.substring(0, good.length() / 2));
        assertBad("is not valid JSON", file, good.replace("-0.25", "NaN"));
        assertBad("NaN and Infinity are not JSON numbers", file, good.replace("-0.25", "Infinity"));
        assertBad("weights[2] = \"NaN\" is not a number", file, good.replace("-0.25", "\"NaN\""));
        assertBad("weights[2] overflows a double", file, good.replace("-0.25", "1e400"));
        assertBad("holds 3 weights but declares N = 4", file, good.replace(", -0.25", ""));
        assertBad("network 'foo-net', which is not known; known networks: iht-net, omp-net", file,
                good.replace("\"omp-net\"", "\"foo-net\""));
        assertBad("field 'weights' is missing", file, good.replaceAll("\"weights\" : \\[[^\\]]*\\],", ""));
        assertBad("is not a weights file", file, "{\"a\": 1}");
        assertBad("must hold a JSON object", file, "[1, 2, 3]");
        assertBad("field 'recipe'", file, good.replace("\"learningRate\" : 0.01", "\"learningRate\" : -0.01"));

        Files.writeString(file, good, StandardCharsets.UTF_8);
        DataFormatException e = assertThrows(DataFormatException.class, () -> WeightsFiles.read(file, "omp-net", 256));
        assertTrue(e.getMessage().contains("holds 4 weights (N = 4) but the problem has N = 256 columns"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> WeightsFiles.read(file, "iht-net", 4));
        assertTrue(e.getMessage().contains("trained for omp-net, not iht-net: use --algorithm omp-net"), e.getMessage());
    }

    @Test
    void rejectsBadWeightsInJava() {
        assertThrows(IllegalArgumentException.class, () -> weights(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new TrainedWeights("omp-net", 3, Map.of(), new double[2],
                SelectionRule.BEST_VALIDATION_EVERY_EPOCH, 1, 0.1, TrainingRecipe.paper(), "", Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> WeightsFiles.read(null));
    }

    private static void assertBad(String expected, Path file, String content) throws IOException {
        if (content != null) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeightsFiles.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
    }
}
