package io.sparserepro.core.linalg;

import static io.sparserepro.core.linalg.DenseMatrixTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

class SupportLeastSquaresTest {

    /** Independent reference: Commons Math Householder QR on the support columns. */
    private static double[] referenceSolution(DenseMatrix a, List<Integer> support, double[] y) {
        RealMatrix as = new Array2DRowRealMatrix(a.rows(), support.size());
        for (int c = 0; c < support.size(); c++) {
            for (int i = 0; i < a.rows(); i++) {
                as.setEntry(i, c, a.get(i, support.get(c)));
            }
        }
        RealVector z = new QRDecomposition(as, 0).getSolver().solve(new ArrayRealVector(y));
        double[] x = new double[a.cols()];
        for (int c = 0; c < support.size(); c++) {
            x[support.get(c)] = z.getEntry(c);
        }
        return x;
    }

    private static double residualNorm(DenseMatrix a, double[] x, double[] y) {
        double[] ax = TestMatrices.naiveMultiply(a, x);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (y[i] - ax[i]) * (y[i] - ax[i]);
        }
        return Math.sqrt(s);
    }

    @Test
    void randomAddsAndRemovesMatchQrFromScratch() {
        DenseMatrix a = TestMatrices.gaussian(60, 120, 21).normalizeColumns();
        double[] y = TestMatrices.gaussianVector(60, 22);
        SupportLeastSquares ls = new SupportLeastSquares(a, 30);
        ls.setObservations(y);
        SplittableRandom rng = new SplittableRandom(23);
        List<Integer> support = new ArrayList<>();
        double[] x = new double[120];
        double[] coef = new double[30];
        double[] scratch = new double[60];
        for (int step = 0; step < 2000; step++) {
            boolean grow = support.isEmpty() || (support.size() < 30 && rng.nextBoolean());
            if (grow) {
                int j;
                do {
                    j = rng.nextInt(120);
                } while (support.contains(j));
                assertTrue(ls.add(j), "a random Gaussian support is well conditioned");
                support.add(j);
            } else {
                int j = support.remove(rng.nextInt(support.size()));
                ls.remove(j);
            }
            if (step % 50 == 0 || step > 1950) {
                ls.estimate(x, coef);
                double[] expected = referenceSolution(a, support, y);
                // Gaussian supports of ≤ 30 of 60 rows have cond(A_S) ≲ 10: both solutions
                // are accurate to ~1e-14; 2000 Givens updates add ~sqrt(2000)·ε of drift.
                assertTrue(TestMatrices.maxAbsDiff(x, expected) < 1e-11, "step " + step);
                assertEquals(residualNorm(a, expected, y), ls.residualNorm(scratch), 1e-11);
            }
        }
        assertEquals(support.size(), ls.size());
    }

    @Test
    void coherentSupportWithConditionNumberAround1e8MatchesQr() {
        // Adjacent columns of a smooth convolution: A_S is very ill-conditioned.
        DenseMatrix a = TestMatrices.smoothConvolution(80, 5.0);
        List<Integer> support = List.of(30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40);
        RealMatrix as = new Array2DRowRealMatrix(80, support.size());
        for (int c = 0; c < support.size(); c++) {
            for (int i = 0; i < 80; i++) {
                as.setEntry(i, c, a.get(i, support.get(c)));
            }
        }
        double[] sv = new SingularValueDecomposition(as).getSingularValues();
        double cond = sv[0] / sv[sv.length - 1];
        assertTrue(cond > 3e7 && cond < 1e10, "condition number " + cond);

        double[] truth = new double[80];
        truth[30] = 1;
        truth[33] = -1.5;
        truth[36] = 2;
        truth[40] = -1;
        double[] y = TestMatrices.naiveMultiply(a, truth);
        double[] noise = TestMatrices.gaussianVector(80, 5);
        for (int i = 0; i < 80; i++) {
            y[i] += 1e-3 * noise[i];
        }
        SupportLeastSquares ls = new SupportLeastSquares(a, 12);
        ls.setObservations(y);
        // Add in a scrambled order and remove/re-add one, to exercise the updates.
        for (int j : new int[] {33, 30, 40, 34, 31, 38, 32, 36, 35, 39, 37}) {
            assertTrue(ls.add(j));
        }
        ls.remove(31);
        assertTrue(ls.add(31));
        double[] x = new double[80];
        ls.estimate(x, new double[12]);
        double[] expected = referenceSolution(a, support, y);
        // Both are backward stable, so each coefficient vector is within ~cond·ε·‖x‖ of the
        // exact one (cond ≈ 2e8: ~1e-8 relative); allow 100ε per unit of cond. The residuals
        // are well conditioned and agree to round-off.
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(TestMatrices.maxAbsDiff(x, expected) < cond * 1e-14 * scale,
                "difference " + TestMatrices.maxAbsDiff(x, expected) + " at cond " + cond);
        assertEquals(residualNorm(a, expected, y), ls.residualNorm(new double[80]), 1e-12);
    }

    @Test
    void residualIsOrthogonalToTheSupport() {
        DenseMatrix a = TestMatrices.gaussian(40, 70, 31).normalizeColumns();
        double[] y = TestMatrices.gaussianVector(40, 32);
        SupportLeastSquares ls = new SupportLeastSquares(a, 15);
        ls.setObservations(y);
        for (int j = 0; j < 15; j++) {
            ls.add(j * 4);
        }
        double[] res = new double[40];
        ls.residual(res);
        for (int j = 0; j < 15; j++) {
            assertEquals(0.0, a.columnDot(j * 4, res), 1e-13);
        }
    }

    @Test
    void dependentColumnsAreDeferredAndRetriedAfterRemoval() {
        // Column 2 = column 0 + column 1: dependent while both are on the support.
        double[][] rows = new double[6][4];
        SplittableRandom rng = new SplittableRandom(41);
        for (int i = 0; i < 6; i++) {
            rows[i][0] = rng.nextDouble() - 0.5;
            rows[i][1] = rng.nextDouble() - 0.5;
            rows[i][2] = rows[i][0] + rows[i][1];
            rows[i][3] = rng.nextDouble() - 0.5;
        }
        DenseMatrix a = DenseMatrix.fromRows(rows);
        double[] y = {1, 2, 3, 4, 5, 6};
        SupportLeastSquares ls = new SupportLeastSquares(a, 4);
        ls.setObservations(y);
        assertTrue(ls.add(0));
        assertTrue(ls.add(1));
        assertFalse(ls.add(2));
        assertTrue(ls.isDeferred(2));
        assertEquals(3, ls.size());
        assertEquals(2, ls.rank());
        double[] x = new double[4];
        ls.estimate(x, new double[4]);
        assertEquals(0.0, x[2]);
        for (double v : x) {
            assertTrue(Double.isFinite(v));
        }
        double fitWithDependent = ls.residualNorm(new double[6]);
        assertEquals(residualNorm(a, referenceSolution(a, List.of(0, 1), y), y), fitWithDependent, 1e-12);

        ls.remove(0);
        assertFalse(ls.isDeferred(2), "column 2 is independent of column 1 alone");
        assertEquals(2, ls.rank());
        ls.estimate(x, new double[4]);
        double[] expected = referenceSolution(a, List.of(1, 2), y);
        assertTrue(TestMatrices.maxAbsDiff(x, expected) < 1e-12);
        int[] support = new int[4];
        assertEquals(2, ls.support(support));
        assertEquals(1, support[0]);
        assertEquals(2, support[1]);
    }

    @Test
    void zeroColumnIsDeferredNotNaN() {
        DenseMatrix a = DenseMatrix.fromRows(new double[][] {{1, 0}, {0, 0}});
        SupportLeastSquares ls = new SupportLeastSquares(a, 2);
        ls.setObservations(new double[] {3, 4});
        assertFalse(ls.add(1));
        double[] x = new double[2];
        ls.estimate(x, new double[2]);
        assertEquals(0.0, x[1]);
        assertEquals(5.0, ls.residualNorm(new double[2]), 1e-15);
    }

    @Test
    void clearEmptiesTheSupportAndKeepsObservations() {
        DenseMatrix a = TestMatrices.gaussian(10, 12, 51);
        SupportLeastSquares ls = new SupportLeastSquares(a, 5);
        double[] y = TestMatrices.gaussianVector(10, 52);
        ls.setObservations(y);
        ls.add(3);
        ls.add(7);
        ls.clear();
        assertEquals(0, ls.size());
        assertFalse(ls.contains(3));
        assertEquals(DenseKernels.norm2(y), ls.residualNorm(new double[10]), 1e-14);
        ls.add(3);
        assertTrue(ls.contains(3));
    }

    @Test
    void badInputIsRejectedWithTheArgumentName() {
        DenseMatrix a = TestMatrices.gaussian(5, 8, 61);
        assertMessage(() -> new SupportLeastSquares(a, 0), "capacity");
        assertMessage(() -> new SupportLeastSquares(a, 9), "capacity");
        assertMessage(() -> new SupportLeastSquares(a, 3, 0.0), "rankTolerance");
        assertMessage(() -> new SupportLeastSquares(null, 3), "operator");
        SupportLeastSquares ls = new SupportLeastSquares(a, 2);
        assertMessage(() -> ls.setObservations(new double[4]), "observations must have length 5");
        assertMessage(() -> ls.add(8), "column must be in [0, 7]: 8");
        ls.add(1);
        assertMessage(() -> ls.add(1), "already on the support");
        assertMessage(() -> ls.remove(2), "not on the support");
        ls.add(2);
        assertThrows(IllegalStateException.class, () -> ls.add(3));
        assertThrows(IllegalStateException.class, () -> ls.solve(new double[2]));
    }
}
