package io.sparserepro.algorithms;

import io.sparserepro.core.Checks;
import io.sparserepro.core.problem.Problem;
import java.util.Arrays;

/**
 * A solver that can start from a given support instead of its own first support (HTP and SP:
 * their first support is largest_k(|Aᵀy|)). What restarting a solver from random supports —
 * "the others, given as much time as SEA" — needs.
 */
public interface WarmStartable extends SparseSolver {

    /** Solves {@code problem} starting from the support {@code start}: k distinct column indices. */
    SparseResult solveFrom(Problem problem, int[] start);

    /** {@code start} checked against {@code problem} (k distinct indices in [0, n)), sorted. */
    static int[] checkedStart(Problem problem, int[] start) {
        Checks.requireNonNull("problem", problem);
        Checks.requireNonNull("start", start);
        int k = problem.sparsity();
        if (start.length != k) {
            throw new IllegalArgumentException("a starting support must have k = " + k + " indices: " + start.length);
        }
        int[] sorted = start.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < k; i++) {
            if (sorted[i] < 0 || sorted[i] >= problem.cols() || (i > 0 && sorted[i] == sorted[i - 1])) {
                throw new IllegalArgumentException("a starting support must hold k distinct indices in [0, "
                        + problem.cols() + "): " + Arrays.toString(start));
            }
        }
        return sorted;
    }
}
