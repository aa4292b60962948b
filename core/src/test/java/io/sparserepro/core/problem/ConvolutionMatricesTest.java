package io.sparserepro.core.problem;

import static io.sparserepro.core.BadInput.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;

class ConvolutionMatricesTest {

    private static double columnDot(DenseMatrix a, int j, int l) {
        double s = 0;
        for (int i = 0; i < a.rows(); i++) {
            s += a.get(i, j) * a.get(i, l);
        }
        return s;
    }

    @Test
    void interiorNeighboursCorrelateLikeShiftedGaussians() {
        DenseMatrix a = ConvolutionMatrices.gaussianKernel(200, 3);
        // Σₜ g(t)g(t−d) / Σₜ g(t)² = exp(−d²/(4σ²)) for the continuous Gaussian; sampling adds
        // aliasing terms ~exp(−π²σ²) ≈ 1e-39 and the border (100 samples = 33σ away) cuts
        // nothing representable, so only rounding (~1e-15) separates the two: 1e-12.
        for (int d = 1; d <= 3; d++) {
            assertEquals(Math.exp(-d * d / 36.0), columnDot(a, 100, 100 + d), 1e-12, "shift " + d);
        }
        assertEquals(0.9726, columnDot(a, 100, 101), 5e-5); // SPEC-SEA's "0.97"
    }

    @Test
    void entriesAreTheNormalisedKernel() {
        int n = 40;
        double width = 2.5;
        DenseMatrix a = ConvolutionMatrices.gaussianKernel(n, width);
        double[] norms = a.columnNorms();
        for (int j = 0; j < n; j++) {
            assertEquals(1.0, norms[j], 1e-12); // a few roundings per entry
            double scale = a.get(j, j); // the kernel's peak g(0) = 1, times 1/‖column‖
            for (int i = 0; i < n; i++) {
                double g = Math.exp(-(i - j) * (i - j) / (2 * width * width));
                assertEquals(g * scale, a.get(i, j), 1e-15);
                // Mirror symmetry, up to the order in which the column norms were summed.
                assertEquals(a.get(i, j), a.get(n - 1 - i, n - 1 - j), 1e-15);
            }
        }
        // Border columns lose half their bump, so their scale is larger than the interior's.
        assertTrue(a.get(0, 0) > a.get(n / 2, n / 2));
        assertEquals(a.get(15, 15), a.get(20, 20), 1e-15); // interior: identical columns
    }

    @Test
    void extremeWidthsStayFinite() {
        DenseMatrix narrow = ConvolutionMatrices.gaussianKernel(5, 1e-200);
        for (int j = 0; j < 5; j++) {
            for (int i = 0; i < 5; i++) {
                assertEquals(i == j ? 1.0 : 0.0, narrow.get(i, j));
            }
        }
        DenseMatrix wide = ConvolutionMatrices.gaussianKernel(4, 1e200);
        for (double v : wide.data()) {
            assertEquals(0.5, v, 1e-15);
        }
        assertEquals(1.0, ConvolutionMatrices.gaussianKernel(1, 3).get(0, 0));
    }

    @Test
    void badInput() {
        rejects("n", () -> ConvolutionMatrices.gaussianKernel(0, 3));
        rejects("width", () -> ConvolutionMatrices.gaussianKernel(10, 0));
        rejects("width", () -> ConvolutionMatrices.gaussianKernel(10, -1));
        rejects("width", () -> ConvolutionMatrices.gaussianKernel(10, Double.NaN));
        rejects("width", () -> ConvolutionMatrices.gaussianKernel(10, Double.POSITIVE_INFINITY));
    }
}
