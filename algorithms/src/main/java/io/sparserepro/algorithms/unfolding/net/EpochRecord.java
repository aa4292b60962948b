package io.sparserepro.algorithms.unfolding.net;

/**
 * One line of a training history (and of {@code losses.csv}).
 *
 * @param epoch          the epoch, counted from 1
 * @param learningRate   the learning rate used during the epoch
 * @param trainingLoss   the mean over the epoch's batches of the batch loss (each batch's
 *                       loss taken with the weights before its step, as the authors log it)
 * @param validationLoss the mean per-sample loss ‖Re x̂ − x‖₂² over the full validation set
 *                       with the weights at the end of the epoch
 * @param gradientNorm   the mean over the epoch's batches of ‖g‖₂ before clipping
 * @param wallSeconds    wall time of the epoch (training and validation); the only field that
 *                       differs between two runs of the same training
 */
public record EpochRecord(int epoch, double learningRate, double trainingLoss, double validationLoss,
                          double gradientNorm, double wallSeconds) {
    /** The same record with the wall time zeroed, for comparing runs. */
    public EpochRecord withoutTime() {
        return new EpochRecord(epoch, learningRate, trainingLoss, validationLoss, gradientNorm, 0);
    }
}
