package io.sparserepro.core.complex;

import io.sparserepro.core.Checks;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Generators of complex instances: the unfolding paper's Fig. 3 setting (SPEC-UNFOLDING,
 * {@code utils/data_gen.py}) on a partial DFT. Every draw comes from the caller's generator.
 */
public final class ComplexProblems {
    private ComplexProblems() {
    }

    /** {@code size} distinct indices of {0..n−1}, drawn uniformly, sorted: the hidden set. */
    public static int[] hiddenSet(int n, int size, UniformRandomProvider rng) {
        Checks.requireInRange("size", size, 1, n);
        return sortedSample(rangeOf(n), size, rng);
    }

    /**
     * One structured instance: x real, supported on {@code sparsity} indices drawn without
     * replacement from {@code hidden}, N(0, 1) amplitudes scaled to ‖x‖ = 1; y = A x + e with
     * e complex Gaussian, real and imaginary parts N(0, σ²/(2m)) (so E‖e‖² = σ²).
     */
    public static ComplexProblem structured(ComplexLinearOperator a, int[] hidden, int sparsity, double sigma,
                                            UniformRandomProvider rng) {
        Checks.requireNonNull("a", a);
        Checks.requireNonNull("hidden", hidden);
        Checks.requireInRange("sparsity", sparsity, 1, hidden.length);
        Checks.requireNonNegative("sigma", sigma);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int[] support = sortedSample(hidden, sparsity, rng);
        double[] amplitudes = new double[sparsity];
        double norm = 0;
        for (int i = 0; i < sparsity; i++) {
            amplitudes[i] = gauss.sample();
            norm += amplitudes[i] * amplitudes[i];
        }
        norm = Math.sqrt(norm);
        double[] x = new double[2 * a.cols()];
        for (int i = 0; i < sparsity; i++) {
            x[2 * support[i]] = amplitudes[i] / norm;
        }
        int m = a.rows();
        double[] y = new double[2 * m];
        a.apply(x, y);
        double sd = sigma / Math.sqrt(2.0 * m);
        for (int i = 0; i < 2 * m; i++) {
            y[i] += sd * gauss.sample();
        }
        return new ComplexProblem(a, y, sparsity, x);
    }

    private static int[] rangeOf(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    private static int[] sortedSample(int[] from, int size, UniformRandomProvider rng) {
        int[] pool = from.clone();
        for (int i = 0; i < size; i++) {
            int j = i + rng.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] out = Arrays.copyOf(pool, size);
        Arrays.sort(out);
        return out;
    }
}
