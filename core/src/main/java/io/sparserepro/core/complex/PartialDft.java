package io.sparserepro.core.complex;

import io.sparserepro.core.Checks;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The partial DFT of the unfolding paper's Fig. 3 (SPEC-UNFOLDING, {@code utils/data_gen.py}):
 * the full matrix F_{kj} = exp(−2πi·k·j/N) with frequencies k ∈ {−N/2+1, …, N/2} (row index
 * r = 0..N−1 holds k = r − N/2 + 1) and j ∈ {0, …, N−1}; A keeps a sorted set of rows and is
 * scaled by 1/√m so that its columns have unit norm.
 *
 * <p>Two implementations of the same operator, tested equal: {@link #dense} (an explicit
 * m×N matrix: O(mN) per product, best for small N or few rows) and {@link #fast} (one
 * radix-2 FFT of length N per product, O(N log N), which pays once m·N exceeds a few N·log₂N,
 * i.e. from m ≈ 3·log₂N rows). A frequency k is the FFT bin k mod N.
 */
public final class PartialDft {
    private PartialDft() {
    }

    /** The frequency k of row index r of the full matrix (r = 0..n−1 ↦ k = r − n/2 + 1). */
    public static int frequencyOfRow(int n, int row) {
        return row - n / 2 + 1;
    }

    /**
     * The spec's row sample: m row indices drawn uniformly without replacement from the first
     * n − 1 rows (0..n−2), sorted ascending (partial Fisher–Yates).
     */
    public static int[] sampleRows(int n, int m, UniformRandomProvider rng) {
        Checks.requireNonNull("rng", rng);
        Checks.requireInRange("m", m, 1, n - 1);
        int[] pool = new int[n - 1];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] rows = Arrays.copyOf(pool, m);
        Arrays.sort(rows);
        return rows;
    }

    /** The dense m×n matrix of the given row indices, scaled by 1/√m. */
    public static ComplexDenseMatrix dense(int n, int[] rows) {
        checkRows(n, rows);
        int m = rows.length;
        double scale = 1 / Math.sqrt(m);
        double[] data = new double[2 * m * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                long k = frequencyOfRow(n, rows[i]);
                // k·j mod n exactly in integers, so that the angle is small and exact to one rounding.
                long phase = Math.floorMod(k * j, (long) n);
                double angle = -2 * Math.PI * phase / n;
                data[2 * (j * m + i)] = scale * Math.cos(angle);
                data[2 * (j * m + i) + 1] = scale * Math.sin(angle);
            }
        }
        return ComplexDenseMatrix.wrap(m, n, data);
    }

    /** The same operator applied through a length-n FFT (n a power of two). Not thread-safe: one per solve. */
    public static ComplexLinearOperator fast(int n, int[] rows) {
        checkRows(n, rows);
        return new FastPartialDft(n, rows.clone());
    }

    private static void checkRows(int n, int[] rows) {
        Checks.requirePositive("n", n);
        Checks.requireNonNull("rows", rows);
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must not be empty");
        }
        for (int i = 0; i < rows.length; i++) {
            Checks.requireInRange("rows[" + i + "]", rows[i], 0, n - 1);
            if (i > 0 && rows[i] <= rows[i - 1]) {
                throw new IllegalArgumentException("rows must be strictly increasing: " + Arrays.toString(rows));
            }
        }
    }

    private static final class FastPartialDft implements ComplexLinearOperator {
        private final int n;
        private final int[] rows;
        private final int[] bins;
        private final double scale;
        private final Fft fft;
        private final double[] work;
        private final double[] cos;
        private final double[] sin;

        FastPartialDft(int n, int[] rows) {
            this.n = n;
            this.rows = rows;
            this.fft = new Fft(n);
            this.scale = 1 / Math.sqrt(rows.length);
            this.bins = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                bins[i] = Math.floorMod(frequencyOfRow(n, rows[i]), n);
            }
            this.work = new double[2 * n];
            // exp(−2πi·q/n) for q = 0..n−1: a column entry is one table look-up at q = k·j mod n.
            this.cos = new double[n];
            this.sin = new double[n];
            for (int q = 0; q < n; q++) {
                double angle = -2 * Math.PI * q / n;
                cos[q] = Math.cos(angle);
                sin[q] = Math.sin(angle);
            }
        }

        @Override
        public void applyReal(double[] p, double[] out) {
            Checks.requireLength("p", p, n);
            int nonZeros = 0;
            for (int j = 0; j < n; j++) {
                nonZeros += p[j] != 0.0 ? 1 : 0;
            }
            // A sparse p (a softsort row at small τ) costs nnz·m through the column table, less
            // than one FFT's n·log₂n; a one-hot p then gives the column exactly, as OMP sees it.
            if ((long) nonZeros * bins.length <= (long) n * Integer.numberOfTrailingZeros(n)) {
                java.util.Arrays.fill(out, 0, 2 * bins.length, 0.0);
                for (int j = 0; j < n; j++) {
                    double c = p[j];
                    if (c != 0.0) {
                        for (int i = 0; i < bins.length; i++) {
                            int q = (int) (((long) bins[i] * j) % n);
                            out[2 * i] += c * (scale * cos[q]);
                            out[2 * i + 1] += c * (scale * sin[q]);
                        }
                    }
                }
                return;
            }
            for (int j = 0; j < n; j++) {
                work[2 * j] = p[j];
                work[2 * j + 1] = 0.0;
            }
            fft.transform(work, -1);
            for (int i = 0; i < bins.length; i++) {
                out[2 * i] = scale * work[2 * bins[i]];
                out[2 * i + 1] = scale * work[2 * bins[i] + 1];
            }
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
            System.arraycopy(x, 0, work, 0, 2 * n);
            fft.transform(work, -1);
            for (int i = 0; i < bins.length; i++) {
                out[2 * i] = scale * work[2 * bins[i]];
                out[2 * i + 1] = scale * work[2 * bins[i] + 1];
            }
        }

        @Override
        public void applyAdjoint(double[] r, double[] out) {
            // (Aᴴ r)_j = (1/√m) Σ_i exp(+2πi·k_i·j/n) r_i: scatter r to its bins, unnormalised inverse FFT.
            Arrays.fill(work, 0.0);
            for (int i = 0; i < bins.length; i++) {
                work[2 * bins[i]] = r[2 * i];
                work[2 * bins[i] + 1] = r[2 * i + 1];
            }
            fft.transform(work, 1);
            for (int j = 0; j < 2 * n; j++) {
                out[j] = scale * work[j];
            }
        }

        @Override
        public void column(int j, double[] out) {
            Checks.requireInRange("j", j, 0, n - 1);
            for (int i = 0; i < bins.length; i++) {
                int q = (int) (((long) bins[i] * j) % n);
                out[2 * i] = scale * cos[q];
                out[2 * i + 1] = scale * sin[q];
            }
        }
    }
}
