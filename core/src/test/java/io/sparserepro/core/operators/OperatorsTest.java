package io.sparserepro.core.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.linalg.LinearOperator;
import io.sparserepro.core.problem.ConvolutionMatrices;
import io.sparserepro.core.random.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class OperatorsTest {

    private static double[] gaussian(UniformRandomProvider rng, int length) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            // Box–Muller: a dependency-free normal draw for test vectors
            v[i] = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** The textbook O(n²) orthonormal DCT-II, an independent reference for the FFT route. */
    private static double[] naiveDct(double[] x) {
        int n = x.length;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += x[j] * Math.cos(Math.PI * (2 * j + 1) * k / (2.0 * n));
            }
            out[k] = (k == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n)) * s;
        }
        return out;
    }

    /**
     * ⟨Ax, r⟩ = ⟨x, Aᵀr⟩ on random vectors. Tolerance: both sides are sums of n products of
     * O(1) terms after O(log n) rounding stages, so 1e-12 relative to ‖x‖‖A‖‖r‖ is ~1e3 ε·log n.
     */
    private static void assertAdjoint(LinearOperator a, double normBound, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        for (int trial = 0; trial < 5; trial++) {
            double[] x = gaussian(rng, a.cols());
            double[] r = gaussian(rng, a.rows());
            double[] ax = new double[a.rows()];
            double[] atr = new double[a.cols()];
            a.apply(x, ax);
            a.applyAdjoint(r, atr);
            double scale = norm(x) * norm(r) * normBound;
            assertEquals(dot(ax, r), dot(x, atr), 1e-12 * scale, "adjoint identity, trial " + trial);
        }
    }

    /** Every product equals the dense matrix built from column(j), and column(j) = A e_j. */
    private static void assertMatchesColumns(LinearOperator a, long seed) {
        int m = a.rows();
        int n = a.cols();
        DenseMatrix dense = a.toDense();
        double[] e = new double[n];
        double[] viaApply = new double[m];
        double[] column = new double[m];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            a.apply(e, viaApply);
            e[j] = 0;
            a.column(j, column);
            // 1e-13: one transform's round-off on a unit vector, ~ε·log n·√n at most here.
            assertArrayEquals(column, viaApply, 1e-13, "column " + j);
        }
        UniformRandomProvider rng = Seeds.rng(seed);
        double[] x = gaussian(rng, n);
        double[] r = gaussian(rng, m);
        double[] expected = new double[m];
        double[] actual = new double[m];
        dense.apply(x, expected);
        a.apply(x, actual);
        assertArrayEquals(expected, actual, 1e-12 * norm(x));
        double[] expectedAdjoint = new double[n];
        double[] actualAdjoint = new double[n];
        dense.applyAdjoint(r, expectedAdjoint);
        a.applyAdjoint(r, actualAdjoint);
        assertArrayEquals(expectedAdjoint, actualAdjoint, 1e-12 * norm(r));
    }

    @Test
    void dctMatchesTheTextbookSumAndInvertsExactly() {
        // 4096 and 8192 run in JTransforms, the others in the hand-written FFT route
        for (int n : new int[] {2, 4, 16, 128, 2048, 4096, 8192}) {
            DctII dct = new DctII(n);
            assertEquals(n >= DctII.LIBRARY_MIN_LENGTH, dct.usesLibrary());
            double[] x = gaussian(Seeds.rng(n), n);
            double[] out = new double[n];
            dct.forward(x, out, dct.scratch());
            // the textbook sum itself carries ~ε·√n·‖x‖ of round-off: 1e-13 relative up to n = 8192
            assertArrayEquals(naiveDct(x), out, 1e-13 * norm(x), "n = " + n);
            double[] back = new double[n];
            dct.inverse(out, back, dct.scratch());
            assertArrayEquals(x, back, 1e-13 * norm(x), "n = " + n);
            // in place, as documented
            double[] copy = x.clone();
            dct.forward(copy, copy, dct.scratch());
            assertArrayEquals(out, copy, 0.0);
        }
    }

    @Test
    void subsampledDctIsAdjointConsistentAndEqualsItsDenseMatrix() {
        SubsampledDct a = SubsampledDct.sample(128, 40, 7);
        assertAdjoint(a, a.spectralNorm(), 1);
        assertMatchesColumns(a, 2);
        assertAdjoint(SubsampledDct.sample(1 << 14, 1 << 11, 3), 3.0, 4);
        // rows of an orthonormal matrix times √(n/m): A Aᵀ = (n/m) I, so ‖A‖₂ = √(n/m) exactly.
        DenseMatrix dense = a.toDense();
        assertEquals(Math.sqrt(128.0 / 40), dense.spectralNorm(), 1e-10);
        assertEquals(Math.sqrt(128.0 / 40), a.spectralNorm(), 0.0);
    }

    @Test
    void subsampledDctMatchesTheTextbookDctOnItsRows() {
        SubsampledDct a = SubsampledDct.sample(64, 10, 11);
        double[] x = gaussian(Seeds.rng(5), 64);
        double[] full = naiveDct(x);
        double[] out = new double[10];
        a.apply(x, out);
        int[] rows = a.sampledRows();
        for (int i = 0; i < rows.length; i++) {
            assertEquals(a.scale() * full[rows[i]], out[i], 1e-13);
        }
    }

    @Test
    void subsampledDctColumnNormsByOneTransformMatchColumnByColumn() {
        for (int[] shape : new int[][] {{64, 64}, {256, 37}, {1024, 128}, {4096, 300}}) {
            SubsampledDct a = SubsampledDct.sample(shape[0], shape[1], 13);
            double[] norms = a.columnNorms();
            double[] column = new double[a.rows()];
            for (int j = 0; j < a.cols(); j++) {
                a.column(j, column);
                assertEquals(norm(column), norms[j], 1e-13, "column " + j + " of " + a);
            }
        }
    }

    @Test
    void subsampledDctRowsAreSeededAndRecorded() {
        SubsampledDct a = SubsampledDct.sample(256, 50, 99);
        SubsampledDct b = SubsampledDct.sample(256, 50, 99);
        SubsampledDct c = SubsampledDct.sample(256, 50, 100);
        assertArrayEquals(a.sampledRows(), b.sampledRows());
        assertTrue(!java.util.Arrays.equals(a.sampledRows(), c.sampledRows()));
        assertEquals(99, a.seed());
        assertTrue(a.describe().contains("seed=99"), a.describe());
        SubsampledDct given = new SubsampledDct(256, a.sampledRows(), a.scale());
        double[] x = gaussian(Seeds.rng(1), 256);
        double[] ya = new double[50];
        double[] yg = new double[50];
        a.apply(x, ya);
        given.apply(x, yg);
        assertArrayEquals(ya, yg, 0.0);
    }

    @Test
    void subsampledDctRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> SubsampledDct.sample(100, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> SubsampledDct.sample(64, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SubsampledDct.sample(64, 65, 1));
        assertThrows(IllegalArgumentException.class, () -> new SubsampledDct(8, new int[] {3, 3}, 1));
        assertThrows(IllegalArgumentException.class, () -> new SubsampledDct(8, new int[] {8}, 1));
        assertThrows(IllegalArgumentException.class, () -> new SubsampledDct(8, new int[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> new DctII(12));
        assertThrows(IllegalArgumentException.class, () -> SubsampledDct.sample(8, 2, 1).column(8, new double[2]));
    }

    @Test
    void gaussianConvolutionEqualsTheDeconvolutionMatrix() {
        for (double width : new double[] {0.5, 3, 10}) {
            int n = 300;
            GaussianConvolution a = new GaussianConvolution(n, width);
            DenseMatrix reference = ConvolutionMatrices.gaussianKernel(n, width);
            double[] column = new double[n];
            double[] expected = new double[n];
            for (int j = 0; j < n; j++) {
                a.column(j, column);
                reference.column(j, expected);
                // the dropped taps weigh < 2⁻⁶⁰ of the centre, the norms agree to a few ulps
                assertArrayEquals(expected, column, 1e-15, "width " + width + ", column " + j);
            }
            assertMatchesColumns(a, 8);
            assertAdjoint(a, a.spectralNorm(), 9);
            assertTrue(a.spectralNorm() >= reference.spectralNorm(), "an upper bound");
            assertTrue(a.spectralNorm() <= 1.05 * reference.spectralNorm(), "a close one: " + a.spectralNorm()
                    + " vs " + reference.spectralNorm());
            double[] coefficients = {1.5, -2};
            int[] support = {4, 150};
            double[] viaSupport = new double[n];
            double[] x = new double[n];
            x[4] = 1.5;
            x[150] = -2;
            double[] viaApply = new double[n];
            a.applyOnSupport(support, coefficients, 2, viaSupport);
            a.apply(x, viaApply);
            assertArrayEquals(viaApply, viaSupport, 1e-15);
        }
        assertAdjoint(new GaussianConvolution(1 << 16, 3), 2.0, 10);
    }

    @Test
    void gaussianConvolutionRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new GaussianConvolution(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new GaussianConvolution(10, 0));
        assertThrows(IllegalArgumentException.class, () -> new GaussianConvolution(10, Double.NaN));
    }
}
