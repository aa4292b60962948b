package io.sparserepro.algorithms.greedy;

import io.sparserepro.algorithms.FitDiagnostics;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.Trace;
import io.sparserepro.algorithms.implicit.OperatorProblem;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.LinearOperator;
import io.sparserepro.core.operators.SupportCgls;
import io.sparserepro.core.problem.Problem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Omp} through the operator (issue 17): each iteration one adjoint for the
 * correlations, then least squares on the grown support by CGLS warm-started from the
 * previous coefficients (0 for the new index), so r ⊥ A_S to CGLS's tolerance.
 *
 * <p><b>Difference from the dense path.</b> The dense path detects a numerically dependent
 * column through its QR factorisation and stops there ({@code dependentColumnStop}); CGLS has
 * no such test, so this path stops instead when adding the column left the residual norm
 * unchanged to a relative 1e-12 — what a dependent column does — and takes it off again.
 * On full-rank supports (where the two paths are compared) both run the same iterations.
 * Diagnostics add {@code cglsIterations}.
 */
final class OmpImplicit {
    /** A new column that lowers ‖r‖ by less than this relative amount counts as dependent. */
    static final double NO_PROGRESS = 1e-12;

    private OmpImplicit() {
    }

    static SparseResult solve(Omp.Options options, Problem problem) {
        OperatorProblem d = OperatorProblem.of(problem);
        LinearOperator a = d.a();
        double[] y = d.y();
        int k = d.k();
        int m = d.m();
        int n = d.n();
        SupportCgls cgls = new SupportCgls(a, y, k, SupportCgls.Options.defaults());
        double[] residual = y.clone();
        double[] correlations = new double[n];
        boolean[] onSupport = new boolean[n];
        int[] support = new int[k];
        double[] coefficients = new double[k];
        double[] saved = new double[k];
        Trace.Recorder trace = OperatorProblem.recorder(options.recordTrace());

        double stopNorm = options.residualTolerance() * d.yNorm();
        double residualNorm = DenseKernels.norm2(residual, m);
        int iterations = Math.min(k, options.maxIterations());
        boolean converged = iterations == k;
        boolean dependentStop = false;
        int size = 0;
        for (int t = 0; t < iterations; t++) {
            if (residualNorm <= stopNorm) {
                converged = true;
                iterations = t;
                break;
            }
            a.applyAdjoint(residual, correlations);
            int j = GreedySupport.argmaxAbsOff(correlations, n, onSupport);
            support[size] = j;
            coefficients[size] = 0.0;
            System.arraycopy(coefficients, 0, saved, 0, size);
            cgls.solve(support, size + 1, coefficients);
            double nextNorm = DenseKernels.norm2(cgls.residual(), m);
            if (nextNorm >= (1 - NO_PROGRESS) * residualNorm) {
                System.arraycopy(saved, 0, coefficients, 0, size); // a_j adds nothing: take it off again
                dependentStop = true;
                converged = true;
                iterations = t;
                break;
            }
            onSupport[j] = true;
            size++;
            System.arraycopy(cgls.residual(), 0, residual, 0, m);
            residualNorm = nextNorm;
            if (trace != null) {
                trace.record(residualNorm, support, size);
            }
        }
        double[] estimate = new double[n];
        for (int c = 0; c < size; c++) {
            estimate[support[c]] = coefficients[c];
        }
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("dependentColumnStop", dependentStop ? 1.0 : 0.0);
        diagnostics.put(FitDiagnostics.RANK_DEFICIENT_FITS, 0.0);
        diagnostics.put("cglsIterations", (double) cgls.totalIterations());
        return d.result(estimate, support, size, iterations, converged, trace, diagnostics);
    }
}
