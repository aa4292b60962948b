package io.sparserepro.algorithms.sea;

import io.sparserepro.algorithms.ConfiguredSolver;
import io.sparserepro.algorithms.FitDiagnostics;
import io.sparserepro.algorithms.SolverInputs;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.Trace;
import io.sparserepro.algorithms.implicit.MatrixFree;
import io.sparserepro.algorithms.options.Option;
import io.sparserepro.algorithms.options.Option.Origin;
import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.CholeskyFactor;
import io.sparserepro.core.linalg.DenseKernel;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.linalg.SupportLeastSquares;
import io.sparserepro.core.problem.Problem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Support Exploration Algorithm (Mohamed, Malgouyres, Emiya, Chaux, "Straight-Through
 * meets Sparse Recovery: the Support Exploration Algorithm", ICML 2024, Algorithm 1): the
 * straight-through estimator applied to min_X F(H(X)), F(x) = ½‖Ax − y‖², H = "keep the k
 * largest entries of X, refit by least squares".
 *
 * <pre>
 *   for t = 0 … T−1:
 *       Sᵗ   = largest_k(|Xᵗ|)                   ties → lowest index
 *       xᵗ   = argmin_{supp x ⊆ Sᵗ} ‖Ax − y‖₂
 *       Xᵗ⁺¹ = Xᵗ − η Aᵀ(A xᵗ − y)
 *   return the xᵗ of smallest residual
 * </pre>
 *
 * <p><b>What is reconstructed</b> (SPEC-SEA.md; the paper's exact values are not available
 * here, so each is a named option recorded in results): the step η = stepFactor/‖A‖₂² with
 * stepFactor = 1; T ({@link Options#maxIterations} or {@link Options#iterationsPerSparsity});
 * the tie-break ({@link TieBreak}, lowest index by default); the
 * round-off stop; and the start rule: when X⁰ has fewer than k non-zero entries (SEA₀'s
 * X⁰ = 0, or a short warm start) the t = 0 iterate is X⁰ itself rather than a least-squares
 * fit on indices padded by the tie-break, so SEA₀'s first support read is largest_k(|Aᵀy|).
 * From t = 1 on, Sᵗ is always largest_k(|Xᵗ|), padded by the tie-break if Xᵗ has fewer than
 * k non-zeros. A warm start's scale matters relative to η: entries far larger than the
 * accumulated steps keep their indices on the support for correspondingly long.
 *
 * <p><b>The iteration budget T.</b> The paper's T is not known here (neither its value nor
 * whether it scales with k). The default, {@value #DEFAULT_MAX_ITERATIONS} iterations, is
 * measured: docs/SEA-BUDGET.md sweeps T against support distance and success on spike
 * deconvolution and Gaussian instances ({@code io.sparserepro.benchmarks.SeaBudgetSweep})
 * and says why this value was chosen. T can also be given per unit of sparsity
 * ({@link Options#iterationsPerSparsity}). SEA returns its best iterate, so a larger T never
 * gives a larger residual; it can still give another support.
 *
 * <p><b>After another solver</b> ({@link #after}), X⁰ is that solver's estimate: t = 0
 * reproduces its support (or its estimate, if it has fewer than k non-zeros), and as the
 * best iterate is returned, SEA_ALG is never worse in residual than ALG. This holds exactly:
 * if round-off made the best SEA iterate's recomputed residual exceed ALG's, ALG's estimate
 * is returned.
 *
 * <p><b>Cost.</b> xᵗ is a least-squares fit, so A_Sᵀ(Axᵗ − y) = 0 and X moves only off the
 * support. The least squares is solved through a Cholesky factor of G_SS = A_SᵀA_S read
 * from the cached Gram columns below, updated when a few indices change and refactorised when
 * many do (at large k, up to half the support changes per iteration), with the QR
 * factorisation of A_S ({@link SupportLeastSquares}) kept for supports where the Gram form
 * would lose accuracy (see Run#factorGram); the gradient of each of the last few supports is cached:
 * a repeated support (the common case while the off-support entries of X accumulate) costs
 * O(n), with no least squares and no Aᵀr. By default the gradient itself avoids the O(mn)
 * product Aᵀr: it is Aᵀy − Σ_{j∈S} xᵗ_j (AᵀA)_{:,j}, O(nk), with each Gram column computed
 * once, when its index first enters a support ({@link Options#gramGradient}).
 *
 * <p>Diagnostics: {@code distinctSupports}, {@code bestIteration},
 * {@code firstIterationContainingTruth} (NaN if never or if S* is unknown),
 * {@code leastSquaresSolves} (cache misses), {@code step} (η), {@code gramColumns} (Gram
 * columns this solve used, from the matrix's shared cache), {@code residualGradients} (iterations that used the residual form of the
 * gradient), {@code refactorizations}, {@code factorUpdates} and {@code qrSolves} (how each
 * least-squares solve reached its factor), {@code rankDeficientFits} (least-squares fits whose
 * support had deferred, numerically dependent columns: they stay on the support with
 * coefficient 0, see {@link FitDiagnostics}), and for SEA after a solver,
 * {@code innerResidualNorm} and {@code innerIterations}; last, {@code zeroCoefficients} of the
 * returned estimate.
 */
public final class Sea extends ConfiguredSolver<Sea.Options> {

    /**
     * SEA's options.
     *
     * <p><b>The iteration budget T</b> is given in exactly one of two forms: an absolute count,
     * {@code maxIterations} &gt; 0 with {@code iterationsPerSparsity} = 0 (the default), or per
     * unit of sparsity, {@code iterationsPerSparsity} &gt; 0 with {@code maxIterations} = 0,
     * giving T = iterationsPerSparsity·k for a problem of sparsity k. 0 means "this form is
     * off"; both off or both on is rejected, so a value is never silently ignored. The
     * paper's T is not known here: the default is measured (docs/SEA-BUDGET.md).
     *
     * @param stepFactor            η = stepFactor / ‖A‖₂² (reconstructed default 1)
     * @param maxIterations         T as an absolute count, or 0 (see above)
     * @param iterationsPerSparsity T/k, or 0 (see above; default 0)
     * @param residualTolerance     stop once ‖Axᵗ − y‖₂ ≤ residualTolerance·‖y‖₂: in the
     *                              noiseless case such a residual cannot be beaten (default
     *                              1e-12; 0 stops only at an exact fit), in [0, 1)
     * @param supportCacheSize      how many recent supports keep their gradient (default 8; 0 = off)
     * @param gramGradient          compute the gradient as Aᵀy − (AᵀA)_{:,S} xᵗ_S from Gram columns
     *                              computed once per column that enters a support, instead of
     *                              Aᵀ(y − A xᵗ) from the residual (default on: O(nk) instead of
     *                              O(mn) per iteration). Used only where it is accurate to within
     *                              three digits of the residual form (coefficients not much
     *                              larger than y) and for n ≤ 4096; elsewhere the residual form
     *                              is used (counted in the {@code residualGradients} diagnostic)
     * @param tieBreak              how entries of equal |Xᵗ_i| are ranked in largest_k
     *                              (reconstructed default {@link TieBreak#LOWEST_INDEX})
     * @param recordTrace           record the residual and support of every iteration
     */
    public record Options(
            @Option(value = "η·‖A‖₂², the step of the exploration vector in units of 1/‖A‖₂² (≥ 0; with X⁰ = 0 the supports do not depend on it)",
                    origin = Origin.RECONSTRUCTED,
                    source = "SPEC-SEA.md: η = 1/‖A‖₂², the paper's value is not known here")
            double stepFactor,
            @Option(value = "T, the number of iterations, as an absolute count; 0 = use iterationsPerSparsity (exactly one of the two is positive)",
                    origin = Origin.RECONSTRUCTED,
                    source = "the paper's T is not known here; default measured in docs/SEA-BUDGET.md")
            int maxIterations,
            @Option(value = "T per unit of sparsity: T = iterationsPerSparsity·k; 0 = use maxIterations (exactly one of the two is positive)",
                    origin = Origin.RECONSTRUCTED,
                    source = "the paper's T is not known here")
            int iterationsPerSparsity,
            @Option(value = "Stop once ‖A x − y‖₂ ≤ residualTolerance·‖y‖₂: in the noiseless case such a residual cannot be beaten (relative, in [0, 1); 0 stops only at an exact fit)",
                    origin = Origin.IMPLEMENTATION)
            double residualTolerance,
            @Option(value = "How many recent supports keep their least-squares gradient (0 = off; speed only, results unchanged)",
                    origin = Origin.IMPLEMENTATION)
            int supportCacheSize,
            @Option(value = "Compute the gradient from Gram columns Aᵀa_j (O(nk) per iteration) where it is accurate, instead of Aᵀ(y − A x) (O(mn))",
                    origin = Origin.IMPLEMENTATION)
            boolean gramGradient,
            @Option(value = "How largest_k ranks entries of equal |Xᵗ_i|: LOWEST_INDEX or KEEP_CURRENT",
                    origin = Origin.RECONSTRUCTED,
                    source = "the paper's rule is not stated")
            TieBreak tieBreak,
            @Option(value = "Record the residual norm and support of every iteration (allocates)",
                    origin = Origin.IMPLEMENTATION)
            boolean recordTrace) {
        /** Upper bound on T, in either form. */
        public static final int MAX_BUDGET = 100_000_000;

        public Options {
            Checks.requireNonNull("tieBreak", tieBreak);
            Checks.requireNonNegative("stepFactor", stepFactor);
            Checks.requireInRange("maxIterations", maxIterations, 0, MAX_BUDGET);
            Checks.requireInRange("iterationsPerSparsity", iterationsPerSparsity, 0, MAX_BUDGET);
            if ((maxIterations == 0) == (iterationsPerSparsity == 0)) {
                throw new IllegalArgumentException("exactly one of maxIterations and iterationsPerSparsity must be "
                        + "positive (the other 0): maxIterations = " + maxIterations
                        + ", iterationsPerSparsity = " + iterationsPerSparsity);
            }
            Checks.requireNonNegative("residualTolerance", residualTolerance);
            if (residualTolerance >= 1) {
                throw new IllegalArgumentException("residualTolerance must be in [0, 1): " + residualTolerance);
            }
            Checks.requireInRange("supportCacheSize", supportCacheSize, 0, 1024);
        }

        public static Options defaults() {
            return new Options(1.0, DEFAULT_MAX_ITERATIONS, 0, 1e-12, 8, true, TieBreak.LOWEST_INDEX, false);
        }

        /** T for a problem of sparsity k: maxIterations, or iterationsPerSparsity·k capped at {@link #MAX_BUDGET}. */
        public int iterationBudget(int k) {
            Checks.requirePositive("k", k);
            return maxIterations > 0 ? maxIterations : (int) Math.min(MAX_BUDGET, (long) iterationsPerSparsity * k);
        }

        public Options withStepFactor(double value) {
            return new Options(value, maxIterations, iterationsPerSparsity, residualTolerance, supportCacheSize,
                    gramGradient, tieBreak, recordTrace);
        }

        /** An absolute budget T = value (iterationsPerSparsity switched off). */
        public Options withMaxIterations(int value) {
            return new Options(stepFactor, value, 0, residualTolerance, supportCacheSize, gramGradient,
                    tieBreak, recordTrace);
        }

        /** A budget T = value·k (maxIterations switched off). */
        public Options withIterationsPerSparsity(int value) {
            return new Options(stepFactor, 0, value, residualTolerance, supportCacheSize, gramGradient,
                    tieBreak, recordTrace);
        }

        public Options withResidualTolerance(double value) {
            return new Options(stepFactor, maxIterations, iterationsPerSparsity, value, supportCacheSize,
                    gramGradient, tieBreak, recordTrace);
        }

        public Options withSupportCacheSize(int value) {
            return new Options(stepFactor, maxIterations, iterationsPerSparsity, residualTolerance, value,
                    gramGradient, tieBreak, recordTrace);
        }

        public Options withRecordTrace(boolean value) {
            return new Options(stepFactor, maxIterations, iterationsPerSparsity, residualTolerance, supportCacheSize,
                    gramGradient, tieBreak, value);
        }

        public Options withTieBreak(TieBreak value) {
            return new Options(stepFactor, maxIterations, iterationsPerSparsity, residualTolerance, supportCacheSize,
                    gramGradient, value, recordTrace);
        }

        public Options withGramGradient(boolean value) {
            return new Options(stepFactor, maxIterations, iterationsPerSparsity, residualTolerance, supportCacheSize,
                    value, tieBreak, recordTrace);
        }
    }

    /** The default absolute budget T (docs/SEA-BUDGET.md; the paper's T is not known here). */
    public static final int DEFAULT_MAX_ITERATIONS = 32_000;

    /** How largest_k ranks entries of equal modulus (the paper's rule is not stated: reconstructed). */
    public enum TieBreak {
        /** The lower index first. */
        LOWEST_INDEX,
        /** An index on the previous support first, then the lower index: a tie never swaps a kept index out. */
        KEEP_CURRENT
    }

    /** Above this many columns the Gram-column cache (up to n² doubles) is not used. */
    static final int GRAM_MAX_COLUMNS = 4096;
    /** The Gram form is used while Σ|z_j|‖a_j‖ ≤ this factor × ‖y‖ (see Run#gramIsAccurate). */
    static final double GRAM_ACCURACY_FACTOR = 1e3;
    /**
     * Cost of deleting one row of the Cholesky factor of G_SS by Givens rotations, per squared
     * count of rows below it, in flops of the blocked refactorisation (see Run#factorGram): a
     * deletion at row p of an s-row factor rotates (s − p)²/2 pairs of entries (6 flops each)
     * and moves every column, at a lower rate than the register-blocked factorisation.
     * Measured ({@code GramCholeskyBenchmark.main}, minimum of 500 moves, random positions):
     * updating stops paying at ~2 changed indices of 25, 6–8 of 60, 8–12 of 80 and 12–16 of
     * 150; 6–8 reproduces those crossovers at k ≥ 60 (k = 25 is a sub-microsecond tie either
     * way).
     */
    static final double ROTATION_WEIGHT = 8;

    /** Flops of factorising rows first..s−1 of an s×s matrix: (s³ − first³)/3. */
    static double factorFlops(int first, int s) {
        return ((double) s * s * s - (double) first * first * first) / 3;
    }
    /**
     * Smallest min_i L_ii²/G_ii for which the Gram form is trusted. 1/this bounds cond(G_SS)
     * from below (usually within a small factor): 1e-4 keeps the normal equations' error
     * ε·cond(A_S)² below ~1e-12 relative; Gaussian supports at ρ ≤ 0.5 have ratios ~0.1.
     */
    static final double GRAM_MIN_PIVOT_RATIO = 1e-4;
    /** Pivot tolerance of the Cholesky factor: below it a column counts as dependent. */
    static final double CHOLESKY_PIVOT_TOLERANCE = 1e-12;

    private final SparseSolver inner;

    /** {@code sea-0}, or {@code sea-} followed by the inner solver's name. */
    private Sea(Options options, SparseSolver inner) {
        super(inner == null ? "sea-0" : "sea-" + inner.name(), options);
        this.inner = inner;
    }

    /** SEA₀: SEA alone, from X⁰ = 0. */
    public static Sea standalone() {
        return new Sea(Options.defaults(), null);
    }

    public static Sea standalone(Options options) {
        return new Sea(options, null);
    }

    /** SEA_ALG: SEA started from the output of {@code inner}. */
    public static Sea after(SparseSolver inner) {
        return after(inner, Options.defaults());
    }

    public static Sea after(SparseSolver inner, Options options) {
        return new Sea(options, Checks.requireNonNull("inner", inner));
    }


    @Override
    public String configuration() {
        return super.configuration() + (inner == null ? "" : " after " + inner.configuration());
    }

    @Override
    public SparseResult solve(Problem problem) {
        if (MatrixFree.applies(problem)) {
            return SeaImplicit.solve(options, inner, problem); // large implicit operator: issue 17
        }
        SolverInputs.requireSolvable(problem);
        if (inner == null) {
            return explore(problem, new double[problem.cols()], null);
        }
        SparseResult start = inner.solve(problem);
        return explore(problem, start.estimate().clone(), start);
    }

    /**
     * SEA from a caller-given exploration start X⁰ (length n; any values, e.g. a dense
     * estimate from another method). The start is not modified.
     */
    public SparseResult solveFrom(Problem problem, double[] start) {
        if (problem != null && MatrixFree.applies(problem)) {
            Checks.requireFinite("start", start);
            Checks.requireLength("start", start, problem.cols());
            return SeaImplicit.solveFrom(options, problem, start); // large implicit operator: issue 17
        }
        SolverInputs.requireSolvable(problem);
        Checks.requireFinite("start", start);
        Checks.requireLength("start", start, problem.cols());
        return explore(problem, start.clone(), null);
    }

    /** Zobrist key of one index: XOR over a support gives an order-free 64-bit support key. */
    static long indexKey(int j) {
        long z = (j + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private SparseResult explore(Problem problem, double[] start, SparseResult innerResult) {
        return new Run(problem, innerResult).explore(start);
    }

    /** The per-call workspace and state of one SEA run. */
    private final class Run {
        private final Problem problem;
        private final SparseResult innerResult;
        private final DenseMatrix a;
        private final DenseKernel kernel = DenseKernels.active();
        private final int m;
        private final int n;
        private final int k;
        private final double[] y;
        private final double yNorm;
        private final double step;
        private final SupportLeastSquares leastSquares;
        private final SupportWalk walk;   // selection, visited set, truth, gradient cache
        private final int[] support;      // walk.support
        private final int[] factorizedSupport;
        private final boolean[] onSupport;
        private final double[] residual;
        private final double[] ascent;      // Aᵀ(y − A xᵗ) = −∇F(xᵗ)
        private final double[] aty;         // Aᵀy, for the Gram form of the gradient
        private final double[][] gramColumns; // (AᵀA)_{:,j}, fetched when j first enters a support
        private final DenseMatrix.GramColumns sharedGram; // computed once per matrix, shared by every solve
        private int gramColumnsComputed;
        private int residualGradients;
        private final boolean useGram;
        private final double[] columnNorms;
        private final double[] coefficients;
        private final double[] estimate;
        private final double[] bestEstimate;
        private int[] bestSupport = new int[0];
        private final Trace.Recorder trace;
        // The Gram form of the least squares (see factorGram): a Cholesky factor of G_SS,
        // with its columns in factor order and each index's row in it (−1: not in it).
        private final CholeskyFactor gramFactor;
        private final int[] factorOrder;
        private final int[] factorRow;
        private final int[] scratchOrder;
        private final double[] gramBlock;   // k×k column-major lower triangle of G_SS for factorFrom
        private final double[] gramRow;
        private final double[] projection;  // L⁻¹A_Sᵀy = Qᵀy for A_S = QR, R = Lᵀ
        private int refactorizations;
        private int factorUpdates;
        private int qrSolves;
        private double bestResidual = Double.POSITIVE_INFINITY;
        private int bestIteration = -1;
        private int leastSquaresSolves;
        private int rankDeficientFits;

        Run(Problem problem, SparseResult innerResult) {
            this.problem = problem;
            this.innerResult = innerResult;
            this.a = problem.operator().toDense();
            this.m = a.rows();
            this.n = a.cols();
            this.k = problem.sparsity();
            this.y = problem.observations();
            this.yNorm = DenseKernels.norm2(y);
            double spectralNorm = a.spectralNorm();
            this.step = options.stepFactor() / (spectralNorm * spectralNorm);
            this.leastSquares = new SupportLeastSquares(a, k);
            leastSquares.setObservations(y);
            this.walk = new SupportWalk(n, k, problem.trueSupport(), options.tieBreak(), options.supportCacheSize());
            this.support = walk.support;
            this.factorizedSupport = new int[k];
            this.onSupport = new boolean[n];
            this.residual = new double[m];
            this.ascent = new double[n];
            this.aty = new double[n];
            // The Gram form needs y and the Gram columns at a sane scale and at most n² doubles
            // of cache: beyond GRAM_MAX_COLUMNS columns, or for y near over/underflow, the
            // residual form is used throughout.
            this.useGram = options.gramGradient() && n <= GRAM_MAX_COLUMNS && yNorm > 1e-100 && yNorm < 1e100;
            this.gramColumns = new double[useGram ? n : 0][];
            this.sharedGram = useGram ? a.gramColumns() : null;
            this.columnNorms = useGram ? a.columnNorms() : new double[0];
            if (useGram) {
                kernel.multiplyTransposed(a.data(), m, n, y, aty);
            }
            this.coefficients = new double[k];
            this.gramFactor = new CholeskyFactor(k);
            this.factorOrder = new int[k];
            this.factorRow = new int[useGram ? n : 0];
            java.util.Arrays.fill(factorRow, -1);
            this.scratchOrder = new int[k];
            this.gramBlock = new double[useGram ? k * k : 0];
            this.gramRow = new double[k];
            this.projection = new double[k];
            this.estimate = new double[n];
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
                // Straight-through step: Xᵗ⁺¹ = Xᵗ − η ∇F(xᵗ).
                kernel.axpy(step, ascent, 0, x, 0, n);
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

        /** A start with fewer than k non-zeros (SEA₀'s zero, a short warm start): x⁰ = X⁰ itself. */
        private double evaluateAsIs(double[] x, int t) {
            a.apply(x, residual);
            for (int i = 0; i < m; i++) {
                residual[i] = y[i] - residual[i];
            }
            double residualNorm = DenseKernels.norm2(residual, m);
            kernel.multiplyTransposed(a.data(), m, n, residual, ascent);
            if (residualNorm < bestResidual) {
                bestResidual = residualNorm;
                bestIteration = t;
                System.arraycopy(x, 0, bestEstimate, 0, n);
                bestSupport = nonZerosOf(x);
            }
            if (trace != null) {
                int size = 0;
                for (int j = 0; j < n; j++) {
                    if (x[j] != 0.0) {
                        support[size++] = j;
                    }
                }
                trace.record(residualNorm, support, size);
            }
            return residualNorm;
        }

        /** Sᵗ = largest_k(|Xᵗ|), least squares on it (or its cached gradient), bookkeeping. */
        private double evaluateSupport(double[] x, int t) {
            long key = walk.select(x, t);
            double residualNorm;
            int slot = walk.cacheSlot(key);
            if (slot >= 0) {
                // A support seen recently: same least-squares fit, same gradient, and its
                // residual was already compared with the best one.
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

        private double solveOnSupport(int t) {
            leastSquaresSolves++;
            if (useGram && factorGram()) {
                solveGram();
                if (gramIsAccurate(coefficients, factorOrder, k)) {
                    return finishGram(t);
                }
            }
            return solveByQr(t);
        }

        /**
         * Brings the Cholesky factor of G_SS = A_SᵀA_S to the support read, from the Gram
         * columns (each computed once per index, as for the gradient), and says whether it may
         * be trusted. A support that changes by few indices is updated (each leaving row
         * deleted by Givens rotations, O((k − p)²), then the entering rows appended as one
         * block, (k³ − s³)/3 for s kept rows); one that changes wholesale — at large k
         * consecutive SEA supports differ by up to half their indices, at positions all over
         * the factor — is refactorised from its first changed row, (k³ − p³)/3 flops. The
         * cheaper of the two by the flop model of {@link #ROTATION_WEIGHT} is taken (measured:
         * updates win below ~0.1·k changed indices). Both cost no product with A: the QR
         * factorisation of A_S costs O(mk) per changed index, O(mk²) to rebuild.
         *
         * <p>Why not an order in which the leaving rows sit at the end: on these supports the
         * indices that leave are the oldest (the entries of X frozen at the smallest values),
         * those that enter the newest, so in any order kept from one support to the next one
         * of the two groups sits in front; a measured ordering by |X| kept the first change at
         * a median of 15–25 of 150 rows, saving ≤ 10% of the flops.
         *
         * @return false if the factor is rank-deficient or ill-conditioned (min L_ii²/G_ii below
         *         {@link #GRAM_MIN_PIVOT_RATIO}): the Gram form squares cond(A_S), so such a
         *         support (coherent columns, as in spike deconvolution) is solved by QR
         */
        private boolean factorGram() {
            int size = gramFactor.size();
            for (int i = 0; i < k; i++) {
                gramColumn(support[i]); // computed now if new: the factor reads its entries
                onSupport[support[i]] = true;
            }
            // Cost of the two ways, in flops of the blocked factorisation: Givens deletions
            // (last first, so row i is deleted from a factor of `remaining` rows) then a block
            // append of the newcomers, or a refactorisation from the first leaving row.
            int remaining = size;
            int firstLeaving = size;
            double rotations = 0;
            for (int i = size - 1; i >= 0; i--) {
                if (!onSupport[factorOrder[i]]) {
                    double below = remaining - i;
                    rotations += below * below;
                    remaining--;
                    firstLeaving = i;
                }
            }
            double updateCost = ROTATION_WEIGHT * rotations + factorFlops(remaining, k);
            boolean ok;
            if (size > 0 && updateCost <= factorFlops(firstLeaving, k)) {
                ok = updateGram(size);
            } else {
                ok = refactorGram(size, firstLeaving);
            }
            for (int i = 0; i < k; i++) {
                onSupport[support[i]] = false;
            }
            if (!ok || gramFactor.minPivotRatio() < GRAM_MIN_PIVOT_RATIO) {
                clearGramFactor(); // rebuilt from scratch at the next Gram solve
                return false;
            }
            return true;
        }

        /** Survivors keep their order (rows before the first leaving one are reused), newcomers follow. */
        private boolean refactorGram(int size, int firstLeaving) {
            refactorizations++;
            int s = 0;
            for (int i = 0; i < size; i++) {
                int j = factorOrder[i];
                if (onSupport[j]) {
                    scratchOrder[s++] = j;
                } else {
                    factorRow[j] = -1;
                }
            }
            for (int i = 0; i < k; i++) {
                int j = support[i];
                if (factorRow[j] < 0) {
                    scratchOrder[s++] = j;
                }
            }
            for (int i = 0; i < k; i++) {
                int j = scratchOrder[i];
                factorOrder[i] = j;
                factorRow[j] = i;
            }
            int first = Math.min(firstLeaving, gramFactor.size());
            gatherGram(first);
            return gramFactor.factorFrom(gramBlock, k, k, first, CHOLESKY_PIVOT_TOLERANCE) == k;
        }

        /** Deletes the leaving rows (Givens), then appends the newcomers as one block. */
        private boolean updateGram(int size) {
            factorUpdates++;
            // Leaving rows, last first, so the rows still to delete keep their positions.
            for (int i = size - 1; i >= 0; i--) {
                int j = factorOrder[i];
                if (!onSupport[j]) {
                    gramFactor.remove(i);
                    factorRow[j] = -1;
                    System.arraycopy(factorOrder, i + 1, factorOrder, i, gramFactor.size() - i);
                }
            }
            int s = gramFactor.size();
            for (int i = 0; i < s; i++) {
                factorRow[factorOrder[i]] = i;
            }
            for (int i = 0, next = s; i < k; i++) {
                int j = support[i];
                if (factorRow[j] < 0) {
                    factorOrder[next] = j;
                    factorRow[j] = next++;
                }
            }
            gatherGram(s);
            return gramFactor.factorFrom(gramBlock, k, k, s, CHOLESKY_PIVOT_TOLERANCE) == k;
        }

        /**
         * Rows from..k−1 of G_SS in factor order into {@link #gramBlock}, the lower triangle
         * column-major as {@link CholeskyFactor#factorFrom} reads it: entry (i, c), i ≥ c, at
         * i + c·k, i.e. entry factorOrder[i] of the Gram column of factorOrder[c].
         */
        private void gatherGram(int from) {
            for (int c = 0; c < k; c++) {
                double[] column = gramColumns[factorOrder[c]];
                int base = c * k;
                for (int i = Math.max(c, from); i < k; i++) {
                    gramBlock[base + i] = column[factorOrder[i]];
                }
            }
        }

        /** Empties the factor; rows past a failed pivot may be marked too, hence the check over all k. */
        private void clearGramFactor() {
            for (int i = 0; i < k; i++) {
                if (factorRow[factorOrder[i]] == i) {
                    factorRow[factorOrder[i]] = -1;
                }
            }
            gramFactor.clear();
        }

        /** z = G_SS⁻¹A_Sᵀy through L: projection = L⁻¹A_Sᵀy (= Qᵀy), then Lᵀz = projection. */
        private void solveGram() {
            for (int i = 0; i < k; i++) {
                gramRow[i] = aty[factorOrder[i]];
            }
            gramFactor.forward(gramRow, projection);
            gramFactor.backward(projection, coefficients);
        }

        /** Gradient Aᵀy − Σ z_j (AᵀA)_{:,j}, residual norm, best-iterate bookkeeping. */
        private double finishGram(int t) {
            System.arraycopy(aty, 0, ascent, 0, n);
            kernel.subtractCombination(gramColumns, factorOrder, coefficients, k, ascent, n);
            double projected = 0;
            for (int i = 0; i < k; i++) {
                projected += projection[i] * projection[i];
            }
            // As in the QR form: ‖r‖² = ‖y‖² − ‖Qᵀy‖² while the residual is not small, else
            // r = y − A_S z formed explicitly.
            double squared = yNorm * yNorm - projected;
            double residualNorm;
            if (squared > 1e-6 * yNorm * yNorm) {
                residualNorm = Math.sqrt(squared);
            } else {
                System.arraycopy(y, 0, residual, 0, m);
                for (int i = 0; i < k; i++) {
                    kernel.axpy(-coefficients[i], a.data(), a.columnOffset(factorOrder[i]), residual, 0, m);
                }
                residualNorm = DenseKernels.norm2(residual, m);
            }
            if (residualNorm < bestResidual) {
                bestResidual = residualNorm;
                bestIteration = t;
                java.util.Arrays.fill(bestEstimate, 0.0);
                for (int i = 0; i < k; i++) {
                    bestEstimate[factorOrder[i]] = coefficients[i];
                }
                bestSupport = support.clone();
            }
            return residualNorm;
        }

        /** The QR form ({@link SupportLeastSquares}), for supports the Gram form must not be trusted with. */
        private double solveByQr(int t) {
            qrSolves++;
            for (int i = 0; i < k; i++) {
                onSupport[support[i]] = true;
            }
            int size = leastSquares.support(factorizedSupport);
            int leaving = 0;
            for (int i = 0; i < size; i++) {
                if (!onSupport[factorizedSupport[i]]) {
                    leaving++;
                }
            }
            if (qrRebuildIsCheaper(leaving, size)) {
                leastSquares.clear();
            } else {
                for (int i = 0; i < size; i++) {
                    if (!onSupport[factorizedSupport[i]]) {
                        leastSquares.remove(factorizedSupport[i]);
                    }
                }
            }
            for (int i = 0; i < k; i++) {
                int j = support[i];
                onSupport[j] = false;
                if (!leastSquares.contains(j)) {
                    leastSquares.add(j);
                }
            }
            if (leastSquares.rank() < k) {
                rankDeficientFits++; // deferred columns stay on the support with coefficient 0
            }
            double residualNorm;
            leastSquares.solve(coefficients);
            if (useGram && gramIsAccurate(coefficients, null, leastSquares.rank())) {
                System.arraycopy(aty, 0, ascent, 0, n);
                for (int i = 0; i < leastSquares.rank(); i++) {
                    kernel.axpy(-coefficients[i], gramColumn(leastSquares.factorizedColumn(i)), 0, ascent, 0, n);
                }
                // ‖r‖² = ‖y‖² − ‖Qᵀy‖² is accurate to ~ε‖y‖²/‖r‖ absolute: fine while the
                // residual is not small; below 1e-3‖y‖ (error up to 1e3·ε‖y‖) form r explicitly.
                double squared = yNorm * yNorm - leastSquares.projectionNormSquared();
                residualNorm = squared > 1e-6 * yNorm * yNorm ? Math.sqrt(squared)
                        : leastSquares.residualNorm(residual);
            } else {
                residualGradients++;
                leastSquares.residual(residual);
                residualNorm = DenseKernels.norm2(residual, m);
                kernel.multiplyTransposed(a.data(), m, n, residual, ascent);
            }
            if (residualNorm < bestResidual) {
                bestResidual = residualNorm;
                bestIteration = t;
                leastSquares.estimate(bestEstimate, coefficients);
                // The support read, deferred (numerically dependent) columns included: their
                // coefficient is 0 but they are part of the support the fit was made on.
                bestSupport = support.clone();
            }
            return residualNorm;
        }

        /**
         * The flop model of the thresholding solvers' SupportFit, in units of m: removing a
         * column costs ~3r (Givens on Q), adding one ~4r (two Gram–Schmidt passes), rebuilding
         * r columns ~2r².
         */
        private boolean qrRebuildIsCheaper(int leaving, int size) {
            long update = 3L * leaving * size + 4L * leaving * k;
            return 2L * k * k < update;
        }

        /**
         * Says whether the Gram form of the gradient is accurate for coefficients z (of the
         * columns {@code columns[i]}, or of the QR factorisation's columns if null). Its rounding
         * error is ~ε Σ_j |z_j|‖a_j‖·‖a_i‖ per entry, the residual form's ~ε‖y‖‖a_i‖: on
         * ill-conditioned supports (clusters of coherent columns) z can be orders of magnitude
         * larger than y, and the Gram form would then steer the exploration by round-off. Allow
         * three digits of difference.
         */
        private boolean gramIsAccurate(double[] z, int[] columns, int count) {
            double weighted = 0;
            for (int i = 0; i < count; i++) {
                int j = columns == null ? leastSquares.factorizedColumn(i) : columns[i];
                weighted += Math.abs(z[i]) * columnNorms[j];
            }
            return weighted <= GRAM_ACCURACY_FACTOR * yNorm;
        }

        /**
         * (AᵀA)_{:,j} = Aᵀa_j, fetched the first time column j enters a support from the
         * matrix's shared cache (computed there once for every solve on the same matrix: the
         * trials of a deconvolution grid point share theirs). The {@code gramColumns}
         * diagnostic counts the columns this solve used, which does not depend on what other
         * solves computed first.
         */
        private double[] gramColumn(int j) {
            double[] column = gramColumns[j];
            if (column == null) {
                column = sharedGram.column(j);
                gramColumns[j] = column;
                gramColumnsComputed++;
            }
            return column;
        }

        private SparseResult result(int iterations, boolean converged) {
            Map<String, Double> diagnostics = new LinkedHashMap<>();
            diagnostics.put("distinctSupports", (double) walk.distinctSupports());
            diagnostics.put("bestIteration", (double) bestIteration);
            diagnostics.put("firstIterationContainingTruth",
                    walk.firstContainingTruth() < 0 ? Double.NaN : (double) walk.firstContainingTruth());
            diagnostics.put("leastSquaresSolves", (double) leastSquaresSolves);
            diagnostics.put("step", step);
            diagnostics.put("gramColumns", (double) gramColumnsComputed);
            diagnostics.put("residualGradients", (double) residualGradients);
            diagnostics.put(FitDiagnostics.RANK_DEFICIENT_FITS, (double) rankDeficientFits);
            diagnostics.put("refactorizations", (double) refactorizations);
            diagnostics.put("factorUpdates", (double) factorUpdates);
            diagnostics.put("qrSolves", (double) qrSolves);
            Trace recorded = trace == null ? null : trace.build();
            System.arraycopy(bestEstimate, 0, estimate, 0, n);
            if (innerResult == null) {
                diagnostics.put(FitDiagnostics.ZERO_COEFFICIENTS,
                        (double) FitDiagnostics.zeroCoefficients(estimate, bestSupport, bestSupport.length));
            }
            SparseResult own = SparseResult.of(a, y, estimate, bestSupport, iterations,
                    converged, recorded, diagnostics);
            if (innerResult == null) {
                return own;
            }
            diagnostics.put("innerResidualNorm", innerResult.residualNorm());
            diagnostics.put("innerIterations", (double) innerResult.iterations());
            SparseResult chosen = innerResult.residualNorm() < own.residualNorm() ? innerResult : own;
            // Round-off only if the inner result wins: the t = 0 iterate refits its own support.
            diagnostics.put(FitDiagnostics.ZERO_COEFFICIENTS, (double) FitDiagnostics.zeroCoefficients(
                    chosen.estimate(), chosen.support(), chosen.support().length));
            return new SparseResult(chosen == own ? own.estimate() : innerResult.estimate().clone(),
                    chosen.support(), iterations, converged, chosen.residualNorm(), recorded, diagnostics);
        }

        /** The indices of the non-zero entries, ascending. */
        private int[] nonZerosOf(double[] x) {
            int count = 0;
            for (int j = 0; j < n; j++) {
                if (x[j] != 0.0) {
                    count++;
                }
            }
            int[] out = new int[count];
            for (int j = 0, i = 0; j < n; j++) {
                if (x[j] != 0.0) {
                    out[i++] = j;
                }
            }
            return out;
        }
    }
}
