package io.sparserepro.core.problem;

import io.sparserepro.core.Checks;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Additive observation noise e in y = A x* + e. The noise has an isotropic Gaussian
 * direction and a <em>prescribed</em> norm (rather than i.i.d. entries of a given variance),
 * so every trial of a noisy experiment sees exactly the noise level its configuration names,
 * which is the quantity the recovery guarantees compare with the smallest entry of x*
 * (SPEC-SEA, Theorem 4.1).
 *
 * <p><b>Draw order.</b> m standard normal draws ({@link ZigguratSampler.NormalizedGaussian}) in
 * index order, then scaled. Zero noise draws nothing from the generator.
 */
public final class Noise {
    private Noise() {
    }

    /**
     * A vector of length {@code length} whose direction is uniform on the sphere and whose ℓ2
     * norm is {@code norm} up to rounding. {@code norm = 0} gives zeros and draws nothing.
     */
    public static double[] gaussianWithNorm(int length, double norm, UniformRandomProvider rng) {
        Checks.requirePositive("length", length);
        Checks.requireNonNegative("norm", norm);
        Checks.requireNonNull("rng", rng);
        double[] e = new double[length];
        if (norm == 0) {
            return e;
        }
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double g;
        do {
            for (int i = 0; i < length; i++) {
                e[i] = gaussian.sample();
            }
            g = SequentialNorms.norm2(e);
            // An all-zero draw has probability zero; redraw rather than divide by zero.
        } while (g == 0);
        double s = norm / g;
        for (int i = 0; i < length; i++) {
            e[i] *= s;
        }
        return e;
    }

    /**
     * {@code cleanY + e} (a new array) with ‖e‖₂ = {@code noiseNorm}; {@code cleanY} is not
     * modified. {@code noiseNorm = 0} returns a copy and draws nothing.
     */
    public static double[] withNorm(double[] cleanY, double noiseNorm, UniformRandomProvider rng) {
        Checks.requireFinite("cleanY", cleanY);
        if (cleanY.length == 0) {
            throw new IllegalArgumentException("cleanY must not be empty");
        }
        Checks.requireNonNegative("noiseNorm", noiseNorm);
        Checks.requireNonNull("rng", rng);
        double[] e = gaussianWithNorm(cleanY.length, noiseNorm, rng);
        for (int i = 0; i < e.length; i++) {
            e[i] += cleanY[i];
        }
        return e;
    }

    /**
     * {@code cleanY + e} with a signal-to-noise ratio of {@code snrDb} decibels:
     * ‖cleanY‖₂ / ‖e‖₂ = 10^(snrDb/20). {@code snrDb = +∞} means noiseless (a copy). A zero
     * {@code cleanY} gets zero noise, since any noise would make the ratio 0 rather than the
     * requested value.
     */
    public static double[] withSnrDb(double[] cleanY, double snrDb, UniformRandomProvider rng) {
        Checks.requireFinite("cleanY", cleanY);
        if (Double.isNaN(snrDb) || snrDb == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "snrDb must be finite or +Infinity (noiseless): " + snrDb);
        }
        return withNorm(cleanY, noiseNormForSnrDb(SequentialNorms.norm2(cleanY), snrDb), rng);
    }

    /** ‖e‖₂ = signalNorm / 10^(snrDb/20), the noise norm giving that SNR in decibels. */
    public static double noiseNormForSnrDb(double signalNorm, double snrDb) {
        Checks.requireNonNegative("signalNorm", signalNorm);
        if (Double.isNaN(snrDb) || snrDb == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "snrDb must be finite or +Infinity (noiseless): " + snrDb);
        }
        if (signalNorm == 0 || snrDb == Double.POSITIVE_INFINITY) {
            return 0;
        }
        double norm = signalNorm / Math.pow(10.0, snrDb / 20.0);
        if (!Double.isFinite(norm)) {
            throw new IllegalArgumentException("snrDb is so low that the noise norm overflows: "
                    + snrDb + " dB for a signal of norm " + signalNorm);
        }
        return norm;
    }
}
