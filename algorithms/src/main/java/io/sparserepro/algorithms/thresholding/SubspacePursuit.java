package io.sparserepro.algorithms.thresholding;

import io.sparserepro.algorithms.ConfiguredSolver;
import io.sparserepro.algorithms.FitDiagnostics;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.WarmStartable;
import io.sparserepro.algorithms.Trace;
import io.sparserepro.algorithms.options.Option;
import io.sparserepro.algorithms.options.Option.Origin;
import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.select.LargestK;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Subspace pursuit (W. Dai, O. Milenkovic, <i>Subspace pursuit for compressive sensing
 * signal reconstruction</i>, IEEE Trans. Inf. Theory 55(5):2230–2249, 2009).
 * <pre>
 *     initialisation:  T⁰ = the k largest entries of Aᵀy,  x⁰ = LS on T⁰,  r⁰ = y − A x⁰
 *     iteration ℓ:     T̃ = Tˡ⁻¹ ∪ {the k largest entries of Aᵀrˡ⁻¹}
 *                      b = LS on T̃,   Tˡ = the k largest entries of b
 *                      xˡ = LS on Tˡ,  rˡ = y − A xˡ
 * </pre>
 * Two incremental QR factorisations follow T̃ (≤ 2k columns) and Tˡ (k columns); numerically
 * dependent columns get coefficient 0 ({@link io.sparserepro.core.linalg.SupportLeastSquares}'
 * documented fallback). When 2k &gt; m the merged support is capped at m columns: the proxy
 * then contributes min(k, m − k) indices.
 *
 * <p><b>Stopping rule</b> (with {@code converged = true}): the paper's — the residual does not
 * decrease, ‖rˡ‖₂ ≥ (1 − stagnationTolerance)·‖rˡ⁻¹‖₂, in which case Tˡ is discarded and the
 * previous support and estimate are returned — or ‖rˡ‖₂ ≤ residualTolerance·‖y‖₂. The paper stops on a strict
 * increase; stopping also on equality (up to a relative 1e-12 by default, far above
 * round-off) is what ends a run whose support has stopped changing. Otherwise stop after
 * {@code maxIterations} (default 500; the rule above makes SP terminate in finitely many
 * iterations anyway, since the residual strictly decreases over finitely many supports).
 *
 * <p>Iterations count the initialisation (one proxy and one least-squares solve, like
 * HTP's first iteration). Trace: entry t is the residual and support of the kept estimate
 * after iteration t + 1, so its residuals are non-increasing by construction. Diagnostics:
 * {@code rankDeficientFits} (iterations where a least-squares support was numerically
 * rank-deficient) and {@code zeroCoefficients} ({@link FitDiagnostics}).
 *
 * <p><b>Matrix-free path</b> (issue 17; {@link io.sparserepro.algorithms.implicit.MatrixFree}
 * decides): the same loop through the operator ({@link Backend}), with both least-squares fits
 * by CGLS: the merged fit (≤ 2k columns) warm-started from the previous merged fit, the support
 * fit warm-started from the merged fit's values on the kept indices. Diagnostics add
 * {@code cglsIterations} and {@code cglsSolves}; {@code rankDeficientFits} is 0.
 */
public final class SubspacePursuit extends ConfiguredSolver<SubspacePursuit.Options> implements WarmStartable {
    /** The stable registry name. */
    public static final String NAME = "sp";

    /**
     * Options of {@link SubspacePursuit}.
     *
     * @param maxIterations       iteration cap, ≥ 1 (default 500)
     * @param residualTolerance   stop when ‖rˡ‖₂ ≤ residualTolerance·‖y‖₂, in [0, 1) (default 1e-12)
     * @param stagnationTolerance stop, keeping the previous iterate, when
     *                            ‖rˡ‖₂ ≥ (1 − stagnationTolerance)·‖rˡ⁻¹‖₂, in [0, 1) (default 1e-12)
     * @param recordTrace         fill {@link SparseResult#trace()} (default false)
     */
    public record Options(
            @Option(value = "Iteration cap (the initialisation counts as one); the paper's rule ends the run in finitely many iterations anyway",
                    origin = Origin.IMPLEMENTATION)
            int maxIterations,
            @Option(value = "Stop when ‖y − A x‖₂ ≤ residualTolerance·‖y‖₂ (relative, in [0, 1)); 1e-12 is the noiseless round-off level",
                    origin = Origin.IMPLEMENTATION)
            double residualTolerance,
            @Option(value = "Stop, keeping the previous iterate, when ‖rˡ‖₂ ≥ (1 − stagnationTolerance)·‖rˡ⁻¹‖₂ (relative, in [0, 1)); 0 is the paper's stop on a non-decrease, 1e-12 also ends a run that changes only by round-off",
                    origin = Origin.IMPLEMENTATION,
                    source = "the rule is Dai & Milenkovic 2009's stop when the residual does not decrease; the margin 1e-12 is not theirs")
            double stagnationTolerance,
            @Option(value = "Record the residual norm and support after every iteration (allocates)",
                    origin = Origin.IMPLEMENTATION)
            boolean recordTrace) {
        public Options {
            Checks.requirePositive("maxIterations", maxIterations);
            Cosamp.requireRelative("residualTolerance", residualTolerance);
            Cosamp.requireRelative("stagnationTolerance", stagnationTolerance);
        }

        public static Options defaults() {
            return new Options(500, 1e-12, 1e-12, false);
        }

        public Options withMaxIterations(int value) {
            return new Options(value, residualTolerance, stagnationTolerance, recordTrace);
        }

        public Options withResidualTolerance(double value) {
            return new Options(maxIterations, value, stagnationTolerance, recordTrace);
        }

        public Options withStagnationTolerance(double value) {
            return new Options(maxIterations, residualTolerance, value, recordTrace);
        }

        public Options withRecordTrace(boolean value) {
            return new Options(maxIterations, residualTolerance, stagnationTolerance, value);
        }
    }

    public SubspacePursuit() {
        this(Options.defaults());
    }

    public SubspacePursuit(Options options) {
        super(NAME, options);
    }

    @Override
    public SparseResult solve(Problem problem) {
        return new Run(Backend.of(problem), null).run(); // dense, or matrix-free for a large implicit operator (issue 17)
    }

    /** SP from the support {@code start} (T⁰ = start, x⁰ = the least-squares fit on it). */
    @Override
    public SparseResult solveFrom(Problem problem, int[] start) {
        int[] checked = WarmStartable.checkedStart(problem, start);
        return new Run(Backend.of(problem), checked).run();
    }

    /** The per-call state of one run: the kept and candidate iterates and the two incremental fits. */
    private final class Run {
        private final Backend b;
        private final int m;
        private final int n;
        private final int k;
        private final int proxySize;
        private final double targetResidual;
        private double[] x;
        private double[] candidate;
        private final double[] proxy;
        private final double[] merged;
        private final double[] mergedValues;
        private double[] r;
        private double[] candidateResidual;
        private int[] support;
        private int[] candidateSupport;
        private int candidateSize;
        private final int[] added;
        private final int[] mergedSupport;
        private int mergedSize;
        private final int[] previousMerged;
        private final int[] kept;
        private final LargestK largest;
        private final Backend.Fit mergedFit;
        private final Backend.Fit supportFit;
        private final Trace.Recorder recorder;
        private double residualNorm;
        private int iterations;
        private int rankDeficientFits;
        private boolean converged;

        /** The first support T⁰, or null for the paper's largest_k(|Aᵀy|). */
        private final int[] start;

        Run(Backend b, int[] start) {
            this.b = b;
            this.start = start;
            this.m = b.m;
            this.n = b.n;
            this.k = b.k;
            int mergedCapacity = Math.min(2 * k, Math.min(m, n));
            proxySize = Math.min(k, mergedCapacity - k);
            targetResidual = options.residualTolerance() * b.yNorm;
            x = new double[n];
            candidate = new double[n];
            proxy = new double[n];
            merged = new double[n];
            mergedValues = new double[mergedCapacity];
            r = new double[m];
            candidateResidual = new double[m];
            support = new int[k];
            candidateSupport = new int[k];
            added = new int[Math.max(1, proxySize)];
            mergedSupport = new int[mergedCapacity];
            previousMerged = new int[mergedCapacity];
            kept = new int[k];
            largest = new LargestK(n);
            mergedFit = b.fit(mergedCapacity);
            supportFit = b.fit(k);
            recorder = Backend.recorder(options.recordTrace());
        }

        SparseResult run() {
            initialise();
            while (!converged && iterations < options.maxIterations()) {
                double candidateNorm = candidateFromMergedSupport();
                iterations++;
                if (candidateNorm >= (1 - options.stagnationTolerance()) * residualNorm) {
                    // No decrease: discard Tˡ, keep the previous support and estimate (the paper's rule).
                    if (recorder != null) {
                        recorder.record(residualNorm, support, k);
                    }
                    converged = true;
                    break;
                }
                accept(candidateNorm);
                converged = residualNorm <= targetResidual;
            }
            Map<String, Double> diagnostics = new LinkedHashMap<>();
            b.putFitDiagnostics(diagnostics, rankDeficientFits);
            return b.result(x, support, k, iterations, converged, recorder, diagnostics);
        }

        /** T⁰ = the k largest entries of Aᵀy, x⁰ = least squares on T⁰ (counted as iteration 1). */
        private void initialise() {
            if (start == null) {
                b.adjointOfObservations(proxy);
                largest.select(proxy, n, k, support);
            } else {
                System.arraycopy(start, 0, support, 0, k);
            }
            supportFit.fit(x, support, 0, support, k);
            supportFit.residual(r);
            residualNorm = DenseKernels.norm2(r, m);
            iterations = 1;
            if (recorder != null) {
                recorder.record(residualNorm, support, k);
            }
            rankDeficientFits = supportFit.rankDeficient() ? 1 : 0;
            converged = residualNorm <= targetResidual;
        }

        /**
         * T̃ = Tˡ⁻¹ ∪ {the largest entries of Aᵀrˡ⁻¹}, b = LS on T̃, Tˡ = the k largest entries
         * of b, the candidate = LS on Tˡ; returns its residual norm.
         */
        private double candidateFromMergedSupport() {
            b.adjoint(r, proxy);
            int addedSize = 0;
            if (proxySize > 0) {
                largest.select(proxy, n, proxySize, added);
                addedSize = proxySize;
            }
            int previousMergedSize = mergedSize;
            System.arraycopy(mergedSupport, 0, previousMerged, 0, mergedSize);
            mergedSize = Cosamp.union(added, addedSize, support, k, mergedSupport);
            mergedFit.fit(merged, previousMerged, previousMergedSize, mergedSupport, mergedSize);
            for (int c = 0; c < mergedSize; c++) {
                mergedValues[c] = merged[mergedSupport[c]];
            }
            largest.select(mergedValues, mergedSize, k, kept);
            for (int c = 0; c < k; c++) {
                kept[c] = mergedSupport[kept[c]];
            }
            // The candidate starts as b on the kept indices: the matrix-free fit's warm start
            // (b restricted to Tˡ is close to the fit on Tˡ when the merge adds little); the
            // dense QR ignores it.
            Vectors.clear(candidate, candidateSupport, candidateSize);
            for (int c = 0; c < k; c++) {
                candidate[kept[c]] = merged[kept[c]];
            }
            supportFit.fit(candidate, kept, k, kept, k);
            if (mergedFit.rankDeficient() || supportFit.rankDeficient()) {
                rankDeficientFits++;
            }
            System.arraycopy(kept, 0, candidateSupport, 0, k);
            candidateSize = k;
            supportFit.residual(candidateResidual);
            return DenseKernels.norm2(candidateResidual, m);
        }

        /** The candidate becomes the kept iterate (swapping buffers). */
        private void accept(double candidateNorm) {
            double[] swapValues = x;
            x = candidate;
            candidate = swapValues;
            int[] swapSupport = support;
            support = candidateSupport;
            candidateSupport = swapSupport;
            swapValues = r;
            r = candidateResidual;
            candidateResidual = swapValues;
            residualNorm = candidateNorm;
            if (recorder != null) {
                recorder.record(residualNorm, support, k);
            }
        }
    }
}
