package io.sparserepro.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparserepro.core.problem.SparseVectors;
import io.sparserepro.core.random.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class LocalisationTest {

    @Test
    void handMadeCases() {
        int[] truth = {10, 20, 30};
        // Exact hit of all: F1 = 1 at every r.
        assertEquals(1.0, Localisation.f1(truth, new int[] {10, 20, 30}, 0));
        // Every spike one sample off: 0 at r = 0, 1 at r = 1.
        int[] shifted = {11, 19, 31};
        assertEquals(0.0, Localisation.f1(truth, shifted, 0));
        assertEquals(1.0, Localisation.f1(truth, shifted, 1));
        // Two samples off: found only from r = 2.
        int[] far = {12, 22, 28};
        assertEquals(0.0, Localisation.f1(truth, far, 1));
        assertEquals(1.0, Localisation.f1(truth, far, 2));
        // One estimate cannot find two true spikes: {10, 11} vs {10}: matched 1, F1 = 2·1/3.
        assertEquals(2.0 / 3.0, Localisation.f1(new int[] {10, 11}, new int[] {10}, 1), 1e-15);
        // A crowd where greedy-by-nearest would fail: truth {5, 6}, estimates {4, 6}, r = 1:
        // 5↔4 and 6↔6 match both (nearest-first would pair 5↔6 or 5↔4 — the largest matching is 2).
        assertEquals(2, Localisation.matched(new int[] {5, 6}, new int[] {4, 6}, 1));
        assertEquals(2, Localisation.matched(new int[] {5, 6}, new int[] {6, 7}, 1));
        // More estimates than spikes (a wrong k): precision drops, F1 = 2·3/(3 + 5).
        assertEquals(0.75, Localisation.f1(truth, new int[] {10, 15, 20, 25, 30}, 0), 1e-15);
        // Empty cases.
        assertEquals(1.0, Localisation.f1(new int[] {}, new int[] {}, 0));
        assertEquals(0.0, Localisation.f1(truth, new int[] {}, 2));
    }

    @Test
    void f1AtZeroIsTheExactSupportF1() {
        int[] truth = {1, 5, 9, 13};
        int[] estimate = {1, 6, 9, 14};
        int common = 4 - RecoveryMetrics.supportDistance(truth, estimate);
        assertEquals(2.0 * common / 8, Localisation.f1(truth, estimate, 0), 1e-15);
    }

    /** The greedy matching against an exhaustive largest matching on random small cases. */
    @Test
    void greedyMatchingIsALargestMatching() {
        UniformRandomProvider rng = Seeds.rng(7);
        for (int trial = 0; trial < 3000; trial++) {
            int n = 12;
            int[] truth = SparseVectors.randomSupport(n, 1 + rng.nextInt(5), rng);
            int[] estimate = SparseVectors.randomSupport(n, 1 + rng.nextInt(5), rng);
            int r = rng.nextInt(3);
            assertEquals(bruteForce(truth, estimate, r, 0, new boolean[estimate.length]),
                    Localisation.matched(truth, estimate, r), java.util.Arrays.toString(truth) + " "
                            + java.util.Arrays.toString(estimate) + " r=" + r);
        }
    }

    private static int bruteForce(int[] truth, int[] estimate, int r, int i, boolean[] used) {
        if (i == truth.length) {
            return 0;
        }
        int best = bruteForce(truth, estimate, r, i + 1, used);
        for (int j = 0; j < estimate.length; j++) {
            if (!used[j] && Math.abs(truth[i] - estimate[j]) <= r) {
                used[j] = true;
                best = Math.max(best, 1 + bruteForce(truth, estimate, r, i + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    @Test
    void badInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Localisation.f1(null, new int[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Localisation.f1(new int[] {1}, null, 0));
        assertThrows(IllegalArgumentException.class, () -> Localisation.f1(new int[] {1}, new int[] {1}, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Localisation.f1(new int[] {3, 2}, new int[] {1}, 0));
        assertEquals(true, e.getMessage().contains("trueSupport must be strictly increasing"), e.getMessage());
    }
}
