package io.sparserepro.algorithms;

import io.sparserepro.core.linalg.DenseKernel;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.Problem;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The common start of a dense solver's {@code solve}, built once per call: the input checks
 * ({@link SolverInputs#requireSolvable}), A as a dense matrix, y, the shapes, the active dense
 * kernel and ‖y‖₂; and the common end, {@link #result}. Solvers that used to copy these lines
 * now share them, so a change to the checks or to how a result is assembled is made once.
 *
 * @param problem the validated problem (its truth fields are for diagnostics only)
 * @param a       A, dense ({@link io.sparserepro.core.linalg.LinearOperator#toDense()}: the
 *                matrix itself when A is already dense, not a copy)
 * @param y       the observations (not copied: solvers never write them)
 * @param m       rows of A
 * @param n       columns of A
 * @param k       the sparsity
 * @param kernel  the active dense kernel ({@link DenseKernels#active()})
 * @param yNorm   ‖y‖₂, the reference of every relative residual tolerance
 */
public record DenseProblem(Problem problem, DenseMatrix a, double[] y, int m, int n, int k, DenseKernel kernel,
                           double yNorm) {

    /** Checks {@code problem} and densifies it: the prologue of every dense solver. */
    public static DenseProblem of(Problem problem) {
        SolverInputs.requireSolvable(problem);
        DenseMatrix a = problem.operator().toDense();
        double[] y = problem.observations();
        int m = a.rows();
        return new DenseProblem(problem, a, y, m, a.cols(), problem.sparsity(), DenseKernels.active(),
                DenseKernels.norm2(y, m));
    }

    /** A trace recorder if {@code wanted}, else null (recording allocates). */
    public static Trace.Recorder recorder(boolean wanted) {
        return wanted ? new Trace.Recorder() : null;
    }

    /**
     * The result for the estimate {@code x} on {@code support[0..size)} (sorted here; the
     * residual norm is recomputed as ‖A x − y‖₂, see {@link SparseResult#of}), with the
     * solver's diagnostics followed by {@link FitDiagnostics#ZERO_COEFFICIENTS}. Every index
     * of the support is kept, a zero coefficient included.
     *
     * @throws IllegalStateException if {@code size} exceeds k (a solver bug: the answer of a
     *                               k-sparse solver has at most k indices)
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
}
