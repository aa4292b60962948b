package io.sparserepro.algorithms.greedy;

import io.sparserepro.algorithms.ConfiguredSolver;
import io.sparserepro.algorithms.DenseProblem;
import io.sparserepro.algorithms.FitDiagnostics;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.implicit.MatrixFree;
import io.sparserepro.algorithms.Trace;
import io.sparserepro.algorithms.options.Option;
import io.sparserepro.algorithms.options.Option.Origin;
import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseKernel;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.linalg.SupportLeastSquares;
import io.sparserepro.core.problem.Problem;
import java.util.Map;

/**
 * Orthogonal Matching Pursuit: Y. C. Pati, R. Rezaiifar, P. S. Krishnaprasad, "Orthogonal
 * matching pursuit: recursive function approximation with applications to wavelet
 * decomposition", Asilomar 1993; J. A. Tropp, "Greed is good: algorithmic results for sparse
 * approximation", IEEE Trans. Inf. Theory 50(10), 2004.
 *
 * <p>Each iteration adds the column most correlated with the residual, argmax_{j ∉ S}
 * |a_jᵀ r| (ties → lowest index), and refits y by least squares on the support, kept as an
 * incrementally updated QR factorisation ({@link SupportLeastSquares}), so that r ⊥ A_S.
 *
 * <p><b>Stopping rule.</b> Exactly k iterations (the paper's rule for a known sparsity),
 * capped by {@link Options#maxIterations()}. Two earlier stops are round-off guards, not a
 * change of the algorithm: (1) ‖r‖₂ ≤ {@code residualTolerance}·‖y‖₂ — y is already fitted to
 * working precision and any further column would be chosen by round-off noise; (2) the chosen
 * column is numerically dependent on the support ({@link SupportLeastSquares#add} defers it):
 * then its correlation with r is round-off too, the residual cannot decrease any more, and the
 * column is taken off the support again. Both count as converged; only the cap does not.
 *
 * <p>Cost per iteration: one Aᵀr (m·n) plus O(m·|S|) for the QR update and the residual.
 * Immutable and thread-safe; each call allocates its own workspace once.
 *
 * <p>Diagnostics: {@code dependentColumnStop} (1 if stop (2) fired, else 0);
 * {@code rankDeficientFits} (always 0: a dependent column never stays on the support) and
 * {@code zeroCoefficients} ({@link FitDiagnostics}).
 */
public final class Omp extends ConfiguredSolver<Omp.Options> {
    /** The registry name. */
    public static final String NAME = "omp";

    /**
     * @param residualTolerance round-off stop: halt once ‖r‖₂ ≤ residualTolerance·‖y‖₂ (in [0, 1))
     * @param maxIterations     iteration cap; the solver runs min(k, maxIterations) iterations
     * @param rankTolerance     relative orthogonal part below which a column counts as
     *                          dependent, passed to {@link SupportLeastSquares} (in (0, 1))
     * @param recordTrace       whether to record the residual and support of every iteration
     */
    public record Options(
            @Option(value = "Round-off stop: halt once ‖y − A x‖₂ ≤ residualTolerance·‖y‖₂ (relative, in [0, 1)); further columns would be chosen by round-off",
                    origin = Origin.IMPLEMENTATION)
            double residualTolerance,
            @Option(value = "Cap on iterations (columns added); OMP runs min(k, maxIterations) iterations, and the default leaves k, the paper's rule for a known sparsity",
                    origin = Origin.PAPER,
                    source = "Pati, Rezaiifar, Krishnaprasad 1993; Tropp 2004: OMP stops after k steps")
            int maxIterations,
            @Option(value = "A column whose part orthogonal to the current support is at most rankTolerance·‖a_j‖₂ counts as numerically dependent (in (0, 1))",
                    origin = Origin.IMPLEMENTATION)
            double rankTolerance,
            @Option(value = "Record the residual norm and support after every iteration (allocates)",
                    origin = Origin.IMPLEMENTATION)
            boolean recordTrace) {
        public Options {
            GreedySupport.requireTolerance("residualTolerance", residualTolerance);
            Checks.requirePositive("maxIterations", maxIterations);
            GreedySupport.requireUnitInterval("rankTolerance", rankTolerance);
        }

        /** 1e-12 round-off stop, no cap beyond k, the default rank tolerance, no trace. */
        public static Options defaults() {
            return new Options(1e-12, Integer.MAX_VALUE, SupportLeastSquares.DEFAULT_RANK_TOLERANCE, false);
        }

        public Options withResidualTolerance(double value) {
            return new Options(value, maxIterations, rankTolerance, recordTrace);
        }

        public Options withMaxIterations(int value) {
            return new Options(residualTolerance, value, rankTolerance, recordTrace);
        }

        public Options withRankTolerance(double value) {
            return new Options(residualTolerance, maxIterations, value, recordTrace);
        }

        public Options withRecordTrace(boolean value) {
            return new Options(residualTolerance, maxIterations, rankTolerance, value);
        }
    }

    public Omp() {
        this(Options.defaults());
    }

    public Omp(Options options) {
        super(NAME, options);
    }

    @Override
    public SparseResult solve(Problem problem) {
        if (MatrixFree.applies(problem)) {
            return OmpImplicit.solve(options, problem); // large implicit operator: issue 17
        }
        DenseProblem d = DenseProblem.of(problem);
        DenseMatrix a = d.a();
        double[] y = d.y();
        int k = d.k();
        int m = d.m();
        int n = d.n();
        double[] data = a.data();
        DenseKernel kernel = d.kernel();

        SupportLeastSquares ls = new SupportLeastSquares(a, k, options.rankTolerance());
        ls.setObservations(y);
        double[] residual = y.clone();
        double[] correlations = new double[n];
        boolean[] onSupport = new boolean[n];
        int[] support = new int[k];
        Trace.Recorder trace = DenseProblem.recorder(options.recordTrace());

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
            kernel.multiplyTransposed(data, m, n, residual, correlations);
            int j = GreedySupport.argmaxAbsOff(correlations, n, onSupport);
            if (!ls.add(j)) {
                // a_j ∈ span(A_S) to working precision, so a_jᵀr is round-off: r cannot shrink.
                ls.remove(j);
                dependentStop = true;
                converged = true;
                iterations = t;
                break;
            }
            onSupport[j] = true;
            support[size++] = j;
            ls.residual(residual);
            residualNorm = DenseKernels.norm2(residual, m);
            if (trace != null) {
                trace.record(residualNorm, support, size);
            }
        }

        double[] estimate = new double[n];
        ls.estimate(estimate, new double[k]);
        return d.result(estimate, support, size, iterations, converged, trace,
                // A dependent column is taken off again, so no fit is ever rank-deficient.
                Map.of("dependentColumnStop", dependentStop ? 1.0 : 0.0, FitDiagnostics.RANK_DEFICIENT_FITS, 0.0));
    }

    @Override
    public String toString() {
        return NAME + options;
    }
}
