package io.sparserepro.algorithms.unfolding;

import io.sparserepro.algorithms.ConfiguredSolver;
import io.sparserepro.algorithms.SolverInputs;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.options.Option;
import io.sparserepro.core.Checks;
import io.sparserepro.core.complex.ColumnLeastSquares;
import io.sparserepro.core.complex.ComplexLinearOperator;
import io.sparserepro.core.complex.ComplexProblem;
import io.sparserepro.core.complex.ComplexVectors;
import io.sparserepro.core.complex.PivotedQrLeastSquares;
import io.sparserepro.core.complex.RealAsComplexOperator;
import io.sparserepro.core.problem.Problem;
import java.util.Map;

/**
 * Soft-OMP (Mohammad-Taheri, Colbrook, Brugiapaglia, <i>Deep greedy unfolding</i>, arXiv
 * 2505.15661, Algorithm "Soft-OMP"; SPEC-UNFOLDING): OMP written with a selection matrix
 * P ∈ R^{t×N} whose rows are softsort rows instead of argsort's one-hot rows. With r⁰ = y, at
 * iteration t: scores s = |w ⊙ (Aᴴ rᵗ)|; append the first softsort row of s to P;
 * B = A Pᵀ; z = argmin ‖B z − y‖₂ (rank-revealing, {@link ColumnLeastSquares}); x = Pᵀ z;
 * rᵗ⁺¹ = y − A x = y − B z. Every iteration runs (no early stop, as in the paper). With one-hot
 * rows (τ → 0, no ties) this is OMP exactly: {@link ComplexOmp} returns the same bits.
 *
 * <p>As a registered {@link io.sparserepro.algorithms.SparseSolver} on real data the estimate
 * is the paper's x = Pᵀz, which is <em>not</em> k-sparse at large τ (soft rows spread mass
 * over every column); the reported support is the index each row peaks at. This departs from
 * the suite's k-sparse contract on purpose: truncating would change the algorithm the paper
 * studies.
 *
 * <p>Cost per iteration: one Aᴴr, one softsort row (O(N), exponentials below e^{−746}
 * skipped), one B column A p (only the non-zero entries of p), an O(m t) QR update. Not
 * allocating inside the loop.
 */
public final class SoftOmp extends ConfiguredSolver<SoftOmp.Options> {
    public static final String NAME = "soft-omp";

    /**
     * @param tau          softsort temperature τ &gt; 0
     * @param iterations   iterations t; 0 runs as many as the problem's sparsity s
     * @param weights      w ∈ R^N (only |w_j| enters); empty means all ones
     * @param leastSquares the least-squares method on B
     * @param rankCutoff   relative rank cutoff of the least squares; 0 means ε·max(m, t) (gelsy as torch calls it)
     */
    public record Options(
            @Option(value = "softsort temperature τ (> 0); smaller is closer to OMP", origin = Option.Origin.PAPER,
                    source = "Deep greedy unfolding, Fig. 3 and OMP-Net: τ = 1e-3") double tau,
            @Option(value = "iterations; 0 = the sparsity s (the paper runs s iterations, no early stop)",
                    origin = Option.Origin.PAPER, source = "Deep greedy unfolding, Fig. 2: 15 iterations for s = 15")
            int iterations,
            @Option(value = "weights w, numbers separated by commas, one per column (only |w| enters); empty = all ones (plain Soft-OMP)",
                    origin = Option.Origin.PAPER, source = "Deep greedy unfolding, Fig. 2: no weights")
            String weights,
            @Option(value = "least squares on B = A Pᵀ: incremental_qr (fast, hands over to pivoted QR when "
                    + "rank is in doubt) or pivoted_qr (from scratch)", origin = Option.Origin.IMPLEMENTATION)
            ColumnLeastSquares.Method leastSquares,
            @Option(value = "relative rank cutoff of the least squares; 0 = machine epsilon · max(m, t) as "
                    + "LAPACK gelsy under torch.linalg.lstsq", origin = Option.Origin.RECONSTRUCTED,
                    source = "authors' code: torch.linalg.lstsq default") double rankCutoff) {
        public Options {
            SoftSort.checkTau(tau);
            Checks.requireNonNegative("iterations", iterations);
            UnfoldingInputs.parseWeights(weights);
            Checks.requireNonNull("leastSquares", leastSquares);
            if (!(rankCutoff >= 0 && rankCutoff < 1)) {
                throw new IllegalArgumentException("rankCutoff must be in [0, 1): " + rankCutoff);
            }
        }

        /** τ = 1e-3, s iterations, no weights, incremental QR, gelsy's cutoff. */
        public static Options defaults() {
            return new Options(1e-3, 0, "", ColumnLeastSquares.Method.INCREMENTAL_QR, 0);
        }

        public Options withTau(double value) {
            return new Options(value, iterations, weights, leastSquares, rankCutoff);
        }

        public Options withIterations(int value) {
            return new Options(tau, value, weights, leastSquares, rankCutoff);
        }

        /** A copy with these weights (written as text, exactly). */
        public Options withWeights(double[] value) {
            return new Options(tau, iterations, UnfoldingInputs.formatWeights(value), leastSquares, rankCutoff);
        }

        public Options withLeastSquares(ColumnLeastSquares.Method value) {
            return new Options(tau, iterations, weights, value, rankCutoff);
        }
    }

    public SoftOmp() {
        this(Options.defaults());
    }

    public SoftOmp(Options options) {
        super(NAME, options);
    }

    @Override
    public SparseResult solve(Problem problem) {
        SolverInputs.requireSolvable(problem);
        int n = problem.cols();
        double[] weights = UnfoldingInputs.parseWeights(options.weights());
        ComplexProblem complex = new ComplexProblem(new RealAsComplexOperator(problem.operator()),
                ComplexVectors.fromReal(problem.observations()), problem.sparsity(), null);
        UnfoldingResult r = solve(complex, weights, null);
        double[] estimate = ComplexVectors.realPart(r.estimate(), n);
        int[] support = java.util.Arrays.stream(r.selected()).distinct().toArray();
        return SparseResult.of(problem.operator(), problem.observations(), estimate, support, r.iterations(), true,
                null, Map.of("leastSquaresFallbacks", (double) r.fallbacks()));
    }

    /**
     * Soft-OMP on complex data.
     *
     * @param weights  w (length N, finite), or null/empty for all ones
     * @param listener receives every iterate x = Pᵀz, or null
     */
    public UnfoldingResult solve(ComplexProblem problem, double[] weights, IterateListener listener) {
        Checks.requireNonNull("problem", problem);
        ComplexLinearOperator a = problem.operator();
        int m = a.rows();
        int n = a.cols();
        double[] absWeights = UnfoldingInputs.absoluteWeights(weights, n);
        int iterations = options.iterations() == 0 ? problem.sparsity() : options.iterations();
        double cutoff = options.rankCutoff() == 0 ? PivotedQrLeastSquares.defaultCutoff(m, iterations)
                : options.rankCutoff();
        ColumnLeastSquares ls = options.leastSquares().create(m, iterations, cutoff);
        double[] y = problem.observations();
        ls.reset(y);

        double[] residual = y.clone();
        double[] correlations = new double[2 * n];
        double[] scores = new double[n];
        double[] selection = new double[iterations * n]; // P, row-major
        double[] columns = new double[iterations * 2 * m]; // B = A Pᵀ
        double[] column = new double[2 * m];
        double[] z = new double[2 * iterations];
        double[] x = new double[2 * n];
        double[] row = new double[n];
        int[] selected = new int[iterations];
        for (int t = 0; t < iterations; t++) {
            a.applyAdjoint(residual, correlations);
            UnfoldingInputs.scores(correlations, absWeights, n, scores);
            selected[t] = SoftSort.firstRow(scores, n, options.tau(), selection, t * n);
            System.arraycopy(selection, t * n, row, 0, n);
            a.applyReal(row, column);
            System.arraycopy(column, 0, columns, t * 2 * m, 2 * m);
            ls.append(column);
            ls.solve(z);
            System.arraycopy(y, 0, residual, 0, 2 * m);
            for (int c = 0; c <= t; c++) {
                subtractScaled(columns, c * 2 * m, z[2 * c], z[2 * c + 1], residual, m);
            }
            if (listener != null) {
                combine(selection, z, t + 1, n, x);
                listener.accept(t + 1, x);
            }
        }
        combine(selection, z, iterations, n, x);
        int fallbacks = ls instanceof io.sparserepro.core.complex.IncrementalQrLeastSquares inc ? inc.fallbacks()
                : iterations;
        return new UnfoldingResult(x, selected, iterations, fallbacks);
    }

    /** r ← r − (cr + i·ci)·b for the column b starting at {@code columns[offset]}. */
    static void subtractScaled(double[] columns, int offset, double cr, double ci, double[] r, int m) {
        if (ci == 0.0) {
            // A real coefficient (always, on real data): the same numbers without the zero products.
            for (int i = 0; i < m; i++) {
                r[2 * i] -= columns[offset + 2 * i] * cr;
                r[2 * i + 1] -= columns[offset + 2 * i + 1] * cr;
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            double br = columns[offset + 2 * i];
            double bi = columns[offset + 2 * i + 1];
            r[2 * i] -= br * cr - bi * ci;
            r[2 * i + 1] -= br * ci + bi * cr;
        }
    }

    /** x = Pᵀ z for the first t rows of P (real) and complex z. */
    private static void combine(double[] selection, double[] z, int t, int n, double[] x) {
        java.util.Arrays.fill(x, 0.0);
        for (int c = 0; c < t; c++) {
            double zr = z[2 * c];
            double zi = z[2 * c + 1];
            int base = c * n;
            for (int j = 0; j < n; j++) {
                double p = selection[base + j];
                if (p != 0.0) {
                    x[2 * j] += p * zr;
                    x[2 * j + 1] += p * zi;
                }
            }
        }
    }

    @Override
    public String toString() {
        return NAME + options;
    }
}
