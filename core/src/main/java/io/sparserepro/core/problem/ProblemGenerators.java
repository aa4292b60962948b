package io.sparserepro.core.problem;

import io.sparserepro.core.operators.SubsampledDct;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseMatrix;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Factories of random problems y = A x* + e with known x* and S*, for the SEA paper's
 * experiments (SPEC-SEA, "Experiments to regenerate").
 *
 * <p><b>Draw order (part of the reproducibility contract).</b> (1) the matrix, when it is
 * random ({@link GaussianMatrices}); (2) x*: support, then amplitudes ({@link SparseVectors});
 * (3) the noise direction, only when the noise norm is positive ({@link Noise}). The clean
 * observations A x* are summed column by column in ascending support order in scalar code, so
 * y is bit-identical whichever dense kernel is active.
 *
 * <p>The {@code ...Generator} methods return {@link ProblemGenerator}s for experiments; the
 * deconvolution one builds its deterministic matrix once and shares it between the problems
 * it generates (solvers must not write into a problem's matrix).
 */
public final class ProblemGenerators {
    private ProblemGenerators() {
    }

    /**
     * A Gaussian problem (SEA paper, Fig. 2): A m×n with i.i.d. N(0, 1) entries and unit-norm
     * columns, x* k-sparse with the given amplitudes on a uniform support, ‖e‖₂ = noiseNorm.
     */
    public static Problem gaussian(int m, int n, int k, AmplitudeDistribution amplitudes,
                                   double noiseNorm, UniformRandomProvider rng) {
        checkGaussian(m, n, k, amplitudes, noiseNorm);
        Checks.requireNonNull("rng", rng);
        DenseMatrix a = GaussianMatrices.standardNormalUnitColumns(m, n, rng);
        return drawSignalAndNoise(a, k, amplitudes, noiseNorm, rng);
    }

    /** {@link #gaussian} as a generator (arguments validated now, not at the first draw). */
    public static ProblemGenerator gaussianGenerator(int m, int n, int k,
                                                     AmplitudeDistribution amplitudes,
                                                     double noiseNorm) {
        checkGaussian(m, n, k, amplitudes, noiseNorm);
        return rng -> gaussian(m, n, k, amplitudes, noiseNorm, rng);
    }

    /**
     * A spike-deconvolution problem (SEA paper, Figs. 3–4): A the n×n Gaussian convolution of
     * {@link ConvolutionMatrices#gaussianKernel} with standard deviation {@code kernelWidth}
     * samples, x* k spikes with the given amplitudes on a uniform support, ‖e‖₂ = noiseNorm.
     */
    public static Problem deconvolution(int n, int k, double kernelWidth,
                                        AmplitudeDistribution amplitudes, double noiseNorm,
                                        UniformRandomProvider rng) {
        checkDeconvolution(n, k, kernelWidth, amplitudes, noiseNorm);
        Checks.requireNonNull("rng", rng);
        return drawSignalAndNoise(ConvolutionMatrices.gaussianKernel(n, kernelWidth), k,
                amplitudes, noiseNorm, rng);
    }

    /**
     * {@link #deconvolution} as a generator; the matrix is built once, here, and shared by
     * every problem it generates.
     */
    public static ProblemGenerator deconvolutionGenerator(int n, int k, double kernelWidth,
                                                          AmplitudeDistribution amplitudes,
                                                          double noiseNorm) {
        checkDeconvolution(n, k, kernelWidth, amplitudes, noiseNorm);
        DenseMatrix a = ConvolutionMatrices.gaussianKernel(n, kernelWidth);
        return rng -> {
            Checks.requireNonNull("rng", rng);
            return drawSignalAndNoise(a, k, amplitudes, noiseNorm, rng);
        };
    }

    /**
     * Spike deconvolution with the settings the SEA paper's appendix and issue 12 vary: spikes
     * at least {@code minSeparation} samples apart ({@link SeparatedSupports}; 0 or 1 = the
     * paper's uniform positions, with exactly the draws of {@link #deconvolutionGenerator}),
     * and the noise as a norm or as a signal-to-noise ratio. The matrix is built once, here.
     *
     * @param noiseNorm ‖e‖₂, used when {@code snrDb} is NaN
     * @param snrDb     ‖A x*‖₂ / ‖e‖₂ in decibels ({@link Noise#withSnrDb}; +∞ = noiseless), or
     *                  NaN to use {@code noiseNorm}
     */
    public static ProblemGenerator deconvolutionGenerator(int n, int k, double kernelWidth,
                                                          AmplitudeDistribution amplitudes,
                                                          double noiseNorm, double snrDb,
                                                          int minSeparation) {
        checkDeconvolution(n, k, kernelWidth, amplitudes, noiseNorm);
        if (snrDb == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("snrDb must be finite, +Infinity (noiseless) or NaN (unused): " + snrDb);
        }
        Checks.requireNonNegative("minSeparation", minSeparation);
        if ((long) (k - 1) * Math.max(1, minSeparation) + 1 > n) {
            throw new IllegalArgumentException("minSeparation must allow k spikes in n samples, (k − 1)·d + 1 ≤ n: k = "
                    + k + ", n = " + n + ", d = " + minSeparation);
        }
        DenseMatrix a = ConvolutionMatrices.gaussianKernel(n, kernelWidth);
        return rng -> {
            Checks.requireNonNull("rng", rng);
            // Same order as drawSignalAndNoise: support, amplitudes in ascending support order, noise.
            int[] support = SeparatedSupports.random(n, k, minSeparation, rng);
            double[] values = new double[n];
            org.apache.commons.rng.sampling.distribution.ContinuousSampler sampler = amplitudes.sampler(rng);
            for (int index : support) {
                values[index] = sampler.sample();
            }
            SparseVector x = new SparseVector(values, support);
            double[] clean = multiplySequential(a, x);
            double[] y = Double.isNaN(snrDb) ? Noise.withNorm(clean, noiseNorm, rng) : Noise.withSnrDb(clean, snrDb, rng);
            return new Problem(a, y, k, x.values(), x.support());
        };
    }

    /**
     * A problem on a given matrix (not copied, not normalised): x* k-sparse with the given
     * amplitudes on a uniform support, y = A x* + e with ‖e‖₂ = noiseNorm.
     */
    public static Problem onMatrix(DenseMatrix a, int k, AmplitudeDistribution amplitudes,
                                   double noiseNorm, UniformRandomProvider rng) {
        Checks.requireNonNull("a", a);
        checkSignal(a.rows(), a.cols(), k, amplitudes, noiseNorm);
        Checks.requireNonNull("rng", rng);
        return drawSignalAndNoise(a, k, amplitudes, noiseNorm, rng);
    }

    /**
     * A compressive-sensing problem on an implicit operator: A = m random rows of the n-point
     * orthonormal DCT-II scaled by √(n/m) ({@link SubsampledDct}, never stored densely; the
     * solvers take their matrix-free paths above {@code MatrixFree}'s size threshold), the rows
     * drawn by a seed taken from {@code rng} and recorded in the operator, x* k-sparse with the
     * given amplitudes on a uniform support, ‖e‖₂ = noiseNorm. n must be a power of two.
     */
    public static ProblemGenerator subsampledDctGenerator(int m, int n, int k, AmplitudeDistribution amplitudes,
                                                          double noiseNorm) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("n must be a power of two ≥ 2 (the DCT is computed by FFT): " + n);
        }
        Checks.requireInRange("m", m, 1, n);
        Checks.requireInRange("k", k, 1, m);
        Checks.requireNonNull("amplitudes", amplitudes);
        Checks.requireFinite("noise", noiseNorm);
        Checks.requireNonNegative("noise", noiseNorm);
        return rng -> {
            SubsampledDct a = SubsampledDct.sample(n, m, rng.nextLong());
            SparseVector x = SparseVectors.random(n, k, amplitudes, rng);
            double[] y = new double[m];
            a.apply(x.values(), y);
            return new Problem(a, Noise.withNorm(y, noiseNorm, rng), k, x.values(), x.support());
        };
    }

    private static Problem drawSignalAndNoise(DenseMatrix a, int k, AmplitudeDistribution amplitudes,
                                              double noiseNorm, UniformRandomProvider rng) {
        SparseVector x = SparseVectors.random(a.cols(), k, amplitudes, rng);
        double[] y = Noise.withNorm(multiplySequential(a, x), noiseNorm, rng);
        return new Problem(a, y, k, x.values(), x.support());
    }

    /** A x summed over the support in ascending order, left to right in scalar code. */
    private static double[] multiplySequential(DenseMatrix a, SparseVector x) {
        int m = a.rows();
        double[] data = a.data();
        double[] values = x.values();
        double[] y = new double[m];
        for (int j : x.support()) {
            double v = values[j];
            for (int i = 0, o = j * m; i < m; i++) {
                y[i] += v * data[o + i];
            }
        }
        return y;
    }

    private static void checkGaussian(int m, int n, int k, AmplitudeDistribution amplitudes,
                                      double noiseNorm) {
        GaussianMatrices.checkShape(m, n);
        checkSignal(m, n, k, amplitudes, noiseNorm);
    }

    private static void checkDeconvolution(int n, int k, double kernelWidth,
                                           AmplitudeDistribution amplitudes, double noiseNorm) {
        ConvolutionMatrices.checkSize(n);
        Checks.requirePositive("kernelWidth", kernelWidth);
        checkSignal(n, n, k, amplitudes, noiseNorm);
    }

    private static void checkSignal(int m, int n, int k, AmplitudeDistribution amplitudes,
                                    double noiseNorm) {
        Checks.requireInRange("k", k, 1, Math.min(m, n));
        Checks.requireNonNull("amplitudes", amplitudes);
        Checks.requireNonNegative("noiseNorm", noiseNorm);
    }
}
