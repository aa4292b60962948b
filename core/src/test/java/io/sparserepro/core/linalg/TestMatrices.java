package io.sparserepro.core.linalg;

import java.util.SplittableRandom;

/** Small deterministic fixtures for the linear algebra tests. */
final class TestMatrices {
    private TestMatrices() {
    }

    static DenseMatrix gaussian(int m, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] data = new double[m * n];
        for (int i = 0; i < data.length; i++) {
            data[i] = gaussian(rng);
        }
        return DenseMatrix.wrapColumnMajor(m, n, data);
    }

    static double[] gaussianVector(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = gaussian(rng);
        }
        return v;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box–Muller; enough for fixtures.
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * Columns of a smooth Gaussian convolution (width in samples), unit-normalised:
     * neighbouring columns are strongly coherent, as in spike deconvolution.
     */
    static DenseMatrix smoothConvolution(int n, double width) {
        DenseMatrix a = DenseMatrix.zeros(n, n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double t = (i - j) / width;
                a.set(i, j, Math.exp(-0.5 * t * t));
            }
        }
        return a.normalizeColumns();
    }

    static double[] naiveMultiply(DenseMatrix a, double[] x) {
        double[] out = new double[a.rows()];
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                out[i] += a.get(i, j) * x[j];
            }
        }
        return out;
    }

    static double[] naiveMultiplyTransposed(DenseMatrix a, double[] r) {
        double[] out = new double[a.cols()];
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                out[j] += a.get(i, j) * r[i];
            }
        }
        return out;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
