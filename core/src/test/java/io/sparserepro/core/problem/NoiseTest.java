package io.sparserepro.core.problem;

import static io.sparserepro.core.BadInput.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.sparserepro.core.random.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class NoiseTest {

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    void noiseHasExactlyTheRequestedNorm() {
        // One scaling of a vector of norm 1 ± O(m·eps): relative error far below 1e-12.
        for (double norm : new double[] {1e-8, 0.01, 1, 3.5, 1e6}) {
            double[] e = Noise.gaussianWithNorm(500, norm, Seeds.rng(41));
            assertEquals(norm, norm(e), 1e-12 * norm);
        }
    }

    @Test
    void withNormAddsThatNoiseToACopy() {
        double[] clean = GaussianMatrices.standardNormal(50, 1, Seeds.rng(42)).data();
        double[] before = clean.clone();
        double[] y = Noise.withNorm(clean, 0.3, Seeds.rng(43));
        double[] e = Noise.gaussianWithNorm(50, 0.3, Seeds.rng(43));
        assertArrayEquals(before, clean);
        for (int i = 0; i < y.length; i++) {
            assertEquals(clean[i] + e[i], y[i]); // the same operation, so bit-identical
        }
    }

    @Test
    void zeroNoiseCopiesAndDrawsNothing() {
        double[] clean = {1, -2, 3};
        UniformRandomProvider rng = Seeds.rng(44);
        double[] y = Noise.withNorm(clean, 0, rng);
        assertArrayEquals(clean, y);
        assertNotSame(clean, y);
        assertEquals(Seeds.rng(44).nextLong(), rng.nextLong());
        assertArrayEquals(clean, Noise.withSnrDb(clean, Double.POSITIVE_INFINITY, Seeds.rng(1)));
        assertArrayEquals(new double[3], Noise.withSnrDb(new double[3], 10, Seeds.rng(1)));
    }

    @Test
    void snrInDecibels() {
        double[] clean = GaussianMatrices.standardNormal(80, 1, Seeds.rng(45)).data();
        for (double snr : new double[] {-10, 0, 20, 40}) {
            double[] y = Noise.withSnrDb(clean, snr, Seeds.rng(46));
            double[] e = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                e[i] = y[i] - clean[i];
            }
            // ‖e‖ recovered by a subtraction whose rounding is ~eps·‖clean‖ per entry, i.e.
            // relative ~1e-16·10^(snr/20) ≤ 1e-14 at 40 dB; 1e-10 leaves a wide margin.
            assertEquals(Math.pow(10, snr / 20), norm(clean) / norm(e), 1e-10 * Math.pow(10, snr / 20));
        }
        assertEquals(0.1, Noise.noiseNormForSnrDb(10, 40), 1e-15);
    }

    @Test
    void reproducibleFromTheSameSeed() {
        assertArrayEquals(Noise.gaussianWithNorm(30, 2, Seeds.rng(9, 9)),
                Noise.gaussianWithNorm(30, 2, Seeds.rng(9, 9)));
    }

    @Test
    void badInput() {
        rejects("length", () -> Noise.gaussianWithNorm(0, 1, Seeds.rng(1)));
        rejects("norm", () -> Noise.gaussianWithNorm(3, -1, Seeds.rng(1)));
        rejects("norm", () -> Noise.gaussianWithNorm(3, Double.NaN, Seeds.rng(1)));
        rejects("norm", () -> Noise.gaussianWithNorm(3, Double.POSITIVE_INFINITY, Seeds.rng(1)));
        rejects("rng", () -> Noise.gaussianWithNorm(3, 1, null));
        rejects("cleanY", () -> Noise.withNorm(null, 1, Seeds.rng(1)));
        rejects("cleanY", () -> Noise.withNorm(new double[0], 1, Seeds.rng(1)));
        rejects("cleanY", () -> Noise.withNorm(new double[] {Double.NaN}, 1, Seeds.rng(1)));
        rejects("noiseNorm", () -> Noise.withNorm(new double[2], -0.5, Seeds.rng(1)));
        rejects("rng", () -> Noise.withNorm(new double[2], 0, null));
        rejects("cleanY", () -> Noise.withSnrDb(null, 10, Seeds.rng(1)));
        rejects("snrDb", () -> Noise.withSnrDb(new double[2], Double.NaN, Seeds.rng(1)));
        rejects("snrDb", () -> Noise.withSnrDb(new double[2], Double.NEGATIVE_INFINITY, Seeds.rng(1)));
        rejects("rng", () -> Noise.withSnrDb(new double[] {1}, 10, null));
        rejects("signalNorm", () -> Noise.noiseNormForSnrDb(-1, 10));
        rejects("snrDb", () -> Noise.noiseNormForSnrDb(1, Double.NaN));
        rejects("snrDb", () -> Noise.noiseNormForSnrDb(1, -1e308));
    }
}
