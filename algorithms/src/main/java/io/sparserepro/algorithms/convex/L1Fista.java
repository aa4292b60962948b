package io.sparserepro.algorithms.convex;

import io.sparserepro.algorithms.ConfiguredSolver;
import io.sparserepro.algorithms.FitDiagnostics;
import io.sparserepro.algorithms.SolverInputs;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.Trace;
import io.sparserepro.algorithms.implicit.MatrixFree;
import io.sparserepro.algorithms.implicit.OperatorProblem;
import io.sparserepro.algorithms.options.Option;
import io.sparserepro.algorithms.options.Option.Origin;
import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseKernel;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.linalg.LinearOperator;
import io.sparserepro.core.linalg.SupportLeastSquares;
import io.sparserepro.core.operators.SupportCgls;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.select.LargestK;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ℓ1 reference of the SEA paper's phase-transition figure by a first-order method (registry
 * name {@code l1-fista}; the exact reference is the homotopy {@link L1Homotopy}, {@code l1}): the
 * LASSO min_x ½‖Ax − y‖₂² + λ‖x‖₁ solved by FISTA (A. Beck, M. Teboulle, <i>A fast iterative
 * shrinkage-thresholding algorithm for linear inverse problems</i>, SIAM J. Imaging Sci. 2(1),
 * 2009) along a decreasing sequence of λ (continuation, as in E. T. Hale, W. Yin, Y. Zhang,
 * <i>Fixed-point continuation for ℓ1-minimization</i>, SIAM J. Optim. 19(3), 2008), followed
 * by a least-squares refit on the k entries of largest modulus.
 *
 * <p><b>Method (a reconstruction; the SEA paper names the baseline, not its settings).</b>
 * <ol>
 *   <li>Step 1/L with L = (1 + 10⁻⁶)·‖A‖₂² (Lanczos, {@link DenseMatrix#spectralNorm()});
 *       the margin covers the Lanczos under-estimate, so that L really bounds the
 *       Lipschitz constant of the gradient as Beck–Teboulle's rate requires.</li>
 *   <li>λ₀ = ‖Aᵀy‖_∞, the smallest λ for which x = 0 is optimal. Stage s solves the LASSO at
 *       λ_s = max(λ₀·c^s, λ_min), c = {@link Options#continuationFactor()},
 *       λ_min = {@link Options#minLambdaRatio()}·λ₀, warm-started from stage s − 1.</li>
 *   <li><b>Stopping rule of a stage:</b> the relative duality gap (P(x) − D(θ))/P(x) ≤
 *       {@link Options#stageTolerance()}, where P is the LASSO objective and θ = −s(Ax − y),
 *       s = min(1, λ/‖Aᵀ(Ax − y)‖_∞), is the scaled residual, a dual-feasible point; or the
 *       stage's iteration cap. The gap certifies P(x) − P* ≤ gap and is evaluated in the
 *       cancellation-free form ½(1 − s)²‖r‖² + λ‖x‖₁ + s⟨x, Aᵀr⟩ (r = Ax − y).</li>
 *   <li><b>Stopping rule of the continuation:</b> once a stage's solution has at least k
 *       non-zeros, continue until the support of its k largest entries has stayed the same for
 *       {@link Options#stableStages()} further consecutive stages (a dip below k non-zeros
 *       starts the count again), then stop with {@code converged = true}; otherwise stop after
 *       the stage at λ_min or when the total iteration cap is spent ({@code converged = false}).
 *       With {@code stableStages = 0} this is "stop at the first λ with k non-zeros".
 *       <em>Why the extra stages:</em> at that first λ the LASSO is still strongly biased and
 *       its k largest entries are often not S* even far below ℓ1's Donoho–Tanner curve; the
 *       basis-pursuit limit (λ → 0) that the curve describes is approached only further down
 *       the path. Measured on noiseless Gaussian 250×500 instances (20 seeds each): k = 25,
 *       exact supports 13/20 with 0 stable stages, 19/20 with 1, 20/20 with 2; k = 60 and
 *       k = 80 (ρ = 0.24, 0.32), 0/20 with 0 stages and 20/20 with 1 or 2.</li>
 *   <li>Refit: least squares ({@link SupportLeastSquares}) on the k largest |x_j| of the last
 *       LASSO solution ({@link LargestK}; ties → lowest index). If that solution has fewer than
 *       k non-zeros (caps hit, or y is explained by fewer columns), the support is its
 *       non-zeros only, so the result may have fewer than k entries.</li>
 * </ol>
 * Every iteration costs one product with A and one with Aᵀ: the gradient at the extrapolated
 * point z = x + β(x − x⁻) is the same combination of the gradients at x and x⁻, which are kept,
 * so the duality gap at x comes for free.
 *
 * <p><b>Adaptive restart</b> ({@link Options#adaptiveRestart()}, on by default): the momentum
 * is reset (t = 1) whenever ⟨z − x⁺, x⁺ − x⟩ &gt; 0, the gradient scheme of B. O'Donoghue and
 * E. Candès, <i>Adaptive restart for accelerated gradient schemes</i>, Found. Comput. Math.
 * 15, 2015. A heuristic (Beck–Teboulle's O(1/k²) bound is proved only without it), it gives
 * linear convergence in practice once the support has settled (the LASSO is then strongly
 * convex on it), so tight tolerances are cheap. Turn it off for the plain Beck–Teboulle
 * iteration, whose rate bound the tests check.
 *
 * <p><b>Trace</b> ({@link Options#recordTrace()}): one entry per continuation stage, at the
 * stage's end: the residual ‖A x_λ − y‖₂ of the (not refit) LASSO solution and the support of
 * its k largest non-zero entries.
 *
 * <p><b>Diagnostics:</b> {@code lambdaMax} (λ₀), {@code finalLambda}, {@code stages},
 * {@code stagesAtIterationCap}, {@code lassoNonZeros} (non-zeros of the last LASSO solution),
 * {@code stableStages} (stages the final k-largest support had been unchanged) and
 * {@code finalRelativeGap}.
 *
 * <p>Immutable and thread-safe: all state of a call lives in a workspace created by that call.
 */
public final class L1Fista extends ConfiguredSolver<L1Fista.Options> {
    /** The registry name. */
    public static final String NAME = "l1-fista";

    /** Relative margin on ‖A‖₂² for the Lanczos under-estimate (see the class comment). */
    static final double LIPSCHITZ_MARGIN = 1e-6;

    /** FISTA with continuation and {@link Options#defaults()}. */
    public L1Fista() {
        this(Options.defaults());
    }

    public L1Fista(Options options) {
        super(NAME, options);
    }

    /**
     * Options, each a named choice of this reconstruction.
     *
     * @param continuationFactor ratio λ_{s+1}/λ_s of consecutive stages, in (0, 1)
     * @param stageTolerance     relative duality gap at which a stage (or {@link #lasso}) stops,
     *                           in (0, 1)
     * @param maxStageIterations FISTA iterations allowed per stage (and per {@link #lasso} call)
     * @param maxIterations      FISTA iterations allowed over all stages
     * @param minLambdaRatio     λ_min/λ₀, the floor of the continuation, in (0, 1)
     * @param stableStages       stages the k-largest support must stay unchanged after the
     *                           solution first has k non-zeros (0: stop at once), ≥ 0
     * @param adaptiveRestart    reset the momentum by O'Donoghue–Candès' gradient test
     * @param recordTrace        record one trace entry per stage (allocates)
     */
    public record Options(
            @Option(value = "Ratio λ_{s+1}/λ_s of consecutive continuation stages, in (0, 1)",
                    origin = Origin.RECONSTRUCTED,
                    source = "the SEA paper names the ℓ1 baseline, not its settings")
            double continuationFactor,
            @Option(value = "Relative duality gap at which a stage stops, in (0, 1)",
                    origin = Origin.RECONSTRUCTED,
                    source = "the SEA paper names the ℓ1 baseline, not its settings")
            double stageTolerance,
            @Option(value = "FISTA iterations allowed per continuation stage",
                    origin = Origin.RECONSTRUCTED,
                    source = "the SEA paper names the ℓ1 baseline, not its settings")
            int maxStageIterations,
            @Option(value = "FISTA iterations allowed over all stages",
                    origin = Origin.RECONSTRUCTED,
                    source = "the SEA paper names the ℓ1 baseline, not its settings")
            int maxIterations,
            @Option(value = "λ_min/λ₀, the floor of the continuation, in (0, 1)",
                    origin = Origin.RECONSTRUCTED,
                    source = "the SEA paper names the ℓ1 baseline, not its settings")
            double minLambdaRatio,
            @Option(value = "Stages the k-largest support must stay unchanged after the solution first has k non-zeros (0: stop at once)",
                    origin = Origin.RECONSTRUCTED,
                    source = "measured here on Gaussian 250×500 instances (class Javadoc)")
            int stableStages,
            @Option(value = "Reset the momentum by the gradient test of O'Donoghue & Candès 2015 (off: plain Beck–Teboulle FISTA)",
                    origin = Origin.RECONSTRUCTED,
                    source = "O'Donoghue & Candès 2015")
            boolean adaptiveRestart,
            @Option(value = "Record one trace entry per continuation stage (allocates)",
                    origin = Origin.IMPLEMENTATION)
            boolean recordTrace) {

        public Options {
            requireOpenUnitInterval("continuationFactor", continuationFactor);
            requireOpenUnitInterval("stageTolerance", stageTolerance);
            Checks.requirePositive("maxStageIterations", maxStageIterations);
            Checks.requirePositive("maxIterations", maxIterations);
            requireOpenUnitInterval("minLambdaRatio", minLambdaRatio);
            Checks.requireNonNegative("stableStages", stableStages);
        }

        /**
         * Factor 0.7 (≈ 39 stages from λ₀ down to the floor), relative gap 10⁻⁶ per stage,
         * 5 000 iterations per stage and 50 000 in all, λ_min = 10⁻⁶·λ₀, 2 stable stages,
         * restart on, no trace.
         */
        public static Options defaults() {
            return new Options(0.7, 1e-6, 5_000, 50_000, 1e-6, 2, true, false);
        }

        public Options withContinuationFactor(double value) {
            return new Options(value, stageTolerance, maxStageIterations, maxIterations,
                    minLambdaRatio, stableStages, adaptiveRestart, recordTrace);
        }

        public Options withStageTolerance(double value) {
            return new Options(continuationFactor, value, maxStageIterations, maxIterations,
                    minLambdaRatio, stableStages, adaptiveRestart, recordTrace);
        }

        public Options withMaxStageIterations(int value) {
            return new Options(continuationFactor, stageTolerance, value, maxIterations,
                    minLambdaRatio, stableStages, adaptiveRestart, recordTrace);
        }

        public Options withMaxIterations(int value) {
            return new Options(continuationFactor, stageTolerance, maxStageIterations, value,
                    minLambdaRatio, stableStages, adaptiveRestart, recordTrace);
        }

        public Options withMinLambdaRatio(double value) {
            return new Options(continuationFactor, stageTolerance, maxStageIterations, maxIterations,
                    value, stableStages, adaptiveRestart, recordTrace);
        }

        public Options withStableStages(int value) {
            return new Options(continuationFactor, stageTolerance, maxStageIterations, maxIterations,
                    minLambdaRatio, value, adaptiveRestart, recordTrace);
        }

        public Options withAdaptiveRestart(boolean value) {
            return new Options(continuationFactor, stageTolerance, maxStageIterations, maxIterations,
                    minLambdaRatio, stableStages, value, recordTrace);
        }

        public Options withRecordTrace(boolean value) {
            return new Options(continuationFactor, stageTolerance, maxStageIterations, maxIterations,
                    minLambdaRatio, stableStages, adaptiveRestart, value);
        }

        private static void requireOpenUnitInterval(String name, double value) {
            if (!(value > 0 && value < 1)) {
                throw new IllegalArgumentException(name + " must be in (0, 1): " + value);
            }
        }
    }

    /**
     * A LASSO solution for one λ (not refit).
     *
     * @param estimate           x, length n
     * @param lambda             the λ it solves
     * @param iterations         FISTA iterations performed
     * @param converged          true if the relative duality gap reached the tolerance before the cap
     * @param relativeDualityGap (P(x) − D(θ))/P(x) at the returned x (see the class comment)
     * @param objective          P(x) = ½‖Ax − y‖₂² + λ‖x‖₁
     */
    public record LassoSolution(double[] estimate, double lambda, int iterations, boolean converged,
                                double relativeDualityGap, double objective) {
    }

    /**
     * Solves the LASSO at a fixed λ by FISTA from x = 0, stopping at
     * {@link Options#stageTolerance()} or after {@link Options#maxStageIterations()}
     * iterations; no continuation and no refit. The problem's sparsity is not used.
     */
    public LassoSolution lasso(Problem problem, double lambda) {
        MatrixFree.requireDensifiable(problem, NAME + " (lasso at a fixed λ)", "the dense matrix; solve() runs matrix-free"); // issue 17
        SolverInputs.requireSolvable(problem);
        Checks.requirePositive("lambda", lambda);
        DenseMatrix a = problem.operator().toDense();
        Workspace ws = new Workspace(a, problem.observations());
        ws.startFromZero();
        int iterations = ws.runStage(lambda, options.maxStageIterations(), options.stageTolerance(),
                options.adaptiveRestart());
        return new LassoSolution(ws.x.clone(), lambda, iterations, ws.stageConverged,
                ws.relativeGap, ws.objective);
    }

    /** {@link #lasso(Problem, double)} for y ≈ A x. */
    public LassoSolution lasso(LinearOperator a, double[] y, double lambda) {
        return lasso(Problem.of(a, y, 1), lambda);
    }

    @Override
    public SparseResult solve(Problem problem) {
        return solve(problem, MatrixFree.applies(problem));
    }

    /**
     * Large implicit operators (issue 17, {@code matrixFree}) run the same iteration through
     * the operator: products by apply/applyAdjoint, ‖A‖₂ without densifying
     * ({@link OperatorProblem#spectralNorm}), the refit by CGLS. Package-private so tests can
     * compare both paths on one small instance.
     */
    SparseResult solve(Problem problem, boolean matrixFree) {
        OperatorProblem implicit = matrixFree ? OperatorProblem.of(problem) : null;
        if (!matrixFree) {
            SolverInputs.requireSolvable(problem);
        }
        LinearOperator a = matrixFree ? problem.operator() : problem.operator().toDense();
        double[] y = problem.observations();
        int n = a.cols();
        int k = problem.sparsity();
        Workspace ws = matrixFree ? new Workspace(a, implicit.spectralNorm(), y)
                : new Workspace((DenseMatrix) a, y);
        ws.startFromZero();
        Trace.Recorder recorder = options.recordTrace() ? new Trace.Recorder() : null;
        LargestK largestK = new LargestK(n);
        int[] support = new int[k];

        double lambdaMax = 0;
        for (int j = 0; j < n; j++) {
            lambdaMax = Math.max(lambdaMax, Math.abs(ws.c[j]));
        }
        double floor = options.minLambdaRatio() * lambdaMax;
        double lambda = lambdaMax;
        int total = 0;
        int stages = 0;
        int stagesAtCap = 0;
        int nonZeros = 0;
        int[] previous = new int[k];
        int unchanged = -1; // stages since the k-largest support last changed; −1: < k non-zeros
        // Aᵀy = 0: x = 0 solves every stage and is also the k-sparse least-squares fit.
        boolean reached = lambdaMax == 0;
        while (!reached && lambda > floor && total < options.maxIterations()) {
            lambda = Math.max(lambda * options.continuationFactor(), floor);
            int budget = Math.min(options.maxStageIterations(), options.maxIterations() - total);
            total += ws.runStage(lambda, budget, options.stageTolerance(), options.adaptiveRestart());
            stages++;
            if (!ws.stageConverged) {
                stagesAtCap++;
            }
            nonZeros = countNonZeros(ws.x);
            int size = largestNonZeros(ws.x, nonZeros, k, largestK, support);
            if (nonZeros < k) {
                unchanged = -1;
            } else {
                unchanged = unchanged >= 0 && Arrays.equals(support, previous) ? unchanged + 1 : 0;
                System.arraycopy(support, 0, previous, 0, k);
            }
            reached = unchanged >= options.stableStages();
            if (recorder != null) {
                recorder.record(Math.sqrt(2 * ws.halfResidualSquared), support, size);
            }
        }

        int size = largestNonZeros(ws.x, nonZeros, k, largestK, support);
        double[] estimate = new double[n];
        int rankDeficientFits = 0;
        if (size > 0 && matrixFree) {
            SupportCgls cgls = new SupportCgls(a, y, size, SupportCgls.Options.defaults());
            double[] coefficients = new double[size];
            cgls.solve(support, size, coefficients);
            for (int i = 0; i < size; i++) {
                estimate[support[i]] = coefficients[i];
            }
        } else if (size > 0) {
            SupportLeastSquares leastSquares = new SupportLeastSquares(a, k);
            leastSquares.setObservations(y);
            for (int i = 0; i < size; i++) {
                leastSquares.add(support[i]);
            }
            leastSquares.estimate(estimate, new double[k]);
            rankDeficientFits = leastSquares.rank() < size ? 1 : 0;
        }
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("lambdaMax", lambdaMax);
        diagnostics.put("finalLambda", lambda);
        diagnostics.put("stages", (double) stages);
        diagnostics.put("stagesAtIterationCap", (double) stagesAtCap);
        diagnostics.put("lassoNonZeros", (double) nonZeros);
        diagnostics.put("stableStages", (double) Math.max(unchanged, 0));
        diagnostics.put("finalRelativeGap", stages == 0 ? 0.0 : ws.relativeGap);
        diagnostics.put(FitDiagnostics.RANK_DEFICIENT_FITS, (double) rankDeficientFits);
        diagnostics.put(FitDiagnostics.ZERO_COEFFICIENTS, (double) FitDiagnostics.zeroCoefficients(estimate, support, size));
        int[] selected = Arrays.copyOf(support, size);
        return SparseResult.of(a, y, estimate, selected, total, reached,
                recorder == null ? null : recorder.build(), diagnostics);
    }

    private static int countNonZeros(double[] x) {
        int count = 0;
        for (double v : x) {
            if (v != 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * Writes into {@code out} the indices of the min(k, nonZeros) largest |x_j| among the
     * non-zeros of x, and returns how many.
     */
    private static int largestNonZeros(double[] x, int nonZeros, int k, LargestK largestK, int[] out) {
        if (nonZeros == 0) {
            return 0;
        }
        if (nonZeros > k) {
            largestK.select(x, x.length, k, out);
            return k;
        }
        int size = 0;
        for (int j = 0; j < x.length; j++) {
            if (x[j] != 0) {
                out[size++] = j;
            }
        }
        return size;
    }

    /**
     * Per-call state of the FISTA iteration. Invariant between iterations: {@code r = A x − y}
     * and {@code c = Aᵀ r} for the current x, and {@code cPrevious = Aᵀ(A x⁻ − y)} for the
     * previous iterate x⁻ (equal to x at the start of a stage).
     */
    private static final class Workspace {
        private final DenseKernel kernel = DenseKernels.active();
        private final double[] a;          // dense data, or null on the matrix-free path
        private final LinearOperator operator;
        private final int m;
        private final int n;
        private final double[] y;
        private final double lipschitz;

        private double[] x;
        private double[] xPrevious;
        private double[] xNext;
        private double[] c;
        private double[] cPrevious;
        private double[] cNext;
        private double[] r;
        private double[] rNext;

        private boolean stageConverged;
        private double relativeGap;
        private double objective;
        private double halfResidualSquared;

        Workspace(DenseMatrix matrix, double[] y) {
            this(matrix, matrix.data(), matrix.spectralNorm(), y);
        }

        /** The matrix-free workspace: products through {@code operator}, ‖A‖₂ given. */
        Workspace(LinearOperator operator, double spectralNorm, double[] y) {
            this(operator, null, spectralNorm, y);
        }

        private Workspace(LinearOperator operator, double[] data, double norm, double[] y) {
            this.operator = operator;
            this.a = data;
            this.m = operator.rows();
            this.n = operator.cols();
            this.y = y;
            this.lipschitz = (1 + LIPSCHITZ_MARGIN) * norm * norm;
            x = new double[n];
            xPrevious = new double[n];
            xNext = new double[n];
            c = new double[n];
            cPrevious = new double[n];
            cNext = new double[n];
            r = new double[m];
            rNext = new double[m];
        }

        /** x = 0, so r = −y and c = −Aᵀy. */
        void startFromZero() {
            Arrays.fill(x, 0.0);
            for (int i = 0; i < m; i++) {
                r[i] = -y[i];
            }
            multiplyTransposed(r, c);
            halfResidualSquared = 0.5 * kernel.dot(r, 0, r, 0, m);
        }

        /**
         * FISTA at fixed λ from the current x (Beck–Teboulle 2009, eq. (4.1)–(4.3)): x⁺ =
         * soft(z − ∇f(z)/L, λ/L), t⁺ = (1 + √(1 + 4t²))/2, z⁺ = x⁺ + ((t − 1)/t⁺)(x⁺ − x).
         * Returns the iterations performed; sets {@link #stageConverged}, {@link #relativeGap},
         * {@link #objective}.
         */
        int runStage(double lambda, int maxIterations, double tolerance, boolean restart) {
            System.arraycopy(x, 0, xPrevious, 0, n);
            System.arraycopy(c, 0, cPrevious, 0, n);
            double step = 1.0 / lipschitz;
            double threshold = lambda * step;
            double t = 1;
            double momentum = 0;
            stageConverged = false;
            int iterations = 0;
            while (iterations < maxIterations) {
                iterations++;
                double restartTest = 0;
                for (int j = 0; j < n; j++) {
                    double xj = x[j];
                    double z = xj + momentum * (xj - xPrevious[j]);
                    double gradient = c[j] + momentum * (c[j] - cPrevious[j]);
                    double u = z - step * gradient;
                    double next = u > threshold ? u - threshold : u < -threshold ? u + threshold : 0.0;
                    xNext[j] = next;
                    restartTest += (z - next) * (next - xj);
                }
                if (a != null) {
                    kernel.multiply(a, m, n, xNext, rNext);
                } else {
                    operator.apply(xNext, rNext);
                }
                for (int i = 0; i < m; i++) {
                    rNext[i] -= y[i];
                }
                multiplyTransposed(rNext, cNext);
                rotate();
                double gap = dualityGap(lambda);
                if (gap <= tolerance * objective) {
                    stageConverged = true;
                    break;
                }
                double tNext = 0.5 * (1 + Math.sqrt(1 + 4 * t * t));
                momentum = (t - 1) / tNext;
                t = tNext;
                if (restart && restartTest > 0) {
                    t = 1;
                    momentum = 0;
                }
            }
            return iterations;
        }

        /** out = Aᵀv: the dense kernel, or the operator's adjoint on the matrix-free path. */
        private void multiplyTransposed(double[] v, double[] out) {
            if (a != null) {
                kernel.multiplyTransposed(a, m, n, v, out);
            } else {
                operator.applyAdjoint(v, out);
            }
        }

        /** x⁻ ← x ← x⁺ (and likewise for c and r) by swapping references: no copies. */
        private void rotate() {
            double[] oldest = xPrevious;
            xPrevious = x;
            x = xNext;
            xNext = oldest;
            oldest = cPrevious;
            cPrevious = c;
            c = cNext;
            cNext = oldest;
            oldest = r;
            r = rNext;
            rNext = oldest;
        }

        /**
         * Sets {@link #objective} and {@link #relativeGap} at the current x and returns the
         * absolute gap P(x) − D(θ) = ½(1 − s)²‖r‖² + λ‖x‖₁ + s⟨x, c⟩ (see the class comment):
         * expanding D(θ) = ⟨y, θ⟩ − ½‖θ‖² with y = Ax − r avoids subtracting two numbers of the
         * size ½‖y‖², so the gap stays accurate down to round-off in c.
         */
        private double dualityGap(double lambda) {
            double l1 = 0;
            double inner = 0;
            double cMax = 0;
            for (int j = 0; j < n; j++) {
                double xj = x[j];
                double cj = c[j];
                l1 += Math.abs(xj);
                inner += xj * cj;
                cMax = Math.max(cMax, Math.abs(cj));
            }
            double residualSquared = kernel.dot(r, 0, r, 0, m);
            halfResidualSquared = 0.5 * residualSquared;
            double s = cMax <= lambda ? 1.0 : lambda / cMax;
            double gap = 0.5 * (1 - s) * (1 - s) * residualSquared + lambda * l1 + s * inner;
            objective = halfResidualSquared + lambda * l1;
            // P = 0 only for x = 0, y = 0, where the gap is 0 too.
            relativeGap = objective == 0 ? 0.0 : gap / objective;
            return gap;
        }
    }
}
