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
import io.sparserepro.core.problem.Problem;
import java.util.Arrays;
import java.util.Map;

/**
 * Batch-OMP: R. Rubinstein, M. Zibulevsky, M. Elad, "Efficient implementation of the K-SVD
 * algorithm using batch orthogonal matching pursuit", Technion CS-2008-08 (2008), the
 * sparsity-constrained variant (their Algorithm 4 / "Batch-OMP"). In exact arithmetic it
 * selects the atoms {@link Omp} selects (and does so in floating point on well-conditioned
 * matrices, as the tests check); it works from the precomputed Gram matrix G = AᵀA and
 * α⁰ = Aᵀy and never forms a residual vector:
 * <pre>
 *   α = α⁰;  S = ∅;  L = [];
 *   repeat: j = argmax_{j ∉ S} |α_j|                     (ties → lowest index)
 *           w = L⁻¹ G_{S,j};  L ← [[L, 0], [wᵀ, √(G_jj − wᵀw)]]   progressive Cholesky of G_SS
 *           S ← S ∪ {j};  γ = (L Lᵀ)⁻¹ α⁰_S;  α = α⁰ − G_{:,S} γ   (α = Aᵀr, r the OMP residual)
 * </pre>
 * Per iteration this costs O(n·|S|) instead of OMP's O(m·n): after {@link #prepare} (O(m·n²)
 * once per matrix) many signals on one matrix are cheap ({@link #solveAll}).
 *
 * <p><b>Conditioning.</b> Cholesky of G_SS = A_SᵀA_S squares the condition number of A_S:
 * coefficients carry errors of order cond(A_S)²·ε instead of QR's cond(A_S)·ε. That is
 * harmless for Gaussian matrices (cond(A_S) ≲ 10) but not for coherent dictionaries such as
 * spike deconvolution, where {@link Omp} (incremental QR) must be used: there Batch-OMP
 * stops earlier (its pivot test on a squared quantity treats a relative orthogonal part below
 * ~1e-6 as dependent, OMP's QR only below 1e-10) and can return a smaller support. A pivot
 * G_jj − wᵀw ≤ {@code rankTolerance}²·G_jj (the pivot is ‖(I − P_S) a_j‖², so this is OMP's
 * rule ‖(I − P_S) a_j‖ ≤ rankTolerance·‖a_j‖; the default 1e-6 puts the pivot threshold at
 * 1e-12·G_jj, non-positive or so small that it is the round-off of the Gram entries, whose
 * errors are ~ε·G_jj) means a_j is numerically in span(A_S): the
 * solver then <em>stops with the support built so far</em> (diagnostic {@code pivotStop} = 1;
 * counted as converged — the residual cannot decrease along a dependent column).
 *
 * <p><b>Stopping rule.</b> k iterations (capped by {@link Options#maxIterations()}), or the
 * pivot stop above, or a round-off stop: max_{j ∉ S} |α_j|/‖a_j‖ ≤ {@code correlationTolerance}·‖y‖,
 * i.e. the residual is orthogonal to every column to working precision. This is the Gram-side
 * counterpart of OMP's ‖r‖ ≤ tol·‖y‖ (no residual is available here, and ‖r‖² = ‖y‖² − γᵀα⁰_S
 * cancels below √ε·‖y‖); the two coincide whenever neither fires before step k.
 *
 * <p>Diagnostics: {@code pivotStop}; {@code rankDeficientFits} (always 0: the pivot stop
 * keeps dependent columns out) and {@code zeroCoefficients} ({@link FitDiagnostics}).
 *
 * <p>Immutable and thread-safe; {@link Prepared} is immutable and may be shared by threads.
 */
public final class BatchOmp extends ConfiguredSolver<BatchOmp.Options> {
    /** The registry name. */
    public static final String NAME = "batch-omp";

    /**
     * @param correlationTolerance round-off stop on the largest normalised correlation, in [0, 1)
     * @param rankTolerance        relative orthogonal part ‖(I − P_S) a_j‖/‖a_j‖ at or below which a
     *                             column counts as dependent (tested on the Cholesky pivot, its
     *                             square), in (0, 1)
     * @param maxIterations     iteration cap; min(k, maxIterations) iterations are run
     * @param recordTrace       whether to record residual norms (computed explicitly, O(m·|S|)
     *                          per iteration, only in this mode) and supports
     */
    public record Options(
            @Option(value = "Round-off stop: halt once max_{j∉S} |a_jᵀr|/‖a_j‖₂ ≤ correlationTolerance·‖y‖₂ (relative, in [0, 1))",
                    origin = Origin.IMPLEMENTATION)
            double correlationTolerance,
            @Option(value = "A column whose part orthogonal to the current support is at most rankTolerance·‖a_j‖₂ counts as numerically dependent: stop (in (0, 1)); tested on the Cholesky pivot, G_jj − wᵀw ≤ rankTolerance²·G_jj",
                    origin = Origin.IMPLEMENTATION)
            double rankTolerance,
            @Option(value = "Cap on iterations (atoms added); min(k, maxIterations) are run, and the default leaves k",
                    origin = Origin.PAPER,
                    source = "Rubinstein, Zibulevsky, Elad 2008, Batch-OMP with a sparsity target: k atoms")
            int maxIterations,
            @Option(value = "Record the residual norm (formed explicitly, O(m·|S|) per iteration) and support after every iteration",
                    origin = Origin.IMPLEMENTATION)
            boolean recordTrace) {
        public Options {
            GreedySupport.requireTolerance("correlationTolerance", correlationTolerance);
            GreedySupport.requireUnitInterval("rankTolerance", rankTolerance);
            Checks.requirePositive("maxIterations", maxIterations);
        }

        /**
         * Round-off stop 1e-12, rank tolerance 1e-6 (a pivot threshold of 1e-12·G_jj ≈ 5000 ε:
         * a squared quantity cannot resolve OMP's 1e-10), no cap beyond k, no trace.
         */
        public static Options defaults() {
            return new Options(1e-12, 1e-6, Integer.MAX_VALUE, false);
        }

        public Options withCorrelationTolerance(double value) {
            return new Options(value, rankTolerance, maxIterations, recordTrace);
        }

        public Options withRankTolerance(double value) {
            return new Options(correlationTolerance, value, maxIterations, recordTrace);
        }

        public Options withMaxIterations(int value) {
            return new Options(correlationTolerance, rankTolerance, value, recordTrace);
        }

        public Options withRecordTrace(boolean value) {
            return new Options(correlationTolerance, rankTolerance, maxIterations, value);
        }
    }

    /** A matrix with its Gram matrix and column norms, computed once for many signals. */
    public static final class Prepared {
        private final DenseMatrix matrix;
        private final DenseMatrix gram;
        private final double[] columnNorms;

        private Prepared(DenseMatrix matrix) {
            this.matrix = matrix;
            this.gram = matrix.gram();
            int n = matrix.cols();
            this.columnNorms = new double[n];
            for (int j = 0; j < n; j++) {
                columnNorms[j] = Math.sqrt(gram.data()[j * n + j]);
            }
        }

        public int rows() {
            return matrix.rows();
        }

        public int cols() {
            return matrix.cols();
        }

        /** A copy of A. */
        public DenseMatrix matrix() {
            return matrix.copy();
        }

        /** A copy of G = AᵀA. */
        public DenseMatrix gram() {
            return gram.copy();
        }
    }

    public BatchOmp() {
        this(Options.defaults());
    }

    public BatchOmp(Options options) {
        super(NAME, options);
    }

    /** Copies A (so later changes to it cannot corrupt the Gram) and computes G = AᵀA: O(m·n²). */
    public Prepared prepare(DenseMatrix a) {
        Checks.requireNonNull("a", a);
        a.requireFinite("A").requireNonZeroColumns("A");
        return new Prepared(a.copy());
    }

    @Override
    public SparseResult solve(Problem problem) {
        MatrixFree.requireDensifiable(problem, NAME, "the Gram matrix AᵀA"); // issue 17
        DenseProblem d = DenseProblem.of(problem);
        Prepared prepared = prepare(d.a());
        return new Workspace(prepared, d.k()).run(d.y(), d.k());
    }

    /** Batch-OMP for one signal y on a prepared matrix. */
    public SparseResult solve(Prepared prepared, double[] y, int k) {
        checkSignal(prepared, y, "y", k);
        return new Workspace(prepared, k).run(y, k);
    }

    /** Batch-OMP for every signal of {@code ys} on one prepared matrix, sharing one workspace. */
    public SparseResult[] solveAll(Prepared prepared, double[][] ys, int k) {
        Checks.requireNonNull("ys", ys);
        for (int s = 0; s < ys.length; s++) {
            checkSignal(prepared, ys[s], "ys[" + s + "]", k);
        }
        SparseResult[] results = new SparseResult[ys.length];
        if (ys.length == 0) {
            return results;
        }
        Workspace workspace = new Workspace(prepared, k);
        for (int s = 0; s < ys.length; s++) {
            results[s] = workspace.run(ys[s], k);
        }
        return results;
    }

    private static void checkSignal(Prepared prepared, double[] y, String name, int k) {
        Checks.requireNonNull("prepared", prepared);
        Checks.requireFinite(name, y);
        Checks.requireLength(name, y, prepared.rows());
        Checks.requireInRange("k", k, 1, Math.min(prepared.rows(), prepared.cols()));
    }

    /** Per-call state: allocated once, reused for every signal of a {@link #solveAll} batch. */
    private final class Workspace {
        private final Prepared prepared;
        private final int m;
        private final int n;
        private final double[] alpha0;
        private final double[] alpha;
        private final double[] lower;     // k×k row-major Cholesky factor of G_SS
        private final double[] gamma;
        private final double[] scratch;
        private final int[] support;
        private final boolean[] onSupport;
        private final double[] residual;  // only for the trace
        private final DenseKernel kernel = DenseKernels.active();

        Workspace(Prepared prepared, int k) {
            this.prepared = prepared;
            this.m = prepared.rows();
            this.n = prepared.cols();
            alpha0 = new double[n];
            alpha = new double[n];
            lower = new double[k * k];
            gamma = new double[k];
            scratch = new double[k];
            support = new int[k];
            onSupport = new boolean[n];
            residual = options.recordTrace() ? new double[m] : null;
        }

        SparseResult run(double[] y, int k) {
            double[] a = prepared.matrix.data();
            double[] g = prepared.gram.data();
            double[] norms = prepared.columnNorms;
            Arrays.fill(onSupport, false);
            kernel.multiplyTransposed(a, m, n, y, alpha0);
            System.arraycopy(alpha0, 0, alpha, 0, n);
            Trace.Recorder trace = options.recordTrace() ? new Trace.Recorder() : null;

            double stopCorrelation = options.correlationTolerance() * DenseKernels.norm2(y, m);
            // The pivot is ‖(I − P_S) a_j‖²: compare it with the squared rank tolerance.
            double pivotThreshold = options.rankTolerance() * options.rankTolerance();
            int iterations = Math.min(k, options.maxIterations());
            boolean converged = iterations == k;
            boolean pivotStop = false;
            int size = 0;
            for (int t = 0; t < iterations; t++) {
                int j = -1;
                double best = -1;
                double largestNormalized = 0;
                for (int c = 0; c < n; c++) {
                    if (!onSupport[c]) {
                        double v = Math.abs(alpha[c]);
                        if (v > best) {
                            best = v;
                            j = c;
                        }
                        largestNormalized = Math.max(largestNormalized, v / norms[c]);
                    }
                }
                if (largestNormalized <= stopCorrelation) {
                    converged = true;
                    iterations = t;
                    break;
                }
                int gj = j * n;
                double diagonal = g[gj + j];
                double pivot = diagonal;
                // w = L⁻¹ G_{S,j} by forward substitution, written into row `size` of L.
                int row = size * k;
                for (int i = 0; i < size; i++) {
                    double s = g[gj + support[i]];
                    int ri = i * k;
                    for (int c = 0; c < i; c++) {
                        s -= lower[ri + c] * lower[row + c];
                    }
                    double w = s / lower[ri + i];
                    lower[row + i] = w;
                    pivot -= w * w;
                }
                if (!(pivot > pivotThreshold * diagonal)) {
                    pivotStop = true;
                    converged = true;
                    iterations = t;
                    break;
                }
                lower[row + size] = Math.sqrt(pivot);
                support[size++] = j;
                onSupport[j] = true;
                solveNormalEquations(size, k);
                System.arraycopy(alpha0, 0, alpha, 0, n);
                for (int i = 0; i < size; i++) {
                    // G is symmetric: column support[i] is the contiguous slice at support[i]·n.
                    kernel.axpy(-gamma[i], g, support[i] * n, alpha, 0, n);
                }
                if (trace != null) {
                    System.arraycopy(y, 0, residual, 0, m);
                    for (int i = 0; i < size; i++) {
                        kernel.axpy(-gamma[i], a, support[i] * m, residual, 0, m);
                    }
                    trace.record(DenseKernels.norm2(residual, m), support, size);
                }
            }

            double[] estimate = new double[n];
            for (int i = 0; i < size; i++) {
                estimate[support[i]] = gamma[i];
            }
            // The pivot test stops before a dependent column enters: no fit is rank-deficient.
            return SparseResult.of(prepared.matrix, y, estimate, Arrays.copyOf(support, size),
                    iterations, converged, trace == null ? null : trace.build(),
                    Map.of("pivotStop", pivotStop ? 1.0 : 0.0, FitDiagnostics.RANK_DEFICIENT_FITS, 0.0,
                            FitDiagnostics.ZERO_COEFFICIENTS,
                            (double) FitDiagnostics.zeroCoefficients(estimate, support, size)));
        }

        /** γ = (L Lᵀ)⁻¹ α⁰_S: forward then backward substitution, O(|S|²). */
        private void solveNormalEquations(int size, int k) {
            for (int i = 0; i < size; i++) {
                double s = alpha0[support[i]];
                int ri = i * k;
                for (int c = 0; c < i; c++) {
                    s -= lower[ri + c] * scratch[c];
                }
                scratch[i] = s / lower[ri + i];
            }
            for (int i = size - 1; i >= 0; i--) {
                double s = scratch[i];
                for (int c = i + 1; c < size; c++) {
                    s -= lower[c * k + i] * gamma[c];
                }
                gamma[i] = s / lower[i * k + i];
            }
        }
    }

    @Override
    public String toString() {
        return NAME + options;
    }
}
