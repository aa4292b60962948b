package io.sparserepro.algorithms.thresholding;

import io.sparserepro.algorithms.ConfiguredSolver;
import io.sparserepro.algorithms.FitDiagnostics;
import io.sparserepro.algorithms.SolverInputs;
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
 * Hard thresholding pursuit (S. Foucart, <i>Hard thresholding pursuit: an algorithm for
 * compressive sensing</i>, SIAM J. Numer. Anal. 49(6):2543–2563, 2011):
 * <pre>
 *     x⁰ = 0,   Sᵗ⁺¹ = largest_k(xᵗ + μ Aᵀ(y − A xᵗ)),   xᵗ⁺¹ = argmin_{supp(z) ⊆ Sᵗ⁺¹} ‖y − A z‖₂
 * </pre>
 * The least squares run on an incremental QR factorisation that moves from Sᵗ to Sᵗ⁺¹ by
 * removing and adding columns; a numerically dependent column gets coefficient 0
 * ({@link io.sparserepro.core.linalg.SupportLeastSquares}' documented fallback).
 *
 * <p><b>Step.</b> μ = stepFactor × scale, scale = 1/max_j‖a_j‖₂² ({@link StepScale#UNIT}, the
 * default: exactly 1, the paper's choice, for unit-norm columns, and invariant to a global
 * rescaling of A otherwise; see {@link SolverInputs#unitStepScale}) or 1/‖A‖₂²
 * ({@link StepScale#INVERSE_SQUARED_SPECTRAL_NORM}, ‖A‖₂ estimated as in {@link Iht}).
 *
 * <p><b>Stopping rule.</b> The paper's natural rule: stop when the support repeats,
 * Sᵗ⁺¹ = Sᵗ (then xᵗ⁺¹ = xᵗ: a fixed point), with {@code converged = true}. Optionally
 * ({@code residualTolerance} &gt; 0; default 0, off) also stop when ‖y − A xᵗ‖₂ ≤ residualTolerance·‖y‖₂.
 * Otherwise stop after {@code maxIterations} (default 500): HTP can cycle between supports
 * on matrices far from the RIP regime, and the paper's finite-convergence theorem needs it.
 *
 * <p>Trace: entry t is the residual and support after iteration t + 1 (the iteration that
 * detects a repeated support records the unchanged state). Diagnostics: {@code step} (μ),
 * {@code rankDeficientFits} and {@code zeroCoefficients} ({@link FitDiagnostics}).
 *
 * <p>Cost per iteration: one Aᵀr (O(mn)), O(n) selection, O(m·k) per column that enters or
 * leaves the support, O(k²) back substitution; no allocation.
 *
 * <p><b>Matrix-free path</b> (issue 17; {@link io.sparserepro.algorithms.implicit.MatrixFree}
 * decides): the same loop through the operator ({@link Backend}); the least squares on each new
 * support by CGLS ({@link io.sparserepro.core.operators.SupportCgls}) warm-started from the
 * previous iterate restricted to the new support. Per iteration: one adjoint for the gradient,
 * the CGLS iterations (one product pair each, plus one forward for the recomputed residual).
 * Diagnostics add {@code cglsIterations} (total) and {@code cglsSolves};
 * {@code rankDeficientFits} is 0 (CGLS does not detect rank).
 */
public final class Htp extends ConfiguredSolver<Htp.Options> implements WarmStartable {
    /** The stable registry name. */
    public static final String NAME = "htp";

    /** What the step factor multiplies. */
    public enum StepScale {
        /** μ = stepFactor / max_j‖a_j‖² (Foucart's μ = 1 with unit-norm columns). */
        UNIT,
        /** μ = stepFactor / ‖A‖₂², the IHT step. */
        INVERSE_SQUARED_SPECTRAL_NORM
    }

    /**
     * Options of {@link Htp}.
     *
     * @param maxIterations iteration cap, ≥ 1 (default 500)
     * @param residualTolerance     stop also when ‖y − Ax‖₂ ≤ residualTolerance·‖y‖₂, in [0, 1) (default 0: off)
     * @param stepFactor    &gt; 0 (default 1)
     * @param stepScale     what stepFactor multiplies (default {@link StepScale#UNIT})
     * @param recordTrace   fill {@link SparseResult#trace()} (default false)
     */
    public record Options(
            @Option(value = "Iteration cap; the run reports converged = false when it is reached (HTP can cycle far from the RIP regime)",
                    origin = Origin.RECONSTRUCTED,
                    source = "not stated by Foucart 2011")
            int maxIterations,
            @Option(value = "Also stop when ‖y − A x‖₂ ≤ residualTolerance·‖y‖₂ (relative, in [0, 1); 0: only the paper's repeated-support stop)",
                    origin = Origin.IMPLEMENTATION)
            double residualTolerance,
            @Option(value = "μ in units of the scale chosen by stepScale (> 0)",
                    origin = Origin.PAPER,
                    source = "Foucart 2011: μ = 1")
            double stepFactor,
            @Option(value = "What stepFactor multiplies: UNIT = 1/max_j‖a_j‖₂² (exactly 1 for unit-norm columns, the paper's setting) or INVERSE_SQUARED_SPECTRAL_NORM = 1/‖A‖₂² (the IHT step)",
                    origin = Origin.PAPER,
                    source = "Foucart 2011: μ = 1 with unit-norm columns")
            StepScale stepScale,
            @Option(value = "Record the residual norm and support after every iteration (allocates)",
                    origin = Origin.IMPLEMENTATION)
            boolean recordTrace) {
        public Options {
            Checks.requirePositive("maxIterations", maxIterations);
            Cosamp.requireRelative("residualTolerance", residualTolerance);
            Checks.requirePositive("stepFactor", stepFactor);
            Checks.requireNonNull("stepScale", stepScale);
        }

        public static Options defaults() {
            return new Options(500, 0.0, 1.0, StepScale.UNIT, false);
        }

        public Options withMaxIterations(int value) {
            return new Options(value, residualTolerance, stepFactor, stepScale, recordTrace);
        }

        public Options withResidualTolerance(double value) {
            return new Options(maxIterations, value, stepFactor, stepScale, recordTrace);
        }

        public Options withStepFactor(double value) {
            return new Options(maxIterations, residualTolerance, value, stepScale, recordTrace);
        }

        public Options withStepScale(StepScale value) {
            return new Options(maxIterations, residualTolerance, stepFactor, value, recordTrace);
        }

        public Options withRecordTrace(boolean value) {
            return new Options(maxIterations, residualTolerance, stepFactor, stepScale, value);
        }
    }

    public Htp() {
        this(Options.defaults());
    }

    public Htp(Options options) {
        super(NAME, options);
    }

    @Override
    public SparseResult solve(Problem problem) {
        return run(problem, null);
    }

    /** HTP from the support {@code start}: x⁰ = the least-squares fit on it, then the usual iterations. */
    @Override
    public SparseResult solveFrom(Problem problem, int[] start) {
        return run(problem, WarmStartable.checkedStart(problem, start));
    }

    private SparseResult run(Problem problem, int[] start) {
        Backend b = Backend.of(problem); // dense, or matrix-free for a large implicit operator (issue 17)
        int m = b.m;
        int n = b.n;
        int k = b.k;
        double step = options.stepFactor() * (options.stepScale() == StepScale.UNIT
                ? b.unitStepScale() : b.inverseSquaredSpectralNorm());
        double targetResidual = options.residualTolerance() * b.yNorm;

        double[] x = new double[n];
        double[] z = new double[n];
        double[] r = b.y.clone();
        int[] support = new int[k];
        int[] next = new int[k];
        int supportSize = 0;
        LargestK largest = new LargestK(n);
        Backend.Fit fit = b.fit(k);
        Trace.Recorder recorder = Backend.recorder(options.recordTrace());

        int iterations = 0;
        int rankDeficientFits = 0;
        boolean converged = false;
        if (start != null) {
            System.arraycopy(start, 0, support, 0, k);
            supportSize = k;
            fit.fit(x, support, 0, support, k);
            rankDeficientFits += fit.rankDeficient() ? 1 : 0;
            fit.residual(r);
        }
        while (iterations < options.maxIterations()) {
            b.adjoint(r, z);
            for (int j = 0; j < n; j++) {
                z[j] = x[j] + step * z[j];
            }
            largest.select(z, n, k, next);
            iterations++;
            if (supportSize == k && Vectors.sameSupport(next, support, k)) {
                if (recorder != null) {
                    recorder.record(DenseKernels.norm2(r, m), support, k);
                }
                converged = true;
                break;
            }
            // Matrix-free: CGLS warm-started from the previous iterate restricted to the new support.
            fit.fit(x, support, supportSize, next, k);
            if (fit.rankDeficient()) {
                rankDeficientFits++;
            }
            int[] swap = support;
            support = next;
            next = swap;
            supportSize = k;
            fit.residual(r);
            double residualNorm = DenseKernels.norm2(r, m);
            if (recorder != null) {
                recorder.record(residualNorm, support, k);
            }
            if (residualNorm <= targetResidual) {
                converged = true;
                break;
            }
        }
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("step", step);
        b.putFitDiagnostics(diagnostics, rankDeficientFits);
        return b.result(x, support, supportSize, iterations, converged, recorder, diagnostics);
    }
}
