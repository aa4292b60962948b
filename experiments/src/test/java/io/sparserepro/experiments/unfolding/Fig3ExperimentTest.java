package io.sparserepro.experiments.unfolding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparserepro.algorithms.unfolding.net.TrainedWeights;
import io.sparserepro.algorithms.unfolding.net.WeightsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Fig. 3 experiment end to end on small sets: files, learning, reuse, resume. */
class Fig3ExperimentTest {
    /** IHT-Net at the paper's sizes but 256/128/64 samples and 20 epochs: seconds, and it learns. */
    private static final Fig3Spec IHT = Fig3Spec.paper(Fig3Spec.Network.IHT_NET).withSizes(256, 128, 64)
            .withEpochs(20, 10);
    private static final Fig3Spec OMP = Fig3Spec.paper(Fig3Spec.Network.OMP_NET).withSizes(128, 64, 32)
            .withEpochs(4, 2);

    @Test
    void ihtNetLearnsAndTheFilesDescribeTheRun(@TempDir Path dir) throws Exception {
        Fig3Experiment.Outcome outcome = Fig3Experiment.run(IHT, dir, 2, null, null);
        assertTrue(outcome.finished());
        assertFalse(outcome.reused());
        JsonNode run = new ObjectMapper().readTree(dir.resolve(Fig3Experiment.RECORD).toFile());
        double initial = run.path("training").path("initialValidationLoss").asDouble();
        double best = run.path("training").path("bestValidationLoss").asDouble();
        // Measured: the paper's recipe takes IHT-Net's validation MSE from 5.3e-2 (all-ones
        // weights, plain Soft-IHT) to 0.41× in 12 epochs with one build and to 0.62× in 20 with
        // another: the first RMSprop steps (±lr/√(1−α) = ±0.1 on every weight) overshoot, and
        // round-off-level changes in the kernels move the trajectory that follows. 0.8× holds
        // for both while failing a trainer that does not learn (which stays at or above 1×).
        assertTrue(best < 0.8 * initial, "best " + best + " vs initial " + initial);

        List<Fig3Results.Epoch> epochs = Fig3Results.readLosses(dir);
        assertEquals(20, epochs.size());
        assertEquals(best, epochs.stream().mapToDouble(Fig3Results.Epoch::validationLoss).min().orElseThrow());
        List<Fig3Results.Weight> weights = Fig3Results.readWeights(dir);
        assertEquals(256, weights.size());
        assertEquals(20, weights.stream().filter(Fig3Results.Weight::hidden).count());
        Map<String, double[]> errors = Fig3Results.readRelativeErrors(dir, "test");
        assertEquals(List.of("IHT", "IHT-Net (initial)", "IHT-Net", "WIHT (learned)", "WIHT (oracle)",
                "Soft-IHT (oracle)", "WIHT (frequency)", "Soft-IHT (frequency)"), List.copyOf(errors.keySet()));
        assertEquals(64, errors.get("IHT-Net").length);
        // The net's validation row is the loss the trainer selected on: two computations of one number.
        Fig3Results.Summary net = Fig3Results.readSummary(dir).stream()
                .filter(s -> s.set().equals("validation") && s.algorithm().equals("IHT-Net")).findFirst().orElseThrow();
        assertEquals(best, net.mse(), 1e-12 * best);
        // The weights file holds the selected weights, reusable by `solve --algorithm iht-net`.
        TrainedWeights file = WeightsFiles.read(dir.resolve(Fig3Experiment.WEIGHTS_FILE), "iht-net", 256);
        double[] learned = weights.stream().mapToDouble(Fig3Results.Weight::learned).toArray();
        assertArrayEquals(learned, file.weights());
        assertEquals(run.path("training").path("bestEpoch").asInt(), file.bestEpoch());
    }

    @Test
    void aFinishedRunIsReusedAndAnotherSpecIsNot(@TempDir Path dir) throws Exception {
        Fig3Experiment.run(OMP, dir, 1, null, null);
        String summary = Files.readString(dir.resolve(Fig3Results.SUMMARY));
        assertTrue(Fig3Experiment.run(OMP, dir, 2, null, null).reused());
        assertEquals(summary, Files.readString(dir.resolve(Fig3Results.SUMMARY)));
        assertFalse(Fig3Experiment.isFinished(dir, OMP.withSeed(99)));
    }

    @Test
    void aStoppedRunResumesToTheSameResults(@TempDir Path dir) throws Exception {
        Path straight = dir.resolve("straight");
        Path stopped = dir.resolve("stopped");
        Fig3Experiment.run(OMP, straight, 2, null, null);
        AtomicInteger polls = new AtomicInteger();
        Fig3Experiment.Outcome first = Fig3Experiment.run(OMP, stopped, 1, null, () -> polls.incrementAndGet() >= 2);
        assertFalse(first.finished());
        assertFalse(Files.exists(stopped.resolve(Fig3Results.SUMMARY)));
        Fig3Experiment.Outcome second = Fig3Experiment.run(OMP, stopped, 2, null, null);
        assertTrue(second.finished());
        for (String file : new String[] {Fig3Results.WEIGHTS, Fig3Results.ERRORS, Fig3Results.SUMMARY}) {
            assertEquals(Files.readString(straight.resolve(file)), Files.readString(stopped.resolve(file)), file);
        }
        List<Fig3Results.Epoch> a = Fig3Results.readLosses(straight);
        List<Fig3Results.Epoch> b = Fig3Results.readLosses(stopped);
        assertEquals(a, b);
    }
}
