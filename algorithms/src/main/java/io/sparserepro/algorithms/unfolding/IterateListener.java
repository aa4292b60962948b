package io.sparserepro.algorithms.unfolding;

/**
 * Receives the iterates of an unfolding-family solver (for the unfolding paper's "difference"
 * panels, ‖x⁽ⁿ⁾ − x̃⁽ⁿ⁾‖ between the n-th iterates of X and Soft-X). The array is the solver's
 * workspace: copy what you keep.
 */
@FunctionalInterface
public interface IterateListener {
    /** Iterate {@code iteration} (1-based), interleaved complex of {@code 2N} entries. */
    void accept(int iteration, double[] estimate);
}
