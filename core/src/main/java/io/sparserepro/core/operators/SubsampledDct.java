package io.sparserepro.core.operators;

import io.sparserepro.core.Checks;
import io.sparserepro.core.random.Seeds;
import java.util.Arrays;
import org.apache.commons.rng.sampling.CombinationSampler;

/**
 * A = scale · R C: m rows of the orthonormal n×n DCT-II matrix C ({@link DctII}), chosen by
 * the row selector R, times a scale. The compressive-sensing operator of issue 17: products
 * cost one O(n log n) transform, memory is O(n), nothing m×n is ever formed.
 *
 * <p><b>Scale.</b> {@link #sample} uses scale = √(n/m), so that E‖a_j‖₂² = 1 over the row
 * draw (the suite's generators normalise columns to 1, and the RIP statements for random
 * partial orthonormal systems use this normalisation: Foucart &amp; Rauhut, <i>A Mathematical
 * Introduction to Compressive Sensing</i>, 2013, Thm 12.32); then ‖A‖₂ = scale exactly, since
 * R C has orthonormal rows.
 *
 * <p><b>Rows.</b> A seeded uniform draw of m distinct rows ({@link #sample}); the seed and the
 * sorted rows are recorded ({@link #seed()}, {@link #sampledRows()}, {@link #describe()}), so
 * the operator is reproducible from its description.
 *
 * <p>No column is zero: entry (i, j) is scale·c_s·cos(π(2j + 1)s/2n) for row s, which vanishes
 * only if (2j + 1)s is an odd multiple of n; for n a power of two and 0 ≤ s &lt; n that needs
 * s = 0, where the cosine is 1.
 *
 * <p>Thread-safe: each thread gets its own O(n) work arrays.
 */
public final class SubsampledDct implements StructuredOperator {
    private final int n;
    private final int[] rows;
    private final double scale;
    private final long seed;
    private final DctII dct;
    private final ThreadLocal<double[][]> work;

    /**
     * @param n     the signal length, a power of two ≥ 2
     * @param rows  the selected rows of C, strictly increasing, in [0, n), at least one
     * @param scale a positive finite factor
     */
    public SubsampledDct(int n, int[] rows, double scale) {
        this(n, rows, scale, Long.MIN_VALUE);
    }

    private SubsampledDct(int n, int[] rows, double scale, long seed) {
        this.dct = new DctII(n);
        this.n = n;
        Checks.requireNonNull("rows", rows);
        if (rows.length == 0 || rows.length > n) {
            throw new IllegalArgumentException("rows must hold between 1 and n = " + n + " indices: " + rows.length);
        }
        for (int i = 0; i < rows.length; i++) {
            Checks.requireInRange("rows[" + i + "]", rows[i], 0, n - 1);
            if (i > 0 && rows[i] <= rows[i - 1]) {
                throw new IllegalArgumentException("rows must be strictly increasing: rows[" + (i - 1) + "] = "
                        + rows[i - 1] + ", rows[" + i + "] = " + rows[i]);
            }
        }
        Checks.requireFinite("scale", scale);
        Checks.requirePositive("scale", scale);
        this.rows = rows.clone();
        this.scale = scale;
        this.seed = seed;
        this.work = ThreadLocal.withInitial(() -> new double[][] {new double[n], dct.scratch()});
    }

    /**
     * m rows of the n-point orthonormal DCT-II drawn uniformly without replacement by
     * {@code Seeds.rng(seed)}, scaled by √(n/m).
     */
    public static SubsampledDct sample(int n, int m, long seed) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("n must be a power of two ≥ 2: " + n);
        }
        Checks.requireInRange("m", m, 1, n);
        int[] rows = new CombinationSampler(Seeds.rng(seed), n, m).sample();
        Arrays.sort(rows);
        return new SubsampledDct(n, rows, Math.sqrt((double) n / m), seed);
    }

    /** The sampled rows of C, sorted (a copy). */
    public int[] sampledRows() {
        return rows.clone();
    }

    /** The seed of {@link #sample}, or {@link Long#MIN_VALUE} if the rows were given. */
    public long seed() {
        return seed;
    }

    public double scale() {
        return scale;
    }

    @Override
    public int rows() {
        return rows.length;
    }

    @Override
    public int cols() {
        return n;
    }

    @Override
    public void apply(double[] x, double[] out) {
        double[][] w = work.get();
        dct.forward(x, w[0], w[1]);
        double[] full = w[0];
        for (int i = 0; i < rows.length; i++) {
            out[i] = scale * full[rows[i]];
        }
    }

    @Override
    public void applyAdjoint(double[] r, double[] out) {
        double[][] w = work.get();
        double[] full = w[0];
        Arrays.fill(full, 0.0);
        for (int i = 0; i < rows.length; i++) {
            full[rows[i]] = scale * r[i];
        }
        dct.inverse(full, out, w[1]);
    }

    @Override
    public void column(int j, double[] out) {
        Checks.requireInRange("j", j, 0, n - 1);
        double c0 = scale * Math.sqrt(1.0 / n);
        double ck = scale * Math.sqrt(2.0 / n);
        for (int i = 0; i < rows.length; i++) {
            int s = rows[i];
            // (2j + 1)s mod 4n keeps the angle's argument exact in long arithmetic.
            long phase = ((2L * j + 1) * s) % (4L * n);
            out[i] = (s == 0 ? c0 : ck) * Math.cos(Math.PI * phase / (2.0 * n));
        }
    }

    /** One transform instead of k column evaluations of m cosines each. */
    @Override
    public void applyOnSupport(int[] support, double[] coefficients, int size, double[] out) {
        double[] x = new double[n];
        for (int i = 0; i < size; i++) {
            x[support[i]] += coefficients[i];
        }
        apply(x, out);
    }

    @Override
    public double spectralNorm() {
        return scale;
    }

    /**
     * All column norms in one O(n log n) transform: with w_s = c_s² and cos²θ = (1 + cos 2θ)/2,
     * ‖a_j‖² = scale²·(½Σ_s w_s + ½Σ_f u_f cos(π(2j + 1)f/2n)), where f = 2s folded into
     * [0, n): u_{2s} += w_s for 2s &lt; n, u_{2n−2s} −= w_s for 2s &gt; n (cos(π(2j+1) − φ) =
     * −cos φ), nothing for 2s = n (the cosine is 0). The last sum is Cᵀ(u/c), a DCT-III.
     */
    @Override
    public double[] columnNorms() {
        double[] u = new double[n];
        double total = 0;
        double c0Squared = 1.0 / n;
        double ckSquared = 2.0 / n;
        for (int s : rows) {
            double weight = s == 0 ? c0Squared : ckSquared;
            total += weight;
            int f = 2 * s;
            if (f < n) {
                u[f] += weight;
            } else if (f > n) {
                u[2 * n - f] -= weight;
            }
        }
        u[0] /= Math.sqrt(c0Squared);
        double ck = Math.sqrt(ckSquared);
        for (int f = 1; f < n; f++) {
            u[f] /= ck;
        }
        double[] norms = new double[n];
        dct.inverse(u, norms, dct.scratch());
        double scaleSquared = scale * scale;
        for (int j = 0; j < n; j++) {
            norms[j] = Math.sqrt(Math.max(0.0, scaleSquared * 0.5 * (total + norms[j])));
        }
        return norms;
    }

    @Override
    public String describe() {
        return "subsampled-dct n=" + n + " m=" + rows.length + " scale=" + scale
                + (seed == Long.MIN_VALUE ? " rows=given" : " seed=" + seed);
    }

    @Override
    public String toString() {
        return describe();
    }
}
