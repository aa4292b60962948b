package io.sparserepro.core.problem;

import static io.sparserepro.core.BadInput.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.random.Seeds;
import org.junit.jupiter.api.Test;

class GaussianMatricesTest {

    @Test
    void entriesAreStandardNormal() {
        DenseMatrix a = GaussianMatrices.standardNormal(200, 200, Seeds.rng(11));
        double[] d = a.data();
        double sum = 0;
        for (double v : d) {
            sum += v;
        }
        double mean = sum / d.length;
        double squares = 0;
        for (double v : d) {
            squares += (v - mean) * (v - mean);
        }
        double variance = squares / (d.length - 1);
        // N = 40000: the sample mean has standard error 1/sqrt(N) = 0.005 and the sample
        // variance sqrt(2/N) ≈ 0.0071; bounds of 5 standard errors.
        assertEquals(0.0, mean, 0.025);
        assertEquals(1.0, variance, 0.036);
    }

    @Test
    void columnsHaveUnitNormAndFollowTheRawDraw() {
        DenseMatrix raw = GaussianMatrices.standardNormal(30, 50, Seeds.rng(12));
        DenseMatrix unit = GaussianMatrices.standardNormalUnitColumns(30, 50, Seeds.rng(12));
        double[] norms = unit.columnNorms();
        double[] rawNorms = raw.columnNorms();
        for (int j = 0; j < 50; j++) {
            // One rounding per entry in the scaling and O(m·eps) in the norm: 1e-12 is ample.
            assertEquals(1.0, norms[j], 1e-12);
            for (int i = 0; i < 30; i++) {
                assertEquals(raw.get(i, j) / rawNorms[j], unit.get(i, j), 1e-14);
            }
        }
    }

    @Test
    void reproducibleFromTheSameSeed() {
        assertEquals(GaussianMatrices.standardNormalUnitColumns(20, 40, Seeds.rng(5, 1)),
                GaussianMatrices.standardNormalUnitColumns(20, 40, Seeds.rng(5, 1)));
    }

    @Test
    void drawnInColumnMajorOrder() {
        // A 3×2 matrix is the first 6 draws of a 6×1 matrix, in data() order.
        DenseMatrix wide = GaussianMatrices.standardNormal(3, 2, Seeds.rng(8));
        DenseMatrix tall = GaussianMatrices.standardNormal(6, 1, Seeds.rng(8));
        for (int i = 0; i < 6; i++) {
            assertEquals(tall.data()[i], wide.data()[i]);
        }
        assertEquals(tall.get(3, 0), wide.get(0, 1));
    }

    @Test
    void badInput() {
        rejects("m", () -> GaussianMatrices.standardNormal(0, 3, Seeds.rng(1)));
        rejects("n", () -> GaussianMatrices.standardNormal(3, -1, Seeds.rng(1)));
        rejects("rng", () -> GaussianMatrices.standardNormal(3, 3, null));
        rejects("m × n", () -> GaussianMatrices.standardNormal(100_000, 100_000, Seeds.rng(1)));
        rejects("m", () -> GaussianMatrices.standardNormalUnitColumns(-2, 3, Seeds.rng(1)));
        rejects("n", () -> GaussianMatrices.standardNormalUnitColumns(3, 0, Seeds.rng(1)));
        rejects("rng", () -> GaussianMatrices.standardNormalUnitColumns(3, 3, null));
    }
}
