package io.sparserepro.core.linalg;

/**
 * The hot dense kernels on column-major {@code double[]} storage. Two implementations exist:
 * {@link ScalarKernel} (plain loops, always available) and a Vector API one that is used only
 * when the {@code jdk.incubator.vector} module is present at run time. Reach them through
 * {@link DenseKernels}.
 */
public interface DenseKernel {
    /** {@code out[0..m) = A x} for the m×n column-major matrix stored in {@code a}. */
    void multiply(double[] a, int m, int n, double[] x, double[] out);

    /** {@code out[0..n) = Aᵀ r} for the m×n column-major matrix stored in {@code a}. */
    void multiplyTransposed(double[] a, int m, int n, double[] r, double[] out);

    /** {@code Σ_{i<len} a[aOffset+i] · b[bOffset+i]}. */
    double dot(double[] a, int aOffset, double[] b, int bOffset, int len);

    /** {@code y[yOffset+i] += alpha · x[xOffset+i]} for {@code i < len}. */
    void axpy(double alpha, double[] x, int xOffset, double[] y, int yOffset, int len);

    /**
     * Plane rotation (BLAS drot): {@code x' = c·x + s·y, y' = c·y − s·x} on
     * {@code x[xOffset..xOffset+len)} and {@code y[yOffset..yOffset+len)} (may be one array,
     * non-overlapping ranges).
     */
    void rotate(double c, double s, double[] x, int xOffset, double[] y, int yOffset, int len);

    /** A short name for logs and benchmark reports. */
    String name();
}
