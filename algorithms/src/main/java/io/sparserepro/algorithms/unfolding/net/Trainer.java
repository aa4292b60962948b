package io.sparserepro.algorithms.unfolding.net;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparserepro.core.Checks;
import io.sparserepro.core.io.AtomicFiles;
import io.sparserepro.core.random.Seeds;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Trains the one weight vector of an {@link UnrolledNetwork} by the unfolding paper's recipe
 * (Mohammad-Taheri, Colbrook, Brugiapaglia, <i>Deep greedy unfolding</i>, arXiv 2505.15661,
 * Fig. 3; SPEC-UNFOLDING "OMP-Net and IHT-Net"): RMSprop on mini-batches with gradient
 * clipping and a step schedule, with PyTorch's semantics as {@link TrainingRecipe} states them,
 * weights initialised to ones, the mean validation loss taken at the end of every epoch and the
 * trained weights chosen by the recipe's {@link TrainingRecipe.SelectionRule}.
 *
 * <h2>Determinism</h2>
 * The result is a function of (network, data, recipe) alone: the shuffling of epoch e is drawn
 * from {@code Seeds.rng(recipe.seed, e)}; the samples of a batch are evaluated on
 * {@link #threads()} threads into a slot each and summed in sample order, so the thread count
 * changes the wall time, never a bit of the weights.
 *
 * <h2>Checkpoints</h2>
 * With a checkpoint folder, {@value #CHECKPOINT_FILE} (see {@link TrainingCheckpoint} for the
 * format) and {@value #LOSSES_FILE} (the history) are written atomically every
 * {@code recipe.checkpointEvery} epochs, at the end, and when a stop is requested. A run that
 * finds a checkpoint of the same network (name, N, configuration, operator A), the same data
 * (a SHA-256 over every double of the training and validation samples) and the same recipe
 * (up to {@code epochs} and {@code checkpointEvery}) continues it and ends bit-identical to an
 * uninterrupted run (the wall times aside). A checkpoint that is damaged or does not match is
 * never mixed in: it is set aside as {@code checkpoint.json.rejected-TIME}, the reason goes to
 * {@link TrainingListener#notice}, the log and {@link TrainingOutcome#notes()}, and training
 * starts over.
 *
 * <p>Stopping: the {@code stopRequested} hook (and an interrupt of the calling thread) is
 * checked at the end of every epoch; the run then writes its checkpoint and returns an outcome
 * with {@code finished = false}.
 */
public final class Trainer {
    public static final String CHECKPOINT_FILE = "checkpoint.json";
    public static final String LOSSES_FILE = "losses.csv";

    private static final System.Logger LOG = System.getLogger(Trainer.class.getName());

    private final int threads;
    private final BooleanSupplier stopRequested;

    /** A trainer on {@code threads} threads (≥ 1; the thread count never changes the result). */
    public Trainer(int threads) {
        this(threads, () -> false);
    }

    /**
     * @param threads       threads evaluating the samples of a batch, ≥ 1
     * @param stopRequested asked at the end of every epoch; true ends the run after writing a checkpoint
     */
    public Trainer(int threads, BooleanSupplier stopRequested) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        this.stopRequested = Checks.requireNonNull("stopRequested", stopRequested);
    }

    public int threads() {
        return threads;
    }

    /**
     * Trains {@code network} on {@code training}, selecting on {@code validation}.
     *
     * @param checkpointDir folder of the checkpoint and loss files (created if missing), or null for none
     * @param listener      progress, or null for none
     * @throws IllegalArgumentException on bad input (empty sets, samples whose lengths do not fit
     *                                  the network, non-finite samples), or when the checkpoint
     *                                  already holds more epochs than the recipe asks for
     * @throws IllegalStateException    when the network returns a non-finite loss or gradient
     */
    public TrainingOutcome train(UnrolledNetwork network, List<TrainingSample> training,
                                 List<TrainingSample> validation, TrainingRecipe recipe, Path checkpointDir,
                                 TrainingListener listener) {
        Checks.requireNonNull("network", network);
        Checks.requireNonNull("recipe", recipe);
        int n = network.parameters();
        int m = network.operator().rows();
        checkSamples("training", training, m, n);
        checkSamples("validation", validation, m, n);
        TrainingListener events = listener == null ? TrainingListener.NONE : listener;
        List<TrainingSample> train = List.copyOf(training);
        List<TrainingSample> valid = List.copyOf(validation);

        JsonNode configuration = NetJson.parse(NetJson.pretty(NetJson.MAPPER.valueToTree(network.configuration())));
        String operatorFingerprint = operatorFingerprint(network);
        String dataFingerprint = dataFingerprint(train, valid);

        Path checkpointFile = null;
        List<String> notes = new ArrayList<>();
        TrainingCheckpoint resumeFrom = null;
        if (checkpointDir != null) {
            try {
                Files.createDirectories(checkpointDir);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot create checkpoint folder " + checkpointDir + ": " + e);
            }
            checkpointFile = checkpointDir.resolve(CHECKPOINT_FILE);
            if (Files.exists(checkpointFile)) {
                String problem;
                TrainingCheckpoint c = null;
                try {
                    c = TrainingCheckpoint.read(checkpointFile);
                    problem = c.mismatch(network.name(), n, configuration, operatorFingerprint, train.size(),
                            valid.size(), dataFingerprint, recipe);
                    problem = problem == null ? null : "does not match this training: " + problem;
                } catch (IllegalArgumentException e) {
                    problem = "is damaged: " + e.getMessage();
                }
                if (problem == null) {
                    if (c.epochsCompleted() > recipe.epochs()) {
                        throw new IllegalArgumentException("checkpoint " + checkpointFile + " already holds "
                                + c.epochsCompleted() + " epochs, more than the recipe's " + recipe.epochs()
                                + ": ask for at least " + c.epochsCompleted() + " epochs, or use another "
                                + "checkpoint folder");
                    }
                    resumeFrom = c;
                }
                if (resumeFrom == null) {
                    Path aside = setAside(checkpointFile);
                    String note = "checkpoint " + checkpointFile + " " + problem + "; set aside as "
                            + aside.getFileName() + ", training starts over";
                    notes.add(note);
                    LOG.log(System.Logger.Level.WARNING, note);
                    events.notice(note);
                }
            }
        }

        double[] weights = new double[n];
        Arrays.fill(weights, 1.0);
        RmsProp optimizer = new RmsProp(n, recipe.rmsAlpha(), recipe.rmsEpsilon());
        List<EpochRecord> history = new ArrayList<>();
        double[] bestWeights = null;
        int bestEpoch = 0;
        double bestLoss = Double.NaN;
        double initialLoss;
        int start = 0;

        try (SampleEvaluator evaluator = new SampleEvaluator(network, threads, Math.min(recipe.batchSize(),
                train.size()), valid.size())) {
            if (resumeFrom != null) {
                weights = resumeFrom.weights().clone();
                optimizer.restore(resumeFrom.squareAverages());
                history.addAll(resumeFrom.history());
                bestWeights = resumeFrom.bestWeights() == null ? null : resumeFrom.bestWeights().clone();
                bestEpoch = resumeFrom.bestEpoch();
                bestLoss = resumeFrom.bestValidationLoss();
                initialLoss = resumeFrom.initialValidationLoss();
                start = resumeFrom.epochsCompleted();
                LOG.log(System.Logger.Level.INFO, "resuming " + network.name() + " training from " + checkpointFile
                        + " after epoch " + start);
            } else {
                initialLoss = validationLoss(evaluator, valid, weights);
            }
            events.started(start + 1, recipe.epochs());

            double[] gradient = new double[n];
            int nTrain = train.size();
            int batch = recipe.batchSize();
            boolean stopped = false;
            int completed = start;
            for (int e = start; e < recipe.epochs(); e++) {
                long t0 = System.nanoTime();
                double lr = recipe.learningRateAt(e);
                int[] order = permutation(recipe.seed(), e, nTrain);
                double lossSum = 0;
                double normSum = 0;
                int batches = 0;
                for (int from = 0; from < nTrain; from += batch) {
                    int size = Math.min(batch, nTrain - from);
                    double loss;
                    try {
                        loss = evaluator.batchLossAndGradient(train, order, from, size, weights, gradient);
                    } catch (SampleEvaluator.NonFiniteException x) {
                        throw new IllegalStateException(network.name() + " returned a non-finite " + x.getMessage()
                                + " for training sample " + x.sample + " in epoch " + (e + 1) + " (batch "
                                + (batches + 1) + "); the weights have diverged or the network has a bug", x);
                    }
                    normSum += RmsProp.clipGradientNorm(gradient, recipe.clipNorm());
                    optimizer.step(weights, gradient, lr);
                    lossSum += loss;
                    batches++;
                }
                double validationLoss = validationLoss(evaluator, valid, weights);
                int epoch = e + 1;
                EpochRecord record = new EpochRecord(epoch, lr, lossSum / batches, validationLoss, normSum / batches,
                        (System.nanoTime() - t0) * 1e-9);
                history.add(record);
                // Strictly lower: the earliest epoch wins a tie, as torch.argmin over the authors' checkpoints.
                if (recipe.selection().isCandidate(epoch) && (bestWeights == null || validationLoss < bestLoss)) {
                    bestWeights = weights.clone();
                    bestEpoch = epoch;
                    bestLoss = validationLoss;
                }
                completed = epoch;
                events.epochFinished(record, recipe.epochs());
                // Cleared while the checkpoint is written (an interrupt closes a file channel mid-write), set again below.
                boolean interrupted = Thread.interrupted();
                stopped = epoch < recipe.epochs() && (stopRequested.getAsBoolean() || interrupted);
                if (checkpointFile != null && (epoch % recipe.checkpointEvery() == 0 || epoch == recipe.epochs()
                        || stopped)) {
                    writeCheckpoint(checkpointFile, new TrainingCheckpoint(network.name(), n, configuration,
                            operatorFingerprint, nTrain, valid.size(), dataFingerprint, recipe, epoch, weights,
                            optimizer.state(), initialLoss, bestEpoch, bestLoss, bestWeights, history), history);
                    events.checkpointWritten(checkpointFile, epoch);
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                if (stopped) {
                    LOG.log(System.Logger.Level.INFO, "training of " + network.name() + " stopped after epoch "
                            + epoch + " of " + recipe.epochs());
                    break;
                }
            }
            if (checkpointFile != null && resumeFrom != null && start == recipe.epochs()) {
                // Nothing left to run; the checkpoint may carry another checkpointEvery: rewrite it under this recipe.
                writeCheckpoint(checkpointFile, new TrainingCheckpoint(network.name(), n, configuration,
                        operatorFingerprint, nTrain, valid.size(), dataFingerprint, recipe, start, weights,
                        optimizer.state(), initialLoss, bestEpoch, bestLoss, bestWeights, history), history);
            }
            return new TrainingOutcome(network.name(), recipe, bestWeights, bestEpoch, bestLoss, weights, initialLoss,
                    history, completed, completed == recipe.epochs(), start, checkpointFile, notes);
        }
    }

    /**
     * The loss ‖Re x̂ − x‖₂² of every sample under fixed {@code weights}, in sample order (for
     * test-set errors and box plots), computed on {@link #threads()} threads; the values do not
     * depend on the thread count.
     */
    public double[] sampleLosses(UnrolledNetwork network, List<TrainingSample> samples, double[] weights) {
        Checks.requireNonNull("network", network);
        int n = network.parameters();
        checkSamples("samples", samples, network.operator().rows(), n);
        Checks.requireLength("weights", weights, n);
        Checks.requireFinite("weights", weights);
        List<TrainingSample> copy = List.copyOf(samples);
        try (SampleEvaluator evaluator = new SampleEvaluator(network, threads, 1, copy.size())) {
            return evaluator.losses(copy, weights);
        }
    }

    /** The mean of {@link #sampleLosses} (summed in sample order): the validation loss of {@code weights}. */
    public double meanLoss(UnrolledNetwork network, List<TrainingSample> samples, double[] weights) {
        double[] losses = sampleLosses(network, samples, weights);
        double sum = 0;
        for (double l : losses) {
            sum += l;
        }
        return sum / losses.length;
    }

    private static double validationLoss(SampleEvaluator evaluator, List<TrainingSample> valid, double[] weights) {
        try {
            return evaluator.meanLoss(valid, weights);
        } catch (SampleEvaluator.NonFiniteException x) {
            throw new IllegalStateException("the network returned a non-finite " + x.getMessage()
                    + " for validation sample " + x.sample + "; the weights have diverged or the network has a bug", x);
        }
    }

    private static void writeCheckpoint(Path file, TrainingCheckpoint checkpoint, List<EpochRecord> history) {
        checkpoint.write(file);
        AtomicFiles.writeText(file.resolveSibling(LOSSES_FILE), lossesCsv(history));
    }

    /** The history as CSV: a header, then one row per epoch; numbers as {@link Double#toString} (exact). */
    static String lossesCsv(List<EpochRecord> history) {
        StringBuilder sb = new StringBuilder(
                "epoch,learning_rate,training_loss,validation_loss,gradient_norm_before_clipping,wall_seconds\n");
        for (EpochRecord r : history) {
            sb.append(r.epoch()).append(',').append(r.learningRate()).append(',').append(r.trainingLoss())
                    .append(',').append(r.validationLoss()).append(',').append(r.gradientNorm()).append(',')
                    .append(r.wallSeconds()).append('\n');
        }
        return sb.toString();
    }

    /** Renames a rejected checkpoint out of the way, so nothing is lost and nothing is mixed in. */
    private static Path setAside(Path file) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now());
        Path aside = file.resolveSibling(file.getFileName() + ".rejected-" + stamp);
        try {
            Files.move(file, aside);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot set the rejected checkpoint " + file + " aside as " + aside
                    + ": " + e + "; move or delete it by hand");
        }
        return aside;
    }

    /**
     * The training order of epoch {@code epochIndex} (0-based): Fisher–Yates on 0..n−1 driven by
     * {@code Seeds.rng(seed, epochIndex)}. A pure function of its arguments, so a resumed run
     * needs no generator state.
     */
    static int[] permutation(long seed, int epochIndex, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        UniformRandomProvider rng = Seeds.rng(seed, epochIndex);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static void checkSamples(String name, List<TrainingSample> samples, int m, int n) {
        Checks.requireNonNull(name, samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException(name + " must hold at least one sample: 0");
        }
        for (int i = 0; i < samples.size(); i++) {
            TrainingSample s = samples.get(i);
            if (s == null) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null");
            }
            if (s.observations().length != 2 * m) {
                throw new IllegalArgumentException(name + "[" + i + "].observations must have length 2m = " + (2 * m)
                        + " (interleaved complex, m = " + m + " rows of A): " + s.observations().length);
            }
            if (s.target().length != n) {
                throw new IllegalArgumentException(name + "[" + i + "].target must have length N = " + n + ": "
                        + s.target().length);
            }
            // The arrays are the caller's and may have changed since the sample was built.
            requireFinite(name + "[" + i + "].observations", s.observations());
            requireFinite(name + "[" + i + "].target", s.target());
        }
    }

    private static void requireFinite(String name, double[] values) {
        for (int j = 0; j < values.length; j++) {
            if (!Double.isFinite(values[j])) {
                throw new IllegalArgumentException(name + " must be finite, but entry " + j + " = " + values[j]);
            }
        }
    }

    /** SHA-256 over the sample counts and the bits of every double, training then validation. */
    static String dataFingerprint(List<TrainingSample> training, List<TrainingSample> validation) {
        MessageDigest md = NetJson.digest();
        for (List<TrainingSample> set : List.of(training, validation)) {
            md.update(ByteBuffer.allocate(4).putInt(set.size()).array());
            for (TrainingSample s : set) {
                update(md, s.observations());
                update(md, s.target());
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 over A's shape and the bits of every column. */
    static String operatorFingerprint(UnrolledNetwork network) {
        var a = network.operator();
        MessageDigest md = NetJson.digest();
        md.update(ByteBuffer.allocate(8).putInt(a.rows()).putInt(a.cols()).array());
        double[] column = new double[2 * a.rows()];
        for (int j = 0; j < a.cols(); j++) {
            a.column(j, column);
            update(md, column);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, double[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 8 * values.length);
        b.putInt(values.length);
        for (double v : values) {
            b.putLong(Double.doubleToRawLongBits(v));
        }
        md.update(b.array());
    }
}
