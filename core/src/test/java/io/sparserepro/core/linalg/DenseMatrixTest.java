package io.sparserepro.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

class DenseMatrixTest {

    @Test
    void storesColumnMajorAndConvertsFromRows() {
        DenseMatrix a = DenseMatrix.fromRows(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, a.data());
        assertEquals(6, a.get(1, 2));
        assertEquals(a, DenseMatrix.fromRowMajor(2, 3, new double[] {1, 2, 3, 4, 5, 6}));
        assertArrayEquals(new double[] {1, 2, 3}, a.toRows()[0]);
        assertEquals(DenseMatrix.fromRows(new double[][] {{1, 4}, {2, 5}, {3, 6}}), a.transpose());
    }

    @Test
    void productsAgreeWithNaiveLoops() {
        DenseMatrix a = TestMatrices.gaussian(13, 9, 11);
        DenseMatrix b = TestMatrices.gaussian(9, 4, 12);
        DenseMatrix c = a.multiply(b);
        for (int j = 0; j < 4; j++) {
            double[] col = new double[9];
            b.column(j, col);
            double[] expected = TestMatrices.naiveMultiply(a, col);
            for (int i = 0; i < 13; i++) {
                assertEquals(expected[i], c.get(i, j), 1e-12);
            }
        }
        DenseMatrix g = a.gram();
        DenseMatrix expectedGram = a.transpose().multiply(a);
        assertTrue(TestMatrices.maxAbsDiff(g.data(), expectedGram.data()) < 1e-12);
        int[] support = {1, 4, 8};
        double[] coef = {0.5, -2, 3};
        double[] out = new double[13];
        a.applyOnSupport(support, coef, 3, out);
        double[] x = new double[9];
        x[1] = 0.5;
        x[4] = -2;
        x[8] = 3;
        assertTrue(TestMatrices.maxAbsDiff(out, TestMatrices.naiveMultiply(a, x)) < 1e-12);
    }

    @Test
    void normalizedColumnsHaveUnitNorm() {
        DenseMatrix a = TestMatrices.gaussian(20, 30, 3).normalizeColumns();
        for (double norm : a.columnNorms()) {
            assertEquals(1.0, norm, 1e-14);
        }
    }

    @Test
    void spectralNormMatchesTheSingularValueDecomposition() {
        for (long seed = 1; seed <= 5; seed++) {
            DenseMatrix a = TestMatrices.gaussian(25 + (int) seed, 40, seed).normalizeColumns();
            double expected = new SingularValueDecomposition(new Array2DRowRealMatrix(a.toRows())).getNorm();
            // Lanczos with full reorthogonalisation: the top Ritz value converges to σ1² much
            // faster than power iteration; stopped at a relative change of 1e-13 it agrees with
            // the SVD to ~1e-12 (rounding in both), so 1e-10 leaves a wide margin.
            assertEquals(expected, a.spectralNorm(), 1e-10 * expected);
        }
        assertEquals(1.0, DenseMatrix.identity(7).spectralNorm(), 1e-12);
        // Any scale: the iteration works on A / max|a_ij| (β² and σ² would otherwise overflow
        // near 1e150 and stop the iteration early near 1e-20).
        DenseMatrix base = TestMatrices.gaussian(40, 80, 77);
        double reference = new SingularValueDecomposition(new Array2DRowRealMatrix(base.toRows())).getNorm();
        for (double scale : new double[] {1e-150, 1e-20, 1e20, 1e150}) {
            DenseMatrix scaled = base.copy();
            for (int i = 0; i < scaled.data().length; i++) {
                scaled.data()[i] *= scale;
            }
            assertEquals(reference * scale, scaled.spectralNorm(), 1e-10 * reference * scale, "scale " + scale);
        }
        // A wide matrix with a generous cap allocates the basis as it grows, not up front.
        assertEquals(DenseMatrix.identity(3).spectralNorm(), 1.0, 1e-12);
        DenseMatrix wide = TestMatrices.gaussian(2, 250_000, 78);
        assertTrue(wide.spectralNorm(1e-8, 10_000) > 0);
        assertEquals(0.0, DenseMatrix.zeros(3, 2).spectralNorm(), 0);
    }

    @Test
    void badInputIsRejectedWithTheArgumentName() {
        assertMessage(() -> DenseMatrix.zeros(0, 3), "rows");
        assertMessage(() -> DenseMatrix.wrapColumnMajor(2, 3, new double[5]), "data must have length");
        assertMessage(() -> DenseMatrix.fromRows(new double[][] {{1, 2}, {3}}), "row 1");
        DenseMatrix a = DenseMatrix.zeros(2, 3);
        assertMessage(() -> a.apply(new double[2], new double[2]), "x must have length 3");
        assertMessage(() -> a.applyAdjoint(new double[1], new double[3]), "r must have length at least 2");
        assertMessage(() -> a.normalizeColumns(), "column 0");
        assertMessage(() -> a.requireNonZeroColumns("A"), "A has an all-zero column 0");
        a.set(1, 2, Double.NaN);
        assertMessage(() -> a.requireFinite("A"), "A[1, 2] = NaN");
        assertMessage(() -> a.multiply(DenseMatrix.zeros(2, 2)), "2×3 matrix by a 2×2");
        assertMessage(() -> a.spectralNorm(-1, 10), "relativeTolerance");
        assertThrows(IndexOutOfBoundsException.class, () -> a.get(2, 0));
    }

    static void assertMessage(Runnable action, String expectedFragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(expectedFragment),
                "message '" + e.getMessage() + "' should contain '" + expectedFragment + "'");
    }

    /**
     * The spectral norm is computed once per matrix and shared by later calls (every trial of
     * a grid point solves the same matrix), but a matrix changed in place is recomputed.
     */
    @Test
    void spectralNormIsRememberedUntilTheMatrixChanges() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        double[][] rows = new double[30][50];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        DenseMatrix a = DenseMatrix.fromRows(rows);
        double first = a.spectralNorm();
        assertEquals(first, a.spectralNorm(), 0.0);
        assertEquals(first, DenseMatrix.fromRows(rows).spectralNorm(), 0.0, "same entries, same value");
        a.set(3, 7, a.get(3, 7) + 10);
        double changed = a.spectralNorm();
        assertEquals(DenseMatrix.fromRows(toRows(a)).spectralNorm(), changed, 0.0);
        assertTrue(Math.abs(changed - first) > 1e-6, first + " vs " + changed);
        a.data()[0] *= -3; // through the backing array too
        assertEquals(DenseMatrix.fromRows(toRows(a)).spectralNorm(), a.spectralNorm(), 0.0);
    }

    /** Gram columns are Aᵀa_j, computed once per matrix contents and shared; a change starts afresh. */
    @Test
    void gramColumnsAreSharedUntilTheMatrixChanges() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
        double[][] rows = new double[12][20];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        DenseMatrix a = DenseMatrix.fromRows(rows);
        DenseMatrix.GramColumns gram = a.gramColumns();
        for (int j : new int[] {0, 7, 19}) {
            double[] column = gram.column(j);
            for (int i = 0; i < a.cols(); i++) {
                double expected = 0;
                for (int r = 0; r < a.rows(); r++) {
                    expected += a.get(r, i) * a.get(r, j);
                }
                // Summation order differs from the kernel's: round-off of a 12-term dot product.
                assertEquals(expected, column[i], 1e-12 * (1 + Math.abs(expected)));
            }
            assertTrue(column == a.gramColumns().column(j), "the same array, not a recomputation");
        }
        a.set(2, 7, a.get(2, 7) + 1);
        assertTrue(a.gramColumns() != gram, "a changed matrix gets a new cache");
        assertTrue(a.gramColumns().column(7) != gram.column(7));
    }

    private static double[][] toRows(DenseMatrix a) {
        double[][] rows = new double[a.rows()][a.cols()];
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                rows[i][j] = a.get(i, j);
            }
        }
        return rows;
    }
}
