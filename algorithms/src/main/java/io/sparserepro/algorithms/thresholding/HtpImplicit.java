package io.sparserepro.algorithms.thresholding;

import io.sparserepro.algorithms.FitDiagnostics;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.Trace;
import io.sparserepro.algorithms.implicit.OperatorProblem;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.LinearOperator;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.select.LargestK;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Htp} through the operator (issue 17): the same step, selection and stopping rule; the
 * least squares on each new support by CGLS ({@link io.sparserepro.core.operators.SupportCgls})
 * warm-started from the previous iterate restricted to the new support. Per iteration: one
 * adjoint for the gradient, the CGLS iterations (one product pair each, plus one forward for
 * the recomputed residual). Diagnostics add {@code cglsIterations} (total) and
 * {@code cglsSolves}; {@code rankDeficientFits} is 0 (CGLS does not detect rank).
 */
final class HtpImplicit {
    private HtpImplicit() {
    }

    static SparseResult solve(Htp.Options options, Problem problem, int[] start) {
        OperatorProblem d = OperatorProblem.of(problem);
        LinearOperator a = d.a();
        double[] y = d.y();
        int m = d.m();
        int n = d.n();
        int k = d.k();
        double step = options.stepFactor() * (options.stepScale() == Htp.StepScale.UNIT
                ? d.unitStepScale() : d.inverseSquaredSpectralNorm());
        double targetResidual = options.residualTolerance() * d.yNorm();

        double[] x = new double[n];
        double[] z = new double[n];
        double[] r = y.clone();
        int[] support = new int[k];
        int[] next = new int[k];
        int supportSize = 0;
        LargestK largest = new LargestK(n);
        ImplicitFits fit = new ImplicitFits(a, y, k);
        Trace.Recorder recorder = OperatorProblem.recorder(options.recordTrace());

        int iterations = 0;
        boolean converged = false;
        if (start != null) {
            System.arraycopy(start, 0, support, 0, k);
            supportSize = k;
            fit.fit(x, support, 0, support, k);
            System.arraycopy(fit.residual(), 0, r, 0, m);
        }
        while (iterations < options.maxIterations()) {
            a.applyAdjoint(r, z);
            for (int j = 0; j < n; j++) {
                z[j] = x[j] + step * z[j];
            }
            largest.select(z, n, k, next);
            iterations++;
            if (supportSize == k && Vectors.sameSupport(next, support, k)) {
                if (recorder != null) {
                    recorder.record(DenseKernels.norm2(r, m), support, k);
                }
                converged = true;
                break;
            }
            fit.fit(x, support, supportSize, next, k);
            int[] swap = support;
            support = next;
            next = swap;
            supportSize = k;
            System.arraycopy(fit.residual(), 0, r, 0, m);
            double residualNorm = DenseKernels.norm2(r, m);
            if (recorder != null) {
                recorder.record(residualNorm, support, k);
            }
            if (residualNorm <= targetResidual) {
                converged = true;
                break;
            }
        }
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("step", step);
        diagnostics.put(FitDiagnostics.RANK_DEFICIENT_FITS, 0.0);
        diagnostics.put("cglsIterations", (double) fit.totalIterations());
        diagnostics.put("cglsSolves", (double) fit.solves());
        return d.result(x, support, supportSize, iterations, converged, recorder, diagnostics);
    }
}
