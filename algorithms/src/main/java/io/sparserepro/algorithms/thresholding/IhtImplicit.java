package io.sparserepro.algorithms.thresholding;

import io.sparserepro.algorithms.FitDiagnostics;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.Trace;
import io.sparserepro.algorithms.implicit.OperatorProblem;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.LinearOperator;
import io.sparserepro.core.operators.SupportCgls;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.select.LargestK;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Iht} through the operator (issue 17): the same iteration, step and stopping rule, with
 * Aᵀr and the residual y − A x as one adjoint and one forward product each, so an iteration
 * costs one product pair plus O(n). The step uses ‖A‖₂ from {@link OperatorProblem#spectralNorm}.
 * The debiasing refit runs by CGLS ({@link SupportCgls}), warm-started from the last iterate;
 * it cannot report rank deficiency ({@code rankDeficientFits} is 0).
 * Diagnostics add {@code cglsIterations}.
 */
final class IhtImplicit {
    private IhtImplicit() {
    }

    static SparseResult solve(Iht.Options options, Problem problem) {
        OperatorProblem d = OperatorProblem.of(problem);
        LinearOperator a = d.a();
        double[] y = d.y();
        int m = d.m();
        int n = d.n();
        int k = d.k();
        double step = options.stepFactor() * d.inverseSquaredSpectralNorm();

        double[] x = new double[n];
        double[] z = new double[n];
        double[] r = y.clone();
        double[] ax = new double[m];
        int[] support = new int[k];
        int[] next = new int[k];
        int supportSize = 0;
        LargestK largest = new LargestK(n);
        Trace.Recorder recorder = OperatorProblem.recorder(options.recordTrace());

        int iterations = 0;
        boolean converged = false;
        boolean diverged = false;
        while (iterations < options.maxIterations()) {
            a.applyAdjoint(r, z);
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double v = x[j] + step * z[j];
                z[j] = v;
                sum += v;
            }
            if (!Double.isFinite(sum)) {
                diverged = true;
                break;
            }
            largest.select(z, n, k, next);
            double previousNormSquared = 0;
            for (int c = 0; c < supportSize; c++) {
                previousNormSquared += x[support[c]] * x[support[c]];
            }
            double changeSquared = Vectors.replaceSparse(x, support, supportSize, z, next, k);
            int[] swap = support;
            support = next;
            next = swap;
            supportSize = k;
            iterations++;
            d.residual(x, ax, r);
            if (recorder != null) {
                recorder.record(DenseKernels.norm2(r, m), support, k);
            }
            if (Math.sqrt(changeSquared) <= options.iterateTolerance() * Math.sqrt(previousNormSquared)) {
                converged = true;
                break;
            }
        }
        long cglsIterations = 0;
        if (options.debias() && supportSize > 0) {
            cglsIterations = ImplicitFits.refit(a, y, x, support, supportSize);
        }
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("step", step);
        diagnostics.put("diverged", diverged ? 1.0 : 0.0);
        diagnostics.put(FitDiagnostics.RANK_DEFICIENT_FITS, 0.0);
        diagnostics.put("cglsIterations", (double) cglsIterations);
        return d.result(x, support, supportSize, iterations, converged, recorder, diagnostics);
    }
}
