package io.sparserepro.algorithms.unfolding;

/**
 * What a solver of the unfolding family returns on complex data.
 *
 * @param estimate   x̂, interleaved complex, length 2N (Soft-X: Pᵀz or mask ⊙ u, not k-sparse in general)
 * @param selected   the index each selection row peaks at, in the order chosen (OMP: the
 *                   support in order of entry; IHT: the last iteration's s largest, decreasing)
 * @param iterations iterations run (always the requested number: the paper's loops never stop early)
 * @param fallbacks  least-squares solves that needed the rank-revealing path (Soft-OMP/OMP; 0 otherwise)
 */
public record UnfoldingResult(double[] estimate, int[] selected, int iterations, int fallbacks) {
}
