package io.sparserepro.core.complex;

import java.util.Arrays;

/**
 * A complex linear map A: C^cols → C^rows, the complex sibling of
 * {@link io.sparserepro.core.linalg.LinearOperator} (EJML keeps parallel real and complex
 * families rather than one generic code; so do we). Vectors are <em>interleaved</em>
 * {@code double[]}: entry i is {@code (v[2i], v[2i+1])} = (re, im), so a complex vector of
 * length n is a {@code double[2n]}.
 *
 * <p>The contract every solver of the unfolding family relies on, so that none of them ever
 * needs {@code toDense()} and an implicit operator (FFT, DCT, convolution) can stand in for a
 * matrix: products with A and Aᴴ, one column, and the product on a support. Output buffers are
 * supplied by the caller and must not alias the input: hot loops allocate nothing.
 */
public interface ComplexLinearOperator {
    int rows();

    int cols();

    /** {@code out[0..2·rows) = A x} for an interleaved {@code x} of length 2·cols. */
    void apply(double[] x, double[] out);

    /** {@code out[0..2·cols) = Aᴴ r} (conjugate transpose) for an interleaved {@code r} of length 2·rows. */
    void applyAdjoint(double[] r, double[] out);

    /** Copies column {@code j} (interleaved) into {@code out[0..2·rows)}. */
    void column(int j, double[] out);

    /**
     * {@code out = A p} for a <em>real</em> vector p of length cols (Soft-OMP's B = A Pᵀ is built
     * from real selection rows). The default skips entries that are exactly 0, which a
     * softsort row at small τ is almost everywhere; the sum is then bit-identical to the full
     * product's, because adding an exact zero changes nothing.
     */
    default void applyReal(double[] p, double[] out) {
        Arrays.fill(out, 0, 2 * rows(), 0.0);
        double[] col = new double[2 * rows()];
        for (int j = 0; j < cols(); j++) {
            double c = p[j];
            if (c != 0.0) {
                column(j, col);
                for (int i = 0; i < col.length; i++) {
                    out[i] += c * col[i];
                }
            }
        }
    }

    /**
     * {@code out = Σ_i c_i · A[:, support[i]]} for {@code i < size}, with interleaved complex
     * coefficients {@code c}: touches only the columns on the support.
     */
    default void applyOnSupport(int[] support, double[] coefficients, int size, double[] out) {
        Arrays.fill(out, 0, 2 * rows(), 0.0);
        double[] col = new double[2 * rows()];
        for (int s = 0; s < size; s++) {
            column(support[s], col);
            double cr = coefficients[2 * s];
            double ci = coefficients[2 * s + 1];
            for (int i = 0; i < rows(); i++) {
                double ar = col[2 * i];
                double ai = col[2 * i + 1];
                out[2 * i] += cr * ar - ci * ai;
                out[2 * i + 1] += cr * ai + ci * ar;
            }
        }
    }
}
