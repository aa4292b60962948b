package io.sparserepro.algorithms.unfolding.net;

import io.sparserepro.algorithms.options.Option;
import io.sparserepro.algorithms.unfolding.SoftSort;
import io.sparserepro.core.Checks;
import io.sparserepro.core.complex.ComplexLinearOperator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IHT-Net (Mohammad-Taheri, Colbrook, Brugiapaglia, <i>Deep greedy unfolding</i>, arXiv
 * 2505.15661; SPEC-UNFOLDING "IHT-Net"; the authors' {@code soft_IHT_layer} in
 * {@code models/nnet_module.py}): Soft-IHT unrolled into {@code layers} layers sharing one raw
 * weight vector W. x⁰ = 0; layer t: u = xᵗ + η Aᴴ(y − A xᵗ); scores s = |W ⊙ u|; mask = the
 * column sums of the first s softsort rows of the scores; xᵗ⁺¹ = mask ⊙ u (the mask multiplies
 * u, not W ⊙ u). Output x̂ = x^L. The forward gives the numbers of
 * {@link io.sparserepro.algorithms.unfolding.SoftIht#solve} with the same weights, iterations
 * = layers and step η, up to round-off.
 *
 * <p>Reverse mode through every path: the mask product (to u and to the mask), the s softsort
 * rows ({@link SoftSortAdjoint}, including the topk values ŝ_i), the scores (to W and u), and
 * the gradient step, g_x = g_u − η AᴴA g_u. At small τ the rows, the mask, the iterates and the
 * gradients with respect to u are exactly sparse (SoftSort truncates negligible entries to 0),
 * so each layer costs one dense Aᴴ product forward and one backward (O(mN)), the rest
 * O(nnz·m + s·N).
 *
 * <p>Immutable and thread-safe: all per-sample state lives in the caller's {@link Workspace}.
 */
public final class IhtNet extends UnrolledBase<IhtNet.IhtWorkspace> {
    public static final String NAME = "iht-net";

    /**
     * @param layers   unrolled Soft-IHT layers (the paper: 30)
     * @param step     η &gt; 0 of u = x + η Aᴴ(y − A x) (the paper: 0.5)
     * @param tau      softsort temperature τ &gt; 0 (the paper: 1e-3)
     * @param sparsity s, the number of softsort rows summed into the mask (the paper: 10); at most N,
     *                 checked when the network is built on an operator
     */
    public record Options(
            @Option(value = "unrolled Soft-IHT layers (no early stop)", origin = Option.Origin.PAPER,
                    source = "Deep greedy unfolding, Fig. 3 / models/nnet_module.py: 30 layers") int layers,
            @Option(value = "step η of u = x + η Aᴴ(y − A x)", origin = Option.Origin.PAPER,
                    source = "Deep greedy unfolding, Fig. 3: η = 0.5") double step,
            @Option(value = "softsort temperature τ (> 0); smaller is closer to IHT but passes less gradient",
                    origin = Option.Origin.PAPER, source = "Deep greedy unfolding, Fig. 3: τ = 1e-3") double tau,
            @Option(value = "s, the softsort rows summed into the mask (the sparsity IHT keeps)",
                    origin = Option.Origin.PAPER, source = "Deep greedy unfolding, Fig. 3: s = 10") int sparsity) {
        public Options {
            if (layers < 1) {
                throw new IllegalArgumentException("layers must be at least 1: " + layers);
            }
            if (!(step > 0) || Double.isInfinite(step)) {
                throw new IllegalArgumentException("step must be positive and finite: " + step);
            }
            if (!(tau > 0) || Double.isInfinite(tau)) {
                throw new IllegalArgumentException("tau must be positive and finite: " + tau);
            }
            if (sparsity < 1) {
                throw new IllegalArgumentException("sparsity must be at least 1: " + sparsity);
            }
        }

        /** The paper's IHT-Net: 30 layers, η = 0.5, τ = 1e-3, s = 10. */
        public static Options paper() {
            return new Options(30, 0.5, 1e-3, 10);
        }

        public Options withLayers(int value) {
            return new Options(value, step, tau, sparsity);
        }

        public Options withStep(double value) {
            return new Options(layers, value, tau, sparsity);
        }

        public Options withTau(double value) {
            return new Options(layers, step, value, sparsity);
        }

        public Options withSparsity(int value) {
            return new Options(layers, step, tau, value);
        }
    }

    private final Options options;

    public IhtNet(ComplexLinearOperator operator, Options options) {
        super(operator, IhtWorkspace.class);
        this.options = Checks.requireNonNull("options", options);
        if (options.sparsity() > operator.cols()) {
            throw new IllegalArgumentException("sparsity must be in [1, " + operator.cols() + "] (the columns of A): "
                    + options.sparsity());
        }
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
        c.put("step", options.step());
        c.put("tau", options.tau());
        c.put("sparsity", options.sparsity());
        c.put("rows", a.rows);
        c.put("cols", a.cols);
        return c;
    }

    @Override
    public Workspace newWorkspace() {
        return new IhtWorkspace(a.rows, a.cols, options.layers(), options.sparsity());
    }

    @Override
    boolean fits(IhtWorkspace w) {
        return w.m == a.rows && w.n == a.cols && w.layers == options.layers()
                && w.sparsity == options.sparsity();
    }

    @Override
    double[] estimate(IhtWorkspace w) {
        return w.estimate;
    }

    /** The forward pass, keeping in {@code w} everything the reverse pass reads. */
    @Override
    void run(double[] y, double[] weights, IhtWorkspace w) {
        int m = a.rows;
        int n = a.cols;
        int s = options.sparsity();
        double eta = options.step();
        double tau = options.tau();
        Arrays.fill(w.xRe, 0.0);
        Arrays.fill(w.xIm, 0.0);
        int entries = 0; // next free slot of the compressed rows
        for (int t = 0; t < options.layers(); t++) {
            int nOffset = t * n;
            // r = y − A xᵗ, xᵗ non-zero only on the previous mask's support.
            if (t == 0) {
                System.arraycopy(y, 0, w.residual, 0, 2 * m);
            } else {
                a.applySparse(w.maskSupport, (t - 1) * n, w.maskCount[t - 1], w.xRe, w.xIm, w.residual);
                for (int i = 0; i < 2 * m; i++) {
                    w.residual[i] = y[i] - w.residual[i];
                }
            }
            a.adjoint(w.residual, 0, w.uRe, w.uIm, nOffset);
            for (int j = 0; j < n; j++) {
                double ur = w.xRe[j] + eta * w.uRe[nOffset + j];
                double ui = w.xIm[j] + eta * w.uIm[nOffset + j];
                w.uRe[nOffset + j] = ur;
                w.uIm[nOffset + j] = ui;
                // |W_j|·|u_j| with the modulus as UnfoldingInputs.scores takes it.
                w.score[j] = Math.abs(weights[j]) * Math.sqrt(ur * ur + ui * ui);
            }
            System.arraycopy(w.score, 0, w.scores, nOffset, n);
            w.ensureRowCapacity(entries + s * n);
            entries = SoftSort.compressedRows(w.score, n, s, tau, w.topScratch, w.candidates, w.rowIndex,
                    w.rowValues, entries, w.rowStart, t * s);
            System.arraycopy(w.topScratch, 0, w.top, t * s, s);
            // The mask summed in row order from 0, as SoftSort.columnSums does (same bits as Soft-IHT:
            // the entries skipped here are exact zeros).
            Arrays.fill(w.mask, nOffset, nOffset + n, 0.0);
            for (int k = w.rowStart[t * s]; k < entries; k++) {
                w.mask[nOffset + w.rowIndex[k]] += w.rowValues[k];
            }
            int count = 0;
            for (int j = 0; j < n; j++) {
                double mask = w.mask[nOffset + j];
                if (mask != 0.0) {
                    w.maskSupport[nOffset + count++] = j;
                }
                w.xRe[j] = w.uRe[nOffset + j] * mask;
                w.xIm[j] = w.uIm[nOffset + j] * mask;
            }
            w.maskCount[t] = count;
        }
        for (int j = 0; j < n; j++) {
            w.estimate[2 * j] = w.xRe[j];
            w.estimate[2 * j + 1] = w.xIm[j];
        }
    }

    /** Reverse mode of {@link #run} for the loss ‖Re x̂ − target‖², into {@code gradient} (written). */
    @Override
    void backward(double[] target, double[] weights, IhtWorkspace w, double[] gradient) {
        int n = a.cols;
        int s = options.sparsity();
        double eta = options.step();
        double tau = options.tau();
        Arrays.fill(gradient, 0.0);
        // ∂L/∂x̂ = 2(Re x̂ − x) on the real parts, 0 on the imaginary parts.
        for (int j = 0; j < n; j++) {
            w.gXRe[j] = 2 * (w.estimate[2 * j] - target[j]);
            w.gXIm[j] = 0.0;
        }
        for (int t = options.layers() - 1; t >= 0; t--) {
            int nOffset = t * n;
            int count = w.maskCount[t];
            // xᵗ⁺¹ = mask ⊙ u: g_u = mask·g_x, g_mask = Re(conj(g_x)·u); zero outside the mask's support.
            Arrays.fill(w.gURe, 0.0); // the product A g_u below may read every column
            Arrays.fill(w.gUIm, 0.0);
            for (int q = nOffset; q < nOffset + count; q++) {
                int j = w.maskSupport[q];
                double mask = w.mask[nOffset + j];
                w.gURe[j] = mask * w.gXRe[j];
                w.gUIm[j] = mask * w.gXIm[j];
                w.gMask[j] = w.gXRe[j] * w.uRe[nOffset + j] + w.gXIm[j] * w.uIm[nOffset + j];
                w.gScores[j] = 0.0;
            }
            // mask = Σ_i P̃_i: every row receives g_mask.
            for (int i = 0; i < s; i++) {
                int row = t * s + i;
                SoftSortAdjoint.row(w.scores, nOffset, w.top[row], tau, w.rowIndex, w.rowStart[row],
                        w.rowStart[row + 1] - w.rowStart[row], w.rowValues, w.gMask, w.gScores);
            }
            // s_j = |W_j|·|u_j|: to W and to u (every row's support lies in the mask's).
            for (int q = nOffset; q < nOffset + count; q++) {
                int j = w.maskSupport[q];
                double ur = w.uRe[nOffset + j];
                double ui = w.uIm[nOffset + j];
                double f = SoftSortAdjoint.score(w.gScores[j], weights[j], ur, ui, gradient, j);
                w.gURe[j] += f * ur;
                w.gUIm[j] += f * ui;
            }
            if (t == 0) {
                break; // x⁰ = 0 is constant
            }
            // u = x + η Aᴴ(y − A x): g_x = g_u − η AᴴA g_u, g_u non-zero only on the mask's support.
            // Layer t−1 reads g_x only on its own mask's support (xᵗ = mask ⊙ u there, 0 elsewhere).
            int below = (t - 1) * n;
            int belowCount = w.maskCount[t - 1];
            a.applySparse(w.maskSupport, nOffset, count, w.gURe, w.gUIm, w.residual);
            a.adjointAt(w.maskSupport, below, belowCount, w.residual, w.gXRe, w.gXIm);
            for (int q = below; q < below + belowCount; q++) {
                int j = w.maskSupport[q];
                w.gXRe[j] = w.gURe[j] - eta * w.gXRe[j];
                w.gXIm[j] = w.gUIm[j] - eta * w.gXIm[j];
            }
        }
    }

    /**
     * Per-thread buffers, sized once except the compressed rows, which grow (doubling) until they
     * hold the densest sample seen; every per-layer quantity the reverse pass reads.
     */
    static final class IhtWorkspace implements Workspace {
        final int m;
        final int n;
        final int layers;
        final int sparsity;
        final double[] residual;    // 2m
        final double[] xRe;         // the current iterate, N
        final double[] xIm;
        final double[] uRe;         // u of every layer, L·N
        final double[] uIm;
        final double[] score;       // N
        final double[] scores;      // L·N
        final double[] mask;        // L·N
        final int[] maskSupport;    // non-zero mask columns of layer t at t·N
        final int[] maskCount;      // L
        final int[] candidates;     // N, SoftSort's scratch
        final int[] topScratch;     // s
        final int[] top;            // L·s
        final int[] rowStart;       // L·s + 1: row (t, i) is [rowStart[t·s + i], rowStart[t·s + i + 1])
        int[] rowIndex;             // compressed rows: at most L·s·N entries, a few per row at small τ
        double[] rowValues;
        final double[] estimate;    // 2N
        final double[] gXRe;        // N
        final double[] gXIm;
        final double[] gURe;        // N
        final double[] gUIm;
        final double[] gMask;       // N
        final double[] gScores;     // N

        IhtWorkspace(int m, int n, int layers, int sparsity) {
            this.m = m;
            this.n = n;
            this.layers = layers;
            this.sparsity = sparsity;
            residual = new double[2 * m];
            xRe = new double[n];
            xIm = new double[n];
            uRe = new double[layers * n];
            uIm = new double[layers * n];
            score = new double[n];
            scores = new double[layers * n];
            mask = new double[layers * n];
            maskSupport = new int[layers * n];
            maskCount = new int[layers];
            candidates = new int[n];
            topScratch = new int[sparsity];
            top = new int[layers * sparsity];
            rowStart = new int[layers * sparsity + 1];
            // Grown on demand (see ensureRowCapacity): L·s·N entries up front would be 0.9 MB at the
            // paper's sizes but gigabytes for large N and s, while rows at small τ hold a few each.
            int initial = (int) Math.min((long) layers * sparsity * n, (long) layers * sparsity * 32 + (long) sparsity * n);
            rowIndex = new int[initial];
            rowValues = new double[initial];
            estimate = new double[2 * n];
            gXRe = new double[n];
            gXIm = new double[n];
            gURe = new double[n];
            gUIm = new double[n];
            gMask = new double[n];
            gScores = new double[n];
        }

        void ensureRowCapacity(int needed) {
            if (needed > rowIndex.length) {
                int grown = (int) Math.min((long) layers * sparsity * n, Math.max(needed, 2L * rowIndex.length));
                rowIndex = Arrays.copyOf(rowIndex, grown);
                rowValues = Arrays.copyOf(rowValues, grown);
            }
        }
    }
}
