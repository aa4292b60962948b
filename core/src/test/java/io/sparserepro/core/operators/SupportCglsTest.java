package io.sparserepro.core.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.linalg.LinearOperator;
import io.sparserepro.core.linalg.SupportLeastSquares;
import io.sparserepro.core.problem.GaussianMatrices;
import io.sparserepro.core.random.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class SupportCglsTest {

    /** The dense QR answer (SupportLeastSquares, Householder-free Gram–Schmidt: an independent method). */
    private static double[] qr(LinearOperator a, double[] y, int[] support) {
        SupportLeastSquares ls = new SupportLeastSquares(a.toDense(), support.length);
        ls.setObservations(y);
        for (int j : support) {
            ls.add(j);
        }
        double[] c = new double[support.length];
        ls.solve(c);
        double[] byColumn = new double[support.length];
        for (int i = 0; i < support.length; i++) {
            int column = ls.factorizedColumn(i);
            for (int s = 0; s < support.length; s++) {
                if (support[s] == column) {
                    byColumn[s] = c[i];
                }
            }
        }
        return byColumn;
    }

    private static void check(LinearOperator a, double[] y, int[] support, double tolerance) {
        SupportCgls cgls = new SupportCgls(a, y, support.length, SupportCgls.Options.defaults());
        double[] c = new double[support.length];
        int iterations = cgls.solve(support, support.length, c);
        double[] expected = qr(a, y, support);
        assertArrayEquals(expected, c, tolerance);
        assertTrue(iterations <= 3 * support.length, "CGLS ends in about |S| steps: " + iterations);
        // the returned residual is y − A_S c, recomputed
        double[] x = new double[a.cols()];
        for (int s = 0; s < support.length; s++) {
            x[support[s]] = c[s];
        }
        double[] ax = new double[a.rows()];
        a.apply(x, ax);
        for (int i = 0; i < a.rows(); i++) {
            assertEquals(y[i] - ax[i], cgls.residual()[i], 1e-14);
        }
        // warm start from the answer: (almost) nothing left to do, same answer
        int again = cgls.solve(support, support.length, c);
        assertTrue(again <= 2, "a warm start at the solution: " + again);
        assertArrayEquals(expected, c, tolerance);
    }

    @Test
    void matchesDenseQrOnGaussianInconsistentSystems() {
        UniformRandomProvider rng = Seeds.rng(17);
        DenseMatrix a = GaussianMatrices.standardNormalUnitColumns(60, 120, rng);
        double[] y = new double[60];
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextDouble() - 0.5;
        }
        // cond(A_S) ≈ (1 + √(20/60))/(1 − √(20/60)) ≈ 3.7: error ≤ cond²·1e-14 ≈ 1e-12 relative
        check(a, y, new int[] {3, 9, 10, 44, 70, 71, 100, 5, 6, 7, 8, 11, 12, 13, 14, 15, 16, 17, 18, 19}, 1e-10);
    }

    @Test
    void matchesDenseQrThroughTheDct() {
        SubsampledDct a = SubsampledDct.sample(256, 64, 5);
        double[] y = new double[64];
        UniformRandomProvider rng = Seeds.rng(2);
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextDouble() - 0.5;
        }
        check(a, y, new int[] {200, 3, 77, 78, 79, 120, 150, 4}, 1e-10);
    }

    @Test
    void warmStartFromANeighbouringSupportTakesFewerIterations() {
        SubsampledDct a = SubsampledDct.sample(1024, 256, 8);
        int[] support = new int[40];
        double[] truth = new double[1024];
        UniformRandomProvider rng = Seeds.rng(3);
        for (int s = 0; s < 40; s++) {
            support[s] = 20 * s + 7;
            truth[support[s]] = 1 + rng.nextDouble();
        }
        double[] y = new double[256];
        a.apply(truth, y);
        SupportCgls cgls = new SupportCgls(a, y, 40, SupportCgls.Options.defaults());
        double[] cold = new double[40];
        int coldIterations = cgls.solve(support, 40, cold);
        for (int s = 0; s < 40; s++) {
            assertEquals(truth[support[s]], cold[s], 1e-11);
        }
        double[] warm = cold.clone();
        warm[0] = 0; // one index "entering" from 0
        int warmIterations = cgls.solve(support, 40, warm);
        assertTrue(warmIterations < coldIterations, warmIterations + " vs " + coldIterations);
        assertArrayEquals(cold, warm, 1e-11);
        assertEquals(2, cgls.solves());
        assertEquals(coldIterations + warmIterations, cgls.totalIterations());
    }

    @Test
    void zeroProjectionGivesZeroWithoutIterating() {
        SubsampledDct a = SubsampledDct.sample(64, 64, 1); // all rows: A = C, orthogonal
        double[] x = new double[64];
        x[10] = 1;
        double[] y = new double[64];
        a.apply(x, y);
        SupportCgls cgls = new SupportCgls(a, y, 2, SupportCgls.Options.defaults());
        double[] c = {5, 5};
        // A_Sᵀy is round-off here (columns orthogonal to y): the 2|S| + 10 cap ends the run at c ≈ 0
        assertTrue(cgls.solve(new int[] {3, 4}, 2, c) <= 14);
        assertArrayEquals(new double[] {0, 0}, c, 1e-15);
        SupportCgls zero = new SupportCgls(a, new double[64], 2, SupportCgls.Options.defaults());
        c = new double[] {5, 5};
        assertEquals(0, zero.solve(new int[] {3, 4}, 2, c));
        assertArrayEquals(new double[] {0, 0}, c, 0.0);
    }

    @Test
    void rejectsBadInput() {
        SubsampledDct a = SubsampledDct.sample(64, 16, 1);
        assertThrows(IllegalArgumentException.class, () -> new SupportCgls(a, new double[15], 4, SupportCgls.Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> new SupportCgls(a, new double[16], 0, SupportCgls.Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> new SupportCgls.Options(0, 1e-14));
        assertThrows(IllegalArgumentException.class, () -> new SupportCgls.Options(10, 1.0));
        SupportCgls cgls = new SupportCgls(a, new double[16], 4, SupportCgls.Options.defaults());
        assertThrows(IllegalArgumentException.class, () -> cgls.solve(new int[5], 5, new double[5]));
    }
}
