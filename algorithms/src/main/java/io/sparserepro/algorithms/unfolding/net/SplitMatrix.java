package io.sparserepro.algorithms.unfolding.net;

import io.sparserepro.core.complex.ComplexLinearOperator;
import io.sparserepro.core.linalg.DenseKernels;

/**
 * A read-only dense copy of the networks' operator A (m×N), row-major with real and imaginary
 * parts in separate arrays, and the few products the forward and reverse passes need.
 *
 * <p>Why a copy rather than the operator itself: (1) the networks are shared by every training
 * thread and some operators keep scratch buffers ({@code PartialDft.fast} is one per solve), a
 * read-only copy is safe to share; (2) most products in these networks are with vectors that are
 * exactly sparse at small τ (softsort rows, IHT iterates, their gradients), which a dense copy
 * serves in nnz·m; (3) the only dense product, Aᴴr, runs as m axpys over N split re/im arrays,
 * which the JIT vectorises (an interleaved column-major dot product is a serial reduction).
 * Vectors of length m stay interleaved (the interface's convention); length-N vectors the dense
 * product writes are split.
 */
final class SplitMatrix {
    /** Above n/8 non-zeros the dense (vectorised) product is cheaper than gathering (measured). */
    private static final int DENSE_FRACTION = 8;
    final int rows;
    final int cols;
    private final double[] re;
    private final double[] im;

    private SplitMatrix(int rows, int cols, double[] re, double[] im) {
        this.rows = rows;
        this.cols = cols;
        this.re = re;
        this.im = im;
    }

    static SplitMatrix of(ComplexLinearOperator a) {
        int m = a.rows();
        int n = a.cols();
        double[] re = new double[m * n];
        double[] im = new double[m * n];
        double[] column = new double[2 * m];
        for (int j = 0; j < n; j++) {
            a.column(j, column);
            for (int i = 0; i < m; i++) {
                re[i * n + j] = column[2 * i];
                im[i * n + j] = column[2 * i + 1];
            }
        }
        return new SplitMatrix(m, n, re, im);
    }

    /** (outRe + i·outIm)[offset..offset+N) = Aᴴ r for an interleaved r at {@code r[rOffset..rOffset+2m)}. */
    void adjoint(double[] r, int rOffset, double[] outRe, double[] outIm, int offset) {
        int n = cols;
        java.util.Arrays.fill(outRe, offset, offset + n, 0.0);
        java.util.Arrays.fill(outIm, offset, offset + n, 0.0);
        for (int i = 0; i < rows; i++) {
            double rr = r[rOffset + 2 * i];
            double ri = r[rOffset + 2 * i + 1];
            int base = i * n;
            // conj(A_ij)·r_i = (a − ib)(rr + i ri) = (a rr + b ri) + i(a ri − b rr), as four axpys
            // over the split rows (the suite's kernels: SIMD when the Vector API module is present).
            DenseKernels.axpy(rr, re, base, outRe, offset, n);
            DenseKernels.axpy(ri, im, base, outRe, offset, n);
            DenseKernels.axpy(ri, re, base, outIm, offset, n);
            DenseKernels.axpy(-rr, im, base, outIm, offset, n);
        }
    }

    /**
     * (Aᴴ r)_j for the columns j in {@code index[indexOffset..indexOffset+count)} only, into
     * {@code outRe[j], outIm[j]} (other entries untouched): O(count·m), for a reverse pass that
     * needs the gradient only where the next layer down uses it. Above N/8 columns the full
     * vectorised product is cheaper and is used instead (then every entry is written).
     */
    void adjointAt(int[] index, int indexOffset, int count, double[] r, double[] outRe, double[] outIm) {
        int n = cols;
        if (count > n / DENSE_FRACTION) {
            adjoint(r, 0, outRe, outIm, 0);
            return;
        }
        for (int k = 0; k < count; k++) {
            int j = index[indexOffset + k];
            double sr = 0;
            double si = 0;
            for (int i = 0; i < rows; i++) {
                double a = re[i * n + j];
                double b = im[i * n + j];
                double rr = r[2 * i];
                double ri = r[2 * i + 1];
                sr += a * rr + b * ri;
                si += a * ri - b * rr;
            }
            outRe[j] = sr;
            outIm[j] = si;
        }
    }

    /**
     * out (interleaved, 2m) = Σ_k A[:, index[k]]·(xRe + i·xIm)[index[k]] over k &lt; count: the
     * product with a vector that is zero outside {@code index} — {@code xRe} and {@code xIm}
     * must hold 0 at every other column (the dense path reads them all).
     */
    void applySparse(int[] index, int indexOffset, int count, double[] xRe, double[] xIm, double[] out) {
        int n = cols;
        if (count > n / DENSE_FRACTION) {
            // Many non-zeros (IHT's late layers carry tiny mask entries everywhere): four dense dot
            // products per row beat the gathers. xRe, xIm must then be 0 outside the index set.
            for (int i = 0; i < rows; i++) {
                int base = i * n;
                out[2 * i] = DenseKernels.dot(re, base, xRe, 0, n) - DenseKernels.dot(im, base, xIm, 0, n);
                out[2 * i + 1] = DenseKernels.dot(re, base, xIm, 0, n) + DenseKernels.dot(im, base, xRe, 0, n);
            }
            return;
        }
        for (int i = 0; i < rows; i++) {
            int base = i * n;
            double sr = 0;
            double si = 0;
            for (int k = 0; k < count; k++) {
                int j = index[indexOffset + k];
                double a = re[base + j];
                double b = im[base + j];
                double xr = xRe[j];
                double xi = xIm[j];
                sr += a * xr - b * xi;
                si += a * xi + b * xr;
            }
            out[2 * i] = sr;
            out[2 * i + 1] = si;
        }
    }

    /**
     * out (interleaved, 2m) = A p for a real p that is zero outside {@code index}, with its values
     * {@code values[k]} aligned to {@code index[k]} (k in [offset, offset + count)).
     */
    void applyCompressedReal(int[] index, double[] values, int offset, int count, double[] out) {
        int n = cols;
        for (int i = 0; i < rows; i++) {
            int base = i * n;
            double sr = 0;
            double si = 0;
            for (int k = offset; k < offset + count; k++) {
                int j = index[k];
                double p = values[k];
                sr += re[base + j] * p;
                si += im[base + j] * p;
            }
            out[2 * i] = sr;
            out[2 * i + 1] = si;
        }
    }

    /**
     * Re (Aᴴ g)_j for the single column j and an interleaved g of length 2m: the gradient of a
     * real coefficient p_j through b = A p (O(m)).
     */
    double adjointRealPart(int j, double[] g) {
        int n = cols;
        double s = 0;
        for (int i = 0; i < rows; i++) {
            s += re[i * n + j] * g[2 * i] + im[i * n + j] * g[2 * i + 1];
        }
        return s;
    }
}
