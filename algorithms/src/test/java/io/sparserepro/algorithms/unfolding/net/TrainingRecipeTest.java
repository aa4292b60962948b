package io.sparserepro.algorithms.unfolding.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparserepro.algorithms.options.Option;
import io.sparserepro.algorithms.unfolding.net.TrainingRecipe.SelectionRule;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingRecipeTest {
    @Test
    void paperRecipeIsTheAuthors() {
        TrainingRecipe r = TrainingRecipe.paper();
        assertEquals(1000, r.epochs());
        assertEquals(64, r.batchSize());
        assertEquals(1e-2, r.learningRate());
        assertEquals(500, r.decayEvery());
        assertEquals(0.5, r.decayFactor());
        assertEquals(1.0, r.clipNorm());
        assertEquals(0.99, r.rmsAlpha());
        assertEquals(1e-8, r.rmsEpsilon());
        assertEquals(SelectionRule.BEST_VALIDATION_EVERY_EPOCH, r.selection());
        for (RecordComponent c : TrainingRecipe.class.getRecordComponents()) {
            assertTrue(c.isAnnotationPresent(Option.class), c.getName() + " is documented");
        }
    }

    @Test
    void stepScheduleHalvesEvery500Epochs() {
        // StepLR(step_size = 500, gamma = 0.5) from 1e-2, epochs counted from 0.
        TrainingRecipe r = TrainingRecipe.paper();
        assertEquals(0.01, r.learningRateAt(0), 0.0);
        assertEquals(0.01, r.learningRateAt(499), 0.0);
        assertEquals(0.005, r.learningRateAt(500), 0.0);
        assertEquals(0.005, r.learningRateAt(999), 0.0);
        assertEquals(0.0025, r.learningRateAt(1000), 0.0);
        TrainingRecipe fast = r.withDecay(3, 0.1);
        assertEquals(0.01, fast.learningRateAt(2), 0.0);
        assertEquals(0.01 * 0.1, fast.learningRateAt(3), 0.0);
        assertEquals(0.01 * 0.1 * 0.1, fast.learningRateAt(8), 0.0); // chained, as PyTorch multiplies
    }

    @Test
    void authorsRuleCandidatesAreTheirCheckpointEpochs() {
        // Their files epoch_10 … epoch_990 are saved after the epochs of 0-based index 10, 20, …
        SelectionRule authors = SelectionRule.BEST_VALIDATION_EVERY_10_EPOCHS;
        assertFalse(authors.isCandidate(1));
        assertFalse(authors.isCandidate(10));
        assertTrue(authors.isCandidate(11));
        assertFalse(authors.isCandidate(20));
        assertTrue(authors.isCandidate(991));
        assertFalse(authors.isCandidate(1000));
        assertTrue(SelectionRule.BEST_VALIDATION_EVERY_EPOCH.isCandidate(1));
    }

    @Test
    void schemaRoundTripsAndTrajectoryIgnoresLengthAndCadence() {
        TrainingRecipe r = TrainingRecipe.paper().withSeed(-7L).withSelection(SelectionRule.BEST_VALIDATION_EVERY_10_EPOCHS);
        JsonNode json = TrainingRecipe.schema().toJson(r);
        Map<String, JsonNode> given = new LinkedHashMap<>();
        json.fields().forEachRemaining(e -> given.put(e.getKey(), e.getValue()));
        assertEquals(r, TrainingRecipe.schema().apply(given, "test"));
        assertTrue(r.sameTrajectory(r.withEpochs(20).withCheckpointEvery(3)));
        assertFalse(r.sameTrajectory(r.withSeed(8)));
        assertFalse(r.sameTrajectory(r.withLearningRate(0.02)));
        assertFalse(r.sameTrajectory(r.withSelection(SelectionRule.BEST_VALIDATION_EVERY_EPOCH)));
    }

    @Test
    void rejectsBadValuesNamingThem() {
        TrainingRecipe p = TrainingRecipe.paper();
        assertMessage("learningRate", () -> p.withLearningRate(-0.01));
        assertMessage("learningRate", () -> p.withLearningRate(0));
        assertMessage("learningRate", () -> p.withLearningRate(Double.NaN));
        assertMessage("learningRate", () -> p.withLearningRate(Double.POSITIVE_INFINITY));
        assertMessage("batchSize", () -> p.withBatchSize(0));
        assertMessage("epochs", () -> p.withEpochs(0));
        assertMessage("decayEvery", () -> p.withDecay(0, 0.5));
        assertMessage("decayFactor", () -> p.withDecay(5, 0));
        assertMessage("decayFactor", () -> p.withDecay(5, 1.5));
        assertMessage("clipNorm", () -> p.withClipNorm(-1));
        assertMessage("checkpointEvery", () -> p.withCheckpointEvery(0));
        assertMessage("rmsAlpha", () -> new TrainingRecipe(10, 8, 0.01, 5, 0.5, 1, 1.0, 1e-8, 0, 1,
                SelectionRule.BEST_VALIDATION_EVERY_EPOCH));
        assertMessage("rmsEpsilon", () -> new TrainingRecipe(10, 8, 0.01, 5, 0.5, 1, 0.99, 0, 0, 1,
                SelectionRule.BEST_VALIDATION_EVERY_EPOCH));
        assertMessage("selection", () -> p.withSelection(null));
        assertMessage("epochs must be at least 11",
                () -> p.withSelection(SelectionRule.BEST_VALIDATION_EVERY_10_EPOCHS).withEpochs(10));
        assertMessage("epochIndex", () -> p.learningRateAt(-1));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
