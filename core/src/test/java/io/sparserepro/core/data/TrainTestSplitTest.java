package io.sparserepro.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrainTestSplitTest {
    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        TrainTestSplit a = TrainTestSplit.of(442, 0.2, 2024);
        TrainTestSplit b = TrainTestSplit.of(442, 0.2, 2024);
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.test(), b.test());
        assertFalse(Arrays.equals(a.test(), TrainTestSplit.of(442, 0.2, 2025).test()));
    }

    @Test
    void aPartitionOfTheSamplesSortedWithTheDeclaredTestShare() {
        TrainTestSplit s = TrainTestSplit.of(101, 0.25, 7);
        assertEquals(26, s.test().length); // ⌈0.25·101⌉
        int[] all = IntStream.concat(IntStream.of(s.train()), IntStream.of(s.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 101).toArray(), all);
        assertArrayEquals(IntStream.of(s.train()).sorted().toArray(), s.train());
        assertArrayEquals(IntStream.of(s.test()).sorted().toArray(), s.test());
        assertEquals(0, TrainTestSplit.of(10, 0, 1).test().length);
    }

    /**
     * The split is part of every published number: pinned for one input so that a change of
     * the generator or the shuffle is noticed (the values were produced by this implementation,
     * xoroshiro128++ seeded with 11 and a descending Fisher–Yates shuffle).
     */
    @Test
    void pinnedSplit() {
        assertArrayEquals(PINNED_TEST, TrainTestSplit.of(20, 0.25, 11).test());
    }

    private static final int[] PINNED_TEST = {10, 12, 16, 17, 18};

    @Test
    void badInputs() {
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.of(1, 0.2, 1));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.of(10, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.of(10, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.of(10, Double.NaN, 1));
    }
}
