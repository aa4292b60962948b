package io.sparserepro.algorithms.greedy;

import io.sparserepro.algorithms.ConfiguredSolver;
import io.sparserepro.algorithms.DenseProblem;
import io.sparserepro.algorithms.FitDiagnostics;
import io.sparserepro.algorithms.SolverInputs;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.implicit.MatrixFree;
import io.sparserepro.algorithms.Trace;
import io.sparserepro.algorithms.options.Option;
import io.sparserepro.algorithms.options.Option.Origin;
import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseKernel;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.SupportLeastSquares;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.select.LargestK;
import java.util.Map;

/**
 * Orthogonal Matching Pursuit with Replacement: P. Jain, A. Tewari, I. S. Dhillon, "Orthogonal
 * Matching Pursuit with Replacement", NeurIPS 2011 (arXiv 1106.2774), Algorithm OMPR(l) with
 * l = 1. With x the least-squares fit on the support I (|I| = k) and r = y − A x, one iteration
 * is
 * <pre>
 *   z = x + η Aᵀ r                      (so z_i = x_i on I, since A_Iᵀ r = 0, and z_j = η a_jᵀ r off I)
 *   j = argmax_{j ∉ I} |z_j|;  J = I ∪ {j}
 *   I ← supp(H_k(z_J))                  (keep the k largest |z| on J: drop the smallest)
 *   x ← least squares on I
 * </pre>
 * i.e. the column most correlated with the residual replaces the support entry of smallest
 * |coefficient| when η|a_jᵀ r| beats it. This is {@link Replacement#PARTIAL_HARD_THRESHOLDING},
 * the paper's rule, with the step η an option (default η = 1, the value of the paper's RIP
 * analysis for unit-norm columns; divided by max_j‖a_j‖² so that a rescaled A gives the same
 * answer, see {@link SolverInputs#unitStepScale}). {@link Replacement#REFIT_AND_DROP} is a variant (not the
 * paper's): least squares on the k+1 columns of J, then drop the smallest |coefficient| of that
 * refit. Ranking ties follow largest_k: larger modulus first, then lower index, so the entry
 * dropped is the one of smallest modulus and, among equals, highest index.
 *
 * <p><b>Swaps that raise the residual.</b> The paper's rule takes every swap that H_k makes:
 * Algorithm OMPR(l) has no acceptance test, and its analysis (Jain, Tewari, Dhillon 2011)
 * guarantees progress only under a RIP condition on A (the abstract's δ_2k &lt; 0.499). So
 * {@link Replacement#PARTIAL_HARD_THRESHOLDING} follows the paper and may raise ‖r‖ on
 * matrices far from that regime (a test shows it does). Refit-and-drop is not in the
 * paper and has no such analysis; dropping the smallest refit coefficient can leave a
 * k-column fit worse than the one it replaces, and such a swap has no justification, so this
 * suite's variant keeps a swap only if it strictly lowers ‖r‖: otherwise the swap is undone
 * and the run stops (converged, diagnostic {@code risingSwapStop} = 1). That makes the
 * variant a descent method, which also rules out cycling.
 *
 * <p><b>Start.</b> The paper allows any k-sparse start x¹. {@link Start#EMPTY} (default) is
 * x¹ = 0: while |I| &lt; k the thresholding keeps all of J, so the first k iterations are exactly
 * {@link Omp}'s, and replacements begin from OMP's support. {@link Start#LARGEST_CORRELATIONS}
 * starts from I = largest_k(|Aᵀy|) with its least-squares fit.
 *
 * <p><b>Stopping rule.</b> The paper runs a fixed number of iterations; here the run stops at
 * the first iteration that leaves the support unchanged (the dropped index is the one just
 * added). That is exact, not a heuristic: the iteration map is deterministic, so from then on
 * every iteration would return the same support and fit. Also stops on a round-off residual
 * ‖r‖ ≤ {@code residualTolerance}·‖y‖ (nothing is left to fit), or, while growing, on a column
 * numerically dependent on the support (as OMP does). Otherwise the cap
 * {@link Options#maxIterations()} ends the run (OMPR need not be monotone and may cycle far
 * from RIP conditions); {@code converged} is false then. The last iterate is returned.
 *
 * <p>{@code iterations} counts support updates (growth steps and replacements); diagnostics:
 * {@code replacements}, {@code risingSwapStop}, {@code rankDeficientFits} and
 * {@code zeroCoefficients} ({@link FitDiagnostics}). Least squares use {@link SupportLeastSquares} (incremental QR; a
 * dependent column is kept with coefficient 0, so it is the first to be dropped).
 * Immutable and thread-safe.
 */
public final class Ompr extends ConfiguredSolver<Ompr.Options> {
    /** The registry name. */
    public static final String NAME = "ompr";

    /** How the entry leaving the support is chosen. */
    public enum Replacement {
        /** The paper's H_k on z = x + η Aᵀr restricted to I ∪ {j}. */
        PARTIAL_HARD_THRESHOLDING,
        /** Variant: least squares on I ∪ {j}, drop its smallest |coefficient|. */
        REFIT_AND_DROP
    }

    /** The initial support. */
    public enum Start {
        /** x¹ = 0: grows like OMP for k iterations, then replaces. */
        EMPTY,
        /** largest_k(|Aᵀy|), refitted by least squares. */
        LARGEST_CORRELATIONS
    }

    /**
     * @param replacement       the replacement rule
     * @param stepFactor          η of z = x + η Aᵀr (used by PARTIAL_HARD_THRESHOLDING), positive
     * @param start             the initial support
     * @param maxIterations     cap on support updates
     * @param residualTolerance round-off stop ‖r‖ ≤ residualTolerance·‖y‖, in [0, 1)
     * @param rankTolerance     passed to {@link SupportLeastSquares}, in (0, 1)
     * @param recordTrace       record residual and support after every support update
     */
    public record Options(
            @Option(value = "The replacement rule: PARTIAL_HARD_THRESHOLDING (the paper's OMPR(1) step) or REFIT_AND_DROP (a variant)",
                    origin = Origin.PAPER,
                    source = "Jain, Tewari, Dhillon 2011, Algorithm OMPR(l) with l = 1")
            Replacement replacement,
            @Option(value = "η of z = x + η·Aᵀr in units of 1/max_j‖a_j‖₂² (used by PARTIAL_HARD_THRESHOLDING); η = 1 is the step of the paper's analysis for unit-norm columns",
                    origin = Origin.PAPER,
                    source = "Jain, Tewari, Dhillon 2011, OMPR(1) with η = 1")
            double stepFactor,
            @Option(value = "The initial support: EMPTY (x = 0, the first k iterations are OMP's) or LARGEST_CORRELATIONS (largest_k(|Aᵀy|), refitted)",
                    origin = Origin.RECONSTRUCTED,
                    source = "the paper allows any k-sparse start")
            Start start,
            @Option(value = "Cap on support updates (growth steps and replacements); the run reports converged = false when it is reached",
                    origin = Origin.RECONSTRUCTED,
                    source = "the paper runs a fixed number of iterations that it does not state for experiments")
            int maxIterations,
            @Option(value = "Round-off stop: halt once ‖y − A x‖₂ ≤ residualTolerance·‖y‖₂ (relative, in [0, 1))",
                    origin = Origin.IMPLEMENTATION)
            double residualTolerance,
            @Option(value = "A column whose part orthogonal to the current support is at most rankTolerance·‖a_j‖₂ counts as numerically dependent (in (0, 1))",
                    origin = Origin.IMPLEMENTATION)
            double rankTolerance,
            @Option(value = "Record the residual norm and support after every support update (allocates)",
                    origin = Origin.IMPLEMENTATION)
            boolean recordTrace) {
        public Options {
            Checks.requireNonNull("replacement", replacement);
            Checks.requirePositive("stepFactor", stepFactor);
            Checks.requireNonNull("start", start);
            Checks.requirePositive("maxIterations", maxIterations);
            GreedySupport.requireTolerance("residualTolerance", residualTolerance);
            GreedySupport.requireUnitInterval("rankTolerance", rankTolerance);
        }

        /** The paper's rule with η = 1, empty start, cap 1000, round-off stop 1e-12, no trace. */
        public static Options defaults() {
            return new Options(Replacement.PARTIAL_HARD_THRESHOLDING, 1.0, Start.EMPTY, 1000, 1e-12,
                    SupportLeastSquares.DEFAULT_RANK_TOLERANCE, false);
        }

        public Options withReplacement(Replacement value) {
            return new Options(value, stepFactor, start, maxIterations, residualTolerance, rankTolerance, recordTrace);
        }

        public Options withStepFactor(double value) {
            return new Options(replacement, value, start, maxIterations, residualTolerance, rankTolerance, recordTrace);
        }

        public Options withStart(Start value) {
            return new Options(replacement, stepFactor, value, maxIterations, residualTolerance, rankTolerance, recordTrace);
        }

        public Options withMaxIterations(int value) {
            return new Options(replacement, stepFactor, start, value, residualTolerance, rankTolerance, recordTrace);
        }

        public Options withResidualTolerance(double value) {
            return new Options(replacement, stepFactor, start, maxIterations, value, rankTolerance, recordTrace);
        }

        public Options withRecordTrace(boolean value) {
            return new Options(replacement, stepFactor, start, maxIterations, residualTolerance, rankTolerance, value);
        }
    }

    public Ompr() {
        this(Options.defaults());
    }

    public Ompr(Options options) {
        super(NAME, options);
    }

    @Override
    public SparseResult solve(Problem problem) {
        MatrixFree.requireDensifiable(problem, NAME, "the dense matrix for its incremental QR swaps"); // issue 17
        return new Run(DenseProblem.of(problem)).run();
    }

    /** The per-call state of one run: the support's incremental QR, the fit and the counters. */
    private final class Run {
        private final DenseProblem d;
        private final int k;
        private final int m;
        private final int n;
        private final double[] data;
        private final DenseKernel kernel;
        private final SupportLeastSquares ls;
        private final double[] residual;
        private final double[] correlations;
        private final double[] estimate;
        private final double[] coefficients;
        private final int[] support;
        private final boolean[] onSupport;
        private final Trace.Recorder trace;
        private final boolean refit;
        private final double eta;
        private double residualNorm;
        private int iterations;
        private int replacements;
        private boolean converged;
        private boolean risingSwapStop;
        private int rankDeficientFits;

        Run(DenseProblem d) {
            this.d = d;
            this.k = d.k();
            this.m = d.m();
            this.n = d.n();
            this.data = d.a().data();
            this.kernel = d.kernel();
            int capacity = Math.min(k + 1, n);
            ls = new SupportLeastSquares(d.a(), capacity, options.rankTolerance());
            ls.setObservations(d.y());
            residual = new double[m];
            correlations = new double[n];
            estimate = new double[n];
            coefficients = new double[capacity];
            support = new int[capacity];
            onSupport = new boolean[n];
            trace = DenseProblem.recorder(options.recordTrace());
            refit = options.replacement() == Replacement.REFIT_AND_DROP;
            // η in A's own scale: exactly stepFactor for unit-norm columns (see SolverInputs).
            eta = options.stepFactor() * SolverInputs.unitStepScale(d.a());
        }

        SparseResult run() {
            start();
            double stopNorm = options.residualTolerance() * d.yNorm();
            while (iterations < options.maxIterations()) {
                if (residualNorm <= stopNorm) {
                    converged = true;
                    break;
                }
                kernel.multiplyTransposed(data, m, n, residual, correlations);
                int j = GreedySupport.argmaxAbsOff(correlations, n, onSupport);
                if (j < 0) {
                    converged = true; // every column is on the support (k = n): nothing to replace
                    break;
                }
                boolean changed = ls.size() < k ? grow(j) : replace(j);
                if (!changed) {
                    converged = true;
                    break;
                }
                iterations++;
                update();
            }
            ls.estimate(estimate, coefficients);
            int size = ls.support(support);
            return d.result(estimate, support, size, iterations, converged, trace,
                    Map.of("replacements", (double) replacements, "risingSwapStop", risingSwapStop ? 1.0 : 0.0,
                            FitDiagnostics.RANK_DEFICIENT_FITS, (double) rankDeficientFits));
        }

        /** The initial support ({@link Start}) and its fit. */
        private void start() {
            if (options.start() == Start.LARGEST_CORRELATIONS) {
                kernel.multiplyTransposed(data, m, n, d.y(), correlations);
                for (int j : LargestK.of(correlations, k)) {
                    ls.add(j);
                    onSupport[j] = true;
                }
            }
            ls.residual(residual);
            residualNorm = DenseKernels.norm2(residual, m);
            ls.estimate(estimate, coefficients);
            countRankDeficiency();
        }

        /** A fit that keeps a deferred column (coefficient 0) is counted, never hidden. */
        private void countRankDeficiency() {
            if (ls.rank() < ls.size()) {
                rankDeficientFits++;
            }
        }

        /** Growth (|I| &lt; k) adds j as OMP does; false if j is numerically dependent on I (as OMP, stop). */
        private boolean grow(int j) {
            if (!ls.add(j)) {
                ls.remove(j);
                return false;
            }
            onSupport[j] = true;
            return true;
        }

        /**
         * One replacement with incoming j (class comment); false at a fixed point (j itself
         * would be dropped) or, for the refit variant, when the swap would not lower ‖r‖.
         */
        private boolean replace(int j) {
            int drop;
            if (refit) {
                ls.add(j);
                ls.estimate(estimate, coefficients);
                drop = smallestRanked(estimate, null, 0, onSupport, j, n);
            } else {
                drop = smallestRanked(estimate, correlations, eta, onSupport, j, n);
            }
            if (drop == j) {
                if (refit) {
                    ls.remove(j);
                }
                return false; // fixed point: the support would never change again
            }
            if (!refit) {
                ls.add(j);
            }
            ls.remove(drop);
            if (refit) {
                ls.residual(residual);
                if (!(DenseKernels.norm2(residual, m) < residualNorm)) {
                    // The variant's own rule (class comment): keep a swap only if it lowers
                    // the residual; undo it and stop at this local optimum.
                    ls.remove(j);
                    ls.add(drop);
                    risingSwapStop = true;
                    return false;
                }
            }
            onSupport[drop] = false;
            onSupport[j] = true;
            replacements++;
            return true;
        }

        /** The residual, its norm, the estimate and the trace entry of the new support. */
        private void update() {
            ls.residual(residual);
            residualNorm = DenseKernels.norm2(residual, m);
            ls.estimate(estimate, coefficients);
            countRankDeficiency();
            if (trace != null) {
                int size = ls.support(support);
                trace.record(residualNorm, support, size);
            }
        }
    }

    /**
     * The index of J = {i : onSupport[i]} ∪ {j} ranked last by (|z| descending, index
     * ascending), where z_i = x_i + η c_i (c = null: z = x, the refit's coefficients, in which
     * j is already included) and z_j = η c_j for the incoming j.
     */
    private static int smallestRanked(double[] x, double[] c, double eta, boolean[] onSupport, int j, int n) {
        int worst = j;
        double worstValue = Math.abs(c == null ? x[j] : eta * c[j]);
        for (int i = 0; i < n; i++) {
            if (onSupport[i]) {
                double v = Math.abs(c == null ? x[i] : x[i] + eta * c[i]);
                if (v < worstValue || (v == worstValue && i > worst)) {
                    worst = i;
                    worstValue = v;
                }
            }
        }
        return worst;
    }

    @Override
    public String toString() {
        return NAME + options;
    }
}
