package io.sparserepro.core.linalg;

import io.sparserepro.core.Checks;

/**
 * The Cholesky factor G = L Lᵀ of a symmetric positive definite matrix of changing size (the
 * Gram matrix A_SᵀA_S of a support that gains and loses columns), kept up to date instead of
 * recomputed:
 * <ul>
 *   <li>{@link #append} adds a last row and column: one forward substitution, O(s²);</li>
 *   <li>{@link #remove} deletes row and column p and restores the triangle with Givens
 *       rotations on the columns of L (G = L Q Qᵀ Lᵀ for any orthogonal Q), O((s − p)²);</li>
 *   <li>{@link #factor} refactorises from scratch, s³/3 flops, in the row-oriented
 *       (Cholesky–Crout) order, whose inner loops are dot products of two contiguous rows;</li>
 *   <li>{@link #solve} solves G z = b by two triangular solves, O(s²).</li>
 * </ul>
 * Appending is cheaper than refactorising while fewer than about s/3 rows change (s³/3 against
 * s² per append plus (s − p)² per removal); callers choose by that count.
 *
 * <p><b>Accuracy.</b> A Gram matrix squares the condition number of A_S, so the solution of the
 * normal equations loses twice the digits a QR factorisation of A_S loses. {@link #append} and
 * {@link #factor} refuse a pivot with L_ii² ≤ tolerance·G_ii (the column is numerically
 * dependent on the earlier ones), and {@link #minPivotRatio()} = min_i L_ii²/G_ii lets a caller
 * detect an ill-conditioned factor before it trusts the solution: each L_ii² is a Schur
 * complement of a leading block, so it is at least λ_min(G), and for a unit diagonal
 * 1/minPivotRatio is a lower bound on cond(G) that is usually within a small factor of it.
 *
 * <p>Storage: L row-major with a fixed stride (the capacity), so row i is contiguous; no
 * allocation after construction. Not thread-safe: a per-call workspace.
 */
public final class CholeskyFactor {
    /** Row length from which the vector kernel's dot product is used (see {@link #dot}). */
    static final int VECTOR_DOT_MIN = 24;

    private final DenseKernel kernel = DenseKernels.active();
    private int capacity;
    private double[] l;
    private double[] diagonal; // G_ii of each row, for pivot ratios
    private double[] work;
    private int size;

    /** A factor of up to {@code capacity} rows. */
    public CholeskyFactor(int capacity) {
        this.capacity = Checks.requirePositive("capacity", capacity);
        this.l = new double[Math.multiplyExact(capacity, capacity)];
        this.diagonal = new double[capacity];
        this.work = new double[capacity];
    }

    /**
     * Grows the capacity to at least {@code minCapacity} rows, keeping the factor (one copy,
     * O(size²)): for callers whose final size is unknown and possibly far below its bound,
     * such as the active set of a homotopy path (at most min(m, n), usually much less).
     */
    public void ensureCapacity(int minCapacity) {
        if (minCapacity <= capacity) {
            return;
        }
        double[] grown = new double[Math.multiplyExact(minCapacity, minCapacity)];
        for (int i = 0; i < size; i++) {
            System.arraycopy(l, i * capacity, grown, i * minCapacity, i + 1);
        }
        l = grown;
        diagonal = java.util.Arrays.copyOf(diagonal, minCapacity);
        work = new double[minCapacity];
        capacity = minCapacity;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Empties the factor. */
    public void clear() {
        size = 0;
    }

    /** L_ij (row i, column j ≤ i), for tests and diagnostics. */
    public double get(int i, int j) {
        Checks.requireInRange("i", i, 0, size - 1);
        Checks.requireInRange("j", j, 0, i);
        return l[i * capacity + j];
    }

    /**
     * Appends a row and column: {@code gramColumn[0..size())} holds G_{i,new} for the current
     * rows, {@code gramDiagonal} G_{new,new}.
     *
     * @return true if appended; false, leaving the factor unchanged, if the new pivot
     *         L_new² = G_new,new − ‖L⁻¹g‖² is at most {@code pivotTolerance·G_new,new} (the new
     *         column is numerically dependent on the current ones)
     */
    public boolean append(double[] gramColumn, double gramDiagonal, double pivotTolerance) {
        if (size == capacity) {
            throw new IllegalStateException("the factor is full: capacity " + capacity);
        }
        int row = size * capacity;
        double squares = 0;
        for (int j = 0; j < size; j++) {
            double v = (gramColumn[j] - dot(l, row, l, j * capacity, j)) / l[j * capacity + j];
            l[row + j] = v;
            squares += v * v;
        }
        double pivot = gramDiagonal - squares;
        if (!(pivot > pivotTolerance * gramDiagonal)) {
            return false;
        }
        l[row + size] = Math.sqrt(pivot);
        diagonal[size] = gramDiagonal;
        size++;
        return true;
    }

    /** Deletes row and column p (0-based, in the order rows were appended or factorised). */
    public void remove(int p) {
        Checks.requireInRange("p", p, 0, size - 1);
        int last = size - 1;
        // Rows below p move up one; row i (new index) then has one entry right of the diagonal.
        for (int i = p; i < last; i++) {
            System.arraycopy(l, (i + 1) * capacity, l, i * capacity, i + 2);
            diagonal[i] = diagonal[i + 1];
        }
        // Rotate columns (c, c + 1) to zero L[c][c + 1], for c = p … last − 1.
        for (int c = p; c < last; c++) {
            int rc = c * capacity;
            double a = l[rc + c];
            double b = l[rc + c + 1];
            double hyp = Math.hypot(a, b);
            double cos = a / hyp;
            double sin = b / hyp;
            l[rc + c] = hyp;
            l[rc + c + 1] = 0.0;
            for (int i = c + 1; i < last; i++) {
                int ri = i * capacity;
                double t1 = l[ri + c];
                double t2 = l[ri + c + 1];
                l[ri + c] = cos * t1 + sin * t2;
                l[ri + c + 1] = -sin * t1 + cos * t2;
            }
        }
        size = last;
    }

    /**
     * Refactorises the s×s symmetric matrix whose lower triangle is stored row-major in
     * {@code gram} with leading dimension {@code ld} (only entries j ≤ i are read).
     *
     * @return the number of rows factorised: s on success; fewer if row i had a pivot at most
     *         {@code pivotTolerance·G_ii}, in which case the factor holds rows 0..i−1 (a valid
     *         factor of the leading block) and the caller decides what to do
     */
    public int factor(double[] gram, int ld, int s, double pivotTolerance) {
        size = 0;
        return factorFrom(gram, ld, s, 0, pivotTolerance);
    }

    /**
     * {@link #factor} that keeps rows 0..first−1 of the current factor (they must be the
     * factor of the leading first×first block of the new matrix, e.g. columns that stayed in
     * place) and computes rows first..s−1 only: (s³ − first³)/3 flops.
     */
    public int factorFrom(double[] gram, int ld, int s, int first, double pivotTolerance) {
        Checks.requireInRange("s", s, 0, capacity);
        Checks.requireInRange("first", first, 0, Math.min(size, s));
        size = first;
        for (int i = first; i < s; i++) {
            int row = i * capacity;
            int g = i * ld;
            double squares = 0;
            for (int j = 0; j < i; j++) {
                double v = (gram[g + j] - dot(l, row, l, j * capacity, j)) / l[j * capacity + j];
                l[row + j] = v;
                squares += v * v;
            }
            double d = gram[g + i];
            double pivot = d - squares;
            if (!(pivot > pivotTolerance * d)) {
                return i;
            }
            l[row + i] = Math.sqrt(pivot);
            diagonal[i] = d;
            size = i + 1;
        }
        return s;
    }

    /** Solves L w = b (forward substitution): {@code out[0..size)}; may alias {@code b}. */
    public void forward(double[] b, double[] out) {
        for (int i = 0; i < size; i++) {
            int row = i * capacity;
            out[i] = (b[i] - dot(l, row, out, 0, i)) / l[row + i];
        }
    }

    /** Solves Lᵀ z = w (back substitution, column-oriented on row-major L); may alias. */
    public void backward(double[] w, double[] out) {
        if (out != w) {
            System.arraycopy(w, 0, out, 0, size);
        }
        for (int i = size - 1; i >= 0; i--) {
            int row = i * capacity;
            double zi = out[i] / l[row + i];
            out[i] = zi;
            // z_j −= L_ij z_i for j < i: row i of L is contiguous.
            for (int j = 0; j < i; j++) {
                out[j] -= l[row + j] * zi;
            }
        }
    }

    /** Solves G z = b, writing z into {@code out[0..size)} ({@code out} may alias {@code b}). */
    public void solve(double[] b, double[] out) {
        forward(b, work);
        backward(work, out);
    }

    /** min_i L_ii² / G_ii, 1 for an empty factor (see the class comment). */
    public double minPivotRatio() {
        double min = 1.0;
        for (int i = 0; i < size; i++) {
            double p = l[i * capacity + i];
            min = Math.min(min, p * p / diagonal[i]);
        }
        return min;
    }

    /**
     * Σ_{t<len} a[ao+t]·b[bo+t]: the active (Vector API) kernel for rows of at least
     * {@value #VECTOR_DOT_MIN} entries, else four scalar partial sums (independent chains the JIT
     * can pipeline), cheaper for short rows than the vector set-up and lane reduction.
     */
    private double dot(double[] a, int ao, double[] b, int bo, int len) {
        if (len >= VECTOR_DOT_MIN) {
            return kernel.dot(a, ao, b, bo, len);
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (; t + 3 < len; t += 4) {
            s0 += a[ao + t] * b[bo + t];
            s1 += a[ao + t + 1] * b[bo + t + 1];
            s2 += a[ao + t + 2] * b[bo + t + 2];
            s3 += a[ao + t + 3] * b[bo + t + 3];
        }
        for (; t < len; t++) {
            s0 += a[ao + t] * b[bo + t];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
