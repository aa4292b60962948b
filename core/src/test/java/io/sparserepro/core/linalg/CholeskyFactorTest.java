package io.sparserepro.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CholeskyFactorTest {

    /** Gram matrix G = AᵀA of a random m×s matrix, row-major s×s. */
    private static double[] gram(double[][] columns, List<Integer> order) {
        int s = order.size();
        double[] g = new double[s * s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                g[i * s + j] = dot(columns[order.get(i)], columns[order.get(j)]);
            }
        }
        return g;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[][] randomColumns(int m, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] c = new double[n][m];
        for (double[] col : c) {
            for (int i = 0; i < m; i++) {
                col[i] = rng.nextDouble() - 0.5;
            }
        }
        return c;
    }

    /** max |(L Lᵀ)_ij − G_ij| relative to max |G_ij|. */
    private static double reconstructionError(CholeskyFactor f, double[] g) {
        int s = f.size();
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < s; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int t = 0; t <= j; t++) {
                    v += f.get(i, t) * f.get(j, t);
                }
                worst = Math.max(worst, Math.abs(v - g[i * s + j]));
                scale = Math.max(scale, Math.abs(g[i * s + j]));
            }
        }
        return s == 0 ? 0.0 : worst / scale;
    }

    private static void append(CholeskyFactor f, double[][] columns, List<Integer> order, int j) {
        double[] b = new double[f.size()];
        for (int i = 0; i < f.size(); i++) {
            b[i] = dot(columns[order.get(i)], columns[j]);
        }
        assertTrue(f.append(b, dot(columns[j], columns[j]), 1e-12));
        order.add(j);
    }

    @Test
    void appendsAndRemovalsKeepLLTEqualToTheGramMatrix() {
        // Round-off of a Cholesky factor is ~ s·ε·‖G‖ (Higham, Thm 10.3); s ≤ 30 and a few dozen
        // Givens updates: 1e-12 relative leaves two orders of margin.
        double[][] columns = randomColumns(60, 80, 1);
        SplittableRandom rng = new SplittableRandom(2);
        CholeskyFactor f = new CholeskyFactor(40);
        List<Integer> order = new ArrayList<>();
        boolean[] used = new boolean[80];
        for (int step = 0; step < 200; step++) {
            if (f.size() > 0 && (f.size() == 30 || rng.nextInt(3) == 0)) {
                int p = rng.nextInt(f.size());
                used[order.remove(p)] = false;
                f.remove(p);
            } else {
                int j;
                do {
                    j = rng.nextInt(80);
                } while (used[j]);
                used[j] = true;
                append(f, columns, order, j);
            }
            assertTrue(reconstructionError(f, gram(columns, order)) <= 1e-12, "step " + step);
            for (int i = 0; i < f.size(); i++) {
                assertTrue(f.get(i, i) > 0, "positive diagonal");
            }
        }
    }

    @Test
    void factorEqualsAppendingRowByRowAndSolvesTheSystem() {
        double[][] columns = randomColumns(50, 25, 3);
        List<Integer> order = new ArrayList<>();
        CholeskyFactor appended = new CholeskyFactor(25);
        for (int j = 0; j < 25; j++) {
            append(appended, columns, order, j);
        }
        double[] g = gram(columns, order);
        CholeskyFactor factored = new CholeskyFactor(30);
        assertEquals(25, factored.factor(g, 25, 25, 1e-12));
        for (int i = 0; i < 25; i++) {
            for (int j = 0; j <= i; j++) {
                // The same factor by other summation orders (blocked, fused multiply-adds):
                // equal to round-off, ~s·ε·cond(G) with cond(G) ≲ 30 here.
                assertEquals(appended.get(i, j), factored.get(i, j), 1e-13);
            }
        }
        double[] b = new double[25];
        for (int i = 0; i < 25; i++) {
            b[i] = Math.sin(i + 1.0);
        }
        double[] z = new double[25];
        factored.solve(b, z);
        for (int i = 0; i < 25; i++) {
            double gz = 0;
            for (int j = 0; j < 25; j++) {
                gz += g[i * 25 + j] * z[j];
            }
            // Backward stable solve, cond(G) ≲ 1e2 here: residual at round-off.
            assertEquals(b[i], gz, 1e-12);
        }
        double ratio = factored.minPivotRatio();
        assertTrue(ratio > 0 && ratio <= 1);
    }

    /** The textbook Cholesky–Banachiewicz recurrence (Golub &amp; Van Loan, Alg. 4.2.1), row-major s×s. */
    private static double[] textbookCholesky(double[] g, int s) {
        double[] l = new double[s * s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j <= i; j++) {
                double v = g[i * s + j];
                for (int t = 0; t < j; t++) {
                    v -= l[i * s + t] * l[j * s + t];
                }
                l[i * s + j] = i == j ? Math.sqrt(v) : v / l[j * s + j];
            }
        }
        return l;
    }

    private static List<DenseKernel> kernels() {
        List<DenseKernel> list = new ArrayList<>();
        list.add(DenseKernels.scalar());
        DenseKernels.vectorized().ifPresent(list::add);
        return list;
    }

    private static List<Integer> identityOrder(int s) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < s; i++) {
            order.add(i);
        }
        return order;
    }

    /** max |a − b| over the lower triangle, relative to the largest |reference| entry. */
    private static double relativeDifference(CholeskyFactor f, double[] reference, int s) {
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < s; i++) {
            for (int j = 0; j <= i; j++) {
                worst = Math.max(worst, Math.abs(f.get(i, j) - reference[i * s + j]));
                scale = Math.max(scale, Math.abs(reference[i * s + j]));
            }
        }
        return worst / scale;
    }

    @Test
    void blockedFactorEqualsTheTextbookRecurrenceOnEverySize() {
        // Sizes 1..40 and around every block boundary up to 200, both kernels. G = AᵀA with A
        // Gaussian-like m×s, m = 2s + 10: cond(G) ≤ ((1 + √½)/(1 − √½))² ≈ 34. The two
        // factors differ only by summation order (blocking, FMA): ≤ ~s·ε·cond(G) ≈ 2e-12 at
        // s = 200 relative to max |L|; 1e-11 leaves a factor 5.
        List<Integer> sizes = new ArrayList<>();
        for (int s = 1; s <= 40; s++) {
            sizes.add(s);
        }
        for (int s : new int[] {47, 48, 49, 63, 64, 65, 79, 80, 81, 127, 128, 129, 150, 151, 199, 200}) {
            sizes.add(s);
        }
        for (int s : sizes) {
            double[][] columns = randomColumns(2 * s + 10, s, 1000 + s);
            double[] g = gram(columns, identityOrder(s));
            double[] reference = textbookCholesky(g, s);
            for (DenseKernel kernel : kernels()) {
                CholeskyFactor f = new CholeskyFactor(s + 3, kernel);
                assertEquals(s, f.factor(g, s, s, 1e-12), kernel.name() + " s " + s);
                assertTrue(relativeDifference(f, reference, s) <= 1e-11, kernel.name() + " s " + s + ": "
                        + relativeDifference(f, reference, s));
                // Refactorising from any kept row gives the same factor (the kept rows are the
                // factor of the leading block): aligned and unaligned with the blocks.
                for (int first : new int[] {1, s / 3, s / 2, s - 1, CholeskyFactor.BLOCK, 2 * CholeskyFactor.BLOCK + 3}) {
                    if (first < 0 || first > s) {
                        continue;
                    }
                    CholeskyFactor g2 = new CholeskyFactor(s, kernel);
                    g2.factor(g, s, s, 1e-12);
                    double[] damaged = g.clone();
                    for (int i = 0; i < first; i++) { // factorFrom must not read rows < first
                        for (int j = 0; j <= i; j++) {
                            damaged[i * s + j] = Double.NaN;
                            damaged[j * s + i] = Double.NaN;
                        }
                    }
                    assertEquals(s, g2.factorFrom(damaged, s, s, first, 1e-12));
                    assertTrue(relativeDifference(g2, reference, s) <= 1e-11, kernel.name() + " s " + s + " from " + first);
                }
            }
        }
    }

    @Test
    void scalarAndVectorKernelsGiveTheSameFactorToRoundOff() {
        // Same blocking, the vector kernel with fused multiply-adds: the two differ by rounding
        // of each product only (≤ s·ε relative per entry, cond(G) ≲ 34 as above).
        DenseKernel vector = DenseKernels.vectorized().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(vector != null, "jdk.incubator.vector not present");
        for (int s : new int[] {5, 8, 17, 24, 64, 150}) {
            double[] g = gram(randomColumns(2 * s + 10, s, 77 + s), identityOrder(s));
            CholeskyFactor a = new CholeskyFactor(s, DenseKernels.scalar());
            CholeskyFactor b = new CholeskyFactor(s, vector);
            a.factor(g, s, s, 1e-12);
            b.factor(g, s, s, 1e-12);
            double[] la = new double[s * s];
            for (int i = 0; i < s; i++) {
                for (int j = 0; j <= i; j++) {
                    la[i * s + j] = a.get(i, j);
                }
            }
            assertTrue(relativeDifference(b, la, s) <= 1e-12, "s " + s);
        }
    }

    @Test
    void blockAppendEqualsRefactorisationAndRowByRowAppends() {
        // factorFrom(size): L₂₁ = G₂₁L₁₁⁻ᵀ and the Cholesky factor of the Schur complement.
        // Same tolerance argument as above (cond(G) ≲ 34, s ≤ 100).
        for (int kept : new int[] {0, 1, 7, 8, 9, 30, 64}) {
            for (int added : new int[] {1, 3, 8, 9, 36}) {
                int s = kept + added;
                double[][] columns = randomColumns(2 * s + 10, s, 31L * kept + added);
                List<Integer> order = identityOrder(s);
                double[] g = gram(columns, order);
                double[] reference = textbookCholesky(g, s);
                CholeskyFactor blocked = new CholeskyFactor(s);
                CholeskyFactor rows = new CholeskyFactor(s);
                List<Integer> rowOrder = new ArrayList<>();
                double[] leading = gram(columns, order.subList(0, kept));
                assertEquals(kept, blocked.factor(leading, Math.max(kept, 1), kept, 1e-12));
                assertEquals(s, blocked.factorFrom(g, s, s, kept, 1e-12));
                for (int j = 0; j < s; j++) {
                    append(rows, columns, rowOrder, j);
                }
                assertTrue(relativeDifference(blocked, reference, s) <= 1e-11, kept + "+" + added);
                assertTrue(relativeDifference(rows, reference, s) <= 1e-11, kept + "+" + added + " rows");
            }
        }
    }

    @Test
    void aDependentColumnStopsTheBlockedFactorAtItsRow() {
        // Column d is a combination of two earlier ones (plus 1e-9 relative): its pivot is
        // ~1e-18·G_dd < 1e-12·G_dd. The factor keeps rows 0..d−1 and they equal the factor of
        // the leading block; d in the first block, on a block boundary and past it.
        for (int d : new int[] {2, 7, 8, 9, 20, 33, 70}) {
            int s = d + 11;
            double[][] columns = randomColumns(2 * s + 10, s, 400 + d);
            for (int i = 0; i < columns[d].length; i++) {
                columns[d][i] = 0.3 * columns[0][i] - 2.0 * columns[d - 1][i] + 1e-9 * columns[d][i];
            }
            double[] g = gram(columns, identityOrder(s));
            for (DenseKernel kernel : kernels()) {
                CholeskyFactor f = new CholeskyFactor(s, kernel);
                assertEquals(d, f.factor(g, s, s, 1e-12), kernel.name() + " d " + d);
                assertEquals(d, f.size());
                double[] leading = textbookCholesky(gram(columns, identityOrder(d)), d);
                assertTrue(relativeDifference(f, leading, d) <= 1e-11, kernel.name() + " d " + d);
                // The block append stops there too, from any kept prefix before d.
                CholeskyFactor g2 = new CholeskyFactor(s, kernel);
                g2.factor(gram(columns, identityOrder(d - 1)), d - 1, d - 1, 1e-12);
                assertEquals(d, g2.factorFrom(g, s, s, d - 1, 1e-12), kernel.name() + " append d " + d);
                // And a single appended row (the row-by-row path of factorFrom).
                CholeskyFactor g3 = new CholeskyFactor(s, kernel);
                g3.factor(g, s, d, 1e-12);
                assertEquals(d, g3.factorFrom(g, s, d + 1, d, 1e-12), kernel.name() + " one row d " + d);
                assertEquals(d, g3.size());
            }
        }
    }

    @Test
    void updatesAndRefactorisationsGiveTheQrSolutionOnRandomChangePatterns() {
        // SEA's two ways to the factor of the next support (issue 13): delete leaving rows and
        // append entering ones, or refactorise from the first changed row. Both must give the
        // least-squares solution of QR (SupportLeastSquares) on the new support. Columns of a
        // Gaussian 80×200 matrix, k = 30: cond(A_S) ≲ 5, so normal equations and QR agree to
        // ~cond²·ε ≈ 1e-14 relative; 1e-11 after 60 moves of accumulated Givens updates.
        int m = 80;
        int n = 200;
        int k = 30;
        double[][] columns = randomColumns(m, n, 17);
        double[] data = new double[m * n];
        for (int j = 0; j < n; j++) {
            System.arraycopy(columns[j], 0, data, j * m, m);
        }
        DenseMatrix a = DenseMatrix.wrapColumnMajor(m, n, data);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = Math.cos(3.0 * i);
        }
        SplittableRandom rng = new SplittableRandom(19);
        List<Integer> updatedOrder = new ArrayList<>();
        CholeskyFactor updated = new CholeskyFactor(k);
        for (int j = 0; j < k; j++) {
            append(updated, columns, updatedOrder, j);
        }
        CholeskyFactor refactored = new CholeskyFactor(k);
        refactored.factor(gram(columns, updatedOrder), k, k, 1e-12);
        for (int move = 0; move < 60; move++) {
            int changes = 1 + rng.nextInt(k);
            List<Integer> survivors = new ArrayList<>(updatedOrder);
            boolean[] leaving = new boolean[n];
            int firstChanged = k;
            for (int c = 0; c < changes; c++) {
                int p = rng.nextInt(survivors.size());
                int index = updatedOrder.indexOf(survivors.get(p));
                firstChanged = Math.min(firstChanged, index);
                leaving[survivors.remove(p)] = true;
            }
            // Updates: delete the leaving rows, last first; then append newcomers.
            for (int i = updatedOrder.size() - 1; i >= 0; i--) {
                if (leaving[updatedOrder.get(i)]) {
                    updated.remove(i);
                    updatedOrder.remove(i);
                }
            }
            List<Integer> newcomers = new ArrayList<>();
            while (newcomers.size() < changes) {
                int j = rng.nextInt(n);
                if (!updatedOrder.contains(j) && !leaving[j] && !newcomers.contains(j)) {
                    newcomers.add(j);
                }
            }
            for (int j : newcomers) {
                append(updated, columns, updatedOrder, j);
            }
            // Refactorisation of the same order, keeping the rows before the first change.
            refactored.factorFrom(gram(columns, updatedOrder), k, k, firstChanged, 1e-12);
            double[] rhs = new double[k];
            for (int i = 0; i < k; i++) {
                rhs[i] = dot(columns[updatedOrder.get(i)], y);
            }
            double[] zUpdated = new double[k];
            double[] zRefactored = new double[k];
            updated.solve(rhs, zUpdated);
            refactored.solve(rhs, zRefactored);
            SupportLeastSquares qr = new SupportLeastSquares(a, k);
            qr.setObservations(y);
            for (int j : updatedOrder) {
                qr.add(j);
            }
            double[] zQr = new double[k];
            qr.solve(zQr);
            double scale = 0;
            for (double v : zQr) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < k; i++) {
                assertEquals(zQr[i], zUpdated[i], 1e-11 * scale, "move " + move + ", updated z" + i);
                assertEquals(zQr[i], zRefactored[i], 1e-11 * scale, "move " + move + ", refactored z" + i);
            }
        }
    }

    @Test
    void growingTheCapacityKeepsTheFactor() {
        double[][] columns = randomColumns(40, 20, 23);
        List<Integer> order = new ArrayList<>();
        CholeskyFactor f = new CholeskyFactor(4);
        for (int j = 0; j < 20; j++) {
            if (f.size() == f.capacity()) {
                f.ensureCapacity(2 * f.capacity());
            }
            append(f, columns, order, j);
        }
        assertEquals(32, f.capacity());
        assertTrue(reconstructionError(f, gram(columns, order)) <= 1e-12);
    }

    @Test
    void dependentColumnsAreRefusedByThePivotTest() {
        double[][] columns = randomColumns(10, 3, 5);
        double[][] withTwin = {columns[0], columns[1], columns[0].clone()};
        withTwin[2][0] += 1e-9; // relative distance ~1e-9: pivot² ~1e-18·‖a‖² < 1e-12·‖a‖²
        CholeskyFactor f = new CholeskyFactor(3);
        List<Integer> order = new ArrayList<>();
        append(f, withTwin, order, 0);
        append(f, withTwin, order, 1);
        double[] b = {dot(withTwin[0], withTwin[2]), dot(withTwin[1], withTwin[2])};
        assertFalse(f.append(b, dot(withTwin[2], withTwin[2]), 1e-12));
        assertEquals(2, f.size());
        double[] g = gram(withTwin, List.of(0, 1, 2));
        assertEquals(2, new CholeskyFactor(3).factor(g, 3, 3, 1e-12));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CholeskyFactor(0));
        CholeskyFactor f = new CholeskyFactor(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.remove(0));
        assertTrue(e.getMessage().contains("p must be in [0, -1]"), e.getMessage());
        assertTrue(f.append(new double[0], 1.0, 1e-12));
        assertTrue(f.append(new double[] {0.0}, 1.0, 1e-12));
        assertThrows(IllegalStateException.class, () -> f.append(new double[] {0, 0}, 1.0, 1e-12));
        assertThrows(IllegalArgumentException.class, () -> f.factor(new double[9], 3, 3, 1e-12));
        CholeskyFactor g = new CholeskyFactor(4);
        IllegalArgumentException shortGram = assertThrows(IllegalArgumentException.class,
                () -> g.factor(new double[8], 3, 3, 1e-12));
        assertTrue(shortGram.getMessage().contains("gram must hold"), shortGram.getMessage());
        assertThrows(IllegalArgumentException.class, () -> g.factor(new double[16], 2, 3, 1e-12));
        assertThrows(IllegalArgumentException.class, () -> g.factorFrom(new double[16], 4, 4, 1, 1e-12));
        assertThrows(IllegalArgumentException.class, () -> new CholeskyFactor(3, null));
    }
}
