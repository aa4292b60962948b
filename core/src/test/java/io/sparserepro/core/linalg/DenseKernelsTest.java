package io.sparserepro.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DenseKernelsTest {
    // Sums of up to ~500 products of O(1) numbers, reordered by blocking and FMA: the
    // difference from the naive order is a few hundred ulps of the partial sums at most.
    private static final double TOLERANCE = 1e-12;

    private static List<DenseKernel> kernels() {
        List<DenseKernel> list = new ArrayList<>();
        list.add(DenseKernels.scalar());
        DenseKernels.vectorized().ifPresent(list::add);
        return list;
    }

    @Test
    void theVectorKernelIsActiveExactlyWhenItsModuleIsPresent() {
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(present, DenseKernels.vectorized().isPresent());
        if (!"scalar".equals(System.getProperty("sparserepro.kernel"))) {
            assertEquals(present, DenseKernels.active().name().startsWith("vector"),
                    "active kernel: " + DenseKernels.active().name());
        }
        // Whatever was chosen computes correctly.
        DenseMatrix a = TestMatrices.gaussian(7, 5, 1);
        double[] x = TestMatrices.gaussianVector(5, 2);
        double[] out = new double[7];
        a.apply(x, out);
        assertTrue(TestMatrices.maxAbsDiff(out, TestMatrices.naiveMultiply(a, x)) < TOLERANCE);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "3,2", "7,5", "8,8", "17,9", "31,33", "250,500", "500,500", "64,3"})
    void bothKernelsAgreeWithTheNaiveProducts(int m, int n) {
        DenseMatrix a = TestMatrices.gaussian(m, n, m * 1000L + n);
        double[] x = TestMatrices.gaussianVector(n, 3);
        double[] r = TestMatrices.gaussianVector(m, 4);
        double[] expectedAx = TestMatrices.naiveMultiply(a, x);
        double[] expectedAtr = TestMatrices.naiveMultiplyTransposed(a, r);
        double scale = Math.sqrt(Math.max(m, n));
        for (DenseKernel kernel : kernels()) {
            double[] ax = new double[m];
            double[] atr = new double[n];
            kernel.multiply(a.data(), m, n, x, ax);
            kernel.multiplyTransposed(a.data(), m, n, r, atr);
            assertTrue(TestMatrices.maxAbsDiff(ax, expectedAx) < TOLERANCE * scale, kernel.name());
            assertTrue(TestMatrices.maxAbsDiff(atr, expectedAtr) < TOLERANCE * scale, kernel.name());
        }
    }

    @Test
    void multiplyOverwritesTheOutputBuffer() {
        DenseMatrix a = TestMatrices.gaussian(9, 6, 5);
        double[] x = TestMatrices.gaussianVector(6, 6);
        for (DenseKernel kernel : kernels()) {
            double[] out = new double[9];
            java.util.Arrays.fill(out, 1e9);
            kernel.multiply(a.data(), 9, 6, x, out);
            assertTrue(TestMatrices.maxAbsDiff(out, TestMatrices.naiveMultiply(a, x)) < TOLERANCE, kernel.name());
        }
    }

    @Test
    void dotAndAxpyWithOffsetsAgreeAcrossKernels() {
        double[] a = TestMatrices.gaussianVector(103, 7);
        double[] b = TestMatrices.gaussianVector(103, 8);
        double expected = 0;
        for (int i = 0; i < 90; i++) {
            expected += a[5 + i] * b[13 - 13 + i];
        }
        for (DenseKernel kernel : kernels()) {
            assertEquals(expected, kernel.dot(a, 5, b, 0, 90), TOLERANCE, kernel.name());
            double[] y = b.clone();
            kernel.axpy(-0.5, a, 3, y, 1, 97);
            for (int i = 0; i < 103; i++) {
                double want = (i >= 1 && i < 98) ? b[i] - 0.5 * a[i + 2] : b[i];
                assertEquals(want, y[i], TOLERANCE, kernel.name() + " at " + i);
            }
        }
    }

    @Test
    void rotationMatchesTheFormulaAndPreservesNorms() {
        double[] base = TestMatrices.gaussianVector(2 * 37, 9);
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        for (DenseKernel kernel : kernels()) {
            double[] v = base.clone();
            kernel.rotate(c, s, v, 0, v, 37, 37);
            for (int i = 0; i < 37; i++) {
                assertEquals(c * base[i] + s * base[37 + i], v[i], TOLERANCE, kernel.name());
                assertEquals(c * base[37 + i] - s * base[i], v[37 + i], TOLERANCE, kernel.name());
            }
            assertEquals(DenseKernels.norm2(base), DenseKernels.norm2(v), 1e-13, "rotations are orthogonal");
        }
    }

    @Test
    void norm2AvoidsOverflowAndUnderflow() {
        assertEquals(5.0, DenseKernels.norm2(new double[] {3, 4}), 0);
        assertEquals(5e200, DenseKernels.norm2(new double[] {3e200, 4e200}), 1e188);
        assertEquals(5e-200, DenseKernels.norm2(new double[] {3e-200, 4e-200}), 1e-212);
        assertEquals(0.0, DenseKernels.norm2(new double[3]), 0);
    }
}
