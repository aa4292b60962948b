package io.sparserepro.algorithms.sea;

import io.sparserepro.algorithms.FitDiagnostics;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.Trace;
import io.sparserepro.algorithms.implicit.OperatorProblem;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.LinearOperator;
import io.sparserepro.core.operators.SupportCgls;
import io.sparserepro.core.problem.Problem;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Sea} through the operator (issue 17): Algorithm 1 of the SEA paper with the same
 * options, start rule, tie-break, support cache, round-off stop and best-iterate return as
 * the dense path, but
 * <ul>
 *   <li>the least squares on each new support by CGLS ({@link SupportCgls}) warm-started from
 *       the previous fit restricted to the new support (0 for entering indices), instead of a
 *       Cholesky factor of G_SS or a QR factorisation of A_S, neither of which exists without
 *       the m×k columns;</li>
 *   <li>the gradient always in the residual form Aᵀ(y − A xᵗ), one adjoint product: the Gram
 *       form needs cached Gram columns (8 GB at the target size).</li>
 * </ul>
 * Per iteration: O(n) for a support seen recently (cached gradient), otherwise the CGLS
 * iterations plus one adjoint. Memory: O(n) vectors, the {@code supportCacheSize} cached
 * gradients (n doubles each) included.
 *
 * <p>Diagnostics: {@code distinctSupports}, {@code bestIteration},
 * {@code firstIterationContainingTruth}, {@code leastSquaresSolves}, {@code step},
 * {@code residualGradients}, {@code rankDeficientFits} (0: CGLS does not detect rank),
 * {@code cglsIterations}; after an inner solver {@code innerResidualNorm},
 * {@code innerIterations}; last {@code zeroCoefficients}.
 */
final class SeaImplicit {
    private SeaImplicit() {
    }

    static SparseResult solve(Sea.Options options, SparseSolver inner, Problem problem) {
        OperatorProblem d = OperatorProblem.of(problem);
        if (inner == null) {
            return new Run(options, d, null).explore(new double[d.n()]);
        }
        SparseResult start = inner.solve(problem);
        return new Run(options, d, start).explore(start.estimate().clone());
    }

    static SparseResult solveFrom(Sea.Options options, Problem problem, double[] start) {
        OperatorProblem d = OperatorProblem.of(problem);
        return new Run(options, d, null).explore(start.clone());
    }

    private static final class Run {
        private final Sea.Options options;
        private final OperatorProblem d;
        private final SparseResult innerResult;
        private final LinearOperator a;
        private final int m;
        private final int n;
        private final int k;
        private final double[] y;
        private final double yNorm;
        private final double step;
        private final SupportCgls cgls;
        private final SupportWalk walk;   // selection, visited set, truth, gradient cache
        private final int[] support;      // walk.support
        private final int[] fittedSupport;  // the support whose fit `fitted` holds
        private int fittedSize;
        private final double[] fitted;      // the last least-squares fit, an n-vector
        private final double[] coefficients;
        private final double[] residual;
        private final double[] ascent;
        private final double[] bestEstimate;
        private int[] bestSupport = new int[0];
        private final Trace.Recorder trace;
        private double bestResidual = Double.POSITIVE_INFINITY;
        private int bestIteration = -1;
        private int leastSquaresSolves;
        private int residualGradients;

        Run(Sea.Options options, OperatorProblem d, SparseResult innerResult) {
            this.options = options;
            this.d = d;
            this.innerResult = innerResult;
            this.a = d.a();
            this.m = d.m();
            this.n = d.n();
            this.k = d.k();
            this.y = d.y();
            this.yNorm = d.yNorm();
            double spectralNorm = d.spectralNorm();
            this.step = options.stepFactor() / (spectralNorm * spectralNorm);
            this.cgls = new SupportCgls(a, y, k, SupportCgls.Options.defaults());
            this.walk = new SupportWalk(n, k, d.problem().trueSupport(), options.tieBreak(), options.supportCacheSize());
            this.support = walk.support;
            this.fittedSupport = new int[k];
            this.fitted = new double[n];
            this.coefficients = new double[k];
            this.residual = new double[m];
            this.ascent = new double[n];
            this.bestEstimate = new double[n];
            this.trace = options.recordTrace() ? new Trace.Recorder() : null;
        }

        SparseResult explore(double[] x) {
            boolean converged = false;
            int t = 0;
            int budget = options.iterationBudget(k);
            for (; t < budget; t++) {
                double residualNorm = t == 0 && countNonZeros(x) < k ? evaluateAsIs(x, t) : evaluateSupport(x, t);
                if (residualNorm <= options.residualTolerance() * yNorm) {
                    converged = true;
                    t++;
                    break;
                }
                for (int j = 0; j < n; j++) {
                    x[j] += step * ascent[j];
                }
            }
            return result(t, converged);
        }

        private int countNonZeros(double[] x) {
            int count = 0;
            for (int j = 0; j < n && count < k; j++) {
                if (x[j] != 0.0) {
                    count++;
                }
            }
            return count;
        }

        private double evaluateAsIs(double[] x, int t) {
            d.residual(x, residual, residual);
            double residualNorm = DenseKernels.norm2(residual, m);
            a.applyAdjoint(residual, ascent);
            residualGradients++;
            int size = 0;
            for (int j = 0; j < n; j++) {
                if (x[j] != 0.0) {
                    support[size++] = j;
                }
            }
            if (residualNorm < bestResidual) {
                bestResidual = residualNorm;
                bestIteration = t;
                System.arraycopy(x, 0, bestEstimate, 0, n);
                bestSupport = Arrays.copyOf(support, size);
            }
            if (trace != null) {
                trace.record(residualNorm, support, size);
            }
            return residualNorm;
        }

        private double evaluateSupport(double[] x, int t) {
            long key = walk.select(x, t);
            double residualNorm;
            int slot = walk.cacheSlot(key);
            if (slot >= 0) {
                residualNorm = walk.loadCached(slot, ascent);
            } else {
                residualNorm = solveOnSupport(t);
                walk.store(key, residualNorm, ascent);
            }
            if (trace != null) {
                trace.record(residualNorm, support, k);
            }
            return residualNorm;
        }

        /** CGLS on Sᵗ warm-started from the last fit, then the gradient Aᵀ(y − A xᵗ). */
        private double solveOnSupport(int t) {
            leastSquaresSolves++;
            residualGradients++;
            for (int i = 0; i < k; i++) {
                coefficients[i] = fitted[support[i]];
            }
            cgls.solve(support, k, coefficients);
            for (int i = 0; i < fittedSize; i++) {
                fitted[fittedSupport[i]] = 0.0;
            }
            for (int i = 0; i < k; i++) {
                fitted[support[i]] = coefficients[i];
                fittedSupport[i] = support[i];
            }
            fittedSize = k;
            System.arraycopy(cgls.residual(), 0, residual, 0, m);
            double residualNorm = DenseKernels.norm2(residual, m);
            a.applyAdjoint(residual, ascent);
            if (residualNorm < bestResidual) {
                bestResidual = residualNorm;
                bestIteration = t;
                Arrays.fill(bestEstimate, 0.0);
                for (int i = 0; i < k; i++) {
                    bestEstimate[support[i]] = coefficients[i];
                }
                bestSupport = support.clone();
            }
            return residualNorm;
        }

        private SparseResult result(int iterations, boolean converged) {
            Map<String, Double> diagnostics = new LinkedHashMap<>();
            diagnostics.put("distinctSupports", (double) walk.distinctSupports());
            diagnostics.put("bestIteration", (double) bestIteration);
            diagnostics.put("firstIterationContainingTruth",
                    walk.firstContainingTruth() < 0 ? Double.NaN : (double) walk.firstContainingTruth());
            diagnostics.put("leastSquaresSolves", (double) leastSquaresSolves);
            diagnostics.put("step", step);
            diagnostics.put("residualGradients", (double) residualGradients);
            diagnostics.put(FitDiagnostics.RANK_DEFICIENT_FITS, 0.0);
            diagnostics.put("cglsIterations", (double) cgls.totalIterations());
            Trace recorded = trace == null ? null : trace.build();
            double[] estimate = bestEstimate.clone();
            int[] sorted = bestSupport.clone();
            Arrays.sort(sorted);
            if (innerResult == null) {
                diagnostics.put(FitDiagnostics.ZERO_COEFFICIENTS,
                        (double) FitDiagnostics.zeroCoefficients(estimate, sorted, sorted.length));
            }
            SparseResult own = SparseResult.of(a, y, estimate, sorted, iterations, converged, recorded, diagnostics);
            if (innerResult == null) {
                return own;
            }
            diagnostics.put("innerResidualNorm", innerResult.residualNorm());
            diagnostics.put("innerIterations", (double) innerResult.iterations());
            SparseResult chosen = innerResult.residualNorm() < own.residualNorm() ? innerResult : own;
            diagnostics.put(FitDiagnostics.ZERO_COEFFICIENTS, (double) FitDiagnostics.zeroCoefficients(
                    chosen.estimate(), chosen.support(), chosen.support().length));
            return new SparseResult(chosen == own ? own.estimate() : innerResult.estimate().clone(),
                    chosen.support(), iterations, converged, chosen.residualNorm(), recorded, diagnostics);
        }
    }
}
