package io.sparserepro.core.problem;

import static io.sparserepro.core.BadInput.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.random.Seeds;
import org.junit.jupiter.api.Test;

class AmplitudeDistributionTest {
    private static final int N = 100_000;

    private static double[] draw(AmplitudeDistribution d, long seed) {
        double[] v = new double[N];
        d.fill(v, Seeds.rng(seed));
        return v;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    @Test
    void uniformHasModulusInOneToTwoAndBalancedSigns() {
        double[] v = draw(AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO, 21);
        int positive = 0;
        double[] modulus = new double[N];
        for (int i = 0; i < N; i++) {
            modulus[i] = Math.abs(v[i]);
            assertTrue(modulus[i] >= 1.0 && modulus[i] <= 2.0, "entry " + i + ": " + v[i]);
            positive += v[i] > 0 ? 1 : 0;
        }
        // Positive count ~ Binomial(N, 1/2): sd = sqrt(N)/2 ≈ 158; 5 sd ≈ 790.
        assertEquals(N / 2.0, positive, 790);
        // Modulus ~ U[1, 2]: mean 1.5, sd 1/sqrt(12); standard error ≈ 0.00091; 5 se.
        assertEquals(1.5, mean(modulus), 0.0046);
    }

    @Test
    void gaussianIsStandardNormalWithoutZeros() {
        double[] v = draw(AmplitudeDistribution.GAUSSIAN, 22);
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            assertNotEquals(0.0, x);
            s += (x - m) * (x - m);
        }
        // Standard errors 1/sqrt(N) ≈ 0.0032 (mean) and sqrt(2/N) ≈ 0.0045 (variance); 5 se.
        assertEquals(0.0, m, 0.016);
        assertEquals(1.0, s / (N - 1), 0.023);
    }

    @Test
    void rademacherIsPlusOrMinusOne() {
        double[] v = draw(AmplitudeDistribution.RADEMACHER, 23);
        int positive = 0;
        for (double x : v) {
            assertEquals(1.0, Math.abs(x));
            positive += x > 0 ? 1 : 0;
        }
        assertEquals(N / 2.0, positive, 790); // as for the uniform signs
    }

    @Test
    void namesRoundTripAndAreStable() {
        assertEquals("uniform-1-2", AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO.configName());
        assertEquals("gaussian", AmplitudeDistribution.GAUSSIAN.configName());
        assertEquals("rademacher", AmplitudeDistribution.RADEMACHER.configName());
        for (AmplitudeDistribution d : AmplitudeDistribution.values()) {
            assertSame(d, AmplitudeDistribution.fromName(d.configName()));
        }
        assertSame(AmplitudeDistribution.GAUSSIAN, AmplitudeDistribution.fromName("Gaussian"));
    }

    @Test
    void badInput() {
        rejects("name", () -> AmplitudeDistribution.fromName(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AmplitudeDistribution.fromName("laplace"));
        assertTrue(e.getMessage().startsWith("name")
                && e.getMessage().contains("uniform-1-2, gaussian, rademacher")
                && e.getMessage().endsWith("laplace"), e.getMessage());
        for (AmplitudeDistribution d : AmplitudeDistribution.values()) {
            rejects("rng", () -> d.sampler(null));
            rejects("rng", () -> d.fill(new double[1], null));
            rejects("out", () -> d.fill(null, Seeds.rng(1)));
        }
    }
}
