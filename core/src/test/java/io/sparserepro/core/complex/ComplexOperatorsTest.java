package io.sparserepro.core.complex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.GaussianMatrices;
import io.sparserepro.core.random.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The complex operator contract on every implementation (dense, real-as-complex, partial DFT
 * dense and through the FFT): products against the textbook definition, the adjoint identity
 * ⟨A x, r⟩ = ⟨x, Aᴴ r⟩, columns, and products on a support and with real vectors.
 */
class ComplexOperatorsTest {

    static double[] randomComplex(int n, UniformRandomProvider rng) {
        double[] z = new double[2 * n];
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextDouble() * 2 - 1;
        }
        return z;
    }

    /** ⟨a, b⟩ = Σ conj(a_i) b_i as (re, im). */
    static double[] inner(double[] a, double[] b, int n) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < n; i++) {
            re += a[2 * i] * b[2 * i] + a[2 * i + 1] * b[2 * i + 1];
            im += a[2 * i] * b[2 * i + 1] - a[2 * i + 1] * b[2 * i];
        }
        return new double[] {re, im};
    }

    /** The operator contract, with products checked against its own columns (the definition of A). */
    static void checkContract(ComplexLinearOperator a, long seed, double tolerance) {
        UniformRandomProvider rng = Seeds.rng(seed);
        int m = a.rows();
        int n = a.cols();
        double[] x = randomComplex(n, rng);
        double[] r = randomComplex(m, rng);
        double[] ax = new double[2 * m];
        double[] ahr = new double[2 * n];
        a.apply(x, ax);
        a.applyAdjoint(r, ahr);
        double[] col = new double[2 * m];
        double[] expected = new double[2 * m];
        for (int j = 0; j < n; j++) {
            a.column(j, col);
            for (int i = 0; i < m; i++) {
                expected[2 * i] += col[2 * i] * x[2 * j] - col[2 * i + 1] * x[2 * j + 1];
                expected[2 * i + 1] += col[2 * i] * x[2 * j + 1] + col[2 * i + 1] * x[2 * j];
            }
            double[] e = inner(col, r, m);
            assertEquals(e[0], ahr[2 * j], tolerance, "Aᴴr re " + j);
            assertEquals(e[1], ahr[2 * j + 1], tolerance, "Aᴴr im " + j);
        }
        for (int i = 0; i < 2 * m; i++) {
            assertEquals(expected[i], ax[i], tolerance, "Ax " + i);
        }
        double[] left = inner(ax, r, m);
        double[] right = inner(x, ahr, n);
        assertEquals(left[0], right[0], tolerance * n);
        assertEquals(left[1], right[1], tolerance * n);

        int[] support = {n - 1, 0, n / 2};
        double[] coefficients = randomComplex(3, rng);
        double[] sparse = new double[2 * n];
        for (int s = 0; s < 3; s++) {
            sparse[2 * support[s]] = coefficients[2 * s];
            sparse[2 * support[s] + 1] = coefficients[2 * s + 1];
        }
        double[] onSupport = new double[2 * m];
        double[] full = new double[2 * m];
        a.applyOnSupport(support, coefficients, 3, onSupport);
        a.apply(sparse, full);
        for (int i = 0; i < 2 * m; i++) {
            assertEquals(full[i], onSupport[i], tolerance);
        }
        double[] p = new double[n];
        p[1] = 0.25;
        p[n - 2] = -2;
        double[] viaReal = new double[2 * m];
        a.applyReal(p, viaReal);
        a.apply(ComplexVectors.fromReal(p), full);
        for (int i = 0; i < 2 * m; i++) {
            assertEquals(full[i], viaReal[i], tolerance);
        }
    }

    @Test
    void denseMatrixMeetsTheContract() {
        UniformRandomProvider rng = Seeds.rng(11);
        ComplexDenseMatrix a = ComplexDenseMatrix.wrap(7, 5, randomComplex(35, rng));
        // Sums of ≤ 7 products of numbers in [−1, 1]: round-off ≲ 10 ε.
        checkContract(a, 12, 1e-14);
    }

    @Test
    void realOperatorAsComplexMeetsTheContractAndMatchesTheComplexCopy() {
        DenseMatrix real = GaussianMatrices.standardNormal(9, 13, Seeds.rng(3));
        RealAsComplexOperator a = new RealAsComplexOperator(real);
        checkContract(a, 4, 1e-13);
        ComplexDenseMatrix copy = ComplexDenseMatrix.fromReal(real);
        double[] x = randomComplex(13, Seeds.rng(5));
        double[] viaAdapter = new double[18];
        double[] viaCopy = new double[18];
        a.apply(x, viaAdapter);
        copy.apply(x, viaCopy);
        for (int i = 0; i < 18; i++) {
            assertEquals(viaCopy[i], viaAdapter[i], 1e-13);
        }
    }

    @Test
    void fftIsTheDefinitionOfTheDft() {
        for (int n : new int[] {1, 2, 8, 64}) {
            Fft fft = new Fft(n);
            double[] z = randomComplex(n, Seeds.rng(n));
            double[] out = z.clone();
            fft.transform(out, -1);
            for (int k = 0; k < n; k++) {
                double re = 0;
                double im = 0;
                for (int j = 0; j < n; j++) {
                    double angle = -2 * Math.PI * ((long) k * j % n) / n;
                    re += z[2 * j] * Math.cos(angle) - z[2 * j + 1] * Math.sin(angle);
                    im += z[2 * j] * Math.sin(angle) + z[2 * j + 1] * Math.cos(angle);
                }
                // O(ε log n · ‖z‖₁) for the FFT, O(ε n) for the direct sum.
                assertEquals(re, out[2 * k], 1e-12 * n, "n=" + n + " k=" + k);
                assertEquals(im, out[2 * k + 1], 1e-12 * n);
            }
            fft.transform(out, 1);
            for (int i = 0; i < 2 * n; i++) {
                assertEquals(z[i], out[i] / n, 1e-14 * Math.max(1, Math.log(n)), "round trip");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new Fft(12));
        assertThrows(IllegalArgumentException.class, () -> new Fft(0));
        assertThrows(IllegalArgumentException.class, () -> new Fft(8).transform(new double[16], 0));
    }

    @Test
    void partialDftThroughTheFftEqualsTheDenseMatrix() {
        int n = 256;
        int[] rows = PartialDft.sampleRows(n, 36, Seeds.rng(7));
        ComplexDenseMatrix dense = PartialDft.dense(n, rows);
        ComplexLinearOperator fast = PartialDft.fast(n, rows);
        // Entries have modulus 1/√m: FFT round-off ~ ε log₂N per entry of the product.
        checkContract(fast, 8, 1e-12);
        checkContract(dense, 8, 1e-12);
        double[] x = randomComplex(n, Seeds.rng(9));
        double[] r = randomComplex(36, Seeds.rng(10));
        double[] a1 = new double[72];
        double[] a2 = new double[72];
        dense.apply(x, a1);
        fast.apply(x, a2);
        for (int i = 0; i < 72; i++) {
            assertEquals(a1[i], a2[i], 1e-12);
        }
        double[] h1 = new double[2 * n];
        double[] h2 = new double[2 * n];
        dense.applyAdjoint(r, h1);
        fast.applyAdjoint(r, h2);
        for (int i = 0; i < 2 * n; i++) {
            assertEquals(h1[i], h2[i], 1e-12);
        }
        // A real vector with every entry non-zero goes through the FFT, a sparse one through the columns.
        double[] full = new double[n];
        double[] sparse = new double[n];
        for (int j = 0; j < n; j++) {
            full[j] = Math.sin(j + 0.5);
        }
        sparse[3] = 1;
        sparse[200] = -0.5;
        for (double[] p : new double[][] {full, sparse}) {
            double[] d1 = new double[72];
            double[] d2 = new double[72];
            PartialDft.dense(n, rows).applyReal(p, d1);
            fast.applyReal(p, d2);
            for (int i = 0; i < 72; i++) {
                // Sums of 256 terms of size 1/6: ~1e-14 either way.
                assertEquals(d1[i], d2[i], 1e-12);
            }
        }
        double[] c1 = new double[72];
        double[] c2 = new double[72];
        for (int j = 0; j < n; j += 37) {
            dense.column(j, c1);
            fast.column(j, c2);
            for (int i = 0; i < 36; i++) {
                assertEquals(1 / 36.0, c1[2 * i] * c1[2 * i] + c1[2 * i + 1] * c1[2 * i + 1], 1e-15, "|entry|² = 1/m");
                assertEquals(c1[2 * i], c2[2 * i], 1e-14);
            }
        }
    }

    @Test
    void partialDftRowsFollowTheSpec() {
        // Row index r holds frequency k = r − N/2 + 1: row 0 is k = −127, row 127 is k = 0 (all ones).
        assertEquals(-127, PartialDft.frequencyOfRow(256, 0));
        assertEquals(128, PartialDft.frequencyOfRow(256, 255));
        ComplexDenseMatrix a = PartialDft.dense(256, new int[] {0, 127});
        double s = 1 / Math.sqrt(2);
        assertEquals(s, a.re(1, 5), 1e-15);
        assertEquals(0, a.im(1, 5), 1e-15);
        // F_{kj} = exp(−2πi·k·j/N) at k = −127, j = 1: exp(+2πi·127/256).
        assertEquals(s * Math.cos(2 * Math.PI * 127 / 256), a.re(0, 1), 1e-15);
        assertEquals(s * Math.sin(2 * Math.PI * 127 / 256), a.im(0, 1), 1e-15);
        int[] rows = PartialDft.sampleRows(256, 20, Seeds.rng(1));
        assertEquals(20, rows.length);
        for (int i = 0; i < rows.length; i++) {
            assertEquals(true, rows[i] >= 0 && rows[i] <= 254 && (i == 0 || rows[i] > rows[i - 1]));
        }
        assertThrows(IllegalArgumentException.class, () -> PartialDft.dense(8, new int[] {3, 3}));
        assertThrows(IllegalArgumentException.class, () -> PartialDft.fast(8, new int[] {8}));
        assertThrows(IllegalArgumentException.class, () -> PartialDft.fast(12, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> PartialDft.sampleRows(8, 8, Seeds.rng(1)));
    }

    @Test
    void structuredGeneratorDrawsFromTheHiddenSet() {
        int n = 256;
        ComplexLinearOperator a = PartialDft.fast(n, PartialDft.sampleRows(n, 20, Seeds.rng(2)));
        int[] hidden = ComplexProblems.hiddenSet(n, 20, Seeds.rng(3));
        ComplexProblem p = ComplexProblems.structured(a, hidden, 10, 0.0, Seeds.rng(4));
        int nonZeros = 0;
        double norm = 0;
        for (int j = 0; j < n; j++) {
            assertEquals(0.0, p.truth()[2 * j + 1], "x is real");
            if (p.truth()[2 * j] != 0) {
                nonZeros++;
                assertEquals(true, java.util.Arrays.binarySearch(hidden, j) >= 0, "on the hidden set");
            }
            norm += p.truth()[2 * j] * p.truth()[2 * j];
        }
        assertEquals(10, nonZeros);
        assertEquals(1.0, norm, 1e-14);
        double[] ax = new double[40];
        a.apply(p.truth(), ax);
        for (int i = 0; i < 40; i++) {
            assertEquals(ax[i], p.observations()[i], 0.0, "σ = 0: y = A x");
        }
        assertThrows(IllegalArgumentException.class, () -> ComplexProblems.structured(a, hidden, 21, 0, Seeds.rng(1)));
        assertThrows(IllegalArgumentException.class, () -> new ComplexProblem(a, new double[39], 1, null));
    }
}
