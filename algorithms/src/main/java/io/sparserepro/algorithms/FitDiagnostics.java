package io.sparserepro.algorithms;

/**
 * The two diagnostics every solver of this suite reports about its least-squares fits, under
 * the same names, so that a result file or the command line can say when an answer rests on a
 * numerically rank-deficient fit (issue: a support index whose coefficient is 0).
 *
 * <p>A least-squares fit on a support whose columns are numerically dependent (adjacent
 * columns of a deconvolution matrix) defers the dependent columns:
 * {@link io.sparserepro.core.linalg.SupportLeastSquares} gives them coefficient 0 and keeps
 * them on the support. The solvers keep such an index in {@link SparseResult#support()} — the
 * answer of a k-sparse solver is the index set it chose, and dropping an index would change
 * support distances and success — and report it here instead.
 */
public final class FitDiagnostics {
    /**
     * Least-squares fits during the run whose support had at least one deferred (numerically
     * dependent) column; 0 for a solver that never keeps such a fit. Reported by every solver
     * that fits by least squares.
     */
    public static final String RANK_DEFICIENT_FITS = "rankDeficientFits";
    /**
     * Indices of the returned support whose coefficient in the returned estimate is exactly 0:
     * in a least-squares fit, the deferred columns. Reported by every solver.
     */
    public static final String ZERO_COEFFICIENTS = "zeroCoefficients";

    private FitDiagnostics() {
    }

    /** The number of c &lt; size with x[support[c]] == 0. */
    public static int zeroCoefficients(double[] x, int[] support, int size) {
        int zeros = 0;
        for (int c = 0; c < size; c++) {
            if (x[support[c]] == 0.0) {
                zeros++;
            }
        }
        return zeros;
    }
}
