package io.sparserepro.core.complex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.random.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every {@link ColumnLeastSquares} method runs. Independent checks: the normal
 * equations Bᴴ(Bz − y) = 0 (optimality), and for rank-deficient B the minimum-norm property
 * z ⊥ null(B) with null(B) known by construction.
 */
class ColumnLeastSquaresTest {

    private static double[] random(int n, UniformRandomProvider rng) {
        return ComplexOperatorsTest.randomComplex(n, rng);
    }

    /** ‖Bᴴ(Bz − y)‖ for B given by its columns. */
    private static double normalEquationsResidual(double[][] columns, double[] z, double[] y, int m) {
        double[] r = y.clone();
        for (int c = 0; c < columns.length; c++) {
            for (int i = 0; i < m; i++) {
                double br = columns[c][2 * i];
                double bi = columns[c][2 * i + 1];
                r[2 * i] -= br * z[2 * c] - bi * z[2 * c + 1];
                r[2 * i + 1] -= br * z[2 * c + 1] + bi * z[2 * c];
            }
        }
        double worst = 0;
        for (double[] column : columns) {
            double[] g = ComplexOperatorsTest.inner(column, r, m);
            worst = Math.max(worst, Math.hypot(g[0], g[1]));
        }
        return worst;
    }

    @ParameterizedTest
    @EnumSource(ColumnLeastSquares.Method.class)
    void fullRankSystemsAreSolvedAndIncrementsAgree(ColumnLeastSquares.Method method) {
        UniformRandomProvider rng = Seeds.rng(21);
        int m = 30;
        int t = 8;
        ColumnLeastSquares ls = method.create(m, t);
        double[] y = random(m, rng);
        ls.reset(y);
        double[][] columns = new double[t][];
        for (int c = 0; c < t; c++) {
            columns[c] = random(m, rng);
            ls.append(columns[c]);
            double[] z = new double[2 * (c + 1)];
            assertEquals(c + 1, ls.solve(z), "full rank");
            // Random [−1,1] entries, cond(B) ≈ 3: the gradient vanishes to ~ ε·‖B‖²·‖z‖.
            assertTrue(normalEquationsResidual(java.util.Arrays.copyOf(columns, c + 1), z, y, m) < 1e-12);
        }
        assertThrows(IllegalStateException.class, () -> ls.append(columns[0]));
    }

    @ParameterizedTest
    @EnumSource(ColumnLeastSquares.Method.class)
    void duplicatedColumnGivesTheMinimumNormSplit(ColumnLeastSquares.Method method) {
        UniformRandomProvider rng = Seeds.rng(22);
        int m = 12;
        double[] b = random(m, rng);
        double[] y = random(m, rng);
        ColumnLeastSquares ls = method.create(m, 3);
        ls.reset(y);
        ls.append(b);
        double[] single = new double[2];
        ls.solve(single);
        ls.append(b.clone());
        double[] z = new double[4];
        assertEquals(1, ls.solve(z), "rank 1");
        // [b b] z = y in the least-squares sense with ‖z‖ minimal: z₁ = z₂ = (bᴴy/‖b‖²)/2.
        for (int k = 0; k < 2; k++) {
            assertEquals(single[0] / 2, z[2 * k], 1e-14);
            assertEquals(single[1] / 2, z[2 * k + 1], 1e-14);
        }
    }

    @ParameterizedTest
    @EnumSource(ColumnLeastSquares.Method.class)
    void rankDeficientSupportsGetTheMinimumNormSolution(ColumnLeastSquares.Method method) {
        UniformRandomProvider rng = Seeds.rng(23);
        int m = 20;
        int r = 4;
        int t = 7;
        // B = [C, C M]: rank r, null(B) spanned by the columns of [−M; I].
        double[][] c = new double[r][];
        for (int k = 0; k < r; k++) {
            c[k] = random(m, rng);
        }
        double[] mix = random(r * (t - r), rng);
        double[][] columns = new double[t][];
        for (int k = 0; k < r; k++) {
            columns[k] = c[k];
        }
        for (int q = 0; q < t - r; q++) {
            double[] col = new double[2 * m];
            for (int k = 0; k < r; k++) {
                double mr = mix[2 * (q * r + k)];
                double mi = mix[2 * (q * r + k) + 1];
                for (int i = 0; i < m; i++) {
                    col[2 * i] += c[k][2 * i] * mr - c[k][2 * i + 1] * mi;
                    col[2 * i + 1] += c[k][2 * i] * mi + c[k][2 * i + 1] * mr;
                }
            }
            columns[r + q] = col;
        }
        double[] y = random(m, rng);
        ColumnLeastSquares ls = method.create(m, t, 1e-10);
        ls.reset(y);
        for (double[] col : columns) {
            ls.append(col);
        }
        double[] z = new double[2 * t];
        assertEquals(r, ls.solve(z));
        for (double v : z) {
            assertTrue(Double.isFinite(v));
        }
        assertTrue(normalEquationsResidual(columns, z, y, m) < 1e-11, "optimal");
        for (int q = 0; q < t - r; q++) {
            // Null vector n_q = [−M e_q; e_q]; z ⊥ n_q: Σ_k conj(−M_kq) z_k + z_{r+q} = 0.
            double re = z[2 * (r + q)];
            double im = z[2 * (r + q) + 1];
            for (int k = 0; k < r; k++) {
                double mr = -mix[2 * (q * r + k)];
                double mi = -mix[2 * (q * r + k) + 1];
                re += mr * z[2 * k] + mi * z[2 * k + 1];
                im += mr * z[2 * k + 1] - mi * z[2 * k];
            }
            assertEquals(0, Math.hypot(re, im), 1e-10, "minimum norm: z ⊥ null(B)");
        }
    }

    @Test
    void incrementalAgreesWithPivotedAndFallsBackOnlyWhenNeeded() {
        UniformRandomProvider rng = Seeds.rng(24);
        int m = 25;
        int t = 10;
        ColumnLeastSquares pivoted = ColumnLeastSquares.Method.PIVOTED_QR.create(m, t);
        IncrementalQrLeastSquares incremental = (IncrementalQrLeastSquares) ColumnLeastSquares.Method.INCREMENTAL_QR
                .create(m, t);
        double[] y = random(m, rng);
        pivoted.reset(y);
        incremental.reset(y);
        for (int c = 0; c < t; c++) {
            double[] col = random(m, rng);
            pivoted.append(col);
            incremental.append(col);
            double[] z1 = new double[2 * (c + 1)];
            double[] z2 = new double[2 * (c + 1)];
            pivoted.solve(z1);
            incremental.solve(z2);
            for (int i = 0; i < z1.length; i++) {
                // Same unique minimiser, cond(B) ≈ 3: agreement to ~10 ε.
                assertEquals(z1[i], z2[i], 1e-13);
            }
        }
        assertEquals(0, incremental.fallbacks());
        assertThrows(IllegalArgumentException.class, () -> ColumnLeastSquares.Method.PIVOTED_QR.create(5, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> pivoted.append(new double[3]));
    }

    @Test
    void realDataStaysRealAndTheRealPathAgreesWithThePivotedQr() {
        UniformRandomProvider rng = Seeds.rng(25);
        int m = 40;
        int t = 12;
        ColumnLeastSquares pivoted = ColumnLeastSquares.Method.PIVOTED_QR.create(m, t);
        ColumnLeastSquares incremental = ColumnLeastSquares.Method.INCREMENTAL_QR.create(m, t);
        double[] y = ComplexVectors.fromReal(realRandom(m, rng));
        pivoted.reset(y);
        incremental.reset(y);
        for (int c = 0; c < t; c++) {
            double[] col = ComplexVectors.fromReal(realRandom(m, rng));
            pivoted.append(col);
            incremental.append(col);
        }
        double[] z1 = new double[2 * t];
        double[] z2 = new double[2 * t];
        pivoted.solve(z1);
        incremental.solve(z2);
        for (int i = 0; i < t; i++) {
            assertEquals(0.0, z2[2 * i + 1], 0.0, "real data, real solution");
            assertEquals(z1[2 * i], z2[2 * i], 1e-13);
        }
        // A complex column afterwards switches the workspace back to complex arithmetic.
        ColumnLeastSquares mixed = ColumnLeastSquares.Method.INCREMENTAL_QR.create(m, 2);
        ColumnLeastSquares reference = ColumnLeastSquares.Method.PIVOTED_QR.create(m, 2);
        double[] complexColumn = random(m, rng);
        double[] realColumn = ComplexVectors.fromReal(realRandom(m, rng));
        for (ColumnLeastSquares ls : new ColumnLeastSquares[] {mixed, reference}) {
            ls.reset(y);
            ls.append(realColumn);
            ls.append(complexColumn);
        }
        double[] a = new double[4];
        double[] b = new double[4];
        mixed.solve(a);
        reference.solve(b);
        for (int i = 0; i < 4; i++) {
            assertEquals(b[i], a[i], 1e-13);
        }
    }

    private static double[] realRandom(int n, UniformRandomProvider rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble() * 2 - 1;
        }
        return v;
    }

    @Test
    void zeroColumnsGiveZero() {
        for (ColumnLeastSquares.Method method : ColumnLeastSquares.Method.values()) {
            ColumnLeastSquares ls = method.create(4, 2);
            ls.reset(new double[] {1, 0, 2, 0, 3, 0, 4, 0});
            ls.append(new double[8]);
            double[] z = {9, 9};
            assertEquals(0, ls.solve(z), method.name());
            assertEquals(0.0, z[0]);
            assertEquals(0.0, z[1]);
        }
    }

    /**
     * solveGram against the definition: (B_kᴴB_k) v must give back g for every leading k. The
     * Gram product is formed here explicitly (independent of R); random [−1,1] columns give
     * κ(B) ≈ 3, so the relative residual is a few ε·κ².
     */
    @Test
    void solveGramInvertsTheGramOfEveryLeadingBlock() {
        UniformRandomProvider rng = Seeds.rng(23);
        int m = 12;
        int t = 6;
        IncrementalQrLeastSquares ls = new IncrementalQrLeastSquares(m, t, PivotedQrLeastSquares.defaultCutoff(m, t));
        ls.reset(random(m, rng));
        double[][] columns = new double[t][];
        for (int c = 0; c < t; c++) {
            columns[c] = random(m, rng);
            ls.append(columns[c]);
        }
        for (int k = 1; k <= t; k++) {
            double[] g = random(k, rng);
            double[] v = new double[2 * k];
            ls.solveGram(k, g, v);
            double[] bv = new double[2 * m];
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < m; i++) {
                    bv[2 * i] += columns[c][2 * i] * v[2 * c] - columns[c][2 * i + 1] * v[2 * c + 1];
                    bv[2 * i + 1] += columns[c][2 * i] * v[2 * c + 1] + columns[c][2 * i + 1] * v[2 * c];
                }
            }
            for (int c = 0; c < k; c++) {
                double[] back = ComplexOperatorsTest.inner(columns[c], bv, m);
                assertEquals(g[2 * c], back[0], 1e-12, "re, k = " + k);
                assertEquals(g[2 * c + 1], back[1], 1e-12, "im, k = " + k);
            }
            // In place (g and v the same array) gives the same numbers.
            double[] same = g.clone();
            ls.solveGram(k, same, same);
            assertEquals(v[0], same[0], 0.0);
        }
        assertThrows(IllegalArgumentException.class, () -> ls.solveGram(t + 1, new double[2 * t + 2], new double[2 * t + 2]));
        assertThrows(IllegalArgumentException.class, () -> ls.solveGram(0, new double[2], new double[2]));
    }
}
