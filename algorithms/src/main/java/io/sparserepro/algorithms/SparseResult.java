package io.sparserepro.algorithms;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.LinearOperator;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a solver returns.
 *
 * @param estimate     x̂, length n, at most k non-zeros
 * @param support      the support the solver selected, sorted ascending; x̂ is zero off it
 *                     (an index on it may still carry a zero coefficient)
 * @param iterations   iterations performed
 * @param converged    true if the solver's own stopping rule fired before its iteration cap
 * @param residualNorm ‖A x̂ − y‖₂
 * @param trace        per-iteration residual norms and supports, or null if not recorded
 * @param diagnostics  solver-specific numbers (e.g. SEA's distinct supports visited), in a
 *                     stable order; never null
 */
public record SparseResult(double[] estimate, int[] support, int iterations, boolean converged,
                           double residualNorm, Trace trace, Map<String, Double> diagnostics) {

    public SparseResult {
        Checks.requireNonNull("estimate", estimate);
        Checks.requireNonNull("support", support);
        Checks.requireNonNegative("iterations", iterations);
        diagnostics = diagnostics == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
    }

    /**
     * Builds a result from an estimate: the support is given (sorted here), the residual
     * norm is computed as ‖A x̂ − y‖₂ so that it is comparable across solvers.
     */
    public static SparseResult of(LinearOperator a, double[] y, double[] estimate, int[] support,
                                  int iterations, boolean converged, Trace trace,
                                  Map<String, Double> diagnostics) {
        int[] sorted = support.clone();
        Arrays.sort(sorted);
        return new SparseResult(estimate, sorted, iterations, converged,
                residualNormOnSupport(a, y, estimate, sorted), trace, diagnostics);
    }

    /** ‖A x − y‖₂ touching only the columns of x's support (x must vanish off it). */
    private static double residualNormOnSupport(LinearOperator a, double[] y, double[] x, int[] support) {
        for (int j = 0, s = 0; j < x.length; j++) {
            if (s < support.length && support[s] == j) {
                s++;
            } else if (x[j] != 0.0) {
                return residualNorm(a, y, x); // x is not supported on `support`: use all columns
            }
        }
        double[] coefficients = new double[support.length];
        for (int i = 0; i < support.length; i++) {
            coefficients[i] = x[support[i]];
        }
        double[] r = new double[a.rows()];
        a.applyOnSupport(support, coefficients, support.length, r);
        for (int i = 0; i < r.length; i++) {
            r[i] -= y[i];
        }
        return DenseKernels.norm2(r);
    }

    /** ‖A x − y‖₂. */
    public static double residualNorm(LinearOperator a, double[] y, double[] x) {
        double[] r = new double[a.rows()];
        a.apply(x, r);
        for (int i = 0; i < r.length; i++) {
            r[i] -= y[i];
        }
        return DenseKernels.norm2(r);
    }

    /** A diagnostic, or NaN if this solver does not report it. */
    public double diagnostic(String key) {
        return diagnostics.getOrDefault(key, Double.NaN);
    }
}
