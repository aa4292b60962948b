package io.sparserepro.algorithms.implicit;

import io.sparserepro.algorithms.FitDiagnostics;
import io.sparserepro.algorithms.SolverInputs;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.Trace;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.LinearOperator;
import io.sparserepro.core.operators.StructuredOperator;
import io.sparserepro.core.problem.Problem;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The common start and end of a matrix-free solve, the counterpart of
 * {@link io.sparserepro.algorithms.DenseProblem}: input checks, shapes, ‖y‖₂, the step-size
 * numbers (‖A‖₂ and column norms) without densifying, and the result.
 *
 * <p><b>Input checks.</b> A {@link StructuredOperator} guarantees finite non-zero columns, so
 * only the {@link Problem} record's checks run (an O(mn) column scan would cost more than the
 * solve at n = 2²⁰). Any other operator gets {@link SolverInputs#requireSolvable}'s column
 * scan: O(mn) time, O(m) memory.
 *
 * @param problem the validated problem
 * @param a       A (never densified)
 * @param y       the observations (not copied: solvers never write them)
 * @param m       rows
 * @param n       columns
 * @param k       sparsity
 * @param yNorm   ‖y‖₂
 */
public record OperatorProblem(Problem problem, LinearOperator a, double[] y, int m, int n, int k, double yNorm) {

    /** Relative margin on a spectral norm from {@link #powerIterationNorm}, which approaches it from below. */
    static final double POWER_ITERATION_MARGIN = 1e-6;

    public static OperatorProblem of(Problem problem) {
        io.sparserepro.core.Checks.requireNonNull("problem", problem);
        LinearOperator a = problem.operator();
        if (!(a instanceof StructuredOperator)) {
            SolverInputs.requireSolvable(problem);
        }
        double[] y = problem.observations();
        return new OperatorProblem(problem, a, y, a.rows(), a.cols(), problem.sparsity(), DenseKernels.norm2(y));
    }

    /**
     * An upper bound on ‖A‖₂: the operator's own ({@link StructuredOperator#spectralNorm}), or
     * a power iteration on AᵀA (relative change ≤ 1e-10, at most 1000 products) inflated by
     * {@value #POWER_ITERATION_MARGIN} like the dense solvers' Lanczos estimate.
     */
    public double spectralNorm() {
        if (a instanceof StructuredOperator structured) {
            return structured.spectralNorm();
        }
        return powerIterationNorm(a) * (1 + POWER_ITERATION_MARGIN);
    }

    /** 1/‖A‖₂² with the margin of the dense solvers' step (a relative 1e-6 on ‖A‖₂). */
    public double inverseSquaredSpectralNorm() {
        double norm = spectralNorm() * (1 + 1e-6);
        return 1.0 / (norm * norm);
    }

    /** ‖a_j‖₂ for every j: the operator's own, or one column at a time (O(mn) time, O(m) memory). */
    public double[] columnNorms() {
        if (a instanceof StructuredOperator structured) {
            return structured.columnNorms();
        }
        double[] norms = new double[n];
        double[] column = new double[m];
        for (int j = 0; j < n; j++) {
            a.column(j, column);
            norms[j] = DenseKernels.norm2(column, m);
        }
        return norms;
    }

    /** HTP's unit step 1/max_j‖a_j‖², exactly 1 within 1e-12 (as {@link SolverInputs#unitStepScale}). */
    public double unitStepScale() {
        double largest = 0;
        for (double norm : columnNorms()) {
            largest = Math.max(largest, norm);
        }
        double squared = largest * largest;
        return Math.abs(squared - 1) <= 1e-12 ? 1.0 : 1.0 / squared;
    }

    /** ‖A‖₂ by power iteration on AᵀA from a fixed start (deterministic). */
    static double powerIterationNorm(LinearOperator a) {
        int n = a.cols();
        double[] v = new double[n];
        double[] image = new double[a.rows()];
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = 1.0 + 0.01 * ((j * 7919) % 101); // not orthogonal to the top singular vector in practice
        }
        double estimate = 0;
        for (int iteration = 0; iteration < 1000; iteration++) {
            double norm = DenseKernels.norm2(v);
            for (int j = 0; j < n; j++) {
                v[j] /= norm;
            }
            a.apply(v, image);
            a.applyAdjoint(image, w);
            double next = Math.sqrt(DenseKernels.norm2(w));
            double[] swap = v;
            v = w;
            w = swap;
            if (Math.abs(next - estimate) <= 1e-10 * next) {
                return next;
            }
            estimate = next;
        }
        return estimate;
    }

    /** A trace recorder if {@code wanted}, else null. */
    public static Trace.Recorder recorder(boolean wanted) {
        return wanted ? new Trace.Recorder() : null;
    }

    /**
     * The result for x on {@code support[0..size)}, as {@link io.sparserepro.algorithms.DenseProblem#result}:
     * the residual norm recomputed through the operator, {@code zeroCoefficients} appended.
     */
    public SparseResult result(double[] x, int[] support, int size, int iterations, boolean converged,
                               Trace.Recorder recorder, Map<String, Double> diagnostics) {
        if (size > k) {
            throw new IllegalStateException("a k-sparse solver returned " + size + " indices for k = " + k);
        }
        Map<String, Double> all = new LinkedHashMap<>(diagnostics);
        all.put(FitDiagnostics.ZERO_COEFFICIENTS, (double) FitDiagnostics.zeroCoefficients(x, support, size));
        return SparseResult.of(a, y, x, Arrays.copyOf(support, size), iterations, converged,
                recorder == null ? null : recorder.build(), all);
    }

    /** {@code r = y − A x} through one product ({@code ax} is an m-vector of scratch). */
    public void residual(double[] x, double[] ax, double[] r) {
        a.apply(x, ax);
        for (int i = 0; i < m; i++) {
            r[i] = y[i] - ax[i];
        }
    }
}
