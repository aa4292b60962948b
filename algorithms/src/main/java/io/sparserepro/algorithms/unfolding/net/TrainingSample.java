package io.sparserepro.algorithms.unfolding.net;

import io.sparserepro.core.Checks;
import io.sparserepro.core.complex.ComplexVectors;

/**
 * One (y, x) pair of a training, validation or test set.
 *
 * @param observations y, interleaved complex, length 2m, finite
 * @param target       x, real, length N, finite (the unfolding paper's targets are real)
 */
public record TrainingSample(double[] observations, double[] target) {
    public TrainingSample {
        Checks.requireNonNull("observations", observations);
        Checks.requireNonNull("target", target);
        if (observations.length % 2 != 0) {
            throw new IllegalArgumentException("observations must be interleaved complex (even length): "
                    + observations.length);
        }
        if (!ComplexVectors.allFinite(observations) || !ComplexVectors.allFinite(target)) {
            throw new IllegalArgumentException("a training sample must be finite (no NaN or infinity)");
        }
    }
}
