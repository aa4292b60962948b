package io.sparserepro.core.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void mixIsTheSplitMix64Finalizer() {
        // SplitMix64 seeded with 0 first outputs mix(0 + golden gamma) = 0xE220A8397B1DCDAF,
        // the published reference value of Steele, Lea & Flood's generator.
        assertEquals(0xE220A8397B1DCDAFL, Seeds.mix(0x9E3779B97F4A7C15L));
    }

    @Test
    void sameInputsGiveSameSeedAndStream() {
        assertEquals(Seeds.trialSeed(42, 3, 7), Seeds.trialSeed(42, 3, 7));
        UniformRandomProvider a = Seeds.rng(42, 3, 7);
        UniformRandomProvider b = Seeds.rng(Seeds.trialSeed(42, 3, 7));
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
    }

    @Test
    void noCollisionsOverAGrid() {
        // 100 grid points × 1000 runs, plus the 100 grid-point prefixes themselves. Distinct
        // last elements cannot collide (bijection); across prefixes a collision among 1e5
        // random 64-bit words has probability ~1e10/2^65 ≈ 3e-10.
        Set<Long> seen = new HashSet<>();
        for (long point = 0; point < 100; point++) {
            assertTrue(seen.add(Seeds.trialSeed(1, point)));
            for (long run = 0; run < 1000; run++) {
                assertTrue(seen.add(Seeds.trialSeed(1, point, run)),
                        "collision at point " + point + ", run " + run);
            }
        }
        assertTrue(seen.add(Seeds.trialSeed(1)));
    }

    @Test
    void orderLengthAndMasterMatter() {
        assertNotEquals(Seeds.trialSeed(5, 1, 2), Seeds.trialSeed(5, 2, 1));
        assertNotEquals(Seeds.trialSeed(5, 1), Seeds.trialSeed(5, 1, 0));
        assertNotEquals(Seeds.trialSeed(5, 0), Seeds.trialSeed(5, 0, 0));
        assertNotEquals(Seeds.trialSeed(5), Seeds.trialSeed(5, 0));
        assertNotEquals(Seeds.trialSeed(5, 1, 2), Seeds.trialSeed(6, 1, 2));
    }

    @Test
    void neighbouringSeedsDifferInAboutHalfTheirBits() {
        // Avalanche: over 1000 consecutive run indices the mean Hamming distance between
        // consecutive seeds should be 32 bits; its standard error is sqrt(16/1000) ≈ 0.13, so
        // ±1 bit is a > 7σ bound.
        long total = 0;
        long previous = Seeds.trialSeed(9, 4, 0);
        for (long run = 1; run <= 1000; run++) {
            long next = Seeds.trialSeed(9, 4, run);
            total += Long.bitCount(previous ^ next);
            previous = next;
        }
        assertEquals(32.0, total / 1000.0, 1.0);
    }

    @Test
    void goldenValues() {
        // Pinned: if these change, every published result regenerated from a seed changes.
        assertEquals(0xBBD6DA4A8BEB661FL, Seeds.trialSeed(20240721L));
        assertEquals(0xE032565C9A235227L, Seeds.trialSeed(20240721L, 3, 7));
        UniformRandomProvider rng = Seeds.rng(20240721L, 3, 7);
        long[] first = new long[4];
        for (int i = 0; i < first.length; i++) {
            first[i] = rng.nextLong();
        }
        assertArrayEquals(new long[] {0x762E1B2286210335L, 0x7AF6BB12A012C7BCL,
            0xCECD4CAF44B48550L, 0xD08EFEB62AF017D8L}, first);
    }

    @Test
    void rejectsNullPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Seeds.trialSeed(1, (long[]) null));
        assertTrue(e.getMessage().contains("path"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Seeds.rng(1, (long[]) null));
        assertTrue(e.getMessage().contains("path"), e.getMessage());
    }
}
