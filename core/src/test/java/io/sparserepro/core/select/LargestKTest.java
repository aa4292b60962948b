package io.sparserepro.core.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LargestKTest {

    /** Reference: a full sort by (|v| descending, index ascending). */
    private static int[] bySorting(double[] v, int k) {
        Integer[] idx = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -Math.abs(v[i])).thenComparingInt(i -> i));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = idx[i];
        }
        Arrays.sort(out);
        return out;
    }

    @Test
    void matchesSortingOnRandomVectorsWithManyTies() {
        SplittableRandom rng = new SplittableRandom(7);
        LargestK select = new LargestK(300);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + rng.nextInt(300);
            int k = 1 + rng.nextInt(n);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                // Few distinct magnitudes and both signs: ties everywhere.
                v[i] = (rng.nextInt(5) - 2) * (trial % 2 == 0 ? 1.0 : rng.nextDouble());
            }
            int[] out = new int[k];
            select.select(v, n, k, out);
            assertArrayEquals(bySorting(v, k), out, "trial " + trial);
        }
    }

    @Test
    void preferredIndicesWinTiesThenTheLowestIndex() {
        SplittableRandom rng = new SplittableRandom(9);
        LargestK select = new LargestK(100);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rng.nextInt(100);
            int k = 1 + rng.nextInt(n);
            double[] v = new double[n];
            boolean[] preferred = new boolean[n];
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextInt(4) - 2;
                preferred[i] = rng.nextBoolean();
            }
            Integer[] idx = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -Math.abs(v[i]))
                    .thenComparing(i -> !preferred[i]).thenComparingInt(i -> i));
            int[] expected = Arrays.stream(idx).limit(k).mapToInt(Integer::intValue).sorted().toArray();
            int[] out = new int[k];
            select.select(v, n, k, out, preferred);
            assertArrayEquals(expected, out, "trial " + trial);
        }
        assertArrayEquals(new int[] {1, 3}, selectWith(new double[] {1, 1, 1, 1}, 2, new boolean[] {false, true, false, true}));
        assertMessage(() -> new LargestK(3).select(new double[3], 3, 1, new int[1], new boolean[2]),
                "preferred must have length at least n = 3: 2");
    }

    private static int[] selectWith(double[] v, int k, boolean[] preferred) {
        int[] out = new int[k];
        new LargestK(v.length).select(v, v.length, k, out, preferred);
        return out;
    }

    @Test
    void tiesGoToTheLowestIndex() {
        assertArrayEquals(new int[] {0, 1}, LargestK.of(new double[] {1, -1, 1, 1}, 2));
        assertArrayEquals(new int[] {0, 1, 2}, LargestK.of(new double[5], 3));
        assertArrayEquals(new int[] {2, 4}, LargestK.of(new double[] {0, 1, -3, 2, 3}, 2));
    }

    @Test
    void sortedAndReversedInputsAreHandled() {
        double[] up = IntStream.range(0, 1000).asDoubleStream().toArray();
        assertArrayEquals(IntStream.range(990, 1000).toArray(), LargestK.of(up, 10));
        double[] down = IntStream.range(0, 1000).mapToDouble(i -> 1000 - i).toArray();
        assertArrayEquals(IntStream.range(0, 10).toArray(), LargestK.of(down, 10));
    }

    @Test
    void badInputIsRejectedWithTheArgumentName() {
        assertMessage(() -> LargestK.of(new double[3], 0), "k must be in [1, 3]: 0");
        assertMessage(() -> LargestK.of(new double[3], 4), "k must be in [1, 3]: 4");
        assertMessage(() -> LargestK.of(new double[] {1, Double.NaN}, 1), "v[1] is NaN");
        assertMessage(() -> LargestK.of(null, 1), "v must not be null");
        assertMessage(() -> new LargestK(2).select(new double[3], 3, 1, new int[1]), "n must be in");
        assertMessage(() -> new LargestK(0), "capacity");
    }

    private static void assertMessage(Runnable action, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
