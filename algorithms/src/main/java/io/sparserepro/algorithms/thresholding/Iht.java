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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Iterative hard thresholding (T. Blumensath, M. E. Davies, <i>Iterative hard thresholding
 * for compressed sensing</i>, Appl. Comput. Harmon. Anal. 27(3):265–274, 2009):
 * <pre>
 *     x⁰ = 0,   xᵗ⁺¹ = H_k(xᵗ + μ Aᵀ(y − A xᵗ)),   μ = stepFactor / ‖A‖₂²
 * </pre>
 * where H_k keeps the k entries of largest modulus (ties → lowest index, {@link LargestK}).
 * ‖A‖₂ is the Lanczos estimate of {@link DenseMatrix#spectralNorm()}, inflated by a
 * relative 1e-6 because that estimate approaches it from below: with stepFactor ≤ 1 the
 * step then satisfies μ‖A‖₂² ≤ 1, under which ½‖y − A xᵗ‖² is non-increasing (the
 * surrogate-objective argument of Blumensath &amp; Davies, <i>Iterative thresholding for sparse
 * approximations</i>, J. Fourier Anal. Appl. 14:629–654, 2008).
 *
 * <p><b>Stopping rule.</b> Stop when ‖xᵗ⁺¹ − xᵗ‖₂ ≤ iterateTolerance·‖xᵗ‖₂ ({@code converged =
 * true}), or after {@code maxIterations} iterations. Once the support is fixed IHT is a
 * gradient iteration on it with linear rate ρ = 1 − μ λ_min(A_SᵀA_S), so the distance to its
 * limit is at most ρ/(1 − ρ) times the last step: the default iterateTolerance 1e-12 leaves an
 * error around 1e-10·‖x‖ even at ρ = 0.99, well below the 1e-6 the contract asks, and it is
 * still 1e4 times the round-off floor of the step (≈ ε‖x‖). On coherent matrices (spike
 * deconvolution) ρ is near 1 and IHT may need tens of thousands of iterations or stall: the
 * default cap of 10 000 is part of the result ({@code iterations}, {@code converged}).
 *
 * <p><b>Debiasing.</b> Off by default: the plain algorithm returns its last iterate, which in
 * the noiseless case converges to the least-squares fit on its support anyway. With
 * {@code debias} on, the coefficients are refit by least squares on the final support
 * (a common practical variant, not part of the paper's algorithm).
 *
 * <p>If the iterates overflow (only possible with stepFactor &gt; 1, where the monotonicity
 * guarantee is void), the last finite iterate is returned with {@code converged = false} and
 * the diagnostic {@code diverged = 1}.
 *
 * <p>Trace: entry t is the residual ‖y − A xᵗ⁺¹‖₂ and the support of xᵗ⁺¹ after iteration
 * t + 1. Diagnostics: {@code step} (μ), {@code diverged} (0 or 1), {@code rankDeficientFits}
 * (1 if the debiasing fit deferred a column, else 0) and {@code zeroCoefficients}
 * ({@link FitDiagnostics}).
 *
 * <p>Cost per iteration: one Aᵀr (O(mn)), one O(mk) residual, O(n) selection; no allocation.
 *
 * <p><b>Matrix-free path</b> (issue 17; {@link io.sparserepro.algorithms.implicit.MatrixFree}
 * decides): the same loop through the operator ({@link Backend}), Aᵀr and the residual
 * y − A x as one adjoint and one forward product each, so an iteration costs one product pair
 * plus O(n). The step uses ‖A‖₂ from
 * {@link io.sparserepro.algorithms.implicit.OperatorProblem#spectralNorm}. The debiasing refit
 * runs by CGLS, warm-started from the last iterate; it cannot report rank deficiency
 * ({@code rankDeficientFits} is 0). Diagnostics add {@code cglsIterations}.
 */
public final class Iht extends ConfiguredSolver<Iht.Options> {
    /** The stable registry name. */
    public static final String NAME = "iht";

    /**
     * Options of {@link Iht}.
     *
     * @param maxIterations iteration cap, ≥ 1 (default 10 000)
     * @param iterateTolerance     relative iterate change below which the run stops, ≥ 0 (default 1e-12)
     * @param stepFactor    μ·‖A‖₂², &gt; 0 (default 1; above 1 the monotonicity guarantee is void)
     * @param debias        refit the final support by least squares (default false)
     * @param recordTrace   fill {@link SparseResult#trace()} (default false)
     */
    public record Options(
            @Option(value = "Iteration cap; the run reports converged = false when it is reached (coherent matrices may need tens of thousands)",
                    origin = Origin.RECONSTRUCTED,
                    source = "not stated by Blumensath & Davies 2009")
            int maxIterations,
            @Option(value = "Stop when ‖xᵗ⁺¹ − xᵗ‖₂ ≤ iterateTolerance·‖xᵗ‖₂ (relative iterate change, ≥ 0)",
                    origin = Origin.IMPLEMENTATION)
            double iterateTolerance,
            @Option(value = "μ·‖A‖₂², the step in units of 1/‖A‖₂² (> 0; above 1 the monotonicity guarantee is void)",
                    origin = Origin.PAPER,
                    source = "Blumensath & Davies 2009: unit step with ‖A‖₂ < 1, i.e. μ‖A‖₂² ≤ 1")
            double stepFactor,
            @Option(value = "Refit the final support by least squares (off: the paper's algorithm returns its last iterate)",
                    origin = Origin.PAPER,
                    source = "Blumensath & Davies 2009 (no refit)")
            boolean debias,
            @Option(value = "Record the residual norm and support after every iteration (allocates)",
                    origin = Origin.IMPLEMENTATION)
            boolean recordTrace) {
        public Options {
            Checks.requirePositive("maxIterations", maxIterations);
            Checks.requireNonNegative("iterateTolerance", iterateTolerance);
            Checks.requirePositive("stepFactor", stepFactor);
        }

        public static Options defaults() {
            return new Options(10_000, 1e-12, 1.0, false, false);
        }

        public Options withMaxIterations(int value) {
            return new Options(value, iterateTolerance, stepFactor, debias, recordTrace);
        }

        public Options withIterateTolerance(double value) {
            return new Options(maxIterations, value, stepFactor, debias, recordTrace);
        }

        public Options withStepFactor(double value) {
            return new Options(maxIterations, iterateTolerance, value, debias, recordTrace);
        }

        public Options withDebias(boolean value) {
            return new Options(maxIterations, iterateTolerance, stepFactor, value, recordTrace);
        }

        public Options withRecordTrace(boolean value) {
            return new Options(maxIterations, iterateTolerance, stepFactor, debias, value);
        }
    }

    public Iht() {
        this(Options.defaults());
    }

    public Iht(Options options) {
        super(NAME, options);
    }

    @Override
    public SparseResult solve(Problem problem) {
        Backend b = Backend.of(problem); // dense, or matrix-free for a large implicit operator (issue 17)
        int m = b.m;
        int n = b.n;
        int k = b.k;
        double step = options.stepFactor() * b.inverseSquaredSpectralNorm();

        double[] x = new double[n];
        double[] z = new double[n];
        double[] r = b.y.clone();
        int[] support = new int[k];
        int[] next = new int[k];
        int supportSize = 0;
        LargestK largest = new LargestK(n);
        Trace.Recorder recorder = Backend.recorder(options.recordTrace());

        int iterations = 0;
        boolean converged = false;
        boolean diverged = false;
        while (iterations < options.maxIterations()) {
            b.adjoint(r, z);
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double v = x[j] + step * z[j];
                z[j] = v;
                sum += v;
            }
            if (!Double.isFinite(sum)) {
                diverged = true;
                break;
            }
            largest.select(z, n, k, next);
            double previousNormSquared = 0;
            for (int c = 0; c < supportSize; c++) {
                previousNormSquared += x[support[c]] * x[support[c]];
            }
            double changeSquared = Vectors.replaceSparse(x, support, supportSize, z, next, k);
            int[] swap = support;
            support = next;
            next = swap;
            supportSize = k;
            iterations++;
            b.residual(x, support, k, r);
            if (recorder != null) {
                recorder.record(DenseKernels.norm2(r, m), support, k);
            }
            if (Math.sqrt(changeSquared) <= options.iterateTolerance() * Math.sqrt(previousNormSquared)) {
                converged = true;
                break;
            }
        }
        int rankDeficientFits = 0;
        if (options.debias() && supportSize > 0) {
            rankDeficientFits = b.refit(x, support, supportSize) ? 1 : 0;
        }
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("step", step);
        diagnostics.put("diverged", diverged ? 1.0 : 0.0);
        b.putFitDiagnostics(diagnostics, rankDeficientFits);
        return b.result(x, support, supportSize, iterations, converged, recorder, diagnostics);
    }
}
