package io.sparserepro.algorithms.unfolding.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.unfolding.net.TrainingRecipe.SelectionRule;
import io.sparserepro.core.complex.ComplexDenseMatrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    private static final ToyFilterNetwork NET = ToyFilterNetwork.gaussian(12, 32, 42);
    // 100 = 6 batches of 16 + a partial batch of 4: the kept last batch is exercised.
    private static final List<TrainingSample> TRAIN = NET.samples(100, 8, 3, 1);
    private static final List<TrainingSample> VALID = NET.samples(40, 8, 3, 2);
    private static final TrainingRecipe RECIPE = new TrainingRecipe(12, 16, 0.02, 5, 0.5, 1.0, 0.99, 1e-8, 7L, 5,
            SelectionRule.BEST_VALIDATION_EVERY_EPOCH);

    @TempDir
    Path dir;

    @Test
    void trainingLowersValidationLoss() {
        TrainingOutcome o = new Trainer(2).train(NET, TRAIN, VALID, RECIPE.withEpochs(30), null, null);
        assertTrue(o.finished());
        assertEquals(30, o.history().size());
        // Off the hidden set the matched filter only adds aliasing; zeroing those weights more than
        // halves the loss on this data (measured: about a fifth of the initial loss after 30 epochs).
        assertTrue(o.bestValidationLoss() < 0.5 * o.initialValidationLoss(),
                o.bestValidationLoss() + " vs initial " + o.initialValidationLoss());
        EpochRecord best = o.history().get(o.bestEpoch() - 1);
        assertEquals(o.bestValidationLoss(), best.validationLoss(), 0.0);
        for (EpochRecord r : o.history()) {
            assertTrue(r.validationLoss() >= o.bestValidationLoss());
        }
        // The hidden indices 0, 3, …, 21 keep clearly larger weights than the rest.
        double hidden = 0;
        double other = 0;
        for (int j = 0; j < 32; j++) {
            boolean isHidden = j % 3 == 0 && j < 24;
            if (isHidden) {
                hidden += Math.abs(o.bestWeights()[j]) / 8;
            } else {
                other += Math.abs(o.bestWeights()[j]) / 24;
            }
        }
        assertTrue(hidden > 2 * other, hidden + " vs " + other);
    }

    @Test
    void threadCountDoesNotChangeABit() {
        TrainingOutcome one = new Trainer(1).train(NET, TRAIN, VALID, RECIPE, null, null);
        TrainingOutcome three = new Trainer(3).train(NET, TRAIN, VALID, RECIPE, null, null);
        assertSameTraining(one, three);
    }

    @Test
    void resumingAShorterRunEndsWithTheSameBits() {
        TrainingOutcome straight = new Trainer(1).train(NET, TRAIN, VALID, RECIPE, null, null);
        Path ck = dir.resolve("ck");
        TrainingOutcome first = new Trainer(2).train(NET, TRAIN, VALID, RECIPE.withEpochs(7), ck, null);
        assertTrue(first.finished());
        assertFalse(first.resumed());
        TrainingOutcome rest = new Trainer(3).train(NET, TRAIN, VALID, RECIPE, ck, null);
        assertEquals(7, rest.resumedFromEpoch());
        assertTrue(rest.notes().isEmpty(), rest.notes().toString());
        assertSameTraining(straight, rest);
    }

    @Test
    void resumingAfterAStopRequestEndsWithTheSameBits() throws IOException {
        TrainingOutcome straight = new Trainer(2).train(NET, TRAIN, VALID, RECIPE, null, null);
        Path ck = dir.resolve("ck");
        AtomicInteger epochs = new AtomicInteger();
        TrainingListener counter = new TrainingListener() {
            @Override
            public void epochFinished(EpochRecord record, int total) {
                epochs.incrementAndGet();
            }
        };
        // Stop after epoch 4: not a multiple of checkpointEvery = 5, so the stop itself must write.
        TrainingOutcome stopped = new Trainer(2, () -> epochs.get() == 4).train(NET, TRAIN, VALID, RECIPE, ck, counter);
        assertFalse(stopped.finished());
        assertEquals(4, stopped.epochsCompleted());
        assertEquals(4, TrainingCheckpoint.read(ck.resolve(Trainer.CHECKPOINT_FILE)).epochsCompleted());
        List<String> started = new ArrayList<>();
        TrainingOutcome rest = new Trainer(1).train(NET, TRAIN, VALID, RECIPE, ck, new TrainingListener() {
            @Override
            public void started(int firstEpoch, int total) {
                started.add(firstEpoch + "/" + total);
            }
        });
        assertEquals(List.of("5/12"), started);
        assertEquals(4, rest.resumedFromEpoch());
        assertSameTraining(straight, rest);
        List<String> csv = Files.readAllLines(ck.resolve(Trainer.LOSSES_FILE));
        assertEquals(13, csv.size());
        assertTrue(csv.get(0).startsWith("epoch,learning_rate,training_loss,validation_loss"));
        assertTrue(csv.get(12).startsWith("12,"));

        // Running again with nothing left to do returns the finished training unchanged.
        TrainingOutcome again = new Trainer(1).train(NET, TRAIN, VALID, RECIPE, ck, null);
        assertEquals(12, again.resumedFromEpoch());
        assertSameTraining(straight, again);
    }

    @Test
    void anInterruptStopsAfterTheEpochWithACheckpoint() {
        TrainingOutcome straight = new Trainer(1).train(NET, TRAIN, VALID, RECIPE, null, null);
        Path ck = dir.resolve("interrupted");
        TrainingOutcome stopped;
        try {
            stopped = new Trainer(3).train(NET, TRAIN, VALID, RECIPE, ck, new TrainingListener() {
                @Override
                public void epochFinished(EpochRecord record, int epochs) {
                    if (record.epoch() == 3) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        assertFalse(stopped.finished());
        assertEquals(3, stopped.epochsCompleted());
        TrainingOutcome rest = new Trainer(2).train(NET, TRAIN, VALID, RECIPE, ck, null);
        assertEquals(3, rest.resumedFromEpoch());
        assertSameTraining(straight, rest);
    }

    @Test
    void damagedCheckpointIsSetAsideAndTrainingStartsOver() throws IOException {
        TrainingOutcome straight = new Trainer(1).train(NET, TRAIN, VALID, RECIPE, null, null);
        for (String damage : List.of("truncate", "flip", "garbage")) {
            Path ck = dir.resolve(damage);
            new Trainer(1).train(NET, TRAIN, VALID, RECIPE.withEpochs(5), ck, null);
            Path file = ck.resolve(Trainer.CHECKPOINT_FILE);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String damaged = switch (damage) {
                case "truncate" -> text.substring(0, text.length() / 2);
                // A digit changed inside the weights still parses as JSON: the checksum catches it.
                case "flip" -> flipADigit(text, text.indexOf("\"weights\""));
                default -> "\u0000\u0001 not json";
            };
            Files.writeString(file, damaged, StandardCharsets.UTF_8);
            List<String> notices = new ArrayList<>();
            TrainingOutcome o = new Trainer(2).train(NET, TRAIN, VALID, RECIPE, ck, new TrainingListener() {
                @Override
                public void notice(String message) {
                    notices.add(message);
                }
            });
            assertFalse(o.resumed(), damage);
            assertEquals(1, notices.size(), damage);
            assertTrue(notices.get(0).contains("is damaged"), notices.get(0));
            assertTrue(notices.get(0).contains("training starts over"), notices.get(0));
            assertEquals(notices, o.notes());
            try (Stream<Path> files = Files.list(ck)) {
                assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("checkpoint.json.rejected-"))
                        .count(), damage + ": the damaged file is kept aside");
            }
            assertSameTraining(straight, o);
        }
    }

    private static String flipADigit(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '1' && c <= '8') {
                return text.substring(0, i) + (char) (c + 1) + text.substring(i + 1);
            }
        }
        throw new AssertionError("no digit to flip");
    }

    @Test
    void staleCheckpointOfAnotherRecipeDataOrNetworkIsNotMixedIn() {
        record Case(String expected, ToyFilterNetwork net, List<TrainingSample> train, TrainingRecipe recipe) {
        }
        List<TrainingSample> otherTrain = new ArrayList<>(TRAIN);
        otherTrain.set(50, NET.samples(1, 8, 3, 99).get(0));
        ComplexDenseMatrix otherA = ComplexDenseMatrix.copyOf(NET.operator());
        otherA.set(0, 0, otherA.re(0, 0) + 1e-12, otherA.im(0, 0));
        List<Case> cases = List.of(
                new Case("another recipe (seed 7 there, 8 now)", NET, TRAIN, RECIPE.withSeed(8)),
                new Case("another recipe (learningRate", NET, TRAIN, RECIPE.withLearningRate(0.03)),
                new Case("other data", NET, otherTrain, RECIPE),
                new Case("another measurement operator", new ToyFilterNetwork(otherA), TRAIN, RECIPE),
                new Case("network configuration", new ToyFilterNetwork(NET.operator(), "other"), TRAIN, RECIPE));
        int k = 0;
        for (Case c : cases) {
            Path ck = dir.resolve("stale" + k++);
            new Trainer(1).train(NET, TRAIN, VALID, RECIPE.withEpochs(5), ck, null);
            TrainingOutcome fresh = new Trainer(1).train(c.net(), c.train(), VALID, c.recipe(), null, null);
            List<String> notices = new ArrayList<>();
            TrainingOutcome o = new Trainer(1).train(c.net(), c.train(), VALID, c.recipe(), ck, new TrainingListener() {
                @Override
                public void notice(String message) {
                    notices.add(message);
                }
            });
            assertFalse(o.resumed(), c.expected());
            assertEquals(1, notices.size());
            assertTrue(notices.get(0).contains("does not match this training"), notices.get(0));
            assertTrue(notices.get(0).contains(c.expected()), notices.get(0));
            assertSameTraining(fresh, o);
        }
    }

    @Test
    void checkpointHoldingMoreEpochsThanAskedIsRefused() {
        Path ck = dir.resolve("long");
        new Trainer(1).train(NET, TRAIN, VALID, RECIPE.withEpochs(6), ck, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(1).train(NET, TRAIN, VALID, RECIPE.withEpochs(4), ck, null));
        assertTrue(e.getMessage().contains("already holds 6 epochs, more than the recipe's 4"), e.getMessage());
        assertTrue(Files.exists(ck.resolve(Trainer.CHECKPOINT_FILE)), "the longer checkpoint is kept");
    }

    @Test
    void authorsSelectionRuleOnlyConsidersTheirCheckpointEpochs() {
        TrainingRecipe authors = RECIPE.withEpochs(25).withSelection(SelectionRule.BEST_VALIDATION_EVERY_10_EPOCHS);
        TrainingOutcome o = new Trainer(2).train(NET, TRAIN, VALID, authors, null, null);
        assertTrue(o.bestEpoch() == 11 || o.bestEpoch() == 21, "best epoch " + o.bestEpoch());
        double expected = Math.min(o.history().get(10).validationLoss(), o.history().get(20).validationLoss());
        assertEquals(expected, o.bestValidationLoss(), 0.0);

        // Stopped before epoch 11: nothing is selected yet, and it says so.
        AtomicInteger n = new AtomicInteger();
        TrainingOutcome early = new Trainer(1, () -> n.incrementAndGet() == 3).train(NET, TRAIN, VALID, authors, null,
                null);
        assertNull(early.bestWeights());
        assertEquals(0, early.bestEpoch());
        assertTrue(Double.isNaN(early.bestValidationLoss()));
    }

    /**
     * An independent check of the whole step: two samples on A = I (2×2), batch 2, lr halved
     * every epoch, clipping at 1. The expected weights are computed here with scalar formulas
     * (the loss is Σ_j (|w_j| u_j − x_j)², its gradient 2(|w_j| u_j − x_j) u_j for w &gt; 0).
     */
    @Test
    void threeEpochsMatchAHandComputation() {
        ComplexDenseMatrix eye = ComplexDenseMatrix.zeros(2, 2);
        eye.set(0, 0, 1, 0);
        eye.set(1, 1, 1, 0);
        ToyFilterNetwork net = new ToyFilterNetwork(eye);
        double[][] u = {{1, 2}, {0.5, -1}};
        double[][] x = {{3, -1}, {2, 0.25}};
        List<TrainingSample> data = List.of(
                new TrainingSample(new double[] {u[0][0], 0, u[0][1], 0}, x[0]),
                new TrainingSample(new double[] {u[1][0], 0, u[1][1], 0}, x[1]));
        TrainingRecipe r = new TrainingRecipe(3, 2, 0.1, 1, 0.5, 1.0, 0.9, 1e-8, 3L, 1,
                SelectionRule.BEST_VALIDATION_EVERY_EPOCH);
        TrainingOutcome o = new Trainer(1).train(net, data, data, r, null, null);

        double[] w = {1, 1};
        double[] v = {0, 0};
        double lr = 0.1;
        for (int epoch = 0; epoch < 3; epoch++) {
            double g0 = (2 * (w[0] * u[0][0] - x[0][0]) * u[0][0] + 2 * (w[0] * u[1][0] - x[1][0]) * u[1][0]) / 2;
            double g1 = (2 * (w[1] * u[0][1] - x[0][1]) * u[0][1] + 2 * (w[1] * u[1][1] - x[1][1]) * u[1][1]) / 2;
            double norm = Math.sqrt(g0 * g0 + g1 * g1);
            assertEquals(norm, o.history().get(epoch).gradientNorm(), 1e-14 * norm);
            if (norm + 1e-6 > 1.0) {
                g0 /= norm + 1e-6;
                g1 /= norm + 1e-6;
            }
            v[0] = 0.9 * v[0] + 0.1 * g0 * g0;
            v[1] = 0.9 * v[1] + 0.1 * g1 * g1;
            w[0] -= lr * g0 / (Math.sqrt(v[0]) + 1e-8);
            w[1] -= lr * g1 / (Math.sqrt(v[1]) + 1e-8);
            assertEquals(lr, o.history().get(epoch).learningRate(), 0.0);
            lr *= 0.5;
        }
        assertTrue(w[0] > 0 && w[1] > 0, "the formulas above assume positive weights");
        // A few roundings per step in a different order: 1e-14 relative on O(1) weights.
        assertArrayEquals(w, o.finalWeights(), 1e-14);
        assertTrue(o.history().get(0).gradientNorm() > 1, "the first step is clipped");
    }

    @Test
    void evaluationMatchesTheValidationLossAndASequentialSum() {
        TrainingOutcome o = new Trainer(1).train(NET, TRAIN, VALID, RECIPE.withEpochs(3), null, null);
        double[] losses = new Trainer(3).sampleLosses(NET, VALID, o.finalWeights());
        UnrolledNetwork.Workspace ws = NET.newWorkspace();
        double sum = 0;
        for (int i = 0; i < VALID.size(); i++) {
            TrainingSample s = VALID.get(i);
            assertEquals(NET.loss(s.observations(), s.target(), o.finalWeights(), ws), losses[i], 0.0);
            sum += losses[i];
        }
        assertEquals(sum / VALID.size(), new Trainer(2).meanLoss(NET, VALID, o.finalWeights()), 0.0);
        assertEquals(o.history().get(2).validationLoss(), new Trainer(2).meanLoss(NET, VALID, o.finalWeights()), 0.0);
        assertMessage("weights must have length 32", () -> new Trainer(1).meanLoss(NET, VALID, new double[3]));
        assertMessage("samples must hold at least one sample", () -> new Trainer(1).meanLoss(NET, List.of(),
                o.finalWeights()));
        double[] nan = o.finalWeights().clone();
        nan[1] = Double.NaN;
        assertMessage("weights must be finite", () -> new Trainer(1).sampleLosses(NET, VALID, nan));
    }

    @Test
    void permutationIsAPureFunctionOfSeedAndEpoch() {
        int[] a = Trainer.permutation(5, 3, 50);
        assertArrayEquals(a, Trainer.permutation(5, 3, 50));
        assertFalse(Arrays.equals(a, Trainer.permutation(5, 4, 50)));
        assertFalse(Arrays.equals(a, Trainer.permutation(6, 3, 50)));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void listenerHearsEveryEpochAndCheckpoint() {
        List<String> events = new ArrayList<>();
        new Trainer(1).train(NET, TRAIN, VALID, RECIPE.withEpochs(6).withCheckpointEvery(4), dir, new TrainingListener() {
            @Override
            public void started(int firstEpoch, int epochs) {
                events.add("start " + firstEpoch + "/" + epochs);
            }

            @Override
            public void epochFinished(EpochRecord record, int epochs) {
                events.add("epoch " + record.epoch());
            }

            @Override
            public void checkpointWritten(Path file, int epochsCompleted) {
                events.add("checkpoint " + epochsCompleted);
            }
        });
        assertEquals(List.of("start 1/6", "epoch 1", "epoch 2", "epoch 3", "epoch 4", "checkpoint 4", "epoch 5",
                "epoch 6", "checkpoint 6"), events);
    }

    @Test
    void rejectsBadInput() {
        Trainer t = new Trainer(1);
        assertMessage("threads must be at least 1: 0", () -> new Trainer(0));
        assertMessage("network", () -> t.train(null, TRAIN, VALID, RECIPE, null, null));
        assertMessage("recipe", () -> t.train(NET, TRAIN, VALID, null, null, null));
        assertMessage("training must hold at least one sample", () -> t.train(NET, List.of(), VALID, RECIPE, null, null));
        assertMessage("validation must hold at least one sample", () -> t.train(NET, TRAIN, List.of(), RECIPE, null, null));
        TrainingSample shortY = new TrainingSample(new double[22], new double[32]);
        assertMessage("training[1].observations must have length 2m = 24",
                () -> t.train(NET, List.of(TRAIN.get(0), shortY), VALID, RECIPE, null, null));
        TrainingSample longX = new TrainingSample(new double[24], new double[33]);
        assertMessage("validation[0].target must have length N = 32",
                () -> t.train(NET, TRAIN, List.of(longX), RECIPE, null, null));
        // The sample's arrays are the caller's: a NaN written after construction is still caught.
        TrainingSample s = new TrainingSample(TRAIN.get(0).observations().clone(), TRAIN.get(0).target().clone());
        s.observations()[5] = Double.NaN;
        assertMessage("training[0].observations must be finite, but entry 5 = NaN",
                () -> t.train(NET, List.of(s), VALID, RECIPE, null, null));
        assertMessage("finite", () -> new TrainingSample(new double[] {Double.NaN, 0}, new double[1]));
        assertThrows(IllegalArgumentException.class, () -> t.train(NET, TRAIN, VALID,
                RECIPE.withLearningRate(-1e-2), null, null));
    }

    @Test
    void divergingNetworkIsReportedNotTrainedOn() {
        UnrolledNetwork broken = new ToyFilterNetwork(NET.operator()) {
            @Override
            public double lossAndGradient(double[] y, double[] x, double[] w, Workspace ws, double[] g) {
                double loss = super.lossAndGradient(y, x, w, ws, g);
                g[3] = Double.NaN;
                return loss;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Trainer(2).train(broken, TRAIN, VALID, RECIPE, null, null));
        assertTrue(e.getMessage().contains("non-finite gradient[3] = NaN for training sample"), e.getMessage());
        assertTrue(e.getMessage().contains("in epoch 1"), e.getMessage());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    static void assertSameTraining(TrainingOutcome expected, TrainingOutcome actual) {
        assertArrayEquals(expected.finalWeights(), actual.finalWeights(), 0.0, "final weights, bit for bit");
        assertArrayEquals(expected.bestWeights(), actual.bestWeights(), 0.0, "best weights, bit for bit");
        assertEquals(expected.bestEpoch(), actual.bestEpoch());
        assertEquals(expected.bestValidationLoss(), actual.bestValidationLoss(), 0.0);
        assertEquals(expected.initialValidationLoss(), actual.initialValidationLoss(), 0.0);
        assertEquals(expected.history().stream().map(EpochRecord::withoutTime).toList(),
                actual.history().stream().map(EpochRecord::withoutTime).toList());
        assertNotEquals(0, actual.history().size());
    }
}
