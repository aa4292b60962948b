package io.sparserepro.algorithms.thresholding;

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
 * {@link NormalizedIht} through the operator (issue 17): the same line search, safeguard and
 * stopping rule. Products per iteration: one adjoint (g = Aᵀr), one forward for the line
 * search (A_Γ g_Γ) and, when the support changes, one forward per safeguard evaluation
 * (A(x̃ − x)): one product pair per iteration, plus one forward per step reduction. The new
 * residual costs no product: the last image computed is A(x̃ − x) — the line-search image
 * times μ·max|g_Γ| when the support is kept (then x̃ − x = μ g_Γ), the safeguard's otherwise —
 * so r ← r − A(x̃ − x). Its round-off accumulates, so every {@value #RESIDUAL_REFRESH}
 * iterations r = y − A x is recomputed (one forward); the result's residual norm is
 * recomputed anyway. Memory: a few n- and m-vectors.
 */
final class NihtImplicit {
    /** Recompute r = y − A x from scratch every this many iterations (see the class comment). */
    static final int RESIDUAL_REFRESH = 50;

    private NihtImplicit() {
    }

    static SparseResult solve(NormalizedIht.Options options, Problem problem) {
        return new Run(options, OperatorProblem.of(problem)).run();
    }

    private static final class Run {
        private final NormalizedIht.Options options;
        private final OperatorProblem d;
        private final LinearOperator a;
        private final int m;
        private final int n;
        private final int k;
        private final double c;
        private final double reduction;
        private final double[] x;
        private final double[] g;
        private final double[] z;
        private final double[] r;
        private final double[] image;
        private final double[] direction; // an n-vector, zero outside the entries being used
        private int[] support;
        private int[] next;
        private final LargestK largest;
        private final Trace.Recorder recorder;
        private int iterations;
        private long totalReductions;
        private double imageScale; // A(x̃ − x) = imageScale · image after the last evaluation
        private double lineSearchScale; // max|g_Γ| of the last line search
        private boolean converged;

        Run(NormalizedIht.Options options, OperatorProblem d) {
            this.options = options;
            this.d = d;
            this.a = d.a();
            this.m = d.m();
            this.n = d.n();
            this.k = d.k();
            this.c = options.safeguardMargin();
            this.reduction = options.stepReduction() * (1 - c);
            x = new double[n];
            g = new double[n];
            z = new double[n];
            r = d.y().clone();
            image = new double[m];
            direction = new double[n];
            support = new int[k];
            next = new int[k];
            largest = new LargestK(n);
            recorder = OperatorProblem.recorder(options.recordTrace());
        }

        SparseResult run() {
            while (iterations < options.maxIterations()) {
                a.applyAdjoint(r, g);
                if (iterations == 0) {
                    largest.select(g, n, k, support);
                }
                double mu = lineSearchStep();
                if (!(mu < Double.POSITIVE_INFINITY)) {
                    converged = true;
                    break;
                }
                thresholdedStep(mu);
                imageScale = mu * lineSearchScale;
                boolean gaveUp = !Vectors.sameSupport(next, support, k) && !safeguard(mu);
                iterations++;
                if (gaveUp) {
                    if (recorder != null) {
                        recorder.record(DenseKernels.norm2(r, m), support, k);
                    }
                    break;
                }
                if (accept()) {
                    converged = true;
                    break;
                }
            }
            Map<String, Double> diagnostics = new LinkedHashMap<>();
            diagnostics.put("stepReductions", (double) totalReductions);
            return d.result(x, support, k, iterations, converged, recorder, diagnostics);
        }

        /** μ = ‖g_Γ‖²/‖A_Γ g_Γ‖² with g scaled by max|g_Γ| (as the dense path), one forward product. */
        private double lineSearchStep() {
            double gammaMax = 0;
            for (int s = 0; s < k; s++) {
                gammaMax = Math.max(gammaMax, Math.abs(g[support[s]]));
            }
            if (gammaMax == 0) {
                return Double.POSITIVE_INFINITY;
            }
            lineSearchScale = gammaMax;
            double gammaNormSquared = 0;
            for (int s = 0; s < k; s++) {
                int j = support[s];
                double scaled = g[j] / gammaMax;
                gammaNormSquared += scaled * scaled;
                direction[j] = scaled;
            }
            a.apply(direction, image);
            Vectors.clear(direction, support, k);
            return gammaNormSquared / DenseKernels.dot(image, image, m);
        }

        private void thresholdedStep(double mu) {
            for (int j = 0; j < n; j++) {
                z[j] = x[j] + mu * g[j];
            }
            largest.select(z, n, k, next);
        }

        private boolean safeguard(double mu) {
            int reductions = 0;
            try {
                while (true) {
                    double differenceSquared = differenceImage();
                    double omega = (1 - c) * differenceSquared / DenseKernels.dot(image, image, m);
                    if (!(mu > omega)) {
                        return true;
                    }
                    if (reductions == NormalizedIht.MAX_STEP_REDUCTIONS) {
                        return false;
                    }
                    mu /= reduction;
                    reductions++;
                    thresholdedStep(mu);
                }
            } finally {
                totalReductions += reductions;
            }
        }

        /** image = A(x̃ − x) (x̃ = z on next), one forward product; returns ‖x̃ − x‖². */
        private double differenceImage() {
            double squared = 0;
            for (int s = 0; s < k; s++) {
                direction[support[s]] = -x[support[s]];
            }
            for (int s = 0; s < k; s++) {
                int j = next[s];
                direction[j] = z[j] - x[j];
            }
            for (int s = 0; s < k; s++) {
                squared += direction[support[s]] * direction[support[s]];
                int j = next[s];
                if (Arrays.binarySearch(support, 0, k, j) < 0) {
                    squared += direction[j] * direction[j];
                }
            }
            a.apply(direction, image);
            Vectors.clear(direction, support, k);
            Vectors.clear(direction, next, k);
            imageScale = 1.0;
            return squared;
        }

        private boolean accept() {
            double previousNormSquared = 0;
            for (int s = 0; s < k; s++) {
                previousNormSquared += x[support[s]] * x[support[s]];
            }
            double changeSquared = Vectors.replaceSparse(x, support, k, z, next, k);
            int[] swap = support;
            support = next;
            next = swap;
            if ((iterations + 1) % RESIDUAL_REFRESH == 0) {
                d.residual(x, image, r);
            } else {
                for (int i = 0; i < m; i++) {
                    r[i] -= imageScale * image[i];
                }
            }
            if (recorder != null) {
                recorder.record(DenseKernels.norm2(r, m), support, k);
            }
            return Math.sqrt(changeSquared) <= options.iterateTolerance() * Math.sqrt(previousNormSquared);
        }
    }
}
