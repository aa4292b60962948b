package io.sparserepro.core.linalg;

/**
 * A real linear map A: R^cols → R^rows. Solvers see matrices through this interface so that
 * structured operators (convolutions, partial transforms) can later be applied implicitly;
 * {@link DenseMatrix} is the dense, column-major implementation.
 *
 * <p>Output buffers are supplied by the caller and must not alias the input: hot loops
 * allocate nothing.
 */
public interface LinearOperator {
    int rows();

    int cols();

    /** {@code out[0..rows) = A x}. */
    void apply(double[] x, double[] out);

    /** {@code out[0..cols) = Aᵀ r}. */
    void applyAdjoint(double[] r, double[] out);

    /** Copies column {@code j} into {@code out[0..rows)}. */
    void column(int j, double[] out);

    /**
     * {@code out = Σ_i coefficients[i] · A[:, support[i]]} for {@code i < size}: the product
     * of the columns on a support with their coefficients, touching only those columns.
     */
    default void applyOnSupport(int[] support, double[] coefficients, int size, double[] out) {
        java.util.Arrays.fill(out, 0, rows(), 0.0);
        double[] col = new double[rows()];
        for (int i = 0; i < size; i++) {
            column(support[i], col);
            double c = coefficients[i];
            for (int r = 0; r < col.length; r++) {
                out[r] += c * col[r];
            }
        }
    }

    /** A dense copy (or this operator, when it is already dense). */
    default DenseMatrix toDense() {
        double[] data = new double[rows() * cols()];
        double[] col = new double[rows()];
        for (int j = 0; j < cols(); j++) {
            column(j, col);
            System.arraycopy(col, 0, data, j * rows(), rows());
        }
        return DenseMatrix.wrapColumnMajor(rows(), cols(), data);
    }
}
