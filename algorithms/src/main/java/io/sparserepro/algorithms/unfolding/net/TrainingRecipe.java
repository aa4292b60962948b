package io.sparserepro.algorithms.unfolding.net;

import io.sparserepro.algorithms.options.Option;
import io.sparserepro.algorithms.options.OptionSchema;
import io.sparserepro.core.Checks;

/**
 * How an {@link UnrolledNetwork} is trained (Mohammad-Taheri, Colbrook, Brugiapaglia, <i>Deep
 * greedy unfolding</i>, arXiv 2505.15661, Fig. 3; SPEC-UNFOLDING "OMP-Net and IHT-Net"; the
 * authors' {@code utils/train_module.py} and {@code OMP/main_fig_3_OMP.py}). The semantics are
 * PyTorch's, stated exactly here because the {@link Trainer} reproduces them:
 *
 * <ul>
 *   <li><b>Batches</b>: the training samples are reshuffled every epoch and cut into batches of
 *       {@link #batchSize()} in shuffled order; a last partial batch is kept ({@code DataLoader}
 *       with {@code drop_last = False}). The permutation of epoch e (0-based) is a pure
 *       function of ({@link #seed()}, e): Fisher–Yates driven by
 *       {@code Seeds.rng(seed, e)}.</li>
 *   <li><b>Loss</b> of a batch: the mean over its samples of ‖Re x̂ − x‖₂²; its gradient is the
 *       mean of the per-sample gradients.</li>
 *   <li><b>Clipping</b> ({@code torch.nn.utils.clip_grad_norm_}): total = ‖g‖₂,
 *       coef = clipNorm / (total + 1e-6); if coef &lt; 1 then g ← coef·g. clipNorm = 0 means no
 *       clipping.</li>
 *   <li><b>RMSprop</b> ({@code torch.optim.RMSprop}: no momentum, not centred, no weight
 *       decay): v ← α v + (1 − α) g², W ← W − lr · g / (√v + ε), with v = 0 before the first
 *       step.</li>
 *   <li><b>Step schedule</b> ({@code StepLR(step_size = decayEvery, gamma = decayFactor)},
 *       stepped once per epoch): the learning rate during epoch e (0-based) is
 *       lr₀ · γ^⌊e / decayEvery⌋, computed as PyTorch's chained form does, by multiplying by γ
 *       once at every boundary.</li>
 *   <li>Weights start at all ones.</li>
 * </ul>
 *
 * <p>{@link #epochs()} and {@link #checkpointEvery()} do not change what the first epochs
 * compute, so a checkpoint written under a recipe that differs only in them is resumed (train
 * 500 epochs, then carry on to 1000).
 *
 * @param epochs          epochs to train, ≥ 1
 * @param batchSize       samples per batch, ≥ 1
 * @param learningRate    lr₀ &gt; 0, finite
 * @param decayEvery      epochs between learning-rate decays, ≥ 1
 * @param decayFactor     γ ∈ (0, 1]
 * @param clipNorm        maximum ℓ2 norm of the batch gradient, ≥ 0 (0 = no clipping)
 * @param rmsAlpha        RMSprop smoothing constant α ∈ [0, 1)
 * @param rmsEpsilon      RMSprop ε &gt; 0, finite
 * @param seed            master seed of the shuffling
 * @param checkpointEvery epochs between checkpoint files, ≥ 1
 * @param selection       which weights count as "the trained network"
 */
public record TrainingRecipe(
        @Option(value = "epochs to train (each sees every training sample once)", origin = Option.Origin.PAPER,
                source = "Deep greedy unfolding, Fig. 3; authors' main_fig_3_*.py: num_epochs = 1000") int epochs,
        @Option(value = "samples per batch; a last partial batch is kept", origin = Option.Origin.PAPER,
                source = "authors' main_fig_3_*.py: batch_size = 64") int batchSize,
        @Option(value = "initial RMSprop learning rate (> 0)", origin = Option.Origin.PAPER,
                source = "authors' main_fig_3_*.py: learning_rate = 1e-2") double learningRate,
        @Option(value = "epochs between learning-rate decays (StepLR step_size)", origin = Option.Origin.PAPER,
                source = "authors' main_fig_3_*.py: StepLR step_size = 500") int decayEvery,
        @Option(value = "factor the learning rate is multiplied by at each decay (StepLR gamma), in (0, 1]",
                origin = Option.Origin.PAPER, source = "authors' main_fig_3_*.py: StepLR gamma = 0.5") double decayFactor,
        @Option(value = "maximum l2 norm of the batch gradient (clip_grad_norm_ max_norm); 0 = no clipping",
                origin = Option.Origin.PAPER, source = "authors' main_fig_3_*.py: grad_max_norm = 1.0") double clipNorm,
        @Option(value = "RMSprop smoothing constant alpha, in [0, 1)", origin = Option.Origin.RECONSTRUCTED,
                source = "torch.optim.RMSprop default alpha = 0.99 (the authors pass none)") double rmsAlpha,
        @Option(value = "RMSprop epsilon added to the root mean square (> 0)", origin = Option.Origin.RECONSTRUCTED,
                source = "torch.optim.RMSprop default eps = 1e-8 (the authors pass none)") double rmsEpsilon,
        @Option(value = "master seed of the per-epoch shuffling (the authors set none)",
                origin = Option.Origin.IMPLEMENTATION) long seed,
        @Option(value = "epochs between resumable checkpoint files (does not change results)",
                origin = Option.Origin.IMPLEMENTATION) int checkpointEvery,
        @Option(value = "which weights are kept: best_validation_every_epoch (finer) or "
                + "best_validation_every_10_epochs (the authors')", origin = Option.Origin.RECONSTRUCTED,
                source = "SPEC-UNFOLDING, checkpoint selection; authors' best_checkpoint_finder()")
        SelectionRule selection) {

    /**
     * How the trained weights are chosen among the epochs, always by the mean loss on the full
     * validation set at the end of an epoch (fixed weights). Epochs are counted from 1 here.
     */
    public enum SelectionRule {
        /** The epoch with the lowest validation loss among all epochs: a finer version of the authors' rule. */
        BEST_VALIDATION_EVERY_EPOCH,
        /**
         * The authors' rule: their trainer saves a checkpoint at the end of the epochs whose
         * 0-based index is a non-zero multiple of 10 (files {@code epoch_10} … {@code epoch_990}),
         * and {@code best_checkpoint_finder()} picks the one with the lowest full-validation
         * loss. Counted from 1, the candidates are epochs 11, 21, 31, …; the recipe needs at
         * least 11 epochs.
         */
        BEST_VALIDATION_EVERY_10_EPOCHS;

        /** Whether epoch {@code epoch} (counted from 1) is a candidate under this rule. */
        public boolean isCandidate(int epoch) {
            int index = epoch - 1;
            return this == BEST_VALIDATION_EVERY_EPOCH || (index > 0 && index % 10 == 0);
        }
    }

    public TrainingRecipe {
        Checks.requirePositive("epochs", epochs);
        Checks.requirePositive("batchSize", batchSize);
        Checks.requirePositive("learningRate", learningRate);
        Checks.requirePositive("decayEvery", decayEvery);
        if (!(decayFactor > 0 && decayFactor <= 1)) {
            throw new IllegalArgumentException("decayFactor must be in (0, 1]: " + decayFactor);
        }
        Checks.requireNonNegative("clipNorm", clipNorm);
        if (!(rmsAlpha >= 0 && rmsAlpha < 1)) {
            throw new IllegalArgumentException("rmsAlpha must be in [0, 1): " + rmsAlpha);
        }
        // ε = 0 would divide 0 by 0 on a weight whose gradient has always been 0.
        Checks.requirePositive("rmsEpsilon", rmsEpsilon);
        Checks.requirePositive("checkpointEvery", checkpointEvery);
        Checks.requireNonNull("selection", selection);
        if (selection == SelectionRule.BEST_VALIDATION_EVERY_10_EPOCHS && epochs < 11) {
            throw new IllegalArgumentException("epochs must be at least 11 under selection "
                    + selection.name().toLowerCase(java.util.Locale.ROOT)
                    + " (its first candidate is epoch 11): " + epochs);
        }
    }

    /** The paper's recipe: 1000 epochs, batch 64, lr 1e-2 halved every 500 epochs, clipping at 1, RMSprop(0.99, 1e-8). */
    public static TrainingRecipe paper() {
        return new TrainingRecipe(1000, 64, 1e-2, 500, 0.5, 1.0, 0.99, 1e-8, 0L, 10,
                SelectionRule.BEST_VALIDATION_EVERY_EPOCH);
    }

    /** The conversion between this recipe and JSON / {@code NAME=VALUE} text, defaults {@link #paper()}. */
    public static OptionSchema<TrainingRecipe> schema() {
        return SCHEMA;
    }

    private static final OptionSchema<TrainingRecipe> SCHEMA = OptionSchema.of(TrainingRecipe.class, paper());

    /**
     * The learning rate during epoch {@code epochIndex} (0-based): lr₀ multiplied by γ once per
     * completed block of {@link #decayEvery()} epochs, in that order (PyTorch's chained StepLR),
     * which equals lr₀ · γ^⌊e / decayEvery⌋ up to the rounding of each multiplication.
     */
    public double learningRateAt(int epochIndex) {
        Checks.requireNonNegative("epochIndex", epochIndex);
        double lr = learningRate;
        for (int k = epochIndex / decayEvery; k > 0; k--) {
            lr *= decayFactor;
        }
        return lr;
    }

    /**
     * Whether a checkpoint written under {@code other} can be resumed under this recipe: every
     * component except {@link #epochs()} and {@link #checkpointEvery()} (which do not change the
     * epochs already computed) is equal.
     */
    public boolean sameTrajectory(TrainingRecipe other) {
        return other != null && batchSize == other.batchSize
                && Double.compare(learningRate, other.learningRate) == 0 && decayEvery == other.decayEvery
                && Double.compare(decayFactor, other.decayFactor) == 0
                && Double.compare(clipNorm, other.clipNorm) == 0 && Double.compare(rmsAlpha, other.rmsAlpha) == 0
                && Double.compare(rmsEpsilon, other.rmsEpsilon) == 0 && seed == other.seed
                && selection == other.selection;
    }

    public TrainingRecipe withEpochs(int value) {
        return new TrainingRecipe(value, batchSize, learningRate, decayEvery, decayFactor, clipNorm, rmsAlpha,
                rmsEpsilon, seed, checkpointEvery, selection);
    }

    public TrainingRecipe withBatchSize(int value) {
        return new TrainingRecipe(epochs, value, learningRate, decayEvery, decayFactor, clipNorm, rmsAlpha,
                rmsEpsilon, seed, checkpointEvery, selection);
    }

    public TrainingRecipe withLearningRate(double value) {
        return new TrainingRecipe(epochs, batchSize, value, decayEvery, decayFactor, clipNorm, rmsAlpha,
                rmsEpsilon, seed, checkpointEvery, selection);
    }

    public TrainingRecipe withDecay(int every, double factor) {
        return new TrainingRecipe(epochs, batchSize, learningRate, every, factor, clipNorm, rmsAlpha,
                rmsEpsilon, seed, checkpointEvery, selection);
    }

    public TrainingRecipe withClipNorm(double value) {
        return new TrainingRecipe(epochs, batchSize, learningRate, decayEvery, decayFactor, value, rmsAlpha,
                rmsEpsilon, seed, checkpointEvery, selection);
    }

    public TrainingRecipe withSeed(long value) {
        return new TrainingRecipe(epochs, batchSize, learningRate, decayEvery, decayFactor, clipNorm, rmsAlpha,
                rmsEpsilon, value, checkpointEvery, selection);
    }

    public TrainingRecipe withCheckpointEvery(int value) {
        return new TrainingRecipe(epochs, batchSize, learningRate, decayEvery, decayFactor, clipNorm, rmsAlpha,
                rmsEpsilon, seed, value, selection);
    }

    public TrainingRecipe withSelection(SelectionRule value) {
        return new TrainingRecipe(epochs, batchSize, learningRate, decayEvery, decayFactor, clipNorm, rmsAlpha,
                rmsEpsilon, seed, checkpointEvery, value);
    }
}
