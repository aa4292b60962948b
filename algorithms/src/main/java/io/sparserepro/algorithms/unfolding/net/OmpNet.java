package io.sparserepro.algorithms.unfolding.net;

import io.sparserepro.algorithms.options.Option;
import io.sparserepro.algorithms.unfolding.SoftSort;
import io.sparserepro.core.Checks;
import io.sparserepro.core.complex.ComplexLinearOperator;
import io.sparserepro.core.complex.IncrementalQrLeastSquares;
import io.sparserepro.core.complex.PivotedQrLeastSquares;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OMP-Net (Mohammad-Taheri, Colbrook, Brugiapaglia, <i>Deep greedy unfolding</i>, arXiv
 * 2505.15661; SPEC-UNFOLDING "OMP-Net"; the authors' {@code soft_OMP_layer} in
 * {@code models/nnet_module.py}): Soft-OMP unrolled into {@code layers} layers sharing one raw
 * weight vector W. With r⁰ = y and P empty, layer t: scores s = |W ⊙ (Aᴴrᵗ)|; append the first
 * softsort row of s to P; B = A Pᵀ; z = argmin ‖Bz − y‖ (rank-revealing, as
 * {@link io.sparserepro.algorithms.unfolding.SoftOmp}); rᵗ⁺¹ = y − Bz (= y − A Pᵀz). Output
 * x̂ = Pᵀz after the last layer. The forward gives the numbers of {@code SoftOmp.solve} with
 * the same weights and iterations = layers, up to round-off.
 *
 * <p>Reverse mode ({@link #lossAndGradient}) through every path: x̂ = Pᵀz (to every row of P
 * and the last z), each layer's least squares ({@link LeastSquaresAdjoint}, through both z and
 * r), b_t = A p_t (to the non-zero entries of the row only), the softsort row
 * ({@link SoftSortAdjoint}, including the topk value ŝ) and the scores (to W and, through
 * Aᴴrᵗ, to the previous layer's residual). Cost of a sample: {@code layers} dense Aᴴr products
 * (O(mN) each), everything else O(nnz·m + m·t) per layer, nnz the non-zeros of a softsort row
 * (a handful at τ = 1e-3).
 *
 * <p>Immutable and thread-safe: all per-sample state lives in the caller's {@link Workspace}.
 */
public final class OmpNet extends UnrolledBase<OmpNet.OmpWorkspace> {
    public static final String NAME = "omp-net";

    /**
     * @param layers unrolled Soft-OMP layers (the paper: s = 10)
     * @param tau    softsort temperature τ &gt; 0 (the paper: 1e-3)
     */
    public record Options(
            @Option(value = "unrolled Soft-OMP layers (one softsort row each, no early stop)", origin = Option.Origin.PAPER,
                    source = "Deep greedy unfolding, Fig. 3 / models/nnet_module.py: s = 10 layers") int layers,
            @Option(value = "softsort temperature τ (> 0); smaller is closer to OMP but passes less gradient",
                    origin = Option.Origin.PAPER, source = "Deep greedy unfolding, Fig. 3: τ = 1e-3") double tau) {
        public Options {
            if (layers < 1) {
                throw new IllegalArgumentException("layers must be at least 1: " + layers);
            }
            if (!(tau > 0) || Double.isInfinite(tau)) {
                throw new IllegalArgumentException("tau must be positive and finite: " + tau);
            }
        }

        /** The paper's OMP-Net: 10 layers (s = 10), τ = 1e-3. */
        public static Options paper() {
            return new Options(10, 1e-3);
        }

        public Options withLayers(int value) {
            return new Options(value, tau);
        }

        public Options withTau(double value) {
            return new Options(layers, value);
        }
    }

    private final Options options;
    private final double cutoff;

    public OmpNet(ComplexLinearOperator operator, Options options) {
        super(operator, OmpWorkspace.class);
        this.options = Checks.requireNonNull("options", options);
        // The cutoff SoftOmp uses by default: gelsy's ε·max(m, t) as torch.linalg.lstsq sets it.
        this.cutoff = PivotedQrLeastSquares.defaultCutoff(operator.rows(), options.layers());
    }

    public Options options() {
        return options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> configuration() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("network", NAME);
        c.put("layers", options.layers());
        c.put("tau", options.tau());
        c.put("rows", a.rows);
        c.put("cols", a.cols);
        c.put("leastSquares", "incremental_qr");
        c.put("rankCutoff", cutoff);
        return c;
    }

    @Override
    public Workspace newWorkspace() {
        return new OmpWorkspace(a.rows, a.cols, options.layers(), cutoff);
    }

    @Override
    boolean fits(OmpWorkspace w) {
        return w.m == a.rows && w.n == a.cols && w.layers == options.layers();
    }

    @Override
    double[] estimate(OmpWorkspace w) {
        return w.estimate;
    }

    /** The forward pass, keeping in {@code w} everything the reverse pass reads. */
    @Override
    void run(double[] y, double[] weights, OmpWorkspace w) {
        int m = a.rows;
        int n = a.cols;
        int layers = options.layers();
        double tau = options.tau();
        System.arraycopy(y, 0, w.residuals, 0, 2 * m);
        w.ls.reset(y);
        for (int t = 0; t < layers; t++) {
            int rOffset = t * 2 * m;
            int nOffset = t * n;
            a.adjoint(w.residuals, rOffset, w.corrRe, w.corrIm, nOffset);
            for (int j = 0; j < n; j++) {
                double re = w.corrRe[nOffset + j];
                double im = w.corrIm[nOffset + j];
                // |W_j|·|c_j| with the modulus as UnfoldingInputs.scores takes it (√(re² + im²)).
                w.score[j] = Math.abs(weights[j]) * Math.sqrt(re * re + im * im);
            }
            System.arraycopy(w.score, 0, w.scores, nOffset, n);
            int end = SoftSort.compressedRows(w.score, n, 1, tau, w.topScratch, w.candidates, w.support,
                    w.supportValues, nOffset, w.rowStart, 0);
            w.top[t] = w.topScratch[0];
            int count = end - nOffset;
            w.supportCount[t] = count;
            a.applyCompressedReal(w.support, w.supportValues, nOffset, count, w.column);
            System.arraycopy(w.column, 0, w.columns, rOffset, 2 * m);
            w.ls.append(w.column);
            w.ranks[t] = w.ls.solve(w.z);
            System.arraycopy(w.z, 0, w.solutions, t * 2 * layers, 2 * (t + 1));
            int next = rOffset + 2 * m;
            System.arraycopy(y, 0, w.residuals, next, 2 * m);
            for (int c = 0; c <= t; c++) {
                subtractScaled(w.columns, c * 2 * m, w.z[2 * c], w.z[2 * c + 1], w.residuals, next, m);
            }
        }
        // x̂ = Pᵀz with the last layer's z.
        Arrays.fill(w.estimate, 0.0);
        for (int c = 0; c < layers; c++) {
            double zr = w.z[2 * c];
            double zi = w.z[2 * c + 1];
            int base = c * n;
            for (int k = base; k < base + w.supportCount[c]; k++) {
                int j = w.support[k];
                double p = w.supportValues[k];
                w.estimate[2 * j] += p * zr;
                w.estimate[2 * j + 1] += p * zi;
            }
        }
    }

    /** r ← r − (cr + i·ci)·b over m entries, b at {@code columns[offset]}, r at {@code r[rOffset]}. */
    private static void subtractScaled(double[] columns, int offset, double cr, double ci, double[] r, int rOffset,
                                       int m) {
        for (int i = 0; i < m; i++) {
            double br = columns[offset + 2 * i];
            double bi = columns[offset + 2 * i + 1];
            r[rOffset + 2 * i] -= br * cr - bi * ci;
            r[rOffset + 2 * i + 1] -= br * ci + bi * cr;
        }
    }

    /** Reverse mode of {@link #run} for the loss ‖Re x̂ − target‖², into {@code gradient} (written). */
    @Override
    void backward(double[] target, double[] weights, OmpWorkspace w, double[] gradient) {
        int m = a.rows;
        int n = a.cols;
        int layers = options.layers();
        double tau = options.tau();
        Arrays.fill(gradient, 0.0);
        // ∂L/∂x̂ = 2(Re x̂ − x) on the real parts, 0 on the imaginary parts.
        for (int j = 0; j < n; j++) {
            w.gEstimate[j] = 2 * (w.estimate[2 * j] - target[j]);
        }
        // Through x̂ = Σ_c p_c z_c: g_{z_c} = Σ_j p_cj g_j (real), g_{p_cj} = g_j·Re z_c (set below per row).
        Arrays.fill(w.gz, 0.0);
        for (int c = 0; c < layers; c++) {
            double s = 0;
            for (int k = c * n; k < c * n + w.supportCount[c]; k++) {
                s += w.supportValues[k] * w.gEstimate[w.support[k]];
            }
            w.gz[2 * c] = s;
        }
        Arrays.fill(w.gColumns, 0.0);
        Arrays.fill(w.gr, 0.0);
        int finalZ = (layers - 1) * 2 * layers;
        for (int t = layers - 1; t >= 0; t--) {
            int k = t + 1;
            int nOffset = t * n;
            if (t < layers - 1) {
                Arrays.fill(w.gz, 0, 2 * k, 0.0); // only the last layer's z reaches x̂
            }
            w.adjoint.accumulate(w.ls, k, w.ranks[t], w.columns, w.solutions, t * 2 * layers, w.residuals,
                    (t + 1) * 2 * m, w.gz, w.gr, w.gColumns);
            // b_t = A p_t is used by layers t..L−1 only, so its gradient is complete: g_{p_tj} = Re(Aᴴ g_{b_t})_j
            // at the row's non-zeros, plus the x̂ term.
            int count = w.supportCount[t];
            double zr = w.solutions[finalZ + 2 * t];
            System.arraycopy(w.gColumns, t * 2 * m, w.column, 0, 2 * m);
            for (int q = nOffset; q < nOffset + count; q++) {
                int j = w.support[q];
                // Re(conj(g_x̂j)·z_t) with g_x̂j real.
                w.gRow[j] = w.gEstimate[j] * zr + a.adjointRealPart(j, w.column);
                w.gScores[j] = 0.0;
            }
            SoftSortAdjoint.row(w.scores, nOffset, w.top[t], tau, w.support, nOffset, count, w.supportValues,
                    w.gRow, w.gScores);
            // Scores s_j = |W_j|·|c_j|, c = Aᴴrᵗ: to W, and to c_j on the row's support.
            Arrays.fill(w.gCorrRe, 0.0); // the product A g_c below may read every column
            Arrays.fill(w.gCorrIm, 0.0);
            for (int q = nOffset; q < nOffset + count; q++) {
                int j = w.support[q];
                double re = w.corrRe[nOffset + j];
                double im = w.corrIm[nOffset + j];
                double f = SoftSortAdjoint.score(w.gScores[j], weights[j], re, im, gradient, j);
                w.gCorrRe[j] = f * re;
                w.gCorrIm[j] = f * im;
            }
            if (t > 0) {
                // c = Aᴴrᵗ: g_{rᵗ} = A g_c; rᵗ is layer t−1's residual.
                a.applySparse(w.support, nOffset, count, w.gCorrRe, w.gCorrIm, w.gr);
            }
        }
    }

    /** Per-thread buffers, sized once; every per-layer quantity the reverse pass reads. */
    static final class OmpWorkspace implements Workspace {
        final int m;
        final int n;
        final int layers;
        final IncrementalQrLeastSquares ls;
        final LeastSquaresAdjoint adjoint;
        final double[] residuals;     // r^0..r^L, (L+1)·2m
        final double[] corrRe;        // Aᴴr^t, L·N
        final double[] corrIm;
        final double[] score;         // N
        final double[] scores;        // L·N
        final int[] candidates;       // N, SoftSort's scratch
        final int[] topScratch;       // 1
        final int[] rowStart;         // 2
        final int[] support;          // row t of P, compressed at t·N: its non-zero columns
        final double[] supportValues; // their values
        final int[] supportCount;
        final int[] top;
        final int[] ranks;
        final double[] column;        // 2m
        final double[] columns;       // B, L·2m
        final double[] z;             // 2L
        final double[] solutions;     // z of every layer, L·2L
        final double[] estimate;      // 2N
        final double[] gEstimate;     // N
        final double[] gz;            // 2L
        final double[] gr;            // 2m
        final double[] gColumns;      // L·2m
        final double[] gRow;          // N
        final double[] gScores;       // N
        final double[] gCorrRe;       // N
        final double[] gCorrIm;       // N

        OmpWorkspace(int m, int n, int layers, double cutoff) {
            this.m = m;
            this.n = n;
            this.layers = layers;
            ls = new IncrementalQrLeastSquares(m, layers, cutoff);
            adjoint = new LeastSquaresAdjoint(m, layers, cutoff);
            residuals = new double[(layers + 1) * 2 * m];
            corrRe = new double[layers * n];
            corrIm = new double[layers * n];
            score = new double[n];
            scores = new double[layers * n];
            candidates = new int[n];
            topScratch = new int[1];
            rowStart = new int[2];
            support = new int[layers * n];
            supportValues = new double[layers * n];
            supportCount = new int[layers];
            top = new int[layers];
            ranks = new int[layers];
            column = new double[2 * m];
            columns = new double[layers * 2 * m];
            z = new double[2 * layers];
            solutions = new double[layers * 2 * layers];
            estimate = new double[2 * n];
            gEstimate = new double[n];
            gz = new double[2 * layers];
            gr = new double[2 * m];
            gColumns = new double[layers * 2 * m];
            gRow = new double[n];
            gScores = new double[n];
            gCorrRe = new double[n];
            gCorrIm = new double[n];
        }
    }
}
