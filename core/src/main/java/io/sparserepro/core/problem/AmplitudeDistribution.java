package io.sparserepro.core.problem;

import io.sparserepro.core.Checks;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The law of the non-zero entries of x*. Every value is non-zero, so a drawn k-sparse vector
 * has exactly k non-zeros and its support is well defined.
 *
 * <p>Each constant has a stable lowercase {@link #configName()} used in experiment configs
 * and result files; {@link #fromName} reads it back. The number and order of generator calls
 * per value are documented on each constant because they define reproducibility.
 */
public enum AmplitudeDistribution {
    /**
     * Uniform on [−2, −1] ∪ [1, 2], the default of the SEA paper's experiments (Figs. 2–4:
     * "non-zero entries drawn uniformly in [−2, −1] ∪ [1, 2]"). Drawn as a sign (one
     * {@code nextBoolean()}, + when true) and then a magnitude {@code 1 + nextDouble()} in
     * [1, 2) — the open end has probability zero under the intended law. Magnitudes bounded
     * away from zero keep the smallest entry of x* comparable to the others, which is what
     * the papers' recovery guarantees ask for.
     */
    UNIFORM_PLUS_MINUS_ONE_TO_TWO("uniform-1-2") {
        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            Checks.requireNonNull("rng", rng);
            return () -> {
                double sign = rng.nextBoolean() ? 1.0 : -1.0;
                return sign * (1.0 + rng.nextDouble());
            };
        }
    },
    /**
     * Standard normal N(0, 1) via Commons RNG's {@link ZigguratSampler.NormalizedGaussian},
     * redrawing on an exact zero (an event of probability zero, excluded so that the support
     * has exactly k entries). Used by the appendix's "other distributions of x*".
     */
    GAUSSIAN("gaussian") {
        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            Checks.requireNonNull("rng", rng);
            ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
            return () -> {
                double v;
                do {
                    v = gaussian.sample();
                } while (v == 0.0);
                return v;
            };
        }
    },
    /** ±1 with probability 1/2 each: one {@code nextBoolean()}, + when true. */
    RADEMACHER("rademacher") {
        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            Checks.requireNonNull("rng", rng);
            return () -> rng.nextBoolean() ? 1.0 : -1.0;
        }
    };

    private final String configName;

    AmplitudeDistribution(String configName) {
        this.configName = configName;
    }

    /** The stable name used in configs and result files, e.g. {@code uniform-1-2}. */
    public String configName() {
        return configName;
    }

    /** A sampler of this law drawing from {@code rng} (which it keeps and advances). */
    public abstract ContinuousSampler sampler(UniformRandomProvider rng);

    /** Fills {@code out} with i.i.d. draws, in index order. */
    public void fill(double[] out, UniformRandomProvider rng) {
        Checks.requireNonNull("out", out);
        ContinuousSampler s = sampler(rng);
        for (int i = 0; i < out.length; i++) {
            out[i] = s.sample();
        }
    }

    /** The constant whose {@link #configName()} is {@code name}, ignoring case. */
    public static AmplitudeDistribution fromName(String name) {
        Checks.requireNonNull("name", name);
        for (AmplitudeDistribution d : values()) {
            if (d.configName.equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("name must be one of "
                + Arrays.stream(values()).map(d -> d.configName).collect(Collectors.joining(", "))
                + ": " + name);
    }
}
