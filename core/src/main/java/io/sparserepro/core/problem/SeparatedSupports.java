package io.sparserepro.core.problem;

import io.sparserepro.core.Checks;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Supports with a minimum separation between spikes, for the spike-deconvolution question
 * "what if spikes are never closer than d samples?" (issue 12; not in the SEA paper, whose
 * positions are uniform).
 *
 * <p>A support {s₀ &lt; … &lt; s_{k−1}} ⊂ {0, …, n−1} is <em>d-separated</em> when
 * s_{i+1} − s_i ≥ d for every i. The map c_i = s_i − i·(d − 1) is a bijection between the
 * d-separated supports and the k-subsets of {0, …, n − (k−1)(d−1) − 1} (it removes d − 1
 * samples after each spike but the last), so drawing c uniformly with
 * {@link SparseVectors#randomSupport} and mapping back draws a d-separated support uniformly.
 * For d ≤ 1 the map is the identity: the draws, and so the instances, are exactly those of
 * {@link SparseVectors#randomSupport}.
 */
public final class SeparatedSupports {
    private SeparatedSupports() {
    }

    /**
     * A uniformly random d-separated k-subset of {0, …, n−1}, sorted ascending; see the class
     * comment. {@code minSeparation} 0 or 1 means no constraint.
     *
     * @throws IllegalArgumentException if no d-separated support exists: (k−1)·d + 1 &gt; n
     */
    public static int[] random(int n, int k, int minSeparation, UniformRandomProvider rng) {
        Checks.requirePositive("n", n);
        Checks.requireInRange("k", k, 1, n);
        Checks.requireNonNegative("minSeparation", minSeparation);
        Checks.requireNonNull("rng", rng);
        int gap = Math.max(1, minSeparation) - 1;
        long reduced = n - (long) (k - 1) * gap;
        if (reduced < k) {
            throw new IllegalArgumentException("minSeparation must allow k spikes in n samples, (k − 1)·d + 1 ≤ n: k = "
                    + k + ", n = " + n + ", d = " + minSeparation);
        }
        int[] support = SparseVectors.randomSupport((int) reduced, k, rng);
        for (int i = 0; i < k; i++) {
            support[i] += i * gap;
        }
        return support;
    }

    /** Whether {@code support} (sorted ascending) has consecutive gaps of at least {@code minSeparation}. */
    public static boolean isSeparated(int[] support, int minSeparation) {
        Checks.requireNonNull("support", support);
        for (int i = 1; i < support.length; i++) {
            if (support[i] - support[i - 1] < Math.max(1, minSeparation)) {
                return false;
            }
        }
        return true;
    }
}
