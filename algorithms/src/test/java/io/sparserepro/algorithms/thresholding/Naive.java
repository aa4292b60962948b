package io.sparserepro.algorithms.thresholding;

import io.sparserepro.core.linalg.DenseMatrix;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Textbook building blocks for the reference implementations in the tests: plain loops, a
 * full sort for largest-k, least squares refactorised from scratch with Commons Math's QR.
 * Nothing here shares code with the solvers under test.
 */
final class Naive {
    private Naive() {
    }

    /** A x with plain loops. */
    static double[] apply(DenseMatrix a, double[] x) {
        double[] out = new double[a.rows()];
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                out[i] += a.get(i, j) * x[j];
            }
        }
        return out;
    }

    /** Aᵀ r with plain loops. */
    static double[] applyTransposed(DenseMatrix a, double[] r) {
        double[] out = new double[a.cols()];
        for (int j = 0; j < a.cols(); j++) {
            double s = 0;
            for (int i = 0; i < a.rows(); i++) {
                s += a.get(i, j) * r[i];
            }
            out[j] = s;
        }
        return out;
    }

    static double[] residual(DenseMatrix a, double[] y, double[] x) {
        double[] ax = apply(a, x);
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = y[i] - ax[i];
        }
        return r;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    /** The k largest |v_i| by a full sort on (|v_i| descending, i ascending), returned sorted. */
    static int[] largestK(double[] v, int k) {
        Integer[] order = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -Math.abs(v[i]))
                .thenComparingInt(i -> i));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = order[i];
        }
        Arrays.sort(out);
        return out;
    }

    /** The k largest |v_i| among the indices {@code within}, returned sorted. */
    static int[] largestK(double[] v, int[] within, int k) {
        double[] restricted = new double[within.length];
        for (int c = 0; c < within.length; c++) {
            restricted[c] = v[within[c]];
        }
        int[] positions = largestK(restricted, k);
        int[] out = new int[k];
        for (int c = 0; c < k; c++) {
            out[c] = within[positions[c]];
        }
        Arrays.sort(out);
        return out;
    }

    /** argmin_{supp(z) ⊆ support} ‖y − A z‖ by a Householder QR of A_S computed from scratch. */
    static double[] leastSquares(DenseMatrix a, double[] y, int[] support) {
        double[][] columns = new double[a.rows()][support.length];
        for (int i = 0; i < a.rows(); i++) {
            for (int c = 0; c < support.length; c++) {
                columns[i][c] = a.get(i, support[c]);
            }
        }
        RealVector z = new QRDecomposition(new Array2DRowRealMatrix(columns, false))
                .getSolver().solve(new ArrayRealVector(y));
        double[] x = new double[a.cols()];
        for (int c = 0; c < support.length; c++) {
            x[support[c]] = z.getEntry(c);
        }
        return x;
    }

    static int[] union(int[] a, int[] b) {
        return IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().sorted().toArray();
    }

    static double[] restrict(double[] v, int[] support) {
        double[] out = new double[v.length];
        for (int j : support) {
            out[j] = v[j];
        }
        return out;
    }
}
