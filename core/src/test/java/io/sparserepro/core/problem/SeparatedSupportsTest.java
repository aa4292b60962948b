package io.sparserepro.core.problem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.random.Seeds;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class SeparatedSupportsTest {

    @Test
    void everyDrawHonoursTheMinimumSeparation() {
        UniformRandomProvider rng = Seeds.rng(11);
        for (int trial = 0; trial < 2000; trial++) {
            int d = 1 + trial % 12;
            int k = 1 + trial % 30;
            int n = (k - 1) * d + 1 + trial % 50;
            int[] s = SeparatedSupports.random(n, k, d, rng);
            assertEquals(k, s.length);
            assertTrue(s[0] >= 0 && s[k - 1] < n, Arrays.toString(s));
            for (int i = 1; i < k; i++) {
                assertTrue(s[i] - s[i - 1] >= d, "gap below " + d + " in " + Arrays.toString(s));
            }
        }
    }

    @Test
    void tightestCaseIsTheOnlyValidSupport() {
        // n = (k − 1)·d + 1 leaves exactly one d-separated support: 0, d, 2d, ...
        assertArrayEquals(new int[] {0, 4, 8, 12}, SeparatedSupports.random(13, 4, 4, Seeds.rng(3)));
    }

    @Test
    void noSeparationDrawsExactlyWhatTheUniformSamplerDraws() {
        for (int d : new int[] {0, 1}) {
            for (long seed = 0; seed < 50; seed++) {
                assertArrayEquals(SparseVectors.randomSupport(500, 20, Seeds.rng(seed)),
                        SeparatedSupports.random(500, 20, d, Seeds.rng(seed)));
            }
        }
    }

    /**
     * Uniform among valid supports: n = 9, k = 3, d = 3 has C(9 − 2·2, 3) = C(5, 3) = 10 valid
     * supports (enumerated here by brute force over all C(9, 3) = 84 subsets). 50 000 draws,
     * Pearson's chi-square with 9 degrees of freedom; the test fails below p = 0.001 (fixed
     * seed, so the verdict is deterministic; a biased sampler, e.g. one that rejected gaps
     * greedily from the left, gives p ≈ 0 at this size).
     */
    @Test
    void uniformAmongValidSupportsByChiSquare() {
        int n = 9;
        int k = 3;
        int d = 3;
        Map<String, Integer> counts = new HashMap<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int c = b + 1; c < n; c++) {
                    int[] s = {a, b, c};
                    if (SeparatedSupports.isSeparated(s, d)) {
                        counts.put(Arrays.toString(s), 0);
                    }
                }
            }
        }
        assertEquals(10, counts.size());
        UniformRandomProvider rng = Seeds.rng(2024);
        int draws = 50_000;
        for (int i = 0; i < draws; i++) {
            String key = Arrays.toString(SeparatedSupports.random(n, k, d, rng));
            assertTrue(counts.containsKey(key), "not a valid support: " + key);
            counts.merge(key, 1, Integer::sum);
        }
        double expected = (double) draws / counts.size();
        double chi2 = 0;
        for (int c : counts.values()) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        double p = 1 - new ChiSquaredDistribution(counts.size() - 1).cumulativeProbability(chi2);
        assertTrue(p > 0.001, "chi-square " + chi2 + ", p = " + p + ", counts " + counts);
    }

    @Test
    void isSeparatedChecksEveryGap() {
        assertTrue(SeparatedSupports.isSeparated(new int[] {1, 4, 7}, 3));
        assertFalse(SeparatedSupports.isSeparated(new int[] {1, 4, 6}, 3));
        assertTrue(SeparatedSupports.isSeparated(new int[] {}, 5));
    }

    @Test
    void badInputsAreRejectedWithTheirValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeparatedSupports.random(10, 4, 4, Seeds.rng(1)));
        assertTrue(e.getMessage().contains("d = 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SeparatedSupports.random(10, 2, -1, Seeds.rng(1)));
        assertThrows(IllegalArgumentException.class, () -> SeparatedSupports.random(10, 0, 1, Seeds.rng(1)));
        assertThrows(IllegalArgumentException.class, () -> SeparatedSupports.random(10, 2, 1, null));
        assertThrows(IllegalArgumentException.class, () -> SeparatedSupports.isSeparated(null, 1));
    }
}
