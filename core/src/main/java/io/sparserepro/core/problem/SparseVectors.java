package io.sparserepro.core.problem;

import io.sparserepro.core.Checks;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Random k-sparse vectors: a support drawn uniformly among the k-subsets of {0, …, n−1} and
 * amplitudes from an {@link AmplitudeDistribution}, as in the SEA paper's experiments
 * ("non-zero entries ... on a uniformly random support").
 *
 * <p><b>Draw order (part of the reproducibility contract).</b> First the support, by a
 * partial Fisher–Yates shuffle of (0, 1, …, n−1): for i = 0 … k−1, swap position i with
 * position {@code i + rng.nextInt(n − i)}; the first k positions, sorted ascending, are the
 * support. Then k amplitudes, assigned to the support indices in ascending order.
 */
public final class SparseVectors {
    private SparseVectors() {
    }

    /** A random k-sparse vector of length n; see the class comment for the draw order. */
    public static SparseVector random(int n, int k, AmplitudeDistribution amplitudes,
                                      UniformRandomProvider rng) {
        Checks.requirePositive("n", n);
        Checks.requireInRange("k", k, 1, n);
        Checks.requireNonNull("amplitudes", amplitudes);
        Checks.requireNonNull("rng", rng);
        int[] support = randomSupport(n, k, rng);
        double[] values = new double[n];
        ContinuousSampler sampler = amplitudes.sampler(rng);
        for (int index : support) {
            values[index] = sampler.sample();
        }
        return new SparseVector(values, support);
    }

    /**
     * A uniformly random k-subset of {0, …, n−1}, sorted ascending. Each of the C(n, k)
     * subsets is equally likely because the partial shuffle yields a uniform random ordered
     * k-prefix.
     */
    public static int[] randomSupport(int n, int k, UniformRandomProvider rng) {
        Checks.requirePositive("n", n);
        Checks.requireInRange("k", k, 1, n);
        Checks.requireNonNull("rng", rng);
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = indices[i];
            indices[i] = indices[j];
            indices[j] = t;
        }
        int[] support = Arrays.copyOf(indices, k);
        Arrays.sort(support);
        return support;
    }
}
