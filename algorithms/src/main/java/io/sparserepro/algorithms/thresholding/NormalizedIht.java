package io.sparserepro.algorithms.thresholding;

import io.sparserepro.algorithms.ConfiguredSolver;
import io.sparserepro.algorithms.SparseResult;
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
 * Normalised iterative hard thresholding (T. Blumensath, M. E. Davies, <i>Normalized
 * iterative hard thresholding: guaranteed stability and performance</i>, IEEE J. Sel. Topics
 * Signal Process. 4(2):298–309, 2010). With g = Aᵀ(y − A xᵗ) and Γᵗ the current support
 * (Γ⁰ = the k largest entries of Aᵀy, since x⁰ = 0 has none):
 * <pre>
 *     μ = ‖g_Γ‖² / ‖A_Γ g_Γ‖²               exact line search along g restricted to Γ
 *     x̃ = H_k(xᵗ + μ g)
 *     if supp(x̃) ≠ Γ:  while μ &gt; ω = (1 − c)‖x̃ − xᵗ‖² / ‖A(x̃ − xᵗ)‖²:
 *                          μ ← μ / (κ(1 − c)),  x̃ = H_k(xᵗ + μ g)
 *     xᵗ⁺¹ = x̃,  Γᵗ⁺¹ = supp(x̃)
 * </pre>
 * The safeguard makes ½‖y − A xᵗ‖² non-increasing: when the support is kept the step is an
 * exact line search on Γ; otherwise μ ≤ ω gives ‖y − A x̃‖² ≤ ‖y − A xᵗ‖² − c‖x̃ − xᵗ‖²/μ.
 *
 * <p><b>Constants.</b> The paper requires 0 &lt; c &lt; 1 and κ &gt; 1/(1 − c), so that every
 * reduction divides μ by κ(1 − c) &gt; 1. Defaults: c = 0.01 and κ = 2, so μ is divided by
 * 1.98 per reduction. These are admissible values chosen for this suite (a reconstruction:
 * check them against the paper's experiments before quoting them as the paper's); both are
 * options and are recorded with the solver's options. As a guard against an endless loop in degenerate cases the
 * reduction stops after {@value #MAX_STEP_REDUCTIONS} divisions (with the defaults μ has then
 * shrunk by 1.98^100 ≈ 1e29); the run then ends with the current iterate, unchanged, and
 * {@code converged = false}.
 *
 * <p><b>Stopping rule.</b> Stop when ‖xᵗ⁺¹ − xᵗ‖₂ ≤ iterateTolerance·‖xᵗ‖₂ (default 1e-12, the
 * same rule and justification as {@link Iht}), or when g_Γ = 0 exactly (xᵗ is the
 * least-squares fit on Γ and the normalised step is undefined: a stationary point), both with
 * {@code converged = true}; or after {@code maxIterations} (default 10 000).
 *
 * <p>Trace: entry t is the residual and support after iteration t + 1. Diagnostics:
 * {@code stepReductions} (total μ divisions over the run).
 *
 * <p><b>Matrix-free path</b> (issue 17; {@link io.sparserepro.algorithms.implicit.MatrixFree}
 * decides): the same loop through the operator ({@link Backend}). Products per iteration: one
 * adjoint (g = Aᵀr), one forward for the line search (A_Γ g_Γ) and, when the support changes,
 * one forward per safeguard evaluation (A(x̃ − x)). The new residual costs no product: the last
 * image computed is A(x̃ − x) — the line-search image times μ·max|g_Γ| when the support is kept
 * (then x̃ − x = μ g_Γ), the safeguard's otherwise — so r ← r − A(x̃ − x), recomputed as
 * y − A x every {@value Backend#RESIDUAL_REFRESH} iterations against round-off drift (the
 * dense path recomputes it from the k columns every iteration). Memory: a few n- and m-vectors.
 */
public final class NormalizedIht extends ConfiguredSolver<NormalizedIht.Options> {
    /** The stable registry name. */
    public static final String NAME = "niht";

    /** Cap on step reductions within one iteration; with the defaults 1.98^100 ≈ 1e29. */
    static final int MAX_STEP_REDUCTIONS = 100;

    /**
     * Options of {@link NormalizedIht}.
     *
     * @param maxIterations   iteration cap, ≥ 1 (default 10 000)
     * @param iterateTolerance       relative iterate change below which the run stops, ≥ 0 (default 1e-12)
     * @param safeguardMargin c of the paper, in (0, 1) (default 0.01)
     * @param stepReduction   κ of the paper, &gt; 1/(1 − c) (default 2)
     * @param recordTrace     fill {@link SparseResult#trace()} (default false)
     */
    public record Options(
            @Option(value = "Iteration cap; the run reports converged = false when it is reached",
                    origin = Origin.RECONSTRUCTED,
                    source = "not stated by Blumensath & Davies 2010")
            int maxIterations,
            @Option(value = "Stop when ‖xᵗ⁺¹ − xᵗ‖₂ ≤ iterateTolerance·‖xᵗ‖₂ (relative iterate change, ≥ 0)",
                    origin = Origin.IMPLEMENTATION)
            double iterateTolerance,
            @Option(value = "c of the step safeguard ω = (1 − c)‖x̃ − x‖²/‖A(x̃ − x)‖², in (0, 1)",
                    origin = Origin.RECONSTRUCTED,
                    source = "Blumensath & Davies 2010 require 0 < c < 1; 0.01 is an admissible value chosen here")
            double safeguardMargin,
            @Option(value = "κ: the step is divided by κ(1 − c) per reduction; must exceed 1/(1 − c)",
                    origin = Origin.RECONSTRUCTED,
                    source = "Blumensath & Davies 2010 require κ > 1/(1 − c); 2 is an admissible value chosen here")
            double stepReduction,
            @Option(value = "Record the residual norm and support after every iteration (allocates)",
                    origin = Origin.IMPLEMENTATION)
            boolean recordTrace) {
        public Options {
            Checks.requirePositive("maxIterations", maxIterations);
            Checks.requireNonNegative("iterateTolerance", iterateTolerance);
            if (!(safeguardMargin > 0 && safeguardMargin < 1)) {
                throw new IllegalArgumentException("safeguardMargin must be in (0, 1): " + safeguardMargin);
            }
            double bound = 1 / (1 - safeguardMargin);
            if (!(stepReduction > bound) || Double.isInfinite(stepReduction)) {
                throw new IllegalArgumentException("stepReduction must be finite and greater than "
                        + "1/(1 − safeguardMargin) = " + bound + ": " + stepReduction);
            }
        }

        public static Options defaults() {
            return new Options(10_000, 1e-12, 0.01, 2.0, false);
        }

        public Options withMaxIterations(int value) {
            return new Options(value, iterateTolerance, safeguardMargin, stepReduction, recordTrace);
        }

        public Options withIterateTolerance(double value) {
            return new Options(maxIterations, value, safeguardMargin, stepReduction, recordTrace);
        }

        public Options withSafeguardMargin(double value) {
            return new Options(maxIterations, iterateTolerance, value, stepReduction, recordTrace);
        }

        public Options withStepReduction(double value) {
            return new Options(maxIterations, iterateTolerance, safeguardMargin, value, recordTrace);
        }

        public Options withRecordTrace(boolean value) {
            return new Options(maxIterations, iterateTolerance, safeguardMargin, stepReduction, value);
        }
    }

    public NormalizedIht() {
        this(Options.defaults());
    }

    public NormalizedIht(Options options) {
        super(NAME, options);
    }

    @Override
    public SparseResult solve(Problem problem) {
        return new Run(Backend.of(problem)).run(); // dense, or matrix-free for a large implicit operator (issue 17)
    }

    /** The per-call state of one run: iterate, gradient, supports and counters. */
    private final class Run {
        private final Backend b;
        private final int m;
        private final int n;
        private final int k;
        private final double c;
        private final double reduction;
        private final double[] x;
        private final double[] g;
        private final double[] z;
        private final double[] r;
        private final double[] image; // A_Γ g_Γ / max|g_Γ|, then A(x̃ − x)
        private int[] support;
        private int[] next;
        private final LargestK largest;
        private final Trace.Recorder recorder;
        private int iterations;
        private long totalReductions;
        private double imageScale;      // A(x̃ − x) = imageScale · image after the last image computed
        private double lineSearchScale; // max|g_Γ| of the last line search
        private boolean converged;

        Run(Backend b) {
            this.b = b;
            this.m = b.m;
            this.n = b.n;
            this.k = b.k;
            this.c = options.safeguardMargin();
            this.reduction = options.stepReduction() * (1 - c);
            x = new double[n];
            g = new double[n];
            z = new double[n];
            r = b.y.clone();
            image = new double[m];
            support = new int[k];
            next = new int[k];
            largest = new LargestK(n);
            recorder = Backend.recorder(options.recordTrace());
        }

        SparseResult run() {
            while (iterations < options.maxIterations()) {
                b.adjoint(r, g);
                if (iterations == 0) {
                    largest.select(g, n, k, support);
                }
                double mu = lineSearchStep();
                if (!(mu < Double.POSITIVE_INFINITY)) {
                    converged = true; // g_Γ = 0, or in the null space of A_Γ by round-off: stationary
                    break;
                }
                thresholdedStep(x, mu, g, z, n, largest, k, next);
                // Support kept: x̃ − x = μ g_Γ, whose image is the line search's times μ·max|g_Γ|.
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
            return b.result(x, support, k, iterations, converged, recorder, diagnostics);
        }

        /**
         * μ = ‖g_Γ‖²/‖A_Γ g_Γ‖², or +∞ when g_Γ = 0 (x is the least-squares fit on Γ). μ does
         * not change when g is rescaled: work with g/max|g_Γ| so that neither square
         * overflows nor underflows, whatever the scale of A and y.
         */
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
                double scaled = g[support[s]] / gammaMax;
                gammaNormSquared += scaled * scaled;
            }
            b.lineSearchImage(g, gammaMax, support, k, image);
            double imageNormSquared = DenseKernels.dot(image, image, m);
            return gammaNormSquared / imageNormSquared;
        }

        /**
         * The support changes: shrink μ until μ ≤ ω (the paper's safeguard), recomputing x̃ in
         * {@code z}/{@code next}; false if it gave up after {@value #MAX_STEP_REDUCTIONS}
         * reductions.
         */
        private boolean safeguard(double mu) {
            int reductions = 0;
            try {
                while (true) {
                    double differenceSquared = b.differenceImage(x, support, z, next, k, image);
                    imageScale = 1.0;
                    double omega = (1 - c) * differenceSquared / DenseKernels.dot(image, image, m);
                    if (!(mu > omega)) {
                        return true; // also when ω is NaN (x̃ = x): there is nothing left to safeguard
                    }
                    if (reductions == MAX_STEP_REDUCTIONS) {
                        return false;
                    }
                    mu /= reduction;
                    reductions++;
                    thresholdedStep(x, mu, g, z, n, largest, k, next);
                }
            } finally {
                totalReductions += reductions;
            }
        }

        /** xᵗ⁺¹ = x̃, its residual and trace entry; true if the iterate change is below the tolerance. */
        private boolean accept() {
            double previousNormSquared = 0;
            for (int s = 0; s < k; s++) {
                previousNormSquared += x[support[s]] * x[support[s]];
            }
            double changeSquared = Vectors.replaceSparse(x, support, k, z, next, k);
            int[] swap = support;
            support = next;
            next = swap;
            b.stepResidual(x, support, k, r, image, imageScale, iterations + 1);
            if (recorder != null) {
                recorder.record(DenseKernels.norm2(r, m), support, k);
            }
            return Math.sqrt(changeSquared) <= options.iterateTolerance() * Math.sqrt(previousNormSquared);
        }
    }

    /** z = x + μ g, and {@code out} = the sorted k largest entries of z. */
    private static void thresholdedStep(double[] x, double mu, double[] g, double[] z, int n,
                                        LargestK largest, int k, int[] out) {
        for (int j = 0; j < n; j++) {
            z[j] = x[j] + mu * g[j];
        }
        largest.select(z, n, k, out);
    }
}
