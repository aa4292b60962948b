package io.sparserepro.core.select;

import io.sparserepro.core.Checks;
import java.util.Arrays;

/**
 * Selects the k entries of largest modulus, largest_k(|v|) in both papers, in expected O(n)
 * time by quickselect. Ties are broken towards the lowest index, so the selected set is
 * unique and independent of pivot choices: entries are ordered by (|v_i| descending,
 * i ascending), a strict total order.
 *
 * <p>An instance owns its workspaces (not thread-safe; one per solver call) and allocates
 * nothing per selection. For one-off use see {@link #of(double[], int)}.
 */
public final class LargestK {
    private final int[] order;
    private final double[] magnitude;
    private boolean[] preferred;
    private long pivotState = 0x2545F4914F6CDD1DL;

    /** Workspace for vectors of length up to {@code capacity}. */
    public LargestK(int capacity) {
        Checks.requirePositive("capacity", capacity);
        order = new int[capacity];
        magnitude = new double[capacity];
    }

    /** The sorted indices of the k largest |v[i]| of {@code v}, allocating a workspace. */
    public static int[] of(double[] v, int k) {
        Checks.requireNonNull("v", v);
        Checks.requireInRange("k", k, 1, Math.max(1, v.length));
        int[] out = new int[k];
        new LargestK(Math.max(1, v.length)).select(v, v.length, k, out);
        return out;
    }

    /**
     * Writes into {@code out[0..k)} the indices, sorted ascending, of the k entries of
     * {@code v[0..n)} with largest modulus (ties → lowest index).
     *
     * @throws IllegalArgumentException if k is outside [1, n], n exceeds the capacity, or an
     *                                  entry is NaN (a NaN would make the order undefined)
     */
    public void select(double[] v, int n, int k, int[] out) {
        select(v, n, k, out, null);
    }

    /**
     * As {@link #select(double[], int, int, int[])}, but among entries of equal modulus those
     * marked in {@code preferred} (if not null) rank first, then the lowest index: e.g. the
     * current support, so that a tie never swaps a kept index for an equal newcomer.
     */
    public void select(double[] v, int n, int k, int[] out, boolean[] preferred) {
        if (preferred != null && preferred.length < n) {
            throw new IllegalArgumentException("preferred must have length at least n = " + n + ": " + preferred.length);
        }
        this.preferred = preferred;
        if (n < 1 || n > order.length || v.length < n) {
            throw new IllegalArgumentException("n must be in [1, min(capacity " + order.length
                    + ", v.length " + v.length + ")]: " + n);
        }
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, " + n + "]: " + k);
        }
        if (out.length < k) {
            throw new IllegalArgumentException("out must have length at least k = " + k + ": " + out.length);
        }
        for (int i = 0; i < n; i++) {
            double a = Math.abs(v[i]);
            if (a != a) {
                throw new IllegalArgumentException("v[" + i + "] is NaN: cannot rank entries by modulus");
            }
            magnitude[i] = a;
            order[i] = i;
        }
        if (k < n) {
            quickselect(n, k);
        }
        System.arraycopy(order, 0, out, 0, k);
        Arrays.sort(out, 0, k);
    }

    /**
     * True when index a ranks before index b: larger modulus; at equal modulus a preferred
     * index (when a preference is given), then the lower index.
     */
    private boolean before(int a, int b) {
        double ma = magnitude[a];
        double mb = magnitude[b];
        if (ma != mb) {
            return ma > mb;
        }
        if (preferred != null && preferred[a] != preferred[b]) {
            return preferred[a];
        }
        return a < b;
    }

    /** Rearranges order[0..n) so that its first k entries are the k highest-ranked indices. */
    private void quickselect(int n, int k) {
        int lo = 0;
        int hi = n - 1;
        int target = k - 1;
        while (lo < hi) {
            // A pseudo-random pivot gives expected linear time on any input, including sorted
            // or adversarial vectors; the result does not depend on it (the order is total).
            pivotState ^= pivotState << 13;
            pivotState ^= pivotState >>> 7;
            pivotState ^= pivotState << 17;
            int p = lo + (int) Long.remainderUnsigned(pivotState, hi - lo + 1);
            int pivot = order[p];
            swap(p, hi);
            int store = lo;
            for (int i = lo; i < hi; i++) {
                if (before(order[i], pivot)) {
                    swap(i, store++);
                }
            }
            swap(store, hi);
            if (store == target) {
                return;
            } else if (store < target) {
                lo = store + 1;
            } else {
                hi = store - 1;
            }
        }
    }

    private void swap(int i, int j) {
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
}
