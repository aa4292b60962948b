package io.sparserepro.algorithms.unfolding.net;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link Trainer} run produced.
 *
 * @param network               the network's {@link UnrolledNetwork#name()}
 * @param recipe                the recipe trained under
 * @param bestWeights           the weights of {@code bestEpoch} (the trained network under the
 *                              recipe's selection rule), or null when no epoch was a candidate
 *                              yet (a run stopped before epoch 11 under the authors' rule)
 * @param bestEpoch             the selected epoch (from 1; the earliest on ties, as
 *                              {@code torch.argmin}), or 0 with {@code bestWeights} null
 * @param bestValidationLoss    its mean validation loss, or NaN with {@code bestWeights} null
 * @param finalWeights          the weights after the last epoch run
 * @param initialValidationLoss the mean validation loss of the initial all-ones weights
 * @param history               one record per epoch completed, in order (including the epochs
 *                              a resumed checkpoint had already run)
 * @param epochsCompleted       epochs completed (= history size)
 * @param finished              whether all of the recipe's epochs ran (false after a stop request)
 * @param resumedFromEpoch      epochs the resumed checkpoint held, or 0 when training started afresh
 * @param checkpoint            the checkpoint file written (and resumed, if any), or null without a checkpoint folder
 * @param notes                 what the user should know about the checkpoint (not resumed and
 *                              why); empty when nothing happened worth saying
 */
public record TrainingOutcome(String network, TrainingRecipe recipe, double[] bestWeights, int bestEpoch,
                              double bestValidationLoss, double[] finalWeights, double initialValidationLoss,
                              List<EpochRecord> history, int epochsCompleted, boolean finished, int resumedFromEpoch,
                              Path checkpoint, List<String> notes) {
    public TrainingOutcome {
        history = List.copyOf(history);
        notes = List.copyOf(notes);
    }

    /** Whether this run continued a checkpoint. */
    public boolean resumed() {
        return resumedFromEpoch > 0;
    }
}
