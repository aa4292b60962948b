package io.sparserepro.core.problem;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseMatrix;

/**
 * Convolution matrices for spike deconvolution, the SEA paper's Figs. 3–4 setting ("A a
 * convolution by a smooth (Gaussian) kernel — strongly coherent neighbouring columns —
 * normalised columns", m = n = 500). The paper's exact kernel width is not known here
 * (SPEC-SEA: a parameter with a documented default); it is an argument.
 */
public final class ConvolutionMatrices {
    private ConvolutionMatrices() {
    }

    /**
     * The n×n matrix of the convolution by the sampled Gaussian kernel
     * g(t) = exp(−t² / (2·width²)) with "same"-size output and zero padding: entry (i, j) is
     * g(i − j) for all 0 ≤ i, j &lt; n, so a spike at j is observed as a bump centred on row j,
     * cut off where it leaves [0, n). The kernel is not truncated otherwise (its far tail simply
     * underflows to 0). Each column is then scaled to unit ℓ2 norm; border columns, whose bump
     * is cut, get a larger scale than interior ones, which all share the same norm.
     *
     * <p>Only the square case (m = n) is provided, as in the paper; the matrix is deterministic
     * and draws nothing from a generator.
     *
     * <p>Coherence: for interior columns the correlation of columns j and j + d is
     * Σₜ g(t) g(t − d) / Σₜ g(t)² ≈ exp(−d² / (4·width²)) (exact for the continuous Gaussian,
     * and for the sampled one up to aliasing terms of order exp(−π²·width²)), i.e. ≈ 0.973 for
     * neighbours at width 3, the "0.97" of SPEC-SEA.
     *
     * @param n     the signal length and number of observations, ≥ 1
     * @param width the kernel's standard deviation, in samples; positive and finite
     */
    public static DenseMatrix gaussianKernel(int n, double width) {
        checkSize(n);
        Checks.requirePositive("width", width);
        // g depends only on |i − j|: n evaluations of exp instead of n².
        double[] kernel = new double[n];
        double twoVariance = 2.0 * width * width;
        // g(0) = 1 set apart: for a width so small that 2·width² underflows, 0/0 would be NaN.
        kernel[0] = 1.0;
        for (int d = 1; d < n; d++) {
            kernel[d] = Math.exp(-((double) d * d) / twoVariance);
        }
        double[] data = new double[n * n];
        for (int j = 0; j < n; j++) {
            int offset = j * n;
            for (int i = 0; i < n; i++) {
                data[offset + i] = kernel[Math.abs(i - j)];
            }
        }
        // Never zero: entry (j, j) is g(0) = 1.
        SequentialNorms.normalizeColumns(data, n, n, "convolution matrix");
        return DenseMatrix.wrapColumnMajor(n, n, data);
    }

    static void checkSize(int n) {
        Checks.requirePositive("n", n);
        if ((long) n * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("n × n must fit in one Java array: " + n + " × " + n);
        }
    }
}
