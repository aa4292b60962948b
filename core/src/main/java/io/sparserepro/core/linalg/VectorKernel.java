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

    @Override
    public String name() {
        return "vector-" + SPECIES.vectorBitSize() + "bit";
    }
}
