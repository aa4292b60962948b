package io.sparserepro.algorithms.thresholding;

import io.sparserepro.algorithms.ConfiguredSolver;
import io.sparserepro.algorithms.FitDiagnostics;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.Trace;
import io.sparserepro.algorithms.options.Option;
import io.sparserepro.algorithms.options.Option.Origin;
import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.select.LargestK;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CoSaMP, compressive sampling matching pursuit (D. Needell, J. A. Tropp, <i>CoSaMP:
 * iterative signal recovery from incomplete and inaccurate samples</i>, Appl. Comput.
 * Harmon. Anal. 26(3):301–321, 2009). From x⁰ = 0, r⁰ = y:
 * <pre>
 *     Ω = the 2k largest entries of the proxy Aᵀrᵗ
 *     T = Ω ∪ supp(xᵗ)                       (at most 3k columns)
 *     b = argmin_{supp(b) ⊆ T} ‖y − A b‖₂     (least squares on T)
 *     xᵗ⁺¹ = b pruned to its k largest entries,   rᵗ⁺¹ = y − A xᵗ⁺¹
 * </pre>
 * <b>Merged support capped at m.</b> When 3k &gt; m the least-squares problem on T would have
 * more columns than rows; Ω then takes only min(2k, m − |supp(xᵗ)|) indices, so |T| ≤ m.
 * <b>Rank deficiency.</b> On coherent matrices the 2k–3k-column solves are the first to be
 * numerically singular; the incremental QR then defers dependent columns with coefficient 0
 * ({@link io.sparserepro.core.linalg.SupportLeastSquares}' documented fallback), so b is a
 * basic least-squares solution and the pruning sees those columns as 0.
 *
 * <p><b>Stopping rule: the paper's, by default.</b> Needell &amp; Tropp discuss halting when
 * the residual ‖v‖₂ = ‖y − A xᵗ‖₂ is small (compared with the noise level, or a tolerance
 * when there is no noise), or after the fixed iteration count of their convergence theorem,
 * which is a bound for the analysis rather than a setting for experiments. They do not stop on
 * a rising residual: CoSaMP's residual is not monotone and often recovers after a rise. The
 * defaults implement that rule (with {@code converged = true}): ‖rᵗ⁺¹‖₂ ≤
 * {@code residualTolerance}·‖y‖₂ (1e-12: the noiseless round-off level), plus an exact fixed
 * point, not a heuristic: the pruned support repeats and the residual changes by at most
 * {@code stagnationTolerance}·‖rᵗ‖ (the iteration is deterministic, so the next one would
 * repeat this one). Otherwise stop after {@code maxIterations} (default 100) with
 * {@code converged = false}. The other variant is one option away:
 * {@code stopWhenResidualRises = true} also stops, keeping the previous iterate, when the
 * residual rises (a common heuristic, not the paper's; it lowers the recovery rate near the
 * phase transition).
 *
 * <p><b>Returned iterate.</b> The iterate of smallest residual seen, x⁰ = 0 included, so the
 * result never fits worse than the zero vector: on coherent matrices the pruned vector of
 * an ill-conditioned 3k-column fit can keep huge, mutually cancelling coefficients whose
 * residual is far above ‖y‖. When the iteration converges this is the last iterate (up to
 * the rare non-monotone step), as in the paper.
 *
 * <p><b>Output.</b> The pruned k-sparse vector, as in the paper. It is already the
 * least-squares fit whenever T contains the true support of a noiseless problem, so the
 * contract's exact recovery holds without a refit; option {@code debias} (default false)
 * refits the final support by least squares (useful with noise).
 *
 * <p>Trace: entry t is the residual and support of iterate t + 1. Diagnostics:
 * {@code rankDeficientFits} (least-squares fits on a numerically rank-deficient T, and the
 * debiasing fit if it was) and {@code zeroCoefficients} ({@link FitDiagnostics}).
 *
 * <p><b>Matrix-free path</b> (issue 17; {@link io.sparserepro.algorithms.implicit.MatrixFree}
 * decides): the same loop through the operator ({@link Backend}), with the least squares on
 * the ≤ 3k merged columns by CGLS warm-started from the previous merged fit b (zero for
 * entering indices), so nothing m×3k is stored (3 GB at the target size). Per
 * iteration: one adjoint (proxy), the CGLS iterations, one forward for the pruned candidate's
 * residual. Diagnostics add {@code cglsIterations} and {@code cglsSolves};
 * {@code rankDeficientFits} is 0.
 */
public final class Cosamp extends ConfiguredSolver<Cosamp.Options> {
    /** The stable registry name. */
    public static final String NAME = "cosamp";

    /**
     * Options of {@link Cosamp}.
     *
     * @param maxIterations         iteration cap, ≥ 1 (default 100)
     * @param residualTolerance     stop when ‖y − Ax‖₂ ≤ residualTolerance·‖y‖₂, in [0, 1) (default 1e-12)
     * @param stagnationTolerance   stop when the pruned support repeats and the residual norm
     *                              changes by at most stagnationTolerance·‖rᵗ‖₂, in [0, 1) (default 1e-12)
     * @param debias                refit the final support by least squares (default false)
     * @param stopWhenResidualRises also stop, keeping the previous iterate, when the residual
     *                              rises (a heuristic, not the paper's; default false)
     * @param recordTrace           fill {@link SparseResult#trace()} (default false)
     */
    public record Options(
            @Option(value = "Iteration cap; the run reports converged = false when it is reached",
                    origin = Origin.RECONSTRUCTED,
                    source = "Needell & Tropp 2009 bound the iterations in theory; no count for experiments")
            int maxIterations,
            @Option(value = "Stop when ‖y − A x‖₂ ≤ residualTolerance·‖y‖₂ (relative, in [0, 1)); 1e-12 is the noiseless round-off level",
                    origin = Origin.IMPLEMENTATION,
                    source = "the rule is Needell & Tropp 2009's halting test on the residual norm; the value is not theirs")
            double residualTolerance,
            @Option(value = "Stop when the pruned support repeats and ‖y − A x‖₂ changes by at most stagnationTolerance times its previous value (relative, in [0, 1)): the next iteration would repeat this one",
                    origin = Origin.IMPLEMENTATION)
            double stagnationTolerance,
            @Option(value = "Refit the final support by least squares (off: the paper returns the pruned vector)",
                    origin = Origin.PAPER,
                    source = "Needell & Tropp 2009, Algorithm 1")
            boolean debias,
            @Option(value = "Also stop, keeping the previous iterate, when the residual rises (a heuristic; off: the paper has no such stop)",
                    origin = Origin.PAPER,
                    source = "Needell & Tropp 2009: no stop on a rising residual")
            boolean stopWhenResidualRises,
            @Option(value = "Record the residual norm and support after every iteration (allocates)",
                    origin = Origin.IMPLEMENTATION)
            boolean recordTrace) {
        public Options {
            Checks.requirePositive("maxIterations", maxIterations);
            requireRelative("residualTolerance", residualTolerance);
            requireRelative("stagnationTolerance", stagnationTolerance);
        }

        public static Options defaults() {
            return new Options(100, 1e-12, 1e-12, false, false, false);
        }

        public Options withMaxIterations(int value) {
            return new Options(value, residualTolerance, stagnationTolerance, debias, stopWhenResidualRises, recordTrace);
        }

        public Options withResidualTolerance(double value) {
            return new Options(maxIterations, value, stagnationTolerance, debias, stopWhenResidualRises, recordTrace);
        }

        public Options withStagnationTolerance(double value) {
            return new Options(maxIterations, residualTolerance, value, debias, stopWhenResidualRises, recordTrace);
        }

        public Options withDebias(boolean value) {
            return new Options(maxIterations, residualTolerance, stagnationTolerance, value, stopWhenResidualRises,
                    recordTrace);
        }

        public Options withStopWhenResidualRises(boolean value) {
            return new Options(maxIterations, residualTolerance, stagnationTolerance, debias, value, recordTrace);
        }

        public Options withRecordTrace(boolean value) {
            return new Options(maxIterations, residualTolerance, stagnationTolerance, debias, stopWhenResidualRises,
                    value);
        }
    }

    /** A relative tolerance in [0, 1). */
    static double requireRelative(String name, double value) {
        Checks.requireNonNegative(name, value);
        if (value >= 1) {
            throw new IllegalArgumentException(name + " must be below 1: " + value);
        }
        return value;
    }

    public Cosamp() {
        this(Options.defaults());
    }

    public Cosamp(Options options) {
        super(NAME, options);
    }

    @Override
    public SparseResult solve(Problem problem) {
        return new Run(Backend.of(problem)).run(); // dense, or matrix-free for a large implicit operator (issue 17)
    }

    /** The per-call state of one run: the current and candidate iterates, the merged fit, the best iterate. */
    private final class Run {
        private final Backend b;
        private final int m;
        private final int n;
        private final int k;
        private final double targetResidual;
        private double[] x;                  // current estimate, supported on `support`
        private double[] candidate;          // next estimate, supported on `candidateSupport`
        private final double[] proxy;
        private final double[] merged;       // b, supported on `mergedSupport`
        private final double[] mergedValues;
        private double[] r;
        private double[] candidateResidual;
        private int[] support;
        private int supportSize;
        private int[] candidateSupport;
        private int candidateSize;
        private final int[] omega;
        private final int[] mergedSupport;
        private int mergedSize;
        private final int[] previousMerged;
        private final int[] kept;
        private final LargestK largest;
        private final Backend.Fit fit;
        private final Trace.Recorder recorder;
        private double residualNorm;
        private final double[] best;         // the iterate of smallest residual; x⁰ = 0 at first
        private final int[] bestSupport;
        private int bestSize;
        private double bestNorm;
        private int iterations;
        private int rankDeficientFits;
        private boolean converged;

        Run(Backend b) {
            this.b = b;
            this.m = b.m;
            this.n = b.n;
            this.k = b.k;
            int mergedCapacity = Math.min(3 * k, Math.min(m, n));
            targetResidual = options.residualTolerance() * b.yNorm;
            x = new double[n];
            candidate = new double[n];
            proxy = new double[n];
            merged = new double[n];
            mergedValues = new double[mergedCapacity];
            r = b.y.clone();
            candidateResidual = new double[m];
            support = new int[k];
            candidateSupport = new int[k];
            omega = new int[Math.min(2 * k, n)];
            mergedSupport = new int[mergedCapacity];
            previousMerged = new int[mergedCapacity];
            kept = new int[k];
            largest = new LargestK(n);
            fit = b.fit(mergedCapacity);
            recorder = Backend.recorder(options.recordTrace());
            residualNorm = b.yNorm;
            best = new double[n];
            bestSupport = new int[k];
            bestNorm = residualNorm;
        }

        SparseResult run() {
            while (iterations < options.maxIterations()) {
                fitMergedSupport();
                double candidateNorm = prune();
                iterations++;
                if (options.stopWhenResidualRises() && iterations > 1 && candidateNorm > residualNorm) {
                    converged = true;
                    break;
                }
                boolean sameSupport = candidateSize == supportSize
                        && Arrays.equals(candidateSupport, 0, k, support, 0, supportSize);
                double previousNorm = residualNorm;
                accept(candidateNorm);
                if (residualNorm <= targetResidual || (sameSupport
                        && Math.abs(residualNorm - previousNorm) <= options.stagnationTolerance() * previousNorm)) {
                    converged = true;
                    break;
                }
            }
            return bestResult();
        }

        /**
         * T = Ω ∪ supp(xᵗ), Ω the largest entries of the proxy Aᵀrᵗ; b = least squares on T
         * (matrix-free: CGLS warm-started from the previous b, zero for entering indices).
         */
        private void fitMergedSupport() {
            b.adjoint(r, proxy);
            int omegaSize = Math.min(omega.length, m - supportSize);
            if (omegaSize > 0) {
                largest.select(proxy, n, omegaSize, omega);
            }
            int previousMergedSize = mergedSize;
            System.arraycopy(mergedSupport, 0, previousMerged, 0, mergedSize);
            mergedSize = union(omega, omegaSize, support, supportSize, mergedSupport);
            fit.fit(merged, previousMerged, previousMergedSize, mergedSupport, mergedSize);
            if (fit.rankDeficient()) {
                rankDeficientFits++;
            }
        }

        /** The candidate xᵗ⁺¹ = b pruned to its k largest entries, and its residual; returns ‖rᵗ⁺¹‖₂. */
        private double prune() {
            for (int c = 0; c < mergedSize; c++) {
                mergedValues[c] = merged[mergedSupport[c]];
            }
            largest.select(mergedValues, mergedSize, k, kept);
            Vectors.clear(candidate, candidateSupport, candidateSize);
            for (int c = 0; c < k; c++) {
                int j = mergedSupport[kept[c]];
                candidateSupport[c] = j;
                candidate[j] = merged[j];
            }
            candidateSize = k;
            b.residual(candidate, candidateSupport, k, candidateResidual);
            return DenseKernels.norm2(candidateResidual, m);
        }

        /** The candidate becomes the current iterate (swapping buffers); the best one is kept. */
        private void accept(double candidateNorm) {
            double[] swapValues = x;
            x = candidate;
            candidate = swapValues;
            int[] swapSupport = support;
            support = candidateSupport;
            candidateSupport = swapSupport;
            int swapSize = supportSize;
            supportSize = candidateSize;
            candidateSize = swapSize;
            swapValues = r;
            r = candidateResidual;
            candidateResidual = swapValues;
            residualNorm = candidateNorm;
            if (recorder != null) {
                recorder.record(residualNorm, support, supportSize);
            }
            if (residualNorm < bestNorm) {
                Vectors.clear(best, bestSupport, bestSize);
                for (int c = 0; c < supportSize; c++) {
                    best[support[c]] = x[support[c]];
                }
                System.arraycopy(support, 0, bestSupport, 0, supportSize);
                bestSize = supportSize;
                bestNorm = residualNorm;
            }
        }

        /** The best iterate (refit if {@code debias}), with the diagnostics. */
        private SparseResult bestResult() {
            if (options.debias() && bestSize > 0 && b.refit(best, bestSupport, bestSize)) {
                rankDeficientFits++;
            }
            Map<String, Double> diagnostics = new LinkedHashMap<>();
            b.putFitDiagnostics(diagnostics, rankDeficientFits);
            return b.result(best, bestSupport, bestSize, iterations, converged, recorder, diagnostics);
        }
    }

    /** Sorted union of two sorted index arrays into {@code out}; returns its size. */
    static int union(int[] a, int aSize, int[] b, int bSize, int[] out) {
        int i = 0;
        int j = 0;
        int size = 0;
        while (i < aSize || j < bSize) {
            if (j == bSize || (i < aSize && a[i] < b[j])) {
                out[size++] = a[i++];
            } else if (i == aSize || b[j] < a[i]) {
                out[size++] = b[j++];
            } else {
                out[size++] = a[i++];
                j++;
            }
        }
        return size;
    }
}
