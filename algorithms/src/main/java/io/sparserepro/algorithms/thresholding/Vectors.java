package io.sparserepro.algorithms.thresholding;

import io.sparserepro.core.linalg.DenseKernel;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.DenseMatrix;

/** Allocation-free vector steps shared by the thresholding solvers. */
final class Vectors {
    /**
     * ‖A‖₂ from Lanczos (a Ritz value) approaches the true value from below; the step 1/‖A‖₂² uses
     * the estimate inflated by this relative margin, so that μ‖A‖₂² ≤ 1 holds for the true
     * norm (the condition of the IHT majorisation argument) and not just for the estimate.
     */
    static final double SPECTRAL_NORM_MARGIN = 1e-6;

    private Vectors() {
    }

    /** 1/‖A‖₂², with ‖A‖₂ the Lanczos estimate times (1 + {@link #SPECTRAL_NORM_MARGIN}). */
    static double inverseSquaredSpectralNorm(DenseMatrix a) {
        double norm = a.spectralNorm() * (1 + SPECTRAL_NORM_MARGIN);
        return 1.0 / (norm * norm);
    }

    /** {@code r = y − Σ_{c<size} x[support[c]] · A[:, support[c]]}: O(m·size). */
    static void residual(DenseMatrix a, double[] y, double[] x, int[] support, int size, double[] r) {
        int m = a.rows();
        System.arraycopy(y, 0, r, 0, m);
        DenseKernel kernel = DenseKernels.active();
        double[] data = a.data();
        for (int c = 0; c < size; c++) {
            int j = support[c];
            double v = x[j];
            if (v != 0.0) {
                kernel.axpy(-v, data, j * m, r, 0, m);
            }
        }
    }

    /** Whether the sorted index sets {@code a[0..size)} and {@code b[0..size)} are equal. */
    static boolean sameSupport(int[] a, int[] b, int size) {
        for (int c = 0; c < size; c++) {
            if (a[c] != b[c]) {
                return false;
            }
        }
        return true;
    }

    /** Sets {@code x[support[c]] = 0} for {@code c < size}: clears a sparse vector in O(size). */
    static void clear(double[] x, int[] support, int size) {
        for (int c = 0; c < size; c++) {
            x[support[c]] = 0.0;
        }
    }

    /**
     * Replaces the sparse vector x (supported on the sorted {@code oldSupport[0..oldSize)}) by
     * z restricted to the sorted {@code newSupport[0..newSize)}, touching only those entries,
     * and returns ‖x_new − x_old‖₂².
     */
    static double replaceSparse(double[] x, int[] oldSupport, int oldSize, double[] z,
                                int[] newSupport, int newSize) {
        double changeSquared = 0;
        int i = 0;
        int j = 0;
        while (i < oldSize || j < newSize) {
            if (j == newSize || (i < oldSize && oldSupport[i] < newSupport[j])) {
                double d = x[oldSupport[i++]];
                changeSquared += d * d;
            } else if (i == oldSize || newSupport[j] < oldSupport[i]) {
                double d = z[newSupport[j++]];
                changeSquared += d * d;
            } else {
                int c = oldSupport[i];
                double d = z[c] - x[c];
                changeSquared += d * d;
                i++;
                j++;
            }
        }
        clear(x, oldSupport, oldSize);
        for (int c = 0; c < newSize; c++) {
            x[newSupport[c]] = z[newSupport[c]];
        }
        return changeSquared;
    }
}
