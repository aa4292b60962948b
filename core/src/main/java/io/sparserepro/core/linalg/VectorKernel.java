package io.sparserepro.core.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * FMA kernels on the JDK 17 incubating Vector API. This class is loaded only by
 * {@link DenseKernels} after it has checked that {@code jdk.incubator.vector} is in the boot
 * layer, so a library user without {@code --add-modules jdk.incubator.vector} never sees a
 * class-loading error. Columns are processed four at a time, as in {@link ScalarKernel}.
 */
final class VectorKernel implements DenseKernel {
    static final VectorKernel INSTANCE = new VectorKernel();
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorKernel() {
    }

    @Override
    public void multiply(double[] a, int m, int n, double[] x, double[] out) {
        java.util.Arrays.fill(out, 0, m, 0.0);
        int bound = SPECIES.loopBound(m);
        int j = 0;
        for (; j + 3 < n; j += 4) {
            double x0 = x[j], x1 = x[j + 1], x2 = x[j + 2], x3 = x[j + 3];
            int o0 = j * m, o1 = o0 + m, o2 = o1 + m, o3 = o2 + m;
            DoubleVector v0 = DoubleVector.broadcast(SPECIES, x0);
            DoubleVector v1 = DoubleVector.broadcast(SPECIES, x1);
            DoubleVector v2 = DoubleVector.broadcast(SPECIES, x2);
            DoubleVector v3 = DoubleVector.broadcast(SPECIES, x3);
            int i = 0;
            for (; i < bound; i += SPECIES.length()) {
                DoubleVector acc = DoubleVector.fromArray(SPECIES, out, i);
                acc = DoubleVector.fromArray(SPECIES, a, o0 + i).fma(v0, acc);
                acc = DoubleVector.fromArray(SPECIES, a, o1 + i).fma(v1, acc);
                acc = DoubleVector.fromArray(SPECIES, a, o2 + i).fma(v2, acc);
                acc = DoubleVector.fromArray(SPECIES, a, o3 + i).fma(v3, acc);
                acc.intoArray(out, i);
            }
            for (; i < m; i++) {
                out[i] += x0 * a[o0 + i] + x1 * a[o1 + i] + x2 * a[o2 + i] + x3 * a[o3 + i];
            }
        }
        for (; j < n; j++) {
            axpy(x[j], a, j * m, out, 0, m);
        }
    }

    @Override
    public void multiplyTransposed(double[] a, int m, int n, double[] r, double[] out) {
        int bound = SPECIES.loopBound(m);
        int j = 0;
        for (; j + 3 < n; j += 4) {
            int o0 = j * m, o1 = o0 + m, o2 = o1 + m, o3 = o2 + m;
            DoubleVector s0 = DoubleVector.zero(SPECIES);
            DoubleVector s1 = s0, s2 = s0, s3 = s0;
            int i = 0;
            for (; i < bound; i += SPECIES.length()) {
                DoubleVector rv = DoubleVector.fromArray(SPECIES, r, i);
                s0 = DoubleVector.fromArray(SPECIES, a, o0 + i).fma(rv, s0);
                s1 = DoubleVector.fromArray(SPECIES, a, o1 + i).fma(rv, s1);
                s2 = DoubleVector.fromArray(SPECIES, a, o2 + i).fma(rv, s2);
                s3 = DoubleVector.fromArray(SPECIES, a, o3 + i).fma(rv, s3);
            }
            double t0 = s0.reduceLanes(VectorOperators.ADD);
            double t1 = s1.reduceLanes(VectorOperators.ADD);
            double t2 = s2.reduceLanes(VectorOperators.ADD);
            double t3 = s3.reduceLanes(VectorOperators.ADD);
            for (; i < m; i++) {
                double ri = r[i];
                t0 += a[o0 + i] * ri;
                t1 += a[o1 + i] * ri;
                t2 += a[o2 + i] * ri;
                t3 += a[o3 + i] * ri;
            }
            out[j] = t0;
            out[j + 1] = t1;
            out[j + 2] = t2;
            out[j + 3] = t3;
        }
        for (; j < n; j++) {
            out[j] = dot(a, j * m, r, 0, m);
        }
    }

    @Override
    public double dot(double[] a, int aOffset, double[] b, int bOffset, int len) {
        int bound = SPECIES.loopBound(len);
        DoubleVector acc = DoubleVector.zero(SPECIES);
        int i = 0;
        for (; i < bound; i += SPECIES.length()) {
            acc = DoubleVector.fromArray(SPECIES, a, aOffset + i)
                    .fma(DoubleVector.fromArray(SPECIES, b, bOffset + i), acc);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            s += a[aOffset + i] * b[bOffset + i];
        }
        return s;
    }

    @Override
    public void axpy(double alpha, double[] x, int xOffset, double[] y, int yOffset, int len) {
        int bound = SPECIES.loopBound(len);
        DoubleVector alphaVector = DoubleVector.broadcast(SPECIES, alpha);
        int i = 0;
        for (; i < bound; i += SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, x, xOffset + i)
                    .fma(alphaVector, DoubleVector.fromArray(SPECIES, y, yOffset + i))
                    .intoArray(y, yOffset + i);
        }
        for (; i < len; i++) {
            y[yOffset + i] += alpha * x[xOffset + i];
        }
    }

    @Override
    public void rotate(double c, double s, double[] x, int xOffset, double[] y, int yOffset, int len) {
        int bound = SPECIES.loopBound(len);
        DoubleVector cv = DoubleVector.broadcast(SPECIES, c);
        DoubleVector sv = DoubleVector.broadcast(SPECIES, s);
        int i = 0;
        for (; i < bound; i += SPECIES.length()) {
            DoubleVector xv = DoubleVector.fromArray(SPECIES, x, xOffset + i);
            DoubleVector yv = DoubleVector.fromArray(SPECIES, y, yOffset + i);
            xv.mul(cv).add(yv.mul(sv)).intoArray(x, xOffset + i);
            yv.mul(cv).sub(xv.mul(sv)).intoArray(y, yOffset + i);
        }
        for (; i < len; i++) {
            double xi = x[xOffset + i];
            double yi = y[yOffset + i];
            x[xOffset + i] = c * xi + s * yi;
            y[yOffset + i] = c * yi - s * xi;
        }
    }

    /** Four columns per pass over y, as {@link #multiply}. */
    @Override
    public void multiplySubtract(double[] a, int offset, int ld, int rows, int cols, double[] x, int xOffset,
            double[] y, int yOffset) {
        int bound = SPECIES.loopBound(rows);
        int c = 0;
        for (; c + 3 < cols; c += 4) {
            double x0 = x[xOffset + c], x1 = x[xOffset + c + 1], x2 = x[xOffset + c + 2], x3 = x[xOffset + c + 3];
            int o0 = offset + c * ld, o1 = o0 + ld, o2 = o1 + ld, o3 = o2 + ld;
            DoubleVector v0 = DoubleVector.broadcast(SPECIES, -x0);
            DoubleVector v1 = DoubleVector.broadcast(SPECIES, -x1);
            DoubleVector v2 = DoubleVector.broadcast(SPECIES, -x2);
            DoubleVector v3 = DoubleVector.broadcast(SPECIES, -x3);
            int i = 0;
            for (; i < bound; i += SPECIES.length()) {
                DoubleVector acc = DoubleVector.fromArray(SPECIES, y, yOffset + i);
                acc = DoubleVector.fromArray(SPECIES, a, o0 + i).fma(v0, acc);
                acc = DoubleVector.fromArray(SPECIES, a, o1 + i).fma(v1, acc);
                acc = DoubleVector.fromArray(SPECIES, a, o2 + i).fma(v2, acc);
                acc = DoubleVector.fromArray(SPECIES, a, o3 + i).fma(v3, acc);
                acc.intoArray(y, yOffset + i);
            }
            for (; i < rows; i++) {
                y[yOffset + i] -= x0 * a[o0 + i] + x1 * a[o1 + i] + x2 * a[o2 + i] + x3 * a[o3 + i];
            }
        }
        for (; c < cols; c++) {
            axpy(-x[xOffset + c], a, offset + c * ld, y, yOffset, rows);
        }
    }

    /** Four dot products per pass over x, as {@link #multiplyTransposed}. */
    @Override
    public void multiplyTransposedSubtract(double[] a, int offset, int ld, int rows, int cols, double[] x,
            int xOffset, double[] y, int yOffset) {
        int bound = SPECIES.loopBound(rows);
        int c = 0;
        for (; c + 3 < cols; c += 4) {
            int o0 = offset + c * ld, o1 = o0 + ld, o2 = o1 + ld, o3 = o2 + ld;
            DoubleVector s0 = DoubleVector.zero(SPECIES);
            DoubleVector s1 = s0, s2 = s0, s3 = s0;
            int i = 0;
            for (; i < bound; i += SPECIES.length()) {
                DoubleVector xv = DoubleVector.fromArray(SPECIES, x, xOffset + i);
                s0 = DoubleVector.fromArray(SPECIES, a, o0 + i).fma(xv, s0);
                s1 = DoubleVector.fromArray(SPECIES, a, o1 + i).fma(xv, s1);
                s2 = DoubleVector.fromArray(SPECIES, a, o2 + i).fma(xv, s2);
                s3 = DoubleVector.fromArray(SPECIES, a, o3 + i).fma(xv, s3);
            }
            double t0 = s0.reduceLanes(VectorOperators.ADD);
            double t1 = s1.reduceLanes(VectorOperators.ADD);
            double t2 = s2.reduceLanes(VectorOperators.ADD);
            double t3 = s3.reduceLanes(VectorOperators.ADD);
            for (; i < rows; i++) {
                double xi = x[xOffset + i];
                t0 += a[o0 + i] * xi;
                t1 += a[o1 + i] * xi;
                t2 += a[o2 + i] * xi;
                t3 += a[o3 + i] * xi;
            }
            y[yOffset + c] -= t0;
            y[yOffset + c + 1] -= t1;
            y[yOffset + c + 2] -= t2;
            y[yOffset + c + 3] -= t3;
        }
        for (; c < cols; c++) {
            y[yOffset + c] -= dot(a, offset + c * ld, x, xOffset, rows);
        }
    }

    /** Four columns per pass over y: y is read and written once per four columns instead of once per column. */
    @Override
    public void subtractCombination(double[][] columns, int[] indices, double[] coefficients, int count, double[] y,
            int len) {
        int bound = SPECIES.loopBound(len);
        int t = 0;
        for (; t + 3 < count; t += 4) {
            double[] c0 = columns[indices[t]], c1 = columns[indices[t + 1]];
            double[] c2 = columns[indices[t + 2]], c3 = columns[indices[t + 3]];
            double z0 = coefficients[t], z1 = coefficients[t + 1], z2 = coefficients[t + 2], z3 = coefficients[t + 3];
            DoubleVector v0 = DoubleVector.broadcast(SPECIES, -z0);
            DoubleVector v1 = DoubleVector.broadcast(SPECIES, -z1);
            DoubleVector v2 = DoubleVector.broadcast(SPECIES, -z2);
            DoubleVector v3 = DoubleVector.broadcast(SPECIES, -z3);
            int i = 0;
            for (; i < bound; i += SPECIES.length()) {
                DoubleVector acc = DoubleVector.fromArray(SPECIES, y, i);
                acc = DoubleVector.fromArray(SPECIES, c0, i).fma(v0, acc);
                acc = DoubleVector.fromArray(SPECIES, c1, i).fma(v1, acc);
                acc = DoubleVector.fromArray(SPECIES, c2, i).fma(v2, acc);
                acc = DoubleVector.fromArray(SPECIES, c3, i).fma(v3, acc);
                acc.intoArray(y, i);
            }
            for (; i < len; i++) {
                y[i] -= z0 * c0[i] + z1 * c1[i] + z2 * c2[i] + z3 * c3[i];
            }
        }
        for (; t < count; t++) {
            axpy(-coefficients[t], columns[indices[t]], 0, y, 0, len);
        }
    }

    /**
     * Register-blocked: tiles of 2 or 1 vectors of rows × 8 columns keep their 16 or 8
     * accumulators in registers for the whole depth loop, which reads per step one vector of
     * rows per accumulator row and broadcasts 8 entries l[col..col+8, p] that are contiguous in
     * column-major storage — the outer-product form of a GEMM micro-kernel. The triangular
     * solve with L_JJ follows in registers, and the tile is stored once. Rows left over when
     * the vector length does not divide 8 go to the scalar kernel.
     *
     * <p>Why not 3 vectors (24 accumulators, 32 registers with AVX-512): measured no faster
     * (57 GFLOP/s with them, 62 without, at s = 150), and its method is too large
     * for C1 on JDK 17 ("out of virtual registers"), which can leave it in the tier-2 code,
     * where Vector API operations are not intrinsified and run ~40× slower. Keep the tiles
     * small enough for every compiler tier.
     */
    @Override
    public void choleskyBlockColumn(double[] l, int ld, int col, int width, int depth, int rowStart, int rowEnd,
            double[] reciprocals) {
        int lanes = SPECIES.length();
        int row = rowStart;
        for (; row + 2 * lanes <= rowEnd; row += 2 * lanes) {
            tile2(l, ld, col, width, depth, row, reciprocals);
        }
        for (; row + lanes <= rowEnd; row += lanes) {
            tile1(l, ld, col, width, depth, row, reciprocals);
        }
        if (row < rowEnd) {
            ScalarKernel.INSTANCE.choleskyBlockColumn(l, ld, col, width, depth, row, rowEnd, reciprocals);
        }
    }

    /** Two vectors of rows × 8 columns, 16 accumulators held in registers. */
    private static void tile2(double[] l, int ld, int col, int width, int depth, int row,
            double[] reciprocals) {
        final int lanes = SPECIES.length();
        final int o0 = col * ld + row;
        final int o1 = o0 + ld;
        final int o2 = o1 + ld;
        final int o3 = o2 + ld;
        final int o4 = o3 + ld;
        final int o5 = o4 + ld;
        final int o6 = o5 + ld;
        final int o7 = o6 + ld;
        DoubleVector a00 = DoubleVector.fromArray(SPECIES, l, o0);
        DoubleVector a01 = DoubleVector.fromArray(SPECIES, l, o0 + 1 * lanes);
        DoubleVector a10 = DoubleVector.fromArray(SPECIES, l, o1);
        DoubleVector a11 = DoubleVector.fromArray(SPECIES, l, o1 + 1 * lanes);
        DoubleVector a20 = DoubleVector.fromArray(SPECIES, l, o2);
        DoubleVector a21 = DoubleVector.fromArray(SPECIES, l, o2 + 1 * lanes);
        DoubleVector a30 = DoubleVector.fromArray(SPECIES, l, o3);
        DoubleVector a31 = DoubleVector.fromArray(SPECIES, l, o3 + 1 * lanes);
        DoubleVector a40 = DoubleVector.fromArray(SPECIES, l, o4);
        DoubleVector a41 = DoubleVector.fromArray(SPECIES, l, o4 + 1 * lanes);
        DoubleVector a50 = DoubleVector.fromArray(SPECIES, l, o5);
        DoubleVector a51 = DoubleVector.fromArray(SPECIES, l, o5 + 1 * lanes);
        DoubleVector a60 = DoubleVector.fromArray(SPECIES, l, o6);
        DoubleVector a61 = DoubleVector.fromArray(SPECIES, l, o6 + 1 * lanes);
        DoubleVector a70 = DoubleVector.fromArray(SPECIES, l, o7);
        DoubleVector a71 = DoubleVector.fromArray(SPECIES, l, o7 + 1 * lanes);
        int x = row; // l[row, p]
        int b = col; // l[col, p]
        for (int p = 0; p < depth; p++, x += ld, b += ld) {
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, l, x);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, l, x + 1 * lanes);
            DoubleVector t = DoubleVector.broadcast(SPECIES, -l[b]);
            a00 = x0.fma(t, a00);
            a01 = x1.fma(t, a01);
            t = DoubleVector.broadcast(SPECIES, -l[b + 1]);
            a10 = x0.fma(t, a10);
            a11 = x1.fma(t, a11);
            t = DoubleVector.broadcast(SPECIES, -l[b + 2]);
            a20 = x0.fma(t, a20);
            a21 = x1.fma(t, a21);
            t = DoubleVector.broadcast(SPECIES, -l[b + 3]);
            a30 = x0.fma(t, a30);
            a31 = x1.fma(t, a31);
            t = DoubleVector.broadcast(SPECIES, -l[b + 4]);
            a40 = x0.fma(t, a40);
            a41 = x1.fma(t, a41);
            t = DoubleVector.broadcast(SPECIES, -l[b + 5]);
            a50 = x0.fma(t, a50);
            a51 = x1.fma(t, a51);
            t = DoubleVector.broadcast(SPECIES, -l[b + 6]);
            a60 = x0.fma(t, a60);
            a61 = x1.fma(t, a61);
            t = DoubleVector.broadcast(SPECIES, -l[b + 7]);
            a70 = x0.fma(t, a70);
            a71 = x1.fma(t, a71);
        }
        if (reciprocals != null) {
            final int d = col * ld + col; // l[col, col]
            DoubleVector t;
            t = DoubleVector.broadcast(SPECIES, reciprocals[0]);
            a00 = a00.mul(t);
            a01 = a01.mul(t);
            t = DoubleVector.broadcast(SPECIES, -l[d + 1]);
            a10 = a00.fma(t, a10);
            a11 = a01.fma(t, a11);
            t = DoubleVector.broadcast(SPECIES, reciprocals[1]);
            a10 = a10.mul(t);
            a11 = a11.mul(t);
            t = DoubleVector.broadcast(SPECIES, -l[d + 2]);
            a20 = a00.fma(t, a20);
            a21 = a01.fma(t, a21);
            t = DoubleVector.broadcast(SPECIES, -l[d + 2 + 1 * ld]);
            a20 = a10.fma(t, a20);
            a21 = a11.fma(t, a21);
            t = DoubleVector.broadcast(SPECIES, reciprocals[2]);
            a20 = a20.mul(t);
            a21 = a21.mul(t);
            t = DoubleVector.broadcast(SPECIES, -l[d + 3]);
            a30 = a00.fma(t, a30);
            a31 = a01.fma(t, a31);
            t = DoubleVector.broadcast(SPECIES, -l[d + 3 + 1 * ld]);
            a30 = a10.fma(t, a30);
            a31 = a11.fma(t, a31);
            t = DoubleVector.broadcast(SPECIES, -l[d + 3 + 2 * ld]);
            a30 = a20.fma(t, a30);
            a31 = a21.fma(t, a31);
            t = DoubleVector.broadcast(SPECIES, reciprocals[3]);
            a30 = a30.mul(t);
            a31 = a31.mul(t);
            t = DoubleVector.broadcast(SPECIES, -l[d + 4]);
            a40 = a00.fma(t, a40);
            a41 = a01.fma(t, a41);
            t = DoubleVector.broadcast(SPECIES, -l[d + 4 + 1 * ld]);
            a40 = a10.fma(t, a40);
            a41 = a11.fma(t, a41);
            t = DoubleVector.broadcast(SPECIES, -l[d + 4 + 2 * ld]);
            a40 = a20.fma(t, a40);
            a41 = a21.fma(t, a41);
            t = DoubleVector.broadcast(SPECIES, -l[d + 4 + 3 * ld]);
            a40 = a30.fma(t, a40);
            a41 = a31.fma(t, a41);
            t = DoubleVector.broadcast(SPECIES, reciprocals[4]);
            a40 = a40.mul(t);
            a41 = a41.mul(t);
            t = DoubleVector.broadcast(SPECIES, -l[d + 5]);
            a50 = a00.fma(t, a50);
            a51 = a01.fma(t, a51);
            t = DoubleVector.broadcast(SPECIES, -l[d + 5 + 1 * ld]);
            a50 = a10.fma(t, a50);
            a51 = a11.fma(t, a51);
            t = DoubleVector.broadcast(SPECIES, -l[d + 5 + 2 * ld]);
            a50 = a20.fma(t, a50);
            a51 = a21.fma(t, a51);
            t = DoubleVector.broadcast(SPECIES, -l[d + 5 + 3 * ld]);
            a50 = a30.fma(t, a50);
            a51 = a31.fma(t, a51);
            t = DoubleVector.broadcast(SPECIES, -l[d + 5 + 4 * ld]);
            a50 = a40.fma(t, a50);
            a51 = a41.fma(t, a51);
            t = DoubleVector.broadcast(SPECIES, reciprocals[5]);
            a50 = a50.mul(t);
            a51 = a51.mul(t);
            t = DoubleVector.broadcast(SPECIES, -l[d + 6]);
            a60 = a00.fma(t, a60);
            a61 = a01.fma(t, a61);
            t = DoubleVector.broadcast(SPECIES, -l[d + 6 + 1 * ld]);
            a60 = a10.fma(t, a60);
            a61 = a11.fma(t, a61);
            t = DoubleVector.broadcast(SPECIES, -l[d + 6 + 2 * ld]);
            a60 = a20.fma(t, a60);
            a61 = a21.fma(t, a61);
            t = DoubleVector.broadcast(SPECIES, -l[d + 6 + 3 * ld]);
            a60 = a30.fma(t, a60);
            a61 = a31.fma(t, a61);
            t = DoubleVector.broadcast(SPECIES, -l[d + 6 + 4 * ld]);
            a60 = a40.fma(t, a60);
            a61 = a41.fma(t, a61);
            t = DoubleVector.broadcast(SPECIES, -l[d + 6 + 5 * ld]);
            a60 = a50.fma(t, a60);
            a61 = a51.fma(t, a61);
            t = DoubleVector.broadcast(SPECIES, reciprocals[6]);
            a60 = a60.mul(t);
            a61 = a61.mul(t);
            t = DoubleVector.broadcast(SPECIES, -l[d + 7]);
            a70 = a00.fma(t, a70);
            a71 = a01.fma(t, a71);
            t = DoubleVector.broadcast(SPECIES, -l[d + 7 + 1 * ld]);
            a70 = a10.fma(t, a70);
            a71 = a11.fma(t, a71);
            t = DoubleVector.broadcast(SPECIES, -l[d + 7 + 2 * ld]);
            a70 = a20.fma(t, a70);
            a71 = a21.fma(t, a71);
            t = DoubleVector.broadcast(SPECIES, -l[d + 7 + 3 * ld]);
            a70 = a30.fma(t, a70);
            a71 = a31.fma(t, a71);
            t = DoubleVector.broadcast(SPECIES, -l[d + 7 + 4 * ld]);
            a70 = a40.fma(t, a70);
            a71 = a41.fma(t, a71);
            t = DoubleVector.broadcast(SPECIES, -l[d + 7 + 5 * ld]);
            a70 = a50.fma(t, a70);
            a71 = a51.fma(t, a71);
            t = DoubleVector.broadcast(SPECIES, -l[d + 7 + 6 * ld]);
            a70 = a60.fma(t, a70);
            a71 = a61.fma(t, a71);
            t = DoubleVector.broadcast(SPECIES, reciprocals[7]);
            a70 = a70.mul(t);
            a71 = a71.mul(t);
        }
        a00.intoArray(l, o0);
        a01.intoArray(l, o0 + 1 * lanes);
        if (width > 1) {
            a10.intoArray(l, o1);
            a11.intoArray(l, o1 + 1 * lanes);
        }
        if (width > 2) {
            a20.intoArray(l, o2);
            a21.intoArray(l, o2 + 1 * lanes);
        }
        if (width > 3) {
            a30.intoArray(l, o3);
            a31.intoArray(l, o3 + 1 * lanes);
        }
        if (width > 4) {
            a40.intoArray(l, o4);
            a41.intoArray(l, o4 + 1 * lanes);
        }
        if (width > 5) {
            a50.intoArray(l, o5);
            a51.intoArray(l, o5 + 1 * lanes);
        }
        if (width > 6) {
            a60.intoArray(l, o6);
            a61.intoArray(l, o6 + 1 * lanes);
        }
        if (width > 7) {
            a70.intoArray(l, o7);
            a71.intoArray(l, o7 + 1 * lanes);
        }
    }

    /** One vector of rows × 8 columns, 8 accumulators held in registers. */
    private static void tile1(double[] l, int ld, int col, int width, int depth, int row,
            double[] reciprocals) {
        final int lanes = SPECIES.length();
        final int o0 = col * ld + row;
        final int o1 = o0 + ld;
        final int o2 = o1 + ld;
        final int o3 = o2 + ld;
        final int o4 = o3 + ld;
        final int o5 = o4 + ld;
        final int o6 = o5 + ld;
        final int o7 = o6 + ld;
        DoubleVector a00 = DoubleVector.fromArray(SPECIES, l, o0);
        DoubleVector a10 = DoubleVector.fromArray(SPECIES, l, o1);
        DoubleVector a20 = DoubleVector.fromArray(SPECIES, l, o2);
        DoubleVector a30 = DoubleVector.fromArray(SPECIES, l, o3);
        DoubleVector a40 = DoubleVector.fromArray(SPECIES, l, o4);
        DoubleVector a50 = DoubleVector.fromArray(SPECIES, l, o5);
        DoubleVector a60 = DoubleVector.fromArray(SPECIES, l, o6);
        DoubleVector a70 = DoubleVector.fromArray(SPECIES, l, o7);
        int x = row; // l[row, p]
        int b = col; // l[col, p]
        for (int p = 0; p < depth; p++, x += ld, b += ld) {
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, l, x);
            DoubleVector t = DoubleVector.broadcast(SPECIES, -l[b]);
            a00 = x0.fma(t, a00);
            t = DoubleVector.broadcast(SPECIES, -l[b + 1]);
            a10 = x0.fma(t, a10);
            t = DoubleVector.broadcast(SPECIES, -l[b + 2]);
            a20 = x0.fma(t, a20);
            t = DoubleVector.broadcast(SPECIES, -l[b + 3]);
            a30 = x0.fma(t, a30);
            t = DoubleVector.broadcast(SPECIES, -l[b + 4]);
            a40 = x0.fma(t, a40);
            t = DoubleVector.broadcast(SPECIES, -l[b + 5]);
            a50 = x0.fma(t, a50);
            t = DoubleVector.broadcast(SPECIES, -l[b + 6]);
            a60 = x0.fma(t, a60);
            t = DoubleVector.broadcast(SPECIES, -l[b + 7]);
            a70 = x0.fma(t, a70);
        }
        if (reciprocals != null) {
            final int d = col * ld + col; // l[col, col]
            DoubleVector t;
            t = DoubleVector.broadcast(SPECIES, reciprocals[0]);
            a00 = a00.mul(t);
            t = DoubleVector.broadcast(SPECIES, -l[d + 1]);
            a10 = a00.fma(t, a10);
            t = DoubleVector.broadcast(SPECIES, reciprocals[1]);
            a10 = a10.mul(t);
            t = DoubleVector.broadcast(SPECIES, -l[d + 2]);
            a20 = a00.fma(t, a20);
            t = DoubleVector.broadcast(SPECIES, -l[d + 2 + 1 * ld]);
            a20 = a10.fma(t, a20);
            t = DoubleVector.broadcast(SPECIES, reciprocals[2]);
            a20 = a20.mul(t);
            t = DoubleVector.broadcast(SPECIES, -l[d + 3]);
            a30 = a00.fma(t, a30);
            t = DoubleVector.broadcast(SPECIES, -l[d + 3 + 1 * ld]);
            a30 = a10.fma(t, a30);
            t = DoubleVector.broadcast(SPECIES, -l[d + 3 + 2 * ld]);
            a30 = a20.fma(t, a30);
            t = DoubleVector.broadcast(SPECIES, reciprocals[3]);
            a30 = a30.mul(t);
            t = DoubleVector.broadcast(SPECIES, -l[d + 4]);
            a40 = a00.fma(t, a40);
            t = DoubleVector.broadcast(SPECIES, -l[d + 4 + 1 * ld]);
            a40 = a10.fma(t, a40);
            t = DoubleVector.broadcast(SPECIES, -l[d + 4 + 2 * ld]);
            a40 = a20.fma(t, a40);
            t = DoubleVector.broadcast(SPECIES, -l[d + 4 + 3 * ld]);
            a40 = a30.fma(t, a40);
            t = DoubleVector.broadcast(SPECIES, reciprocals[4]);
            a40 = a40.mul(t);
            t = DoubleVector.broadcast(SPECIES, -l[d + 5]);
            a50 = a00.fma(t, a50);
            t = DoubleVector.broadcast(SPECIES, -l[d + 5 + 1 * ld]);
            a50 = a10.fma(t, a50);
            t = DoubleVector.broadcast(SPECIES, -l[d + 5 + 2 * ld]);
            a50 = a20.fma(t, a50);
            t = DoubleVector.broadcast(SPECIES, -l[d + 5 + 3 * ld]);
            a50 = a30.fma(t, a50);
            t = DoubleVector.broadcast(SPECIES, -l[d + 5 + 4 * ld]);
            a50 = a40.fma(t, a50);
            t = DoubleVector.broadcast(SPECIES, reciprocals[5]);
            a50 = a50.mul(t);
            t = DoubleVector.broadcast(SPECIES, -l[d + 6]);
            a60 = a00.fma(t, a60);
            t = DoubleVector.broadcast(SPECIES, -l[d + 6 + 1 * ld]);
            a60 = a10.fma(t, a60);
            t = DoubleVector.broadcast(SPECIES, -l[d + 6 + 2 * ld]);
            a60 = a20.fma(t, a60);
            t = DoubleVector.broadcast(SPECIES, -l[d + 6 + 3 * ld]);
            a60 = a30.fma(t, a60);
            t = DoubleVector.broadcast(SPECIES, -l[d + 6 + 4 * ld]);
            a60 = a40.fma(t, a60);
            t = DoubleVector.broadcast(SPECIES, -l[d + 6 + 5 * ld]);
            a60 = a50.fma(t, a60);
            t = DoubleVector.broadcast(SPECIES, reciprocals[6]);
            a60 = a60.mul(t);
            t = DoubleVector.broadcast(SPECIES, -l[d + 7]);
            a70 = a00.fma(t, a70);
            t = DoubleVector.broadcast(SPECIES, -l[d + 7 + 1 * ld]);
            a70 = a10.fma(t, a70);
            t = DoubleVector.broadcast(SPECIES, -l[d + 7 + 2 * ld]);
            a70 = a20.fma(t, a70);
            t = DoubleVector.broadcast(SPECIES, -l[d + 7 + 3 * ld]);
            a70 = a30.fma(t, a70);
            t = DoubleVector.broadcast(SPECIES, -l[d + 7 + 4 * ld]);
            a70 = a40.fma(t, a70);
            t = DoubleVector.broadcast(SPECIES, -l[d + 7 + 5 * ld]);
            a70 = a50.fma(t, a70);
            t = DoubleVector.broadcast(SPECIES, -l[d + 7 + 6 * ld]);
            a70 = a60.fma(t, a70);
            t = DoubleVector.broadcast(SPECIES, reciprocals[7]);
            a70 = a70.mul(t);
        }
        a00.intoArray(l, o0);
        if (width > 1) {
            a10.intoArray(l, o1);
        }
        if (width > 2) {
            a20.intoArray(l, o2);
        }
        if (width > 3) {
            a30.intoArray(l, o3);
        }
        if (width > 4) {
            a40.intoArray(l, o4);
        }
        if (width > 5) {
            a50.intoArray(l, o5);
        }
        if (width > 6) {
            a60.intoArray(l, o6);
        }
        if (width > 7) {
            a70.intoArray(l, o7);
        }
    }


    @Override
    public String name() {
        return "vector-" + SPECIES.vectorBitSize() + "bit";
    }
}
