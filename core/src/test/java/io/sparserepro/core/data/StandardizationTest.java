package io.sparserepro.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.random.Seeds;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class StandardizationTest {
    private static Dataset random(long seed, int m, int n) {
        UniformRandomProvider rng = Seeds.rng(seed);
        DenseMatrix a = DenseMatrix.zeros(m, n);
        for (int j = 0; j < n; j++) {
            double offset = 100 * rng.nextDouble() - 50;
            double scale = Math.pow(10, 4 * rng.nextDouble() - 2); // columns on very different scales
            for (int i = 0; i < m; i++) {
                a.set(i, j, offset + scale * rng.nextDouble());
            }
        }
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = 1000 + 10 * rng.nextDouble();
        }
        String[] names = new String[n];
        for (int j = 0; j < n; j++) {
            names[j] = "x" + j;
        }
        return new Dataset("r", List.of(names), a, y);
    }

    @Test
    void handComputedExample() {
        // a = [1 2 3]ᵀ: mean 2, centred (−1, 0, 1), norm √2; y = (1, 2, 6): mean 3.
        Dataset d = new Dataset("h", List.of("a"), DenseMatrix.fromRows(new double[][] {{1}, {2}, {3}}),
                new double[] {1, 2, 6});
        Standardization s = Standardization.fit(d);
        assertEquals(2.0, s.means()[0]);
        assertEquals(Math.sqrt(2), s.scales()[0], 1e-15);
        assertEquals(3.0, s.targetMean());
        assertArrayEquals(new double[] {-2, -1, 3}, s.target(d.target()));
        // z = √2·2.5 on the standardised column is slope 2.5 on the original: x = z/s, b = ȳ − x·μ = 3 − 5.
        double[] z = {Math.sqrt(2) * 2.5};
        assertEquals(2.5, s.coefficients(z)[0], 1e-15);
        assertEquals(-2.0, s.intercept(z), 1e-14);
    }

    @Test
    void standardisedColumnsAreCentredAndUnitNorm() {
        Dataset d = random(3, 40, 5);
        Standardization s = Standardization.fit(d);
        DenseMatrix a = s.features(d.features());
        for (int j = 0; j < 5; j++) {
            double largest = 0;
            for (int i = 0; i < 40; i++) {
                largest = Math.max(largest, Math.abs(d.features().get(i, j)));
            }
            // Each centred entry carries the round-off of the mean, about m·ε·max|a_ij|, divided by
            // s_j; a sum of 40 entries at most 40 times that. 4× margin.
            double tolerance = 4 * 40 * 40 * Math.ulp(1.0) * largest / s.scales()[j];
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < 40; i++) {
                sum += a.get(i, j);
                squares += a.get(i, j) * a.get(i, j);
            }
            assertEquals(0, sum, tolerance);
            assertEquals(1, squares, 1e-13); // a sum of 40 positive terms ≤ 1: relative round-off ≤ 40ε
        }
    }

    /**
     * Round trip: the model z on the standardised scale and the model (x, b) on the original
     * scale predict the same values, for training and for unseen samples.
     */
    @Test
    void coefficientsOnTheOriginalScalePredictTheSame() {
        Dataset train = random(5, 30, 4);
        Dataset unseen = random(6, 10, 4);
        Standardization s = Standardization.fit(train);
        double[] z = {3.5, 0, -120.25, 7};
        for (Dataset d : List.of(train, unseen)) {
            double[] viaStandardised = new double[d.samples()];
            s.features(d.features()).apply(z, viaStandardised);
            double[] original = Standardization.predict(d.features(), s.coefficients(z), s.intercept(z));
            for (int i = 0; i < d.samples(); i++) {
                // Both sides are O(10³) sums of four terms; relative round-off of either is < 1e-13.
                assertEquals(viaStandardised[i] + s.targetMean(), original[i], 1e-12 * Math.abs(original[i]) + 1e-9);
            }
        }
    }

    @Test
    void constantFeatureIsRefusedByNameAndCanBeDropped() {
        Dataset d = new Dataset("c", List.of("a", "flat"), DenseMatrix.fromRows(new double[][] {{1, 5}, {2, 5}, {4, 5}}),
                new double[] {1, 2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Standardization.fit(d));
        assertTrue(e.getMessage().contains("'flat'"), e.getMessage());
        assertArrayEquals(new int[] {1}, d.constantFeatures());
        assertEquals(List.of("a"), d.withoutConstantFeatures().featureNames());
        assertEquals(1, Standardization.fit(d.withoutConstantFeatures()).means().length);
    }

    @Test
    void badInputs() {
        Standardization s = Standardization.fit(random(1, 5, 2));
        assertThrows(IllegalArgumentException.class, () -> s.features(DenseMatrix.zeros(3, 3)));
        assertThrows(IllegalArgumentException.class, () -> s.coefficients(new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> new Standardization(List.of("a"), new double[] {0}, new double[] {0}, 0));
    }
}
