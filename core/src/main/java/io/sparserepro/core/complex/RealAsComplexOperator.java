package io.sparserepro.core.complex;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseKernel;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.linalg.LinearOperator;
import java.util.Arrays;

/**
 * A real operator seen as a complex one: A(x + iy) = Ax + iAy, Aᴴ = Aᵀ. The real and
 * imaginary parts go through the real operator separately, and a part that is all zero (real
 * data: always the imaginary part) is skipped, so a complex solver on real data costs about
 * what a real one does. A dense operator uses the active (possibly vectorised) dense kernel.
 * Not thread-safe (it keeps split buffers): one per solve.
 */
public final class RealAsComplexOperator implements ComplexLinearOperator {
    private final LinearOperator a;
    private final DenseMatrix dense;
    private final DenseKernel kernel = DenseKernels.active();
    private final double[] inRe;
    private final double[] inIm;
    private final double[] outRe;

    public RealAsComplexOperator(LinearOperator a) {
        this.a = Checks.requireNonNull("a", a);
        this.dense = a instanceof DenseMatrix d ? d : null;
        int big = Math.max(a.rows(), a.cols());
        inRe = new double[big];
        inIm = new double[big];
        outRe = new double[big];
    }

    /** The real operator. */
    public LinearOperator real() {
        return a;
    }

    @Override
    public int rows() {
        return a.rows();
    }

    @Override
    public int cols() {
        return a.cols();
    }

    @Override
    public void apply(double[] x, double[] out) {
        product(x, a.cols(), a.rows(), out, false);
    }

    @Override
    public void applyAdjoint(double[] r, double[] out) {
        product(r, a.rows(), a.cols(), out, true);
    }

    private void product(double[] in, int inLength, int outLength, double[] out, boolean adjoint) {
        boolean hasImaginary = false;
        for (int i = 0; i < inLength; i++) {
            inRe[i] = in[2 * i];
            inIm[i] = in[2 * i + 1];
            hasImaginary |= inIm[i] != 0.0;
        }
        realProduct(inRe, outRe, adjoint);
        for (int i = 0; i < outLength; i++) {
            out[2 * i] = outRe[i];
        }
        if (hasImaginary) {
            realProduct(inIm, outRe, adjoint);
            for (int i = 0; i < outLength; i++) {
                out[2 * i + 1] = outRe[i];
            }
        } else {
            for (int i = 0; i < outLength; i++) {
                out[2 * i + 1] = 0.0;
            }
        }
    }

    private void realProduct(double[] in, double[] out, boolean adjoint) {
        if (dense != null) {
            if (adjoint) {
                kernel.multiplyTransposed(dense.data(), dense.rows(), dense.cols(), in, out);
            } else {
                kernel.multiply(dense.data(), dense.rows(), dense.cols(), in, out);
            }
        } else if (adjoint) {
            a.applyAdjoint(Arrays.copyOf(in, a.rows()), out);
        } else {
            a.apply(Arrays.copyOf(in, a.cols()), out);
        }
    }

    @Override
    public void column(int j, double[] out) {
        Checks.requireInRange("j", j, 0, a.cols() - 1);
        a.column(j, outRe);
        for (int i = 0; i < a.rows(); i++) {
            out[2 * i] = outRe[i];
            out[2 * i + 1] = 0.0;
        }
    }

    @Override
    public void applyReal(double[] p, double[] out) {
        int m = a.rows();
        Arrays.fill(out, 0, 2 * m, 0.0);
        if (dense == null) {
            ComplexLinearOperator.super.applyReal(p, out);
            return;
        }
        double[] data = dense.data();
        int nonZeros = 0;
        for (int j = 0; j < a.cols(); j++) {
            nonZeros += p[j] != 0.0 ? 1 : 0;
        }
        if (nonZeros > a.cols() / 4) {
            // A spread-out softsort row (large τ, or small scores late in Soft-OMP): one blocked
            // product beats hundreds of short axpys.
            kernel.multiply(data, m, a.cols(), p, outRe);
        } else {
            // Only the real parts are touched; entries of p that are exactly 0 are skipped (see the contract).
            Arrays.fill(outRe, 0, m, 0.0);
            for (int j = 0; j < a.cols(); j++) {
                double c = p[j];
                if (c != 0.0) {
                    kernel.axpy(c, data, j * m, outRe, 0, m);
                }
            }
        }
        for (int i = 0; i < m; i++) {
            out[2 * i] = outRe[i];
        }
    }
}
