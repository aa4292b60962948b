package io.sparserepro.algorithms.unfolding.net;

import io.sparserepro.algorithms.unfolding.UnfoldingInputs;
import io.sparserepro.core.Checks;

/** Checks of the networks' per-sample inputs, at the public boundary before any work, and the sample loss. */
final class NetworkInputs {
    private NetworkInputs() {
    }

    static void checkObservations(double[] observations, int m) {
        Checks.requireNonNull("observations", observations);
        if (observations.length != 2 * m) {
            throw new IllegalArgumentException("observations must be interleaved complex of length 2m = " + 2 * m
                    + ": length " + observations.length);
        }
        for (int i = 0; i < observations.length; i++) {
            if (!Double.isFinite(observations[i])) {
                throw new IllegalArgumentException("observations must be finite: observations[" + i + "] = "
                        + observations[i]);
            }
        }
    }

    static void checkWeights(double[] weights, int n) {
        UnfoldingInputs.checkWeights(weights, n);
    }

    static void checkTarget(double[] target, int n) {
        Checks.requireNonNull("target", target);
        if (target.length != n) {
            throw new IllegalArgumentException("target must be real of length N = " + n + ": length " + target.length);
        }
        for (int j = 0; j < n; j++) {
            if (!Double.isFinite(target[j])) {
                throw new IllegalArgumentException("target must be finite: target[" + j + "] = " + target[j]);
            }
        }
    }

    /** ‖Re x̂ − x‖₂² (SPEC-UNFOLDING, OMP-Net and IHT-Net: only the real part is penalised). */
    static double loss(double[] estimate, double[] target, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            double d = estimate[2 * j] - target[j];
            s += d * d;
        }
        return s;
    }
}
