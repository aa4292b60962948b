package io.sparserepro.algorithms.thresholding;

import io.sparserepro.algorithms.FitDiagnostics;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.Trace;
import io.sparserepro.algorithms.implicit.OperatorProblem;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.LinearOperator;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.select.LargestK;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Cosamp} through the operator (issue 17): the same proxy, merge (capped at m), pruning,
 * stopping rule and best-iterate return; the least squares on the ≤ 3k merged columns by CGLS
 * warm-started from the previous merged fit b (zero for entering indices), so nothing m×3k is
 * stored (3 GB at the target size). Per iteration: one adjoint (proxy), the CGLS
 * iterations, one forward for the pruned candidate's residual. Diagnostics add
 * {@code cglsIterations} and {@code cglsSolves}; {@code rankDeficientFits} is 0.
 */
final class CosampImplicit {
    private CosampImplicit() {
    }

    static SparseResult solve(Cosamp.Options options, Problem problem) {
        return new Run(options, OperatorProblem.of(problem)).run();
    }

    private static final class Run {
        private final Cosamp.Options options;
        private final OperatorProblem d;
        private final LinearOperator a;
        private final double[] y;
        private final int m;
        private final int n;
        private final int k;
        private final double targetResidual;
        private double[] x;
        private double[] candidate;
        private final double[] proxy;
        private final double[] merged;
        private final double[] mergedValues;
        private double[] r;
        private double[] candidateResidual;
        private final double[] image;
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
        private final ImplicitFits fit;
        private final Trace.Recorder recorder;
        private double residualNorm;
        private final double[] best;
        private final int[] bestSupport;
        private int bestSize;
        private double bestNorm;
        private int iterations;
        private long refitIterations;
        private boolean converged;

        Run(Cosamp.Options options, OperatorProblem d) {
            this.options = options;
            this.d = d;
            this.a = d.a();
            this.y = d.y();
            this.m = d.m();
            this.n = d.n();
            this.k = d.k();
            int mergedCapacity = Math.min(3 * k, Math.min(m, n));
            targetResidual = options.residualTolerance() * d.yNorm();
            x = new double[n];
            candidate = new double[n];
            proxy = new double[n];
            merged = new double[n];
            mergedValues = new double[mergedCapacity];
            r = y.clone();
            candidateResidual = new double[m];
            image = new double[m];
            support = new int[k];
            candidateSupport = new int[k];
            omega = new int[Math.min(2 * k, n)];
            mergedSupport = new int[mergedCapacity];
            previousMerged = new int[mergedCapacity];
            kept = new int[k];
            largest = new LargestK(n);
            fit = new ImplicitFits(a, y, mergedCapacity);
            recorder = OperatorProblem.recorder(options.recordTrace());
            residualNorm = d.yNorm();
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

        private void fitMergedSupport() {
            a.applyAdjoint(r, proxy);
            int omegaSize = Math.min(omega.length, m - supportSize);
            if (omegaSize > 0) {
                largest.select(proxy, n, omegaSize, omega);
            }
            int previousMergedSize = mergedSize;
            System.arraycopy(mergedSupport, 0, previousMerged, 0, mergedSize);
            mergedSize = Cosamp.union(omega, omegaSize, support, supportSize, mergedSupport);
            fit.fit(merged, previousMerged, previousMergedSize, mergedSupport, mergedSize);
        }

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
            d.residual(candidate, image, candidateResidual);
            return DenseKernels.norm2(candidateResidual, m);
        }

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

        private SparseResult bestResult() {
            if (options.debias() && bestSize > 0) {
                refitIterations = ImplicitFits.refit(a, y, best, bestSupport, bestSize);
            }
            Map<String, Double> diagnostics = new LinkedHashMap<>();
            diagnostics.put(FitDiagnostics.RANK_DEFICIENT_FITS, 0.0);
            diagnostics.put("cglsIterations", (double) (fit.totalIterations() + refitIterations));
            diagnostics.put("cglsSolves", (double) fit.solves());
            return d.result(best, bestSupport, bestSize, iterations, converged, recorder, diagnostics);
        }
    }
}
