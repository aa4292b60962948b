package io.sparserepro.core.problem;

import static io.sparserepro.core.BadInput.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.random.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class SparseVectorsTest {

    @Test
    void supportIsSortedDistinctAndMatchesTheNonZeros() {
        UniformRandomProvider rng = Seeds.rng(31);
        for (int trial = 0; trial < 200; trial++) {
            SparseVector x = SparseVectors.random(50, 1 + trial % 50,
                    AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO, rng);
            assertEquals(1 + trial % 50, x.sparsity());
            assertEquals(50, x.dimension());
            int nonZeros = 0;
            for (double v : x.values()) {
                nonZeros += v != 0 ? 1 : 0;
            }
            assertEquals(x.sparsity(), nonZeros);
            for (int i = 0; i < x.support().length; i++) {
                double v = Math.abs(x.values()[x.support()[i]]);
                assertTrue(v >= 1 && v <= 2);
                assertTrue(i == 0 || x.support()[i] > x.support()[i - 1]);
            }
        }
    }

    @Test
    void supportIsUniform() {
        // Each index is in the support with probability k/n = 1/4; over 20000 draws its count
        // is Binomial(20000, 1/4): mean 5000, sd ≈ 61.2. Bound: 5 sd (≈ 306) per index.
        int n = 20;
        int k = 5;
        int draws = 20_000;
        int[] counts = new int[n];
        int[] pairCounts = new int[2];
        UniformRandomProvider rng = Seeds.rng(32);
        for (int t = 0; t < draws; t++) {
            int[] s = SparseVectors.randomSupport(n, k, rng);
            boolean has0 = false;
            boolean has1 = false;
            boolean has19 = false;
            for (int j : s) {
                counts[j]++;
                has0 |= j == 0;
                has1 |= j == 1;
                has19 |= j == 19;
            }
            pairCounts[0] += has0 && has1 ? 1 : 0;
            pairCounts[1] += has0 && has19 ? 1 : 0;
        }
        for (int j = 0; j < n; j++) {
            assertEquals(5000.0, counts[j], 306, "index " + j);
        }
        // Pairs (adjacent or not) appear with probability k(k−1)/(n(n−1)) = 1/19: mean ≈ 1053,
        // sd ≈ 31.6; 5 sd ≈ 158. Catches a shuffle that favours contiguous blocks.
        assertEquals(20_000.0 / 19, pairCounts[0], 158);
        assertEquals(20_000.0 / 19, pairCounts[1], 158);
    }

    @Test
    void fullSupportAndSingleton() {
        SparseVector full = SparseVectors.random(7, 7, AmplitudeDistribution.RADEMACHER, Seeds.rng(3));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, full.support());
        SparseVector one = SparseVectors.random(1, 1, AmplitudeDistribution.GAUSSIAN, Seeds.rng(3));
        assertArrayEquals(new int[] {0}, one.support());
        assertNotEquals(0.0, one.values()[0]);
    }

    @Test
    void reproducibleFromTheSameSeed() {
        SparseVector a = SparseVectors.random(500, 20, AmplitudeDistribution.GAUSSIAN, Seeds.rng(4, 2));
        SparseVector b = SparseVectors.random(500, 20, AmplitudeDistribution.GAUSSIAN, Seeds.rng(4, 2));
        assertArrayEquals(a.support(), b.support());
        assertArrayEquals(a.values(), b.values());
    }

    @Test
    void recordRejectsInconsistentVectors() {
        rejects("values", () -> new SparseVector(null, new int[0]));
        rejects("support", () -> new SparseVector(new double[2], null));
        rejects("support[0]", () -> new SparseVector(new double[] {1, 0}, new int[] {2}));
        rejects("support", () -> new SparseVector(new double[] {1, 1}, new int[] {1, 0}));
        rejects("values[1]", () -> new SparseVector(new double[] {0, 0}, new int[] {1}));
        rejects("values[1]", () -> new SparseVector(new double[] {1, 1}, new int[] {0}));
        rejects("values", () -> new SparseVector(new double[] {Double.NaN}, new int[] {0}));
    }

    @Test
    void badInput() {
        AmplitudeDistribution u = AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO;
        rejects("n", () -> SparseVectors.random(0, 1, u, Seeds.rng(1)));
        rejects("k", () -> SparseVectors.random(5, 0, u, Seeds.rng(1)));
        rejects("k", () -> SparseVectors.random(5, 6, u, Seeds.rng(1)));
        rejects("amplitudes", () -> SparseVectors.random(5, 2, null, Seeds.rng(1)));
        rejects("rng", () -> SparseVectors.random(5, 2, u, null));
        rejects("n", () -> SparseVectors.randomSupport(-1, 1, Seeds.rng(1)));
        rejects("k", () -> SparseVectors.randomSupport(5, 9, Seeds.rng(1)));
        rejects("rng", () -> SparseVectors.randomSupport(5, 2, null));
    }
}
