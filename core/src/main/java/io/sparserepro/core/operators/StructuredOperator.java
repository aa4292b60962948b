package io.sparserepro.core.operators;

import io.sparserepro.core.linalg.LinearOperator;

/**
 * A {@link LinearOperator} that knows, without densifying, the two numbers solvers need
 * besides products: its spectral norm and its column norms. Matrix-free solvers use them for
 * their step sizes (IHT's 1/‖A‖₂², HTP's 1/max‖a_j‖²); for a plain operator they would cost a
 * power iteration or n column extractions.
 *
 * <p>Implementations promise every column is finite and non-zero (what
 * {@code SolverInputs.requireSolvable} checks column by column for other operators, at O(mn)).
 */
public interface StructuredOperator extends LinearOperator {

    /**
     * An upper bound on ‖A‖₂, never below it (step rules need μ‖A‖₂² ≤ 1): exact for
     * {@link SubsampledDct}, within a few percent for {@link GaussianConvolution}.
     */
    double spectralNorm();

    /** ‖a_j‖₂ for every column j, in a new array of length {@link #cols()}. */
    double[] columnNorms();

    /** A one-line description for logs and result files (operator, size, seed). */
    String describe();
}
