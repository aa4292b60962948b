package io.sparserepro.algorithms.greedy;

import io.sparserepro.algorithms.ConfiguredSolver;
import io.sparserepro.algorithms.DenseProblem;
import io.sparserepro.algorithms.FitDiagnostics;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.implicit.MatrixFree;
import io.sparserepro.algorithms.Trace;
import io.sparserepro.algorithms.options.Option;
import io.sparserepro.algorithms.options.Option.Origin;
import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseKernel;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.linalg.SupportLeastSquares;
import io.sparserepro.core.problem.Problem;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exhaustive Local Search: K. Axiotis, M. Sviridenko, "Sparse Convex Optimization via
 * Adaptively Regularized Hard Thresholding", ICML 2020 (arXiv 2006.14571), the exhaustive
 * local search baseline for f(x) = ‖Ax − y‖²: from a k-sparse support S, apply the single swap
 * S → S − i + j (i ∈ S, j ∉ S) that most decreases the least-squares residual
 * ‖y − P_{S−i+j} y‖², and repeat.
 *
 * <p><b>Start</b>: the support of {@link Omp} with default options (it may have fewer than k
 * entries if OMP stopped at a round-off residual or on a dependent column; ELS keeps that size).
 * <b>Stopping rule</b>: no swap lowers ‖r‖ below (1 − {@code stagnationTolerance})·‖r‖
 * (a local optimum), or ‖r‖ ≤ {@code residualTolerance}·‖y‖ (round-off), or the swap cap
 * {@code maxIterations} (then {@code converged} is false). Every swap strictly decreases the
 * residual, so the search cannot cycle.
 *
 * <p><b>Evaluating all k·(n−k) swaps at once.</b> Let M = (A_SᵀA_S)⁻¹, x the fit on S, r its
 * residual, c = Aᵀr, and for every column l: W_{:,l} = M A_Sᵀ a_l (coordinates of the projection
 * of a_l on span(A_S)) and s_l = ‖(I − P_S) a_l‖². Adding j lowers ‖r‖² by c_j²/s_j (the new
 * direction is u_j = (I − P_S)a_j and u_jᵀr = c_j). On T = S ∪ {j} the block inverse of the
 * Gram matrix gives the fit z_S = x − W_{:,j} c_j/s_j, z_j = c_j/s_j and the diagonal
 * (G_T⁻¹)_ii = M_ii + W_ij²/s_j. Removing i from T then raises the residual by z_i²/(G_T⁻¹)_ii
 * (the standard downdate: the lost direction is the i-th row of A_T⁺). Hence
 * <pre>
 *   ‖y − P_{S−i+j} y‖² = ‖r‖² − c_j²/s_j + (x_i − W_ij c_j/s_j)² / (M_ii + W_ij²/s_j),
 * </pre>
 * O(1) per swap, O(k·n) for all of them. A column with s_j ≤ rankTolerance²·‖a_j‖² lies in
 * span(A_S) and is skipped: then span(A_{S−i+j}) ⊆ span(A_S), so no such swap can help.
 *
 * <p><b>Updates.</b> After a swap, W, s and M follow from the same two rank-one formulas
 * applied to every column at once (add: θ_l = (a_jᵀa_l − (A_Sᵀa_j)ᵀW_{:,l})/s_j,
 * W ← [W − W_{:,j} θᵀ; θᵀ], s_l −= s_j θ_l²; remove row p: W ← W − M_{:,p} W_{p,:}/M_pp,
 * s_l += W_pl²/M_pp, M ← M − M_{:,p}M_{p,:}/M_pp), costing one product Aᵀa_j (m·n) plus
 * O(k·n): with c = Aᵀr, O(m·n + k·n) per swap instead of one least-squares solve per swap.
 * The fit x, r and c are never updated this way: they come from {@link SupportLeastSquares}
 * (incremental QR) after every swap, so the returned estimate is as accurate as OMP's. Only
 * the ranking uses W, s, M, which are recomputed from a fresh QR of A_S every
 * {@code refreshInterval} swaps and before a local optimum is declared, and a swap is kept
 * only if the QR fit confirms that it lowers the residual (otherwise it is undone, the state
 * refreshed, and the search resumes or, if already fresh, stops).
 *
 * <p>Trace (if asked): entry 0 is OMP's start, then one entry per swap. Diagnostics:
 * {@code swaps}, {@code refreshes}, {@code startResidualNorm}, {@code rankDeficientFits} and
 * {@code zeroCoefficients} ({@link FitDiagnostics}). Immutable and thread-safe.
 */
public final class ExhaustiveLocalSearch extends ConfiguredSolver<ExhaustiveLocalSearch.Options> {
    /** The registry name. */
    public static final String NAME = "els";

    /**
     * @param stagnationTolerance a swap must lower ‖r‖ below (1 − stagnationTolerance)·‖r‖, in [0, 1)
     * @param maxIterations     cap on the number of swaps
     * @param refreshInterval   swaps between recomputations of the ranking state from scratch
     * @param residualTolerance round-off stop ‖r‖ ≤ residualTolerance·‖y‖, in [0, 1)
     * @param rankTolerance     relative orthogonal part below which a column counts as in
     *                          span(A_S), shared with {@link SupportLeastSquares}, in (0, 1)
     * @param recordTrace       record the start and every swap
     */
    public record Options(
            @Option(value = "A swap must lower ‖y − A x‖₂ below (1 − stagnationTolerance)·‖y − A x‖₂ to be taken; otherwise the search is at a local optimum (in [0, 1))",
                    origin = Origin.IMPLEMENTATION)
            double stagnationTolerance,
            @Option(value = "Cap on swaps; the run reports converged = false when it is reached",
                    origin = Origin.RECONSTRUCTED,
                    source = "not stated by Axiotis & Sviridenko 2020")
            int maxIterations,
            @Option(value = "Swaps between recomputations of the swap-ranking state from a fresh QR factorisation (accuracy of the ranking, not of the result)",
                    origin = Origin.IMPLEMENTATION)
            int refreshInterval,
            @Option(value = "Round-off stop: halt once ‖y − A x‖₂ ≤ residualTolerance·‖y‖₂ (relative, in [0, 1))",
                    origin = Origin.IMPLEMENTATION)
            double residualTolerance,
            @Option(value = "A column whose part orthogonal to the current support is at most rankTolerance·‖a_j‖₂ counts as numerically dependent (in (0, 1)); also used by the OMP start",
                    origin = Origin.IMPLEMENTATION)
            double rankTolerance,
            @Option(value = "Record OMP's start and the residual norm and support after every swap (allocates)",
                    origin = Origin.IMPLEMENTATION)
            boolean recordTrace) {
        public Options {
            GreedySupport.requireTolerance("stagnationTolerance", stagnationTolerance);
            Checks.requirePositive("maxIterations", maxIterations);
            Checks.requirePositive("refreshInterval", refreshInterval);
            GreedySupport.requireTolerance("residualTolerance", residualTolerance);
            GreedySupport.requireUnitInterval("rankTolerance", rankTolerance);
        }

        /**
         * Stagnation tolerance 5e-11 on ‖r‖ (a required decrease of ‖r‖² by 1e-10 of it), 1000
         * swaps, refresh every 16, round-off stop 1e-12, no trace.
         */
        public static Options defaults() {
            return new Options(5e-11, 1000, 16, 1e-12, SupportLeastSquares.DEFAULT_RANK_TOLERANCE, false);
        }

        public Options withStagnationTolerance(double value) {
            return new Options(value, maxIterations, refreshInterval, residualTolerance, rankTolerance, recordTrace);
        }

        public Options withMaxIterations(int value) {
            return new Options(stagnationTolerance, value, refreshInterval, residualTolerance, rankTolerance, recordTrace);
        }

        public Options withRefreshInterval(int value) {
            return new Options(stagnationTolerance, maxIterations, value, residualTolerance, rankTolerance, recordTrace);
        }

        public Options withRecordTrace(boolean value) {
            return new Options(stagnationTolerance, maxIterations, refreshInterval, residualTolerance, rankTolerance, value);
        }
    }

    public ExhaustiveLocalSearch() {
        this(Options.defaults());
    }

    public ExhaustiveLocalSearch(Options options) {
        super(NAME, options);
    }

    @Override
    public SparseResult solve(Problem problem) {
        MatrixFree.requireDensifiable(problem, NAME, "the dense matrix for its swap scans and refresh"); // issue 17
        DenseProblem d = DenseProblem.of(problem);
        SparseResult start = new Omp(Omp.Options.defaults().withRankTolerance(options.rankTolerance())).solve(problem);
        DenseMatrix a = d.a();
        double[] y = d.y();
        int size = start.support().length;
        Trace.Recorder trace = DenseProblem.recorder(options.recordTrace());
        if (trace != null) {
            trace.record(start.residualNorm(), start.support(), size);
        }
        if (size == 0 || size == a.cols()) {
            return result(a, y, start.estimate(), start.support(), 0, true, trace, 0, start.residualNorm(), 0);
        }
        return new Search(a, y, start.support()).run(trace, start.residualNorm());
    }

    private SparseResult result(DenseMatrix a, double[] y, double[] estimate, int[] support, int swaps,
                                boolean converged, Trace.Recorder trace, int refreshes, double startResidual,
                                int rankDeficientFits) {
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("swaps", (double) swaps);
        diagnostics.put("refreshes", (double) refreshes);
        diagnostics.put("startResidualNorm", startResidual);
        diagnostics.put(FitDiagnostics.RANK_DEFICIENT_FITS, (double) rankDeficientFits);
        diagnostics.put(FitDiagnostics.ZERO_COEFFICIENTS,
                (double) FitDiagnostics.zeroCoefficients(estimate, support, support.length));
        return SparseResult.of(a, y, estimate, support, swaps, converged,
                trace == null ? null : trace.build(), diagnostics);
    }

    /** The per-call workspace: support bookkeeping, the ranking state W, s, M and the QR fit. */
    private final class Search {
        private final DenseMatrix a;
        private final double[] data;
        private final double[] y;
        private final int m;
        private final int n;
        private final int size;         // |S|, fixed during the search
        private final int cap;          // size + 1: the rows of W and M while a swap is applied
        private final DenseKernel kernel = DenseKernels.active();
        private final SupportLeastSquares ls;
        private final double spanTolerance;

        private final int[] position;   // column at each support position
        private final int[] positionOf; // per column: its position, or −1
        private final double[] w;       // cap × n row-major: W
        private final double[] orth;    // n: s_l = ‖(I − P_S) a_l‖²
        private final double[] gramInverse; // cap × cap row-major: M
        private final double[] columnNormSq;
        private final double[] x;       // fit by position
        private final double[] residual;
        private final double[] correlations;
        private final double[] coefficients;
        // evaluation and update scratch
        private final double[] addStep;
        private final double[] removeCost;
        private final int[] removePosition;
        private final boolean[] candidate;
        private final double[] theta;
        private final double[] column;
        private final double[] gramColumn;
        private final double[] wj;
        private final double[] mp;
        private final double[] q;       // refresh: m × size
        private final double[] r;       // refresh: size × size, then R⁻¹
        private final double[] rInverse;
        private double residualSq;
        private int refreshes;
        private int rankDeficientFits;

        Search(DenseMatrix a, double[] y, int[] start) {
            this.a = a;
            this.data = a.data();
            this.y = y;
            this.m = a.rows();
            this.n = a.cols();
            this.size = start.length;
            this.cap = size + 1;
            this.ls = new SupportLeastSquares(a, cap, options.rankTolerance());
            this.spanTolerance = options.rankTolerance() * options.rankTolerance();
            ls.setObservations(y);
            position = new int[cap];
            positionOf = new int[n];
            Arrays.fill(positionOf, -1);
            for (int p = 0; p < size; p++) {
                position[p] = start[p];
                positionOf[start[p]] = p;
                ls.add(start[p]);
            }
            w = new double[cap * n];
            orth = new double[n];
            gramInverse = new double[cap * cap];
            columnNormSq = new double[n];
            for (int l = 0; l < n; l++) {
                columnNormSq[l] = kernel.dot(data, l * m, data, l * m, m);
            }
            x = new double[cap];
            residual = new double[m];
            correlations = new double[n];
            coefficients = new double[cap];
            addStep = new double[n];
            removeCost = new double[n];
            removePosition = new int[n];
            candidate = new boolean[n];
            theta = new double[n];
            column = new double[m];
            gramColumn = new double[n];
            wj = new double[cap];
            mp = new double[cap];
            q = new double[m * size];
            r = new double[size * size];
            rInverse = new double[size * size];
        }

        SparseResult run(Trace.Recorder trace, double startResidual) {
            double stopSq = square(options.residualTolerance() * DenseKernels.norm2(y, m));
            // ‖r'‖ < (1 − tol)‖r‖ on squares, which the swap ranking predicts.
            double progressFactor = square(1 - options.stagnationTolerance());
            refresh();
            boolean fresh = true;
            int sinceRefresh = 0;
            int swaps = 0;
            boolean converged = false;
            syncFit();
            while (true) {
                if (residualSq <= stopSq) {
                    converged = true;
                    break;
                }
                if (swaps >= options.maxIterations()) {
                    break;
                }
                int best = evaluate();
                double predicted = best < 0 ? residualSq
                        : residualSq - addStep[best] * correlations[best] + removeCost[best];
                if (best < 0 || !(predicted < progressFactor * residualSq)) {
                    if (fresh) {
                        converged = true;
                        break;
                    }
                    refresh();
                    fresh = true;
                    sinceRefresh = 0;
                    continue;
                }
                int p = removePosition[best];
                int leaving = position[p];
                boolean added = ls.add(best);
                ls.remove(leaving);
                ls.residual(residual);
                double after = square(DenseKernels.norm2(residual, m));
                if (!added || !(after < residualSq)) {
                    // The ranking state has drifted from the QR fit: undo, refresh, re-rank.
                    ls.remove(best);
                    ls.add(leaving);
                    syncFit();
                    if (fresh) {
                        converged = true;
                        break;
                    }
                    refresh();
                    fresh = true;
                    sinceRefresh = 0;
                    continue;
                }
                swapRankingState(best, p);
                swaps++;
                fresh = false;
                if (++sinceRefresh >= options.refreshInterval()) {
                    refresh();
                    fresh = true;
                    sinceRefresh = 0;
                }
                syncFit();
                if (trace != null) {
                    trace.record(Math.sqrt(residualSq), position, size);
                }
            }
            double[] estimate = new double[n];
            ls.estimate(estimate, coefficients);
            return result(a, y, estimate, Arrays.copyOf(position, size), swaps, converged, trace,
                    refreshes, startResidual, rankDeficientFits);
        }

        /** r, ‖r‖², c = Aᵀr and x (by position) from the QR fit. */
        private void syncFit() {
            if (ls.rank() < ls.size()) {
                rankDeficientFits++; // OMP's start can keep none, a swap is undone: counted if ever
            }
            ls.residual(residual);
            residualSq = square(DenseKernels.norm2(residual, m));
            kernel.multiplyTransposed(data, m, n, residual, correlations);
            Arrays.fill(x, 0.0);
            ls.solve(coefficients);
            for (int t = 0; t < ls.rank(); t++) {
                x[positionOf[ls.factorizedColumn(t)]] = coefficients[t];
            }
        }

        /**
         * Ranks every swap with the closed form of the class comment; returns the best incoming
         * column (its removal position in removePosition), or −1 if no column can enter.
         * Ties → lowest incoming index, then lowest leaving index.
         */
        private int evaluate() {
            for (int l = 0; l < n; l++) {
                boolean ok = positionOf[l] < 0 && orth[l] > spanTolerance * columnNormSq[l];
                candidate[l] = ok;
                if (ok) {
                    addStep[l] = correlations[l] / orth[l];
                    removeCost[l] = Double.POSITIVE_INFINITY;
                    removePosition[l] = -1;
                }
            }
            for (int p = 0; p < size; p++) {
                double xp = x[p];
                double mpp = gramInverse[p * cap + p];
                int row = p * n;
                int column = position[p];
                for (int l = 0; l < n; l++) {
                    if (candidate[l]) {
                        double wpl = w[row + l];
                        double coefficient = xp - wpl * addStep[l];
                        double cost = coefficient * coefficient / (mpp + wpl * wpl / orth[l]);
                        if (removePosition[l] < 0 || cost < removeCost[l]
                                || (cost == removeCost[l] && column < position[removePosition[l]])) {
                            removeCost[l] = cost;
                            removePosition[l] = p;
                        }
                    }
                }
            }
            int best = -1;
            double bestValue = Double.POSITIVE_INFINITY;
            for (int l = 0; l < n; l++) {
                if (candidate[l]) {
                    // new ‖r‖² − old ‖r‖² = −c_l²/s_l + removal cost
                    double change = removeCost[l] - addStep[l] * correlations[l];
                    if (change < bestValue) {
                        bestValue = change;
                        best = l;
                    }
                }
            }
            return best;
        }

        /** Rank-one updates of W, s, M for S → S + j − position[p] (see the class comment). */
        private void swapRankingState(int j, int p) {
            double sj = orth[j];
            for (int t = 0; t < size; t++) {
                wj[t] = w[t * n + j];
            }
            System.arraycopy(data, j * m, column, 0, m);
            kernel.multiplyTransposed(data, m, n, column, gramColumn);
            // Add j at position `size`: θ_l = (a_jᵀa_l − Σ_t (a_{S_t}ᵀa_j) W_tl) / s_j.
            System.arraycopy(gramColumn, 0, theta, 0, n);
            for (int t = 0; t < size; t++) {
                kernel.axpy(-gramColumn[position[t]], w, t * n, theta, 0, n);
            }
            double inv = 1.0 / sj;
            for (int l = 0; l < n; l++) {
                theta[l] *= inv;
                orth[l] -= sj * theta[l] * theta[l];
            }
            for (int t = 0; t < size; t++) {
                kernel.axpy(-wj[t], theta, 0, w, t * n, n);
            }
            System.arraycopy(theta, 0, w, size * n, n);
            for (int t = 0; t < size; t++) {
                for (int u = 0; u < size; u++) {
                    gramInverse[t * cap + u] += wj[t] * wj[u] * inv;
                }
                gramInverse[t * cap + size] = -wj[t] * inv;
                gramInverse[size * cap + t] = -wj[t] * inv;
            }
            gramInverse[size * cap + size] = inv;
            int leaving = position[p];
            position[size] = j;
            positionOf[j] = size;

            // Remove position p of T = S ∪ {j}.
            double d = gramInverse[p * cap + p];
            for (int t = 0; t < cap; t++) {
                mp[t] = gramInverse[t * cap + p];
            }
            int rowP = p * n;
            for (int t = 0; t < cap; t++) {
                if (t != p) {
                    kernel.axpy(-mp[t] / d, w, rowP, w, t * n, n);
                }
            }
            for (int l = 0; l < n; l++) {
                double v = w[rowP + l];
                orth[l] += v * v / d;
            }
            for (int t = 0; t < cap; t++) {
                for (int u = 0; u < cap; u++) {
                    gramInverse[t * cap + u] -= mp[t] * mp[u] / d;
                }
            }
            // Move the last position (j) into the freed slot p.
            System.arraycopy(w, size * n, w, rowP, n);
            for (int t = 0; t < size; t++) {
                if (t != p) {
                    gramInverse[p * cap + t] = gramInverse[size * cap + t];
                    gramInverse[t * cap + p] = gramInverse[t * cap + size];
                }
            }
            gramInverse[p * cap + p] = gramInverse[size * cap + size];
            position[p] = j;
            positionOf[j] = p;
            positionOf[leaving] = -1;
            orth[j] = 0.0;
            for (int t = 0; t < size; t++) {
                w[t * n + j] = t == p ? 1.0 : 0.0;
            }
        }

        /**
         * W, s, M from scratch: A_S = QR by Gram–Schmidt applied twice, V = QᵀA, W = R⁻¹V,
         * s_l = ‖a_l − Q V_{:,l}‖² (formed explicitly, no cancellation), M = R⁻¹R⁻ᵀ. O(k·m·n).
         */
        private void refresh() {
            refreshes++;
            Arrays.fill(r, 0.0);
            for (int p = 0; p < size; p++) {
                int qo = p * m;
                System.arraycopy(data, position[p] * m, q, qo, m);
                for (int pass = 0; pass < 2; pass++) {
                    for (int t = 0; t < p; t++) {
                        double h = kernel.dot(q, t * m, q, qo, m);
                        kernel.axpy(-h, q, t * m, q, qo, m);
                        r[t * size + p] += h;
                    }
                }
                double norm = Math.sqrt(kernel.dot(q, qo, q, qo, m));
                r[p * size + p] = norm;
                for (int i = 0; i < m; i++) {
                    q[qo + i] /= norm;
                }
            }
            for (int p = 0; p < size; p++) {
                System.arraycopy(q, p * m, column, 0, m);
                kernel.multiplyTransposed(data, m, n, column, theta);
                System.arraycopy(theta, 0, w, p * n, n);
            }
            for (int l = 0; l < n; l++) {
                System.arraycopy(data, l * m, column, 0, m);
                for (int p = 0; p < size; p++) {
                    kernel.axpy(-w[p * n + l], q, p * m, column, 0, m);
                }
                orth[l] = kernel.dot(column, 0, column, 0, m);
            }
            for (int p = size - 1; p >= 0; p--) {
                int row = p * n;
                for (int t = p + 1; t < size; t++) {
                    kernel.axpy(-r[p * size + t], w, t * n, w, row, n);
                }
                double inv = 1.0 / r[p * size + p];
                for (int l = 0; l < n; l++) {
                    w[row + l] *= inv;
                }
            }
            // R⁻¹ (upper triangular), column by column, then M = R⁻¹R⁻ᵀ.
            Arrays.fill(rInverse, 0.0);
            for (int col = 0; col < size; col++) {
                for (int i = col; i >= 0; i--) {
                    double s = i == col ? 1.0 : 0.0;
                    for (int t = i + 1; t <= col; t++) {
                        s -= r[i * size + t] * rInverse[t * size + col];
                    }
                    rInverse[i * size + col] = s / r[i * size + i];
                }
            }
            Arrays.fill(gramInverse, 0.0);
            for (int i = 0; i < size; i++) {
                for (int u = 0; u < size; u++) {
                    double s = 0;
                    for (int t = Math.max(i, u); t < size; t++) {
                        s += rInverse[i * size + t] * rInverse[u * size + t];
                    }
                    gramInverse[i * cap + u] = s;
                }
            }
            for (int p = 0; p < size; p++) {
                int l = position[p];
                orth[l] = 0.0;
                for (int t = 0; t < size; t++) {
                    w[t * n + l] = t == p ? 1.0 : 0.0;
                }
            }
        }
    }

    private static double square(double v) {
        return v * v;
    }

    @Override
    public String toString() {
        return NAME + options;
    }
}
