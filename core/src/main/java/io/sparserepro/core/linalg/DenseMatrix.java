package io.sparserepro.core.linalg;

import io.sparserepro.core.Checks;
import java.util.Arrays;

/**
 * A dense real matrix stored column-major in one {@code double[]}: entry (i, j) is at
 * {@code data[j * rows + i]}, so a column is a contiguous slice (what greedy solvers touch).
 *
 * <p>The matrix is mutable only through {@link #set} and {@link #data()}; methods that
 * derive a new matrix return a copy. Shapes are checked at every public entry and the message
 * names both shapes.
 */
public final class DenseMatrix implements LinearOperator {
    private final int rows;
    private final int cols;
    private final double[] data;
    /**
     * The last spectral norm computed, with the fingerprint of the entries it was computed
     * from: a matrix shared by many solves (every trial of an experiment's grid point) pays
     * for Lanczos once, and a matrix changed through {@link #data()} or {@link #set} since is
     * recomputed. Immutable, published through a volatile field: safe for concurrent solves.
     */
    private volatile SpectralNormMemo spectralNormMemo;

    private record SpectralNormMemo(long fingerprint, double relativeTolerance, int maxIterations, double value) {
    }

    /** The Gram columns computed so far for the entries with this fingerprint; see {@link #gramColumns()}. */
    private volatile GramColumns gramColumns;

    /**
     * Columns of the Gram matrix AᵀA, computed on first use and shared by every later user of
     * the same matrix contents — every trial of an experiment's grid point solves one matrix,
     * and SEA reads the Gram columns of the indices its supports visit. Thread-safe: two
     * threads asking for a new column may both compute it; one result is kept, and both are
     * equal bit for bit (the same product). Obtain it through {@link #gramColumns()}, once per
     * use: that checks the matrix was not changed since.
     */
    public static final class GramColumns {
        private final DenseMatrix a;
        private final long fingerprint;
        private final java.util.concurrent.atomic.AtomicReferenceArray<double[]> columns;

        private GramColumns(DenseMatrix a, long fingerprint) {
            this.a = a;
            this.fingerprint = fingerprint;
            this.columns = new java.util.concurrent.atomic.AtomicReferenceArray<>(a.cols);
        }

        /** (AᵀA)_{:,j} = Aᵀa_j (read-only: shared). */
        public double[] column(int j) {
            double[] column = columns.get(j);
            if (column == null) {
                double[] computed = new double[a.cols];
                double[] aj = Arrays.copyOfRange(a.data, j * a.rows, (j + 1) * a.rows);
                DenseKernels.active().multiplyTransposed(a.data, a.rows, a.cols, aj, computed);
                column = columns.compareAndSet(j, null, computed) ? computed : columns.get(j);
            }
            return column;
        }
    }

    /**
     * The shared Gram-column cache of this matrix's current entries (a new, empty one after
     * any change through {@link #data()} or {@link #set}). One pass over the entries to check.
     */
    public GramColumns gramColumns() {
        long fingerprint = fingerprint();
        GramColumns cache = gramColumns;
        if (cache == null || cache.fingerprint != fingerprint) {
            cache = new GramColumns(this, fingerprint);
            gramColumns = cache;
        }
        return cache;
    }

    private DenseMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A zero matrix. */
    public static DenseMatrix zeros(int rows, int cols) {
        Checks.requirePositive("rows", rows);
        Checks.requirePositive("cols", cols);
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "rows × cols must fit in one Java array: " + rows + " × " + cols);
        }
        return new DenseMatrix(rows, cols, new double[rows * cols]);
    }

    /** The n×n identity. */
    public static DenseMatrix identity(int n) {
        DenseMatrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] = 1.0;
        }
        return m;
    }

    /** Wraps (does not copy) column-major data of length rows·cols. */
    public static DenseMatrix wrapColumnMajor(int rows, int cols, double[] data) {
        Checks.requirePositive("rows", rows);
        Checks.requirePositive("cols", cols);
        Checks.requireNonNull("data", data);
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("data must have length rows × cols = " + rows
                    + " × " + cols + " = " + ((long) rows * cols) + ": " + data.length);
        }
        return new DenseMatrix(rows, cols, data);
    }

    /** Copies row-major data of length rows·cols into a new matrix. */
    public static DenseMatrix fromRowMajor(int rows, int cols, double[] rowMajor) {
        DenseMatrix m = wrapColumnMajor(rows, cols, new double[Checks.requireNonNull("data", rowMajor).length]);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.data[j * rows + i] = rowMajor[i * cols + j];
            }
        }
        return m;
    }

    /** Copies a rectangular {@code double[row][col]} array. */
    public static DenseMatrix fromRows(double[][] rowArrays) {
        Checks.requireNonNull("rows", rowArrays);
        if (rowArrays.length == 0 || rowArrays[0] == null || rowArrays[0].length == 0) {
            throw new IllegalArgumentException("rows must be a non-empty rectangular array");
        }
        int r = rowArrays.length;
        int c = rowArrays[0].length;
        DenseMatrix m = zeros(r, c);
        for (int i = 0; i < r; i++) {
            if (rowArrays[i] == null || rowArrays[i].length != c) {
                throw new IllegalArgumentException("rows must be rectangular: row 0 has " + c
                        + " entries, row " + i + " has " + (rowArrays[i] == null ? "none" : rowArrays[i].length));
            }
            for (int j = 0; j < c; j++) {
                m.data[j * r + i] = rowArrays[i][j];
            }
        }
        return m;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    /** The backing column-major array (not a copy): writes change the matrix. */
    public double[] data() {
        return data;
    }

    /** Index of column {@code j}'s first entry in {@link #data()}. */
    public int columnOffset(int j) {
        return j * rows;
    }

    public double get(int i, int j) {
        checkIndex(i, j);
        return data[j * rows + i];
    }

    public void set(int i, int j, double value) {
        checkIndex(i, j);
        data[j * rows + i] = value;
    }

    private void checkIndex(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException(
                    "(" + i + ", " + j + ") is outside a " + rows + "×" + cols + " matrix");
        }
    }

    public DenseMatrix copy() {
        return new DenseMatrix(rows, cols, data.clone());
    }

    /** A new {@code double[rows][cols]}. */
    public double[][] toRows() {
        double[][] out = new double[rows][cols];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                out[i][j] = data[j * rows + i];
            }
        }
        return out;
    }

    public DenseMatrix transpose() {
        DenseMatrix t = zeros(cols, rows);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                t.data[i * cols + j] = data[j * rows + i];
            }
        }
        return t;
    }

    @Override
    public void apply(double[] x, double[] out) {
        Checks.requireLength("x", x, cols);
        Checks.requireMinLength("out", out, rows);
        DenseKernels.active().multiply(data, rows, cols, x, out);
    }

    @Override
    public void applyAdjoint(double[] r, double[] out) {
        Checks.requireMinLength("r", r, rows);
        Checks.requireMinLength("out", out, cols);
        DenseKernels.active().multiplyTransposed(data, rows, cols, r, out);
    }

    @Override
    public void column(int j, double[] out) {
        Checks.requireInRange("column", j, 0, cols - 1);
        System.arraycopy(data, j * rows, out, 0, rows);
    }

    @Override
    public void applyOnSupport(int[] support, double[] coefficients, int size, double[] out) {
        Arrays.fill(out, 0, rows, 0.0);
        DenseKernel kernel = DenseKernels.active();
        for (int i = 0; i < size; i++) {
            kernel.axpy(coefficients[i], data, support[i] * rows, out, 0, rows);
        }
    }

    /** Inner product of column j with {@code v[0..rows)}. */
    public double columnDot(int j, double[] v) {
        return DenseKernels.active().dot(data, j * rows, v, 0, rows);
    }

    @Override
    public DenseMatrix toDense() {
        return this;
    }

    /** C = this · other. */
    public DenseMatrix multiply(DenseMatrix other) {
        Checks.requireNonNull("other", other);
        if (other.rows != cols) {
            throw new IllegalArgumentException("cannot multiply a " + rows + "×" + cols
                    + " matrix by a " + other.rows + "×" + other.cols + " matrix");
        }
        DenseMatrix c = zeros(rows, other.cols);
        DenseKernel kernel = DenseKernels.active();
        double[] col = new double[cols];
        double[] out = new double[rows];
        for (int j = 0; j < other.cols; j++) {
            System.arraycopy(other.data, j * other.rows, col, 0, cols);
            kernel.multiply(data, rows, cols, col, out);
            System.arraycopy(out, 0, c.data, j * rows, rows);
        }
        return c;
    }

    /** The Gram matrix AᵀA (cols×cols, symmetric). */
    public DenseMatrix gram() {
        DenseMatrix g = zeros(cols, cols);
        DenseKernel kernel = DenseKernels.active();
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i <= j; i++) {
                double v = kernel.dot(data, i * rows, data, j * rows, rows);
                g.data[j * cols + i] = v;
                g.data[i * cols + j] = v;
            }
        }
        return g;
    }

    /** ‖A[:, j]‖₂ for every column. */
    public double[] columnNorms() {
        double[] norms = new double[cols];
        double[] col = new double[rows];
        for (int j = 0; j < cols; j++) {
            System.arraycopy(data, j * rows, col, 0, rows);
            norms[j] = DenseKernels.norm2(col, rows);
        }
        return norms;
    }

    /**
     * A copy with every column scaled to unit ℓ2 norm (the papers' normalisation, which makes
     * δ₁ = 0). A zero column cannot be normalised and is reported by index.
     */
    public DenseMatrix normalizeColumns() {
        double[] norms = columnNorms();
        DenseMatrix out = copy();
        for (int j = 0; j < cols; j++) {
            if (norms[j] == 0) {
                throw new IllegalArgumentException(
                        "column " + j + " of the matrix is zero and cannot be normalised; remove it");
            }
            double s = 1.0 / norms[j];
            for (int i = 0, o = j * rows; i < rows; i++) {
                out.data[o + i] *= s;
            }
        }
        return out;
    }

    /** Rejects NaN or infinite entries, naming the first. */
    public DenseMatrix requireFinite(String name) {
        for (int k = 0; k < data.length; k++) {
            if (!Double.isFinite(data[k])) {
                throw new IllegalArgumentException(name + " must be finite, but " + name + "["
                        + (k % rows) + ", " + (k / rows) + "] = " + data[k]);
            }
        }
        return this;
    }

    /** Rejects all-zero columns (they make normalisation and least squares meaningless). */
    public DenseMatrix requireNonZeroColumns(String name) {
        for (int j = 0; j < cols; j++) {
            boolean zero = true;
            for (int i = 0, o = j * rows; i < rows && zero; i++) {
                zero = data[o + i] == 0.0;
            }
            if (zero) {
                throw new IllegalArgumentException(
                        name + " has an all-zero column " + j + "; remove it or drop that variable");
            }
        }
        return this;
    }

    /**
     * ‖A‖₂, the largest singular value: the square root of the largest eigenvalue of AᵀA by
     * the Lanczos method with full reorthogonalisation, from a fixed pseudo-random start
     * (deterministic, and almost surely not orthogonal to the top singular vector). Lanczos
     * rather than power iteration because the top singular values of random matrices are
     * close together, where power iteration needs hundreds of products and Lanczos tens.
     * Stops when the largest Ritz value changes by at most {@code relativeTolerance}
     * (relative) between steps, or after {@code maxIterations} steps; the Ritz value is a lower
     * bound that converges from below.
     */
    public double spectralNorm(double relativeTolerance, int maxIterations) {
        Checks.requirePositive("relativeTolerance", relativeTolerance);
        Checks.requirePositive("maxIterations", maxIterations);
        long fingerprint = fingerprint();
        SpectralNormMemo memo = spectralNormMemo;
        if (memo != null && memo.fingerprint() == fingerprint && memo.relativeTolerance() == relativeTolerance
                && memo.maxIterations() == maxIterations) {
            return memo.value();
        }
        double value = lanczosSpectralNorm(relativeTolerance, maxIterations);
        spectralNormMemo = new SpectralNormMemo(fingerprint, relativeTolerance, maxIterations, value);
        return value;
    }

    /**
     * A 64-bit hash of the shape and every entry's bits (one pass, the cost of a product Ax —
     * against tens of products for Lanczos): equal for equal matrices, and for a changed matrix
     * equal only by a 2⁻⁶⁴ accident.
     */
    private long fingerprint() {
        long h = 0x9E3779B97F4A7C15L ^ ((long) rows << 32 | cols);
        for (double v : data) {
            h = (h ^ Double.doubleToRawLongBits(v)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        return h;
    }

    private double lanczosSpectralNorm(double relativeTolerance, int maxIterations) {
        // Work on (tA)ᵀ(tA) with t = 1/max|a_ij|: its eigenvalues are O(mn) at most and at
        // least ~ε² of the largest, so neither the products nor β² in the Sturm counts
        // overflow or underflow, whatever the scale of A.
        double maxAbs = 0;
        for (double v : data) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        if (maxAbs == 0) {
            return 0;
        }
        double t = 1.0 / maxAbs;
        int steps = Math.min(maxIterations, cols);
        // The basis grows one vector per step (tens are usual), never sized for the cap.
        double[][] basis = new double[Math.min(steps, 64) + 1][];
        double[] alpha = new double[steps];
        double[] beta = new double[steps];
        double[] w = new double[cols];
        double[] av = new double[rows];
        double[] start = new double[cols];
        long state = 0x9E3779B97F4A7C15L;
        for (int j = 0; j < cols; j++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            start[j] = 0.5 + ((state >>> 11) * 0x1.0p-53);
        }
        double startNorm = DenseKernels.norm2(start, cols);
        for (int j = 0; j < cols; j++) {
            start[j] /= startNorm;
        }
        basis[0] = start;
        DenseKernel kernel = DenseKernels.active();
        double previous = -1;
        for (int step = 0; step < steps; step++) {
            double[] v = basis[step];
            kernel.multiply(data, rows, cols, v, av);
            for (int i = 0; i < rows; i++) {
                av[i] *= t;
            }
            kernel.multiplyTransposed(data, rows, cols, av, w);
            for (int j = 0; j < cols; j++) {
                w[j] *= t;
            }
            alpha[step] = kernel.dot(v, 0, w, 0, cols);
            // Full reorthogonalisation (twice) against the whole basis: cheap for the tens of
            // steps needed, and it keeps the Ritz values free of spurious copies.
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= step; i++) {
                    kernel.axpy(-kernel.dot(basis[i], 0, w, 0, cols), basis[i], 0, w, 0, cols);
                }
            }
            double theta = largestEigenvalueOfTridiagonal(alpha, beta, step + 1);
            double b = DenseKernels.norm2(w, cols);
            if (previous >= 0 && Math.abs(theta - previous) <= relativeTolerance * theta) {
                return Math.sqrt(theta) / t;
            }
            // b and θ are both on the scale of σ²: a relative b of 1e-14 is an invariant
            // subspace (θ is then exact).
            if (b <= 1e-14 * theta || step + 1 == steps) {
                return Math.sqrt(Math.max(theta, 0)) / t;
            }
            beta[step] = b;
            if (step + 1 == basis.length) {
                basis = java.util.Arrays.copyOf(basis, Math.min(steps + 1, 2 * basis.length));
            }
            double[] next = new double[cols];
            for (int j = 0; j < cols; j++) {
                next[j] = w[j] / b;
            }
            basis[step + 1] = next;
            previous = theta;
        }
        return Math.sqrt(Math.max(previous, 0)) / t;
    }

    /**
     * Largest eigenvalue of the symmetric tridiagonal matrix with diagonal alpha[0..n) and
     * off-diagonal beta[0..n−1), by bisection on Sturm sequence counts (accurate to a few ulps).
     */
    static double largestEigenvalueOfTridiagonal(double[] alpha, double[] beta, int n) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double radius = (i > 0 ? Math.abs(beta[i - 1]) : 0) + (i < n - 1 ? Math.abs(beta[i]) : 0);
            lo = Math.min(lo, alpha[i] - radius);
            hi = Math.max(hi, alpha[i] + radius);
        }
        for (int it = 0; it < 200 && hi - lo > 2 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi))); it++) {
            double mid = 0.5 * (lo + hi);
            if (eigenvaluesBelow(alpha, beta, n, mid) == n) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static int eigenvaluesBelow(double[] alpha, double[] beta, int n, double x) {
        int count = 0;
        double q = 1;
        for (int i = 0; i < n; i++) {
            double off = i > 0 ? beta[i - 1] * beta[i - 1] / q : 0;
            q = alpha[i] - x - off;
            if (q == 0) {
                q = -Double.MIN_NORMAL * 1e6; // a zero pivot counts as just below x
            }
            if (q < 0) {
                count++;
            }
        }
        return count;
    }

    /** ‖A‖₂ to a relative accuracy of about 1e-12 (at most 1000 Lanczos steps). */
    public double spectralNorm() {
        return spectralNorm(1e-13, 1000);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseMatrix other && other.rows == rows && other.cols == cols
                && Arrays.equals(other.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DenseMatrix[" + rows + "×" + cols + "]";
    }
}
