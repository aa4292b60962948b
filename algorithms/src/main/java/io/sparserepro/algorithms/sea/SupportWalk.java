package io.sparserepro.algorithms.sea;

import io.sparserepro.core.select.LargestK;

/**
 * The support bookkeeping of one SEA run, shared by the dense path ({@link Sea}) and the
 * matrix-free one ({@link SeaImplicit}), which differ only in how they fit a support and form
 * the gradient: the selection Sᵗ = largest_k(|Xᵗ|) with the {@link Sea.TieBreak} rule, the
 * visited-support set ({@code distinctSupports}), the first iteration whose support contains
 * the truth, and the cache of the {@code supportCacheSize} most recent supports' gradients and
 * residual norms (a support seen recently has the same least-squares fit, so the same
 * gradient). Pure bookkeeping: no arithmetic on the iterate.
 *
 * <p>Per-call state, not thread-safe; allocates nothing after construction.
 */
final class SupportWalk {
    /** Sᵗ after {@link #select}, as {@link LargestK} returns it. */
    final int[] support;
    private final int n;
    private final int k;
    private final boolean keepCurrent;
    private final LargestK largestK;
    private final boolean[] onTruth;     // null without a known truth
    private final boolean[] previous;    // marks of the last support read, for TieBreak.KEEP_CURRENT
    private final int[] previousSupport;
    private final SupportHashSet visited = new SupportHashSet();
    private int firstContainingTruth = -1;
    private final long[] cacheKeys;
    private final double[][] cacheAscents;
    private final boolean[] cacheValid;
    private final double[] cacheResiduals;
    private int cacheNext;

    SupportWalk(int n, int k, int[] trueSupport, Sea.TieBreak tieBreak, int cacheSize) {
        this.n = n;
        this.k = k;
        this.keepCurrent = tieBreak == Sea.TieBreak.KEEP_CURRENT;
        this.support = new int[k];
        this.largestK = new LargestK(n);
        this.previous = new boolean[n];
        this.previousSupport = new int[k];
        if (trueSupport != null) {
            onTruth = new boolean[n];
            for (int j : trueSupport) {
                onTruth[j] = true;
            }
        } else {
            onTruth = null;
        }
        this.cacheKeys = new long[cacheSize];
        this.cacheAscents = new double[cacheSize][n];
        this.cacheValid = new boolean[cacheSize];
        this.cacheResiduals = new double[cacheSize];
    }

    /**
     * Selects {@link #support} = largest_k(|x|) (ties by the tie-break rule), records it as
     * visited at iteration {@code t}, and returns its key ({@link Sea#indexKey} XOR-ed).
     */
    long select(double[] x, int t) {
        largestK.select(x, n, k, support, keepCurrent ? previous : null);
        long key = 0;
        int truthFound = 0;
        for (int i = 0; i < k; i++) {
            key ^= Sea.indexKey(support[i]);
            if (onTruth != null && onTruth[support[i]]) {
                truthFound++;
            }
        }
        visited.add(key);
        if (keepCurrent) {
            for (int i = 0; i < k; i++) {
                previous[previousSupport[i]] = false;
            }
            for (int i = 0; i < k; i++) {
                previous[support[i]] = true;
                previousSupport[i] = support[i];
            }
        }
        if (firstContainingTruth < 0 && onTruth != null && truthFound == k) {
            firstContainingTruth = t;
        }
        return key;
    }

    /** The cache slot of the support of {@code key}, or −1 if it is not cached. */
    int cacheSlot(long key) {
        for (int i = 0; i < cacheKeys.length; i++) {
            if (cacheValid[i] && cacheKeys[i] == key) {
                return i;
            }
        }
        return -1;
    }

    /** Copies the gradient cached in {@code slot} into {@code ascent}; returns its residual norm. */
    double loadCached(int slot, double[] ascent) {
        System.arraycopy(cacheAscents[slot], 0, ascent, 0, n);
        return cacheResiduals[slot];
    }

    /** Caches the gradient and residual norm of the support of {@code key}, evicting the oldest. */
    void store(long key, double residualNorm, double[] ascent) {
        if (cacheKeys.length == 0) {
            return;
        }
        int slot = cacheNext;
        cacheNext = (cacheNext + 1) % cacheKeys.length;
        cacheKeys[slot] = key;
        cacheValid[slot] = true;
        cacheResiduals[slot] = residualNorm;
        System.arraycopy(ascent, 0, cacheAscents[slot], 0, n);
    }

    /** Distinct supports visited so far. */
    int distinctSupports() {
        return visited.size();
    }

    /** The first iteration whose support contained the truth, or −1 (also without a known truth). */
    int firstContainingTruth() {
        return firstContainingTruth;
    }
}
