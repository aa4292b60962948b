package io.sparserepro.core.rip;

import io.sparserepro.core.linalg.DenseKernel;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.DenseMatrix;

/**
 * Entries ⟨a_i, a_j⟩ of AᵀA, either read from a Gram matrix computed once or computed on demand
 * from the columns when n×n doubles would be too much memory (e.g. δ_1 or δ_2 of a very wide
 * matrix). Both modes use the same dot-product kernel on the same columns, so they give
 * bit-identical entries.
 */
final class GramEntries {
    /** Above this many columns the n×n Gram matrix (n² doubles, 32 MiB at 2048) is not formed. */
    static final int PRECOMPUTE_LIMIT = 2048;

    private final double[] columns;
    private final int rows;
    private final int cols;
    private final double[] gram;
    private final DenseKernel kernel = DenseKernels.active();

    GramEntries(DenseMatrix a, boolean precompute) {
        this.columns = a.data();
        this.rows = a.rows();
        this.cols = a.cols();
        this.gram = precompute ? a.gram().data() : null;
    }

    static GramEntries of(DenseMatrix a) {
        return new GramEntries(a, a.cols() <= PRECOMPUTE_LIMIT);
    }

    double entry(int i, int j) {
        if (gram != null) {
            return gram[j * cols + i];
        }
        // Order the arguments as gram() does (i ≤ j) so both modes agree to the bit.
        return i <= j ? kernel.dot(columns, i * rows, columns, j * rows, rows)
                : kernel.dot(columns, j * rows, columns, i * rows, rows);
    }

    /** Writes A_SᵀA_S (s×s, column-major, both triangles) for the first s entries of support. */
    void fill(int[] support, int s, double[] out) {
        for (int c = 0; c < s; c++) {
            int j = support[c];
            for (int r = c; r < s; r++) {
                double v = entry(support[r], j);
                out[c * s + r] = v;
                out[r * s + c] = v;
            }
        }
    }
}
