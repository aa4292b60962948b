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

    /**
     * {@code y[yOffset+i] −= Σ_{c<cols} a[offset + i + c·ld] · x[xOffset+c]} for i &lt; rows: a
     * matrix–vector product with a sub-block of a column-major array (BLAS dgemv "N" with
     * α = −1, β = 1). {@code y} must not overlap the block or {@code x[xOffset..xOffset+cols)}.
     */
    void multiplySubtract(double[] a, int offset, int ld, int rows, int cols, double[] x, int xOffset, double[] y,
            int yOffset);

    /**
     * {@code y[yOffset+c] −= Σ_{i<rows} a[offset + i + c·ld] · x[xOffset+i]} for c &lt; cols (BLAS
     * dgemv "T" with α = −1, β = 1). {@code y[yOffset..yOffset+cols)} must not overlap
     * {@code x[xOffset..xOffset+rows)}.
     */
    void multiplyTransposedSubtract(double[] a, int offset, int ld, int rows, int cols, double[] x, int xOffset,
            double[] y, int yOffset);

    /**
     * {@code y[0..len) −= Σ_{t<count} coefficients[t] · columns[indices[t]][0..len)}: a linear
     * combination of separately stored columns (such as cached Gram columns), several columns
     * per pass over {@code y}.
     */
    void subtractCombination(double[][] columns, int[] indices, double[] coefficients, int count, double[] y, int len);

    /**
     * One block-column step of a left-looking blocked Cholesky factorisation (the update and
     * triangular solve of LAPACK's dpotrf, fused) on the column-major array {@code l} with
     * leading dimension {@code ld}. For the rows i ∈ [rowStart, rowEnd) and the columns
     * c ∈ [col, col + width):
     * <pre>
     *   l[i, c] −= Σ_{p &lt; depth} l[i, p]·l[c, p]          (the GEMM / SYRK update)
     * </pre>
     * then, if {@code reciprocals} is not null, the row block X = l[rows, col..col+width) is
     * replaced by X·L_JJ⁻ᵀ, where L_JJ is the lower triangle l[col..col+width, col..col+width)
     * (already factorised) and {@code reciprocals[c]} = 1/l[col+c, col+c].
     *
     * <p>Requirements (not checked, for speed): 1 ≤ width ≤ 8; rowEnd − rowStart is a multiple
     * of 8; the rows [rowStart, rowEnd) do not meet the rows [col, col + width) when solving;
     * depth ≤ col. The kernel may <em>read</em> (never write) up to 8 columns from col and up to
     * rows col + 7, so {@code l} must hold them; {@code reciprocals} has length ≥ 8.
     */
    void choleskyBlockColumn(double[] l, int ld, int col, int width, int depth, int rowStart, int rowEnd,
            double[] reciprocals);

    /** A short name for logs and benchmark reports. */
    String name();
}
