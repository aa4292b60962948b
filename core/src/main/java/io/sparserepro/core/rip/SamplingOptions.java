package io.sparserepro.core.rip;

import io.sparserepro.core.Checks;

/**
 * Options of {@link RestrictedIsometry#sampledLowerBound(io.sparserepro.core.linalg.DenseMatrix,
 * int, SamplingOptions, org.apache.commons.rng.UniformRandomProvider)}.
 *
 * @param samples           uniformly random supports to examine, at least 1
 * @param localSearchPasses passes of greedy swap refinement after sampling; 0 disables it. Each
 *                          pass costs s·(n − s) eigenvalue computations.
 */
public record SamplingOptions(int samples, int localSearchPasses) {

    public SamplingOptions {
        Checks.requirePositive("samples", samples);
        Checks.requireNonNegative("localSearchPasses", localSearchPasses);
    }

    /** Random sampling only, no local search. */
    public static SamplingOptions of(int samples) {
        return new SamplingOptions(samples, 0);
    }

    public SamplingOptions withSamples(int newSamples) {
        return new SamplingOptions(newSamples, localSearchPasses);
    }

    public SamplingOptions withLocalSearchPasses(int passes) {
        return new SamplingOptions(samples, passes);
    }
}
