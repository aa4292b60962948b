package io.sparserepro.experiments.unfolding;

/** How the unfolding paper's Fig. 2 draws the support of x (SPEC-UNFOLDING, Fig. 2). */
public enum Fig2Sampling {
    /**
     * The authors' code: s indices uniformly <em>with replacement</em> from {1, …, N−1} (index
     * 0 never used), s Gaussian amplitudes normalised to unit norm, then written in order, so
     * a repeated index keeps its last amplitude and x may have fewer than s non-zeros and
     * ‖x‖ &lt; 1.
     */
    AUTHORS_WITH_REPLACEMENT,
    /** s distinct indices of {0, …, N−1}, Gaussian amplitudes, ‖x‖ = 1. */
    DISTINCT
}
