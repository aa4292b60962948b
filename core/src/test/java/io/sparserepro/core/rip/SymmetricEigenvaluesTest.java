package io.sparserepro.core.rip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SymmetricEigenvaluesTest {

    /** Column-major n×n symmetric matrix with standard Gaussian entries. */
    private static double[] randomSymmetric(int n, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] a = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double v = gauss.sample();
                a[j * n + i] = v;
                a[i * n + j] = v;
            }
        }
        return a;
    }

    private static double[] commonsMathEigenvalues(double[] a, int n) {
        double[][] rows = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                rows[i][j] = a[j * n + i];
            }
        }
        double[] values = new EigenDecomposition(new Array2DRowRealMatrix(rows, false)).getRealEigenvalues();
        Arrays.sort(values);
        return values;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    @Test
    void matchesCommonsMathOnRandomSymmetricMatrices() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20240601L);
        SymmetricEigenvalues solver = new SymmetricEigenvalues(12);
        double[] out = new double[12];
        for (int n = 1; n <= 12; n++) {
            for (int trial = 0; trial < 20; trial++) {
                double[] a = randomSymmetric(n, rng);
                solver.compute(a, n, out);
                double[] expected = commonsMathEigenvalues(a, n);
                // Both methods are backward stable: each eigenvalue is within c·n·ε·‖A‖₂ of the
                // truth. With ‖A‖₂ ≤ ~2√n·3 for these sizes, 1e-12·‖A‖ leaves a margin of 100×.
                double tol = 1e-12 * Math.max(1, maxAbs(expected));
                for (int i = 0; i < n; i++) {
                    assertEquals(expected[i], out[i], tol, "n = " + n + ", eigenvalue " + i);
                }
            }
        }
    }

    @Test
    void nearSingularGramMatrixKeepsTheTinyEigenvalue() {
        // G = BᵀB with B having orthonormal columns scaled by known singular values, one of them
        // 1e-7, so G has eigenvalues {1, 2, 3, 4, 1e-14}: a Gram matrix on the edge of rank loss,
        // exactly the case of a support with s > m or nearly parallel columns.
        int n = 5;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        double[][] x = new double[8][n];
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        for (double[] row : x) {
            for (int j = 0; j < n; j++) {
                row[j] = gauss.sample();
            }
        }
        RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(x)).getQ().getSubMatrix(0, 7, 0, n - 1);
        double[] sigma = {1, Math.sqrt(2), Math.sqrt(3), 2, 1e-7};
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < 8; i++) {
                q.multiplyEntry(i, j, sigma[j]);
            }
        }
        RealMatrix g = q.transpose().multiply(q);
        double[] a = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                a[j * n + i] = g.getEntry(i, j);
            }
        }
        double[] out = new double[n];
        new SymmetricEigenvalues(n).compute(a, n, out);
        double[] expected = commonsMathEigenvalues(a, n);
        // Absolute accuracy ε·‖G‖ ≈ 1e-15 is all any backward-stable method promises; the tiny
        // eigenvalue 1e-14 is therefore checked absolutely, against both the construction and
        // Commons Math, with a 1e-13 allowance (forming G itself perturbs it by ~ε·‖G‖).
        assertEquals(1e-14, out[0], 1e-13);
        assertTrue(out[0] > -1e-13, "a Gram matrix has no clearly negative eigenvalue: " + out[0]);
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], out[i], 1e-13);
        }
        assertArrayEquals(new double[] {1, 2, 3, 4}, Arrays.copyOfRange(out, 1, n), 1e-13);
    }

    @Test
    void exactlySingularMatrixHasZeroEigenvalue() {
        // [[1, 1], [1, 1]]: eigenvalues 0 and 2; one rotation with θ = 0 gives them exactly.
        double[] out = new double[2];
        new SymmetricEigenvalues(2).compute(new double[] {1, 1, 1, 1}, 2, out);
        assertArrayEquals(new double[] {0, 2}, out, 0.0);
    }

    @Test
    void diagonalInputIsReturnedSortedExactly() {
        double[] a = {3, 0, 0, 0, -1, 0, 0, 0, 2};
        double[] out = new double[3];
        new SymmetricEigenvalues(3).compute(a, 3, out);
        // No rotation happens on a diagonal matrix, so the values come back unchanged.
        assertArrayEquals(new double[] {-1, 2, 3}, out, 0.0);
    }

    @Test
    void repeatedEigenvaluesAreResolved() {
        // Q·diag(1, 1, 1, 5)·Qᵀ: the triple eigenvalue is the case where Jacobi rotations act on
        // (nearly) equal diagonal entries, θ ≈ 0.
        int n = 4;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(
                unpack(randomSymmetric(n, rng), n))).getQ();
        RealMatrix d = new Array2DRowRealMatrix(n, n);
        double[] lambda = {1, 1, 1, 5};
        for (int i = 0; i < n; i++) {
            d.setEntry(i, i, lambda[i]);
        }
        RealMatrix m = q.multiply(d).multiply(q.transpose());
        double[] out = new double[n];
        new SymmetricEigenvalues(n).compute(pack(m), n, out);
        // ε·‖A‖ = 5ε ≈ 1e-15, plus the rounding of forming Q·D·Qᵀ; 1e-13 is generous.
        assertArrayEquals(lambda, out, 1e-13);
    }

    @Test
    void extremeScalesNeitherOverflowNorUnderflow() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        int n = 6;
        double[] a = randomSymmetric(n, rng);
        double[] reference = new double[n];
        SymmetricEigenvalues solver = new SymmetricEigenvalues(n);
        solver.compute(a, n, reference);
        for (double scale : new double[] {1e300, 1e-300}) {
            double[] scaled = a.clone();
            for (int k = 0; k < scaled.length; k++) {
                scaled[k] *= scale;
            }
            double[] out = new double[n];
            solver.compute(scaled, n, out);
            for (int i = 0; i < n; i++) {
                // The solver rescales by the largest entry internally; power-of-ten scaling is not
                // exact in binary, so allow a few ulps of relative difference.
                assertEquals(reference[i], out[i] / scale, 1e-13 * maxAbs(reference), "scale " + scale);
            }
        }
    }

    @Test
    void readsOnlyTheLowerTriangleAndLeavesInputUntouched() {
        double[] a = {2, 1, 999, 2}; // (0,1) = 999 is upper-triangle garbage
        double[] copy = a.clone();
        double[] out = new double[2];
        new SymmetricEigenvalues(2).compute(a, 2, out);
        assertArrayEquals(new double[] {1, 3}, out, 0.0);
        assertArrayEquals(copy, a, 0.0);
    }

    @Test
    void zeroMatrixHasZeroEigenvalues() {
        double[] out = {7, 7, 7};
        new SymmetricEigenvalues(3).compute(new double[9], 3, out);
        assertArrayEquals(new double[3], out, 0.0);
    }

    @Test
    void rejectsBadArguments() {
        SymmetricEigenvalues solver = new SymmetricEigenvalues(3);
        double[] out = new double[3];
        assertMessage("maxOrder must be positive: 0", () -> new SymmetricEigenvalues(0));
        assertMessage("n must be in [1, 3]: 4", () -> solver.compute(new double[16], 4, new double[4]));
        assertMessage("n must be in [1, 3]: 0", () -> solver.compute(new double[9], 0, out));
        assertMessage("matrix must have length at least 9: 4", () -> solver.compute(new double[4], 3, out));
        assertMessage("eigenvalues must have length at least 3: 2", () -> solver.compute(new double[9], 3, new double[2]));
        assertMessage("matrix must not be null", () -> solver.compute(null, 3, out));
        double[] nan = new double[9];
        nan[1] = Double.NaN; // entry (1, 0), in the lower triangle
        assertMessage("matrix must be finite, but matrix[1, 0] = NaN", () -> solver.compute(nan, 3, out));
    }

    static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }

    private static double[][] unpack(double[] a, int n) {
        double[][] rows = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                rows[i][j] = a[j * n + i];
            }
        }
        return rows;
    }

    private static double[] pack(RealMatrix m) {
        int n = m.getRowDimension();
        double[] a = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                a[j * n + i] = m.getEntry(i, j);
            }
        }
        return a;
    }
}
