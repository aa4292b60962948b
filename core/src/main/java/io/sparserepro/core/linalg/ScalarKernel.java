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
     * Row by row, the 8 entries of a row of the block column in 8 scalar accumulators over the
     * whole depth (per step one load of l[i, p] and 8 contiguous loads l[col..col+8, p]): the
     * axpy form, column by column, would read and write the block once per step, and C2 does
     * not vectorise it (source and destination in one array). Same arithmetic as the vector
     * kernel's tiles without fused multiply-adds, so the two agree to round-off. Like it, reads
     * up to 8 columns from col whatever the width.
     */
    @Override
    public void choleskyBlockColumn(double[] l, int ld, int col, int width, int depth, int rowStart, int rowEnd,
            double[] reciprocals) {
        int d = col * ld + col; // l[col, col]
        for (int i = rowStart; i < rowEnd; i++) {
            int o = col * ld + i;
            double s0 = l[o], s1 = l[o + ld], s2 = l[o + 2 * ld], s3 = l[o + 3 * ld];
            double s4 = l[o + 4 * ld], s5 = l[o + 5 * ld], s6 = l[o + 6 * ld], s7 = l[o + 7 * ld];
            for (int p = 0, x = i, b = col; p < depth; p++, x += ld, b += ld) {
                double v = l[x];
                s0 -= v * l[b];
                s1 -= v * l[b + 1];
                s2 -= v * l[b + 2];
                s3 -= v * l[b + 3];
                s4 -= v * l[b + 4];
                s5 -= v * l[b + 5];
                s6 -= v * l[b + 6];
                s7 -= v * l[b + 7];
            }
            if (reciprocals != null) {
                // Forward substitution along the row with L_JJ: s_c = (s_c − Σ_{q<c} s_q L[c, q]) / L[c, c].
                s0 *= reciprocals[0];
                s1 = (s1 - s0 * l[d + 1]) * reciprocals[1];
                s2 = (s2 - s0 * l[d + 2] - s1 * l[d + ld + 2]) * reciprocals[2];
                s3 = (s3 - s0 * l[d + 3] - s1 * l[d + ld + 3] - s2 * l[d + 2 * ld + 3]) * reciprocals[3];
                s4 = (s4 - s0 * l[d + 4] - s1 * l[d + ld + 4] - s2 * l[d + 2 * ld + 4] - s3 * l[d + 3 * ld + 4])
                        * reciprocals[4];
                s5 = (s5 - s0 * l[d + 5] - s1 * l[d + ld + 5] - s2 * l[d + 2 * ld + 5] - s3 * l[d + 3 * ld + 5]
                        - s4 * l[d + 4 * ld + 5]) * reciprocals[5];
                s6 = (s6 - s0 * l[d + 6] - s1 * l[d + ld + 6] - s2 * l[d + 2 * ld + 6] - s3 * l[d + 3 * ld + 6]
                        - s4 * l[d + 4 * ld + 6] - s5 * l[d + 5 * ld + 6]) * reciprocals[6];
                s7 = (s7 - s0 * l[d + 7] - s1 * l[d + ld + 7] - s2 * l[d + 2 * ld + 7] - s3 * l[d + 3 * ld + 7]
                        - s4 * l[d + 4 * ld + 7] - s5 * l[d + 5 * ld + 7] - s6 * l[d + 6 * ld + 7]) * reciprocals[7];
            }
            l[o] = s0;
            if (width > 1) {
                l[o + ld] = s1;
            }
            if (width > 2) {
                l[o + 2 * ld] = s2;
            }
            if (width > 3) {
                l[o + 3 * ld] = s3;
            }
            if (width > 4) {
                l[o + 4 * ld] = s4;
            }
            if (width > 5) {
                l[o + 5 * ld] = s5;
            }
            if (width > 6) {
                l[o + 6 * ld] = s6;
            }
            if (width > 7) {
                l[o + 7 * ld] = s7;
            }
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
