package io.sparserepro.core.linalg;

/**
 * Plain-loop kernels. Four columns are processed together so that {@code out} (for A x) or
 * {@code r} (for Aᵀ r) is read once per four columns instead of once per column: the kernels
 * are memory-bound and this quarters the traffic on the shared vector.
 */
final class ScalarKernel implements DenseKernel {
    static final ScalarKernel INSTANCE = new ScalarKernel();

    private ScalarKernel() {
    }

    @Override
    public void multiply(double[] a, int m, int n, double[] x, double[] out) {
        java.util.Arrays.fill(out, 0, m, 0.0);
        int j = 0;
        for (; j + 3 < n; j += 4) {
            double x0 = x[j], x1 = x[j + 1], x2 = x[j + 2], x3 = x[j + 3];
            int o0 = j * m, o1 = o0 + m, o2 = o1 + m, o3 = o2 + m;
            for (int i = 0; i < m; i++) {
                out[i] += x0 * a[o0 + i] + x1 * a[o1 + i] + x2 * a[o2 + i] + x3 * a[o3 + i];
            }
        }
        for (; j < n; j++) {
            axpy(x[j], a, j * m, out, 0, m);
        }
    }

    @Override
    public void multiplyTransposed(double[] a, int m, int n, double[] r, double[] out) {
        int j = 0;
        for (; j + 3 < n; j += 4) {
            int o0 = j * m, o1 = o0 + m, o2 = o1 + m, o3 = o2 + m;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int i = 0; i < m; i++) {
                double ri = r[i];
                s0 += a[o0 + i] * ri;
                s1 += a[o1 + i] * ri;
                s2 += a[o2 + i] * ri;
                s3 += a[o3 + i] * ri;
            }
            out[j] = s0;
            out[j + 1] = s1;
            out[j + 2] = s2;
            out[j + 3] = s3;
        }
        for (; j < n; j++) {
            out[j] = dot(a, j * m, r, 0, m);
        }
    }

    @Override
    public double dot(double[] a, int aOffset, double[] b, int bOffset, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += a[aOffset + i] * b[bOffset + i];
        }
        return s;
    }

    @Override
    public void axpy(double alpha, double[] x, int xOffset, double[] y, int yOffset, int len) {
        for (int i = 0; i < len; i++) {
            y[yOffset + i] += alpha * x[xOffset + i];
        }
    }

    @Override
    public void rotate(double c, double s, double[] x, int xOffset, double[] y, int yOffset, int len) {
        for (int i = 0; i < len; i++) {
            double xi = x[xOffset + i];
            double yi = y[yOffset + i];
            x[xOffset + i] = c * xi + s * yi;
            y[yOffset + i] = c * yi - s * xi;
        }
    }

    @Override
    public void multiplySubtract(double[] a, int offset, int ld, int rows, int cols, double[] x, int xOffset,
            double[] y, int yOffset) {
        for (int c = 0; c < cols; c++) {
            axpy(-x[xOffset + c], a, offset + c * ld, y, yOffset, rows);
        }
    }

    @Override
    public void multiplyTransposedSubtract(double[] a, int offset, int ld, int rows, int cols, double[] x,
            int xOffset, double[] y, int yOffset) {
        for (int c = 0; c < cols; c++) {
            y[yOffset + c] -= dot(a, offset + c * ld, x, xOffset, rows);
        }
    }

    @Override
    public void subtractCombination(double[][] columns, int[] indices, double[] coefficients, int count, double[] y,
            int len) {
        int t = 0;
        for (; t + 3 < count; t += 4) {
            double[] c0 = columns[indices[t]], c1 = columns[indices[t + 1]];
            double[] c2 = columns[indices[t + 2]], c3 = columns[indices[t + 3]];
            double z0 = coefficients[t], z1 = coefficients[t + 1], z2 = coefficients[t + 2], z3 = coefficients[t + 3];
            for (int i = 0; i < len; i++) {
                y[i] -= z0 * c0[i] + z1 * c1[i] + z2 * c2[i] + z3 * c3[i];
            }
        }
        for (; t < count; t++) {
            axpy(-coefficients[t], columns[indices[t]], 0, y, 0, len);
        }
    }

    /**
     * Plain loops, column by column (unit stride over the rows of column-major storage): the
     * same arithmetic as the vector kernel's tiles without fused multiply-adds, so the two
     * agree to round-off.
     */
    @Override
    public void choleskyBlockColumn(double[] l, int ld, int col, int width, int depth, int rowStart, int rowEnd,
            double[] reciprocals) {
        for (int c = 0; c < width; c++) {
            int out = (col + c) * ld;
            for (int p = 0; p < depth; p++) {
                double f = l[col + c + p * ld];
                int in = p * ld;
                for (int i = rowStart; i < rowEnd; i++) {
                    l[out + i] -= l[in + i] * f;
                }
            }
            if (reciprocals != null) {
                for (int q = 0; q < c; q++) {
                    double f = l[col + c + (col + q) * ld];
                    int in = (col + q) * ld;
                    for (int i = rowStart; i < rowEnd; i++) {
                        l[out + i] -= l[in + i] * f;
                    }
                }
                double r = reciprocals[c];
                for (int i = rowStart; i < rowEnd; i++) {
                    l[out + i] *= r;
                }
            }
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
