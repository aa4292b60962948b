package io.sparserepro.algorithms.unfolding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.random.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class SoftSortTest {

    private static double[] randomScores(int n, UniformRandomProvider rng) {
        double[] s = new double[n];
        for (int j = 0; j < n; j++) {
            s[j] = rng.nextDouble() * 3;
        }
        return s;
    }

    /** The definition through log-sum-exp (an independent route to the same numbers). */
    private static double naive(double[] s, double target, double tau, int j) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, -Math.abs(v - target) / tau);
        }
        double sum = 0;
        for (double v : s) {
            sum += Math.exp(-Math.abs(v - target) / tau - max);
        }
        return Math.exp(-Math.abs(s[j] - target) / tau - max - Math.log(sum));
    }

    @Test
    void rowsAreTheDefinitionAndSumToOne() {
        UniformRandomProvider rng = Seeds.rng(1);
        int n = 50;
        int r = 5;
        double[] s = randomScores(n, rng);
        for (double tau : new double[] {1e-3, 0.1, 1, 100}) {
            double[] p = new double[r * n];
            int[] top = new int[r];
            SoftSort.rows(s, n, r, tau, p, top);
            for (int i = 0; i < r; i++) {
                assertTrue(i == 0 || s[top[i]] <= s[top[i - 1]], "ŝ decreasing");
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    // exp and log each add a few ulps; the log-sum-exp route amplifies by the logit (≤ 3/τ·ε).
                    assertEquals(naive(s, s[top[i]], tau, j), p[i * n + j], 1e-12 * (1 + 3 / tau) * 1e-1);
                    sum += p[i * n + j];
                }
                assertEquals(1.0, sum, 1e-14);
            }
            double[] mask = new double[n];
            SoftSort.columnSums(s, n, r, tau, mask, top, new double[n]);
            for (int j = 0; j < n; j++) {
                double expected = 0;
                for (int i = 0; i < r; i++) {
                    expected += p[i * n + j];
                }
                assertEquals(expected, mask[j], 1e-15);
            }
        }
    }

    @Test
    void firstRowObeysTheBound() {
        // ‖P̃₁ − e_argmax‖₁ ≤ 2(N−1)·exp(−δ/τ), δ the gap between the two largest scores.
        for (long seed = 1; seed <= 20; seed++) {
            UniformRandomProvider rng = Seeds.rng(seed);
            int n = 10 + (int) seed * 7;
            double[] s = randomScores(n, rng);
            int[] top = new int[2];
            SoftSort.topIndices(s, n, 2, top);
            double delta = s[top[0]] - s[top[1]];
            for (double tau = 10; tau >= 1e-6; tau /= 10) {
                double[] p = new double[n];
                int peak = SoftSort.firstRow(s, n, tau, p, 0);
                assertEquals(top[0], peak);
                double distance = 0;
                for (int j = 0; j < n; j++) {
                    distance += Math.abs(p[j] - (j == peak ? 1 : 0));
                }
                double bound = 2 * (n - 1) * Math.exp(-delta / tau);
                // The bound may be 0 in double precision only when the distance is exactly 0 too.
                assertTrue(distance <= bound * (1 + 1e-12) + 1e-300, "seed " + seed + " τ " + tau);
            }
        }
    }

    @Test
    void rowsAreOneHotAsTauVanishesAndUniformAsItGrows() {
        double[] s = {0.3, 2.0, 1.1, 2.0 - 1e-9, -4};
        double[] p = new double[2 * 5];
        int[] top = new int[2];
        SoftSort.rows(s, 5, 2, 1e-14, p, top);
        assertEquals(1, top[0]);
        assertEquals(3, top[1]);
        for (int j = 0; j < 5; j++) {
            assertEquals(j == 1 ? 1.0 : 0.0, p[j], 0.0, "exactly one-hot");
            assertEquals(j == 3 ? 1.0 : 0.0, p[5 + j], 0.0);
        }
        SoftSort.rows(s, 5, 1, 1e-300, p, top); // logits −1e291: no overflow, no NaN
        assertEquals(1.0, p[1], 0.0);
        SoftSort.rows(s, 5, 1, 1e300, p, top);
        for (int j = 0; j < 5; j++) {
            assertEquals(0.2, p[j], 1e-15, "uniform");
        }
        // Ties: the lowest index first, the row splits its mass between the tied entries.
        double[] tied = {1, 5, 5, 0};
        assertEquals(1, SoftSort.firstRow(tied, 4, 1e-9, p, 0));
        assertEquals(0.5, p[1], 0.0);
        assertEquals(0.5, p[2], 0.0);
    }

    @Test
    void badInputsAreRejected() {
        double[] s = {1, 2, 3};
        double[] out = new double[3];
        int[] top = new int[1];
        for (double tau : new double[] {0, -1e-3, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SoftSort.rows(s, 3, 1, tau, out, top));
            assertTrue(e.getMessage().contains("tau"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> SoftSort.firstRow(s, 3, tau, out, 0));
        }
        assertThrows(IllegalArgumentException.class, () -> SoftSort.firstRow(new double[] {1, Double.NaN}, 2, 1, out, 0));
        assertThrows(IllegalArgumentException.class, () -> SoftSort.rows(s, 3, 4, 1, new double[12], new int[4]));
        assertThrows(IllegalArgumentException.class, () -> SoftSort.topIndices(s, 4, 1, top));
    }

    /**
     * topIndices (one pass with insertion) against a full stable sort by decreasing score, on
     * scores with many exact ties (values drawn from a few levels) and with −∞.
     */
    @Test
    void topIndicesAreTheStableDecreasingOrder() {
        UniformRandomProvider rng = Seeds.rng(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rng.nextInt(40);
            double[] s = new double[n];
            for (int j = 0; j < n; j++) {
                s[j] = rng.nextInt(10) == 0 ? Double.NEGATIVE_INFINITY : rng.nextInt(6);
            }
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a])); // stable: ties keep index order
            int r = 1 + rng.nextInt(n);
            int[] top = new int[r];
            SoftSort.topIndices(s, n, r, top);
            for (int i = 0; i < r; i++) {
                assertEquals(order[i], top[i], "trial " + trial + ", rank " + i);
            }
        }
    }

    /**
     * compressedRows holds exactly the non-zero entries of rows, bit for bit, in column order:
     * random scores, scores with ties, and τ from one-hot (1e-6) to dense (10).
     */
    @Test
    void compressedRowsAreTheNonZeroEntriesOfRows() {
        UniformRandomProvider rng = Seeds.rng(6);
        for (int trial = 0; trial < 60; trial++) {
            int n = 5 + rng.nextInt(200);
            int r = 1 + rng.nextInt(Math.min(n, 12));
            double[] s = new double[n];
            for (int j = 0; j < n; j++) {
                s[j] = trial % 3 == 0 ? rng.nextInt(8) * 0.01 : rng.nextDouble();
            }
            double tau = new double[] {1e-6, 1e-3, 1e-2, 0.1, 10}[trial % 5];
            double[] dense = new double[r * n];
            int[] top = new int[r];
            SoftSort.rows(s, n, r, tau, dense, top);
            int[] index = new int[r * n + 3];
            double[] values = new double[r * n + 3];
            int[] rowStart = new int[r + 2];
            int[] compressedTop = new int[r];
            int end = SoftSort.compressedRows(s, n, r, tau, compressedTop, new int[n], index, values, 3, rowStart, 1);
            assertEquals(3, rowStart[1]);
            assertEquals(end, rowStart[r + 1]);
            for (int i = 0; i < r; i++) {
                assertEquals(top[i], compressedTop[i]);
                int k = rowStart[1 + i];
                for (int j = 0; j < n; j++) {
                    double p = dense[i * n + j];
                    if (p != 0.0) {
                        assertTrue(k < rowStart[2 + i], "entry " + j + " of row " + i + " missing");
                        assertEquals(j, index[k]);
                        assertEquals(p, values[k], 0.0);
                        k++;
                    }
                }
                assertEquals(rowStart[2 + i], k, "no extra entries in row " + i);
            }
        }
    }
}
