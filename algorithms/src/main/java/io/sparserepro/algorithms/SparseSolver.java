package io.sparserepro.algorithms;

import io.sparserepro.core.linalg.LinearOperator;
import io.sparserepro.core.problem.Problem;

/**
 * A k-sparse solver: given y ≈ A x with x k-sparse, returns an estimate with at most k
 * non-zeros. Implementations are immutable configuration objects, safe to share between
 * threads; all per-call state lives in workspaces created inside {@link #solve(Problem)}.
 *
 * <p>Contract (checked by the contract test suite every solver runs): the input is validated
 * before any work (see {@link SolverInputs#requireSolvable}); the output is deterministic;
 * {@link SparseResult#support()} is sorted and has at most k entries;
 * {@link SparseResult#residualNorm()} is ‖A x̂ − y‖₂ of the returned estimate.
 */
public interface SparseSolver {

    /** The stable name used in registries, result files and figures (e.g. {@code omp}). */
    String name();

    /**
     * The name and every option value, e.g. {@code omp Options[residualTolerance=1.0E-12, ...]}:
     * recorded in result files so that a run says exactly which variant produced it.
     */
    default String configuration() {
        return name();
    }

    /** Solves the problem; its truth fields, if any, are never read except for diagnostics. */
    SparseResult solve(Problem problem);

    /** Solves y ≈ A x with x k-sparse. */
    default SparseResult solve(LinearOperator a, double[] y, int k) {
        return solve(Problem.of(a, y, k));
    }
}
