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
 * {@link SubspacePursuit} through the operator (issue 17): the same initialisation, merge,
 * pruning and stopping rule, with both least-squares fits by CGLS: the merged fit (≤ 2k
 * columns) warm-started from the previous merged fit, the support fit warm-started from the
 * merged fit's values on the kept indices (b restricted to Tˡ is already close to the fit on
 * Tˡ when the merge adds little). Diagnostics add {@code cglsIterations} and
 * {@code cglsSolves}; {@code rankDeficientFits} is 0.
 */
final class SpImplicit {
    private SpImplicit() {
    }

    static SparseResult solve(SubspacePursuit.Options options, Problem problem, int[] start) {
        return new Run(options, OperatorProblem.of(problem), start).run();
    }

    private static final class Run {
        private final SubspacePursuit.Options options;
        private final OperatorProblem d;
        private final LinearOperator a;
        private final int m;
        private final int n;
        private final int k;
        private final int proxySize;
        private final double targetResidual;
        private double[] x;
        private double[] candidate;
        private final double[] proxy;
        private final double[] merged;
        private double[] r;
        private double[] candidateResidual;
        private int[] support;
        private int[] candidateSupport;
        private int candidateSize;
        private final int[] added;
        private final int[] mergedSupport;
        private int mergedSize;
        private final int[] previousMerged;
        private final double[] mergedValues;
        private final int[] kept;
        private final LargestK largest;
        private final ImplicitFits mergedFit;
        private final ImplicitFits supportFit;
        private final Trace.Recorder recorder;
        private final int[] start;
        private double residualNorm;
        private int iterations;
        private boolean converged;

        Run(SubspacePursuit.Options options, OperatorProblem d, int[] start) {
            this.options = options;
            this.d = d;
            this.start = start;
            this.a = d.a();
            this.m = d.m();
            this.n = d.n();
            this.k = d.k();
            int mergedCapacity = Math.min(2 * k, Math.min(m, n));
            proxySize = Math.min(k, mergedCapacity - k);
            targetResidual = options.residualTolerance() * d.yNorm();
            x = new double[n];
            candidate = new double[n];
            proxy = new double[n];
            merged = new double[n];
            r = new double[m];
            candidateResidual = new double[m];
            support = new int[k];
            candidateSupport = new int[k];
            added = new int[Math.max(1, proxySize)];
            mergedSupport = new int[mergedCapacity];
            previousMerged = new int[mergedCapacity];
            mergedValues = new double[mergedCapacity];
            kept = new int[k];
            largest = new LargestK(n);
            mergedFit = new ImplicitFits(a, d.y(), mergedCapacity);
            supportFit = new ImplicitFits(a, d.y(), k);
            recorder = OperatorProblem.recorder(options.recordTrace());
        }

        SparseResult run() {
            initialise();
            while (!converged && iterations < options.maxIterations()) {
                double candidateNorm = candidateFromMergedSupport();
                iterations++;
                if (candidateNorm >= (1 - options.stagnationTolerance()) * residualNorm) {
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
            diagnostics.put(FitDiagnostics.RANK_DEFICIENT_FITS, 0.0);
            diagnostics.put("cglsIterations", (double) (mergedFit.totalIterations() + supportFit.totalIterations()));
            diagnostics.put("cglsSolves", (double) (mergedFit.solves() + supportFit.solves()));
            return d.result(x, support, k, iterations, converged, recorder, diagnostics);
        }

        private void initialise() {
            if (start == null) {
                System.arraycopy(supportFit.adjointOfObservations(), 0, proxy, 0, n);
                largest.select(proxy, n, k, support);
            } else {
                System.arraycopy(start, 0, support, 0, k);
            }
            supportFit.fit(x, support, 0, support, k);
            System.arraycopy(supportFit.residual(), 0, r, 0, m);
            residualNorm = DenseKernels.norm2(r, m);
            iterations = 1;
            if (recorder != null) {
                recorder.record(residualNorm, support, k);
            }
            converged = residualNorm <= targetResidual;
        }

        private double candidateFromMergedSupport() {
            a.applyAdjoint(r, proxy);
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
            // Warm start of the support fit: b on the kept indices.
            Vectors.clear(candidate, candidateSupport, candidateSize);
            for (int c = 0; c < k; c++) {
                candidate[kept[c]] = merged[kept[c]];
            }
            supportFit.fit(candidate, kept, k, kept, k);
            System.arraycopy(kept, 0, candidateSupport, 0, k);
            candidateSize = k;
            System.arraycopy(supportFit.residual(), 0, candidateResidual, 0, m);
            return DenseKernels.norm2(candidateResidual, m);
        }

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
