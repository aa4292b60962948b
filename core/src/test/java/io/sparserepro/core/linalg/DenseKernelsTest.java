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

    @ParameterizedTest
    @CsvSource({"1,1", "3,4", "9,8", "17,5", "40,9", "150,8"})
    void blockMatrixVectorProductsAndCombinationsAgreeWithTheirDefinitions(int rows, int cols) {
        // A rows×cols block at an offset inside a column-major array of leading dimension
        // rows + 7; sums of ≤ 150 O(1) products: reordering/FMA differ by ≤ ~1e-13.
        int ld = rows + 7;
        int offset = 3;
        double[] a = TestMatrices.gaussianVector(offset + ld * cols, 50L + rows);
        double[] x = TestMatrices.gaussianVector(rows + cols + 4, 51L + cols);
        double[] y = TestMatrices.gaussianVector(rows + cols + 4, 52L + rows);
        double[][] columns = new double[cols + 2][];
        int[] indices = new int[cols];
        for (int c = 0; c < cols; c++) {
            columns[c + 2] = java.util.Arrays.copyOfRange(a, offset + c * ld, offset + c * ld + rows);
            indices[c] = cols + 1 - c; // any order, via the index array
        }
        double[] coefficients = new double[cols];
        for (int c = 0; c < cols; c++) {
            coefficients[c] = x[c];
        }
        for (DenseKernel kernel : kernels()) {
            double[] n = y.clone();
            kernel.multiplySubtract(a, offset, ld, rows, cols, x, 2, n, cols + 3);
            double[] t = y.clone();
            kernel.multiplyTransposedSubtract(a, offset, ld, rows, cols, x, cols + 3, t, 1);
            double[] combination = y.clone();
            kernel.subtractCombination(columns, indices, coefficients, cols, combination, rows);
            for (int i = 0; i < y.length; i++) {
                double wantN = y[i];
                if (i >= cols + 3 && i < cols + 3 + rows) {
                    for (int c = 0; c < cols; c++) {
                        wantN -= a[offset + (i - cols - 3) + c * ld] * x[2 + c];
                    }
                }
                double wantT = y[i];
                if (i >= 1 && i < 1 + cols) {
                    for (int r = 0; r < rows; r++) {
                        wantT -= a[offset + r + (i - 1) * ld] * x[cols + 3 + r];
                    }
                }
                double wantCombination = y[i];
                if (i < rows) {
                    for (int c = 0; c < cols; c++) {
                        wantCombination -= coefficients[c] * columns[indices[c]][i];
                    }
                }
                assertEquals(wantN, n[i], 1e-13, kernel.name() + " N at " + i);
                assertEquals(wantT, t[i], 1e-13, kernel.name() + " T at " + i);
                assertEquals(wantCombination, combination[i], 1e-13, kernel.name() + " combination at " + i);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1,0,8", "8,0,8", "3,5,16", "8,8,24", "8,17,40", "5,40,56", "8,64,8", "8,3,72"})
    void choleskyBlockColumnIsTheUpdateThenTheTriangularSolve(int width, int depth, int rows) {
        // Column-major ld×ld array; block column at `col`, rows below it. The reference
        // computes the definition directly: X = W − L[rows, 0:depth]·L[col.., 0:depth]ᵀ, then
        // X·L_JJ⁻ᵀ by forward substitution along each row. Entries O(1), sums of ≤ 72 terms:
        // reordering and FMA differ by ≤ ~1e-14.
        int col = Math.max(depth, 3);
        int rowStart = col + 8;
        int ld = rowStart + rows + 5;
        double[] base = TestMatrices.gaussianVector(ld * ld, 40L + width * 100 + depth);
        for (int c = 0; c < 8; c++) { // a well-conditioned diagonal block
            base[(col + c) * ld + col + c] = 2.0 + c;
        }
        for (boolean solve : new boolean[] {false, true}) {
            double[] reciprocals = new double[8];
            for (int c = 0; c < 8; c++) {
                reciprocals[c] = c < width ? 1.0 / base[(col + c) * ld + col + c] : 1.0;
            }
            double[] expected = base.clone();
            for (int i = rowStart; i < rowStart + rows; i++) {
                for (int c = 0; c < width; c++) {
                    double v = base[(col + c) * ld + i];
                    for (int p = 0; p < depth; p++) {
                        v -= base[p * ld + i] * base[p * ld + col + c];
                    }
                    if (solve) {
                        for (int q = 0; q < c; q++) {
                            v -= expected[(col + q) * ld + i] * base[(col + q) * ld + col + c];
                        }
                        v *= reciprocals[c];
                    }
                    expected[(col + c) * ld + i] = v;
                }
            }
            for (DenseKernel kernel : kernels()) {
                double[] l = base.clone();
                kernel.choleskyBlockColumn(l, ld, col, width, depth, rowStart, rowStart + rows, solve ? reciprocals : null);
                // Outside the rows × width block the kernel only reads: those entries must be unchanged.
                for (int idx = 0; idx < l.length; idx++) {
                    assertEquals(expected[idx], l[idx], 1e-13, kernel.name() + " solve " + solve + " at " + idx);
                }
            }
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
