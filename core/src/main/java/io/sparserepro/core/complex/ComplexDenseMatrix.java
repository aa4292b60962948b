package io.sparserepro.core.complex;

import io.sparserepro.core.Checks;
import java.util.Arrays;

/**
 * A dense complex matrix, column-major and interleaved: entry (i, j) is
 * {@code (data[2(j·rows + i)], data[2(j·rows + i) + 1])} = (re, im), so a column is one
 * contiguous interleaved vector (EJML's {@code ZMatrixRMaj} interleaves the same way, row-major).
 */
public final class ComplexDenseMatrix implements ComplexLinearOperator {
    private final int rows;
    private final int cols;
    private final double[] data;

    private ComplexDenseMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** An all-zero rows×cols matrix. */
    public static ComplexDenseMatrix zeros(int rows, int cols) {
        Checks.requirePositive("rows", rows);
        Checks.requirePositive("cols", cols);
        return new ComplexDenseMatrix(rows, cols, new double[2 * rows * cols]);
    }

    /** Wraps (does not copy) interleaved column-major data of length 2·rows·cols. */
    public static ComplexDenseMatrix wrap(int rows, int cols, double[] data) {
        Checks.requirePositive("rows", rows);
        Checks.requirePositive("cols", cols);
        Checks.requireLength("data", data, 2 * rows * cols);
        return new ComplexDenseMatrix(rows, cols, data);
    }

    /** The complex copy (zero imaginary parts) of a real column-major matrix. */
    public static ComplexDenseMatrix fromReal(io.sparserepro.core.linalg.DenseMatrix a) {
        Checks.requireNonNull("a", a);
        double[] re = a.data();
        double[] data = new double[2 * re.length];
        for (int i = 0; i < re.length; i++) {
            data[2 * i] = re[i];
        }
        return new ComplexDenseMatrix(a.rows(), a.cols(), data);
    }

    /** The dense copy of any complex operator, column by column. */
    public static ComplexDenseMatrix copyOf(ComplexLinearOperator a) {
        Checks.requireNonNull("a", a);
        ComplexDenseMatrix d = zeros(a.rows(), a.cols());
        double[] col = new double[2 * a.rows()];
        for (int j = 0; j < a.cols(); j++) {
            a.column(j, col);
            System.arraycopy(col, 0, d.data, 2 * j * a.rows(), col.length);
        }
        return d;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    /** The backing array (interleaved, column-major), not a copy. */
    public double[] data() {
        return data;
    }

    public double re(int i, int j) {
        return data[2 * (j * rows + i)];
    }

    public double im(int i, int j) {
        return data[2 * (j * rows + i) + 1];
    }

    public void set(int i, int j, double re, double im) {
        Checks.requireInRange("i", i, 0, rows - 1);
        Checks.requireInRange("j", j, 0, cols - 1);
        data[2 * (j * rows + i)] = re;
        data[2 * (j * rows + i) + 1] = im;
    }

    @Override
    public void apply(double[] x, double[] out) {
        checkLengths("x", x, cols, "out", out, rows);
        Arrays.fill(out, 0, 2 * rows, 0.0);
        for (int j = 0; j < cols; j++) {
            double xr = x[2 * j];
            double xi = x[2 * j + 1];
            if (xr == 0.0 && xi == 0.0) {
                continue;
            }
            int base = 2 * j * rows;
            for (int i = 0; i < rows; i++) {
                double ar = data[base + 2 * i];
                double ai = data[base + 2 * i + 1];
                out[2 * i] += ar * xr - ai * xi;
                out[2 * i + 1] += ar * xi + ai * xr;
            }
        }
    }

    @Override
    public void applyAdjoint(double[] r, double[] out) {
        checkLengths("r", r, rows, "out", out, cols);
        for (int j = 0; j < cols; j++) {
            int base = 2 * j * rows;
            double sr = 0;
            double si = 0;
            for (int i = 0; i < rows; i++) {
                double ar = data[base + 2 * i];
                double ai = data[base + 2 * i + 1];
                double rr = r[2 * i];
                double ri = r[2 * i + 1];
                // conj(a)·r
                sr += ar * rr + ai * ri;
                si += ar * ri - ai * rr;
            }
            out[2 * j] = sr;
            out[2 * j + 1] = si;
        }
    }

    @Override
    public void column(int j, double[] out) {
        Checks.requireInRange("j", j, 0, cols - 1);
        System.arraycopy(data, 2 * j * rows, out, 0, 2 * rows);
    }

    @Override
    public void applyReal(double[] p, double[] out) {
        Checks.requireLength("p", p, cols);
        Arrays.fill(out, 0, 2 * rows, 0.0);
        for (int j = 0; j < cols; j++) {
            double c = p[j];
            if (c != 0.0) {
                int base = 2 * j * rows;
                for (int i = 0; i < 2 * rows; i++) {
                    out[i] += c * data[base + i];
                }
            }
        }
    }

    private void checkLengths(String inName, double[] in, int inLength, String outName, double[] out, int outLength) {
        if (in.length < 2 * inLength || out.length < 2 * outLength) {
            throw new IllegalArgumentException(inName + " must hold " + inLength + " and " + outName + " " + outLength
                    + " interleaved complex entries for the " + rows + "×" + cols + " matrix: lengths " + in.length
                    + ", " + out.length);
        }
    }
}
