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
 *   <li>{@link #factorFrom} refactorises the rows from a given one on, (s³ − first³)/3 flops,
 *       blocked (below); with first = size it appends a block of rows at once (a block
 *       append: L₂₁ = G₂₁L₁₁⁻ᵀ, then the Cholesky factor of the Schur complement
 *       G₂₂ − L₂₁L₂₁ᵀ), which is cheaper than {@link #append} row by row;</li>
 *   <li>{@link #solve} solves G z = b by two triangular solves, O(s²), blocked as the
 *       factorisation (matrix–vector products with the block columns).</li>
 * </ul>
 *
 * <p><b>The blocked factorisation</b> is LAPACK's left-looking dpotrf with blocks of
 * {@value #BLOCK} columns: for each block column J, the rows on and below the diagonal block
 * are updated by the product of the rows already factorised (l[i, J] −= L[i, 0:J]·L[J, 0:J]ᵀ,
 * a GEMM: almost all the s³/3 flops), the diagonal block is factorised by the textbook loop
 * (with the pivot test), and the rows below are solved with it (l[i, J] ← l[i, J]·L_JJ⁻ᵀ). The
 * update and the solve of each tile of rows run in one call of
 * {@link DenseKernel#choleskyBlockColumn}, whose Vector API form keeps the tile in registers.
 * In exact arithmetic this is the same factor as the row-by-row Cholesky–Crout recurrence; in
 * floating point the sums are taken in another order, a difference at the round-off level
 * (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, Thm 10.3, holds for any
 * order).
 *
 * <p><b>Accuracy.</b> A Gram matrix squares the condition number of A_S, so the solution of the
 * normal equations loses twice the digits a QR factorisation of A_S loses. {@link #append} and
 * {@link #factorFrom} refuse a pivot with L_ii² ≤ tolerance·G_ii (the column is numerically
 * dependent on the earlier ones), and {@link #minPivotRatio()} = min_i L_ii²/G_ii lets a caller
 * detect an ill-conditioned factor before it trusts the solution: each L_ii² is a Schur
 * complement of a leading block, so it is at least λ_min(G), and for a unit diagonal
 * 1/minPivotRatio is a lower bound on cond(G) that is usually within a small factor of it.
 *
 * <p>Storage: L column-major with a fixed leading dimension (the capacity plus one block, so a
 * tile of 8 rows or the 8 columns of a block never leave the array), only the lower triangle
 * meaningful; the unit-stride direction is the one the blocked update, the Givens rotations of
 * {@link #remove} and the column-oriented triangular solves run along. No allocation after
 * construction. Not thread-safe: a per-call workspace.
 */
public final class CholeskyFactor {
    /** Columns per block of {@link #factorFrom}: the width {@link DenseKernel#choleskyBlockColumn} takes. */
    public static final int BLOCK = 8;
    /**
     * Up to this many rows {@link #factorFrom} appends row by row: the block step computes
     * whole tiles of 8 rows. Measured (GramCholeskyBenchmark, one deletion then the append):
     * one row 2.3 against 2.7 µs at s = 80, 4.7 against 6.5 µs at s = 150; two rows a tie;
     * three rows the block step wins.
     */
    static final int ROW_APPEND_MAX = 1;

    private final DenseKernel kernel;
    private int capacity;
    private int ld;
    private double[] l;
    private double[] diagonal; // G_ii of each row, for pivot ratios
    private double[] work;
    private final double[] reciprocals = new double[BLOCK];
    private int size;

    /** A factor of up to {@code capacity} rows, computed with the active kernel. */
    public CholeskyFactor(int capacity) {
        this(capacity, DenseKernels.active());
    }

    /** A factor computed with the given kernel (tests compare the scalar and vector kernels). */
    public CholeskyFactor(int capacity, DenseKernel kernel) {
        this.kernel = Checks.requireNonNull("kernel", kernel);
        this.capacity = Checks.requirePositive("capacity", capacity);
        this.ld = capacity + BLOCK;
        this.l = new double[Math.multiplyExact(ld, ld)];
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
        int grownLd = minCapacity + BLOCK;
        double[] grown = new double[Math.multiplyExact(grownLd, grownLd)];
        for (int j = 0; j < size; j++) {
            System.arraycopy(l, j * ld + j, grown, j * grownLd + j, size - j);
        }
        l = grown;
        ld = grownLd;
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
        return l[j * ld + i];
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
        forward(gramColumn, work);
        double squares = 0;
        for (int j = 0; j < size; j++) {
            squares += work[j] * work[j];
        }
        double pivot = gramDiagonal - squares;
        if (!(pivot > pivotTolerance * gramDiagonal)) {
            return false;
        }
        for (int j = 0; j < size; j++) {
            l[j * ld + size] = work[j];
        }
        l[size * ld + size] = Math.sqrt(pivot);
        diagonal[size] = gramDiagonal;
        size++;
        return true;
    }

    /** Deletes row and column p (0-based, in the order rows were appended or factorised). */
    public void remove(int p) {
        Checks.requireInRange("p", p, 0, size - 1);
        int last = size - 1;
        // Delete row p: in every column the entries below it move up one. Column c > p then
        // starts one row above its diagonal (rows c − 1 … last − 1): the matrix is lower
        // Hessenberg from column p on.
        for (int c = 0; c <= p; c++) {
            System.arraycopy(l, c * ld + p + 1, l, c * ld + p, last - p);
        }
        for (int c = p + 1; c <= last; c++) {
            System.arraycopy(l, c * ld + c, l, c * ld + c - 1, last - c + 1);
        }
        System.arraycopy(diagonal, p + 1, diagonal, p, last - p);
        // Rotate columns (c, c + 1) to zero L[c][c + 1], for c = p … last − 1: both columns are
        // contiguous below row c, so each rotation is one vector kernel call.
        for (int c = p; c < last; c++) {
            int xc = c * ld + c;
            int yc = xc + ld;
            double a = l[xc];
            double b = l[yc];
            double hyp = Math.sqrt(a * a + b * b);
            if (!(hyp > 1e-150 && hyp < 1e150)) {
                hyp = Math.hypot(a, b); // only where a² + b² could underflow or overflow
            }
            double cos = a / hyp;
            double sin = b / hyp;
            l[xc] = hyp;
            l[yc] = 0.0;
            kernel.rotate(cos, sin, l, xc + 1, l, yc + 1, last - 1 - c);
        }
        size = last;
    }

    /**
     * Refactorises the s×s symmetric matrix whose lower triangle is stored column-major in
     * {@code gram} with leading dimension {@code ldGram}: entry (i, j), i ≥ j, at
     * {@code gram[i + j·ldGram]}; only entries i ≥ j are read (a full symmetric array may be
     * passed in either order).
     *
     * @return the number of rows factorised: s on success; fewer if row i had a pivot at most
     *         {@code pivotTolerance·G_ii}, in which case the factor holds rows 0..i−1 (a valid
     *         factor of the leading block) and the caller decides what to do
     */
    public int factor(double[] gram, int ldGram, int s, double pivotTolerance) {
        size = 0;
        return factorFrom(gram, ldGram, s, 0, pivotTolerance);
    }

    /**
     * {@link #factor} that keeps rows 0..first−1 of the current factor (they must be the
     * factor of the leading first×first block of the new matrix, e.g. columns that stayed in
     * place) and computes rows first..s−1 only, (s³ − first³)/3 flops: only the entries
     * (i, j) with i ≥ first, j ≤ i of {@code gram} are read. With first = {@link #size()} this
     * is a block append.
     */
    public int factorFrom(double[] gram, int ldGram, int s, int first, double pivotTolerance) {
        Checks.requireInRange("s", s, 0, capacity);
        Checks.requireInRange("first", first, 0, Math.min(size, s));
        Checks.requireInRange("ldGram", ldGram, Math.max(s, 1), Integer.MAX_VALUE);
        if (s > 0 && (long) (s - 1) * ldGram + s > gram.length) {
            throw new IllegalArgumentException("gram must hold an " + s + "×" + s + " matrix with leading dimension "
                    + ldGram + ": length " + gram.length);
        }
        size = first;
        if (first == s) {
            return s;
        }
        if (s - first <= ROW_APPEND_MAX) {
            return appendRows(gram, ldGram, s, pivotTolerance);
        }
        // Rows [s, s + BLOCK) are read by the last tiles (whole tiles of 8 rows): keep them 0 so
        // nothing non-finite or subnormal ever enters the arithmetic.
        for (int j = 0; j < s; j++) {
            int start = Math.max(j, first);
            int from = j * ldGram + start;
            int to = j * ld + start;
            if (s - start < 16) { // a few appended rows: a loop is cheaper than a call per column
                for (int i = 0; i < s - start; i++) {
                    l[to + i] = gram[from + i];
                }
            } else {
                System.arraycopy(gram, from, l, to, s - start);
            }
            int pad = j * ld + s;
            for (int i = 0; i < BLOCK; i++) {
                l[pad + i] = 0.0;
            }
        }
        for (int i = first; i < s; i++) {
            diagonal[i] = gram[i * ldGram + i];
        }
        // Rows first..s−1 of the kept columns: L₂₁ = G₂₁L₁₁⁻ᵀ, block column by block column.
        int keptRowsEnd = first + roundUp(s - first);
        for (int j0 = 0; j0 < first; j0 += BLOCK) {
            int width = Math.min(BLOCK, first - j0);
            for (int c = 0; c < BLOCK; c++) {
                reciprocals[c] = c < width ? 1.0 / l[(j0 + c) * ld + j0 + c] : 1.0;
            }
            kernel.choleskyBlockColumn(l, ld, j0, width, j0, first, keptRowsEnd, reciprocals);
        }
        // The new columns, in blocks from `first`.
        for (int j0 = first; j0 < s; j0 += BLOCK) {
            int width = Math.min(BLOCK, s - j0);
            kernel.choleskyBlockColumn(l, ld, j0, width, j0, j0, j0 + BLOCK, null);
            int failed = factorDiagonalBlock(j0, width, pivotTolerance);
            if (failed >= 0) {
                size = failed;
                return failed;
            }
            int below = j0 + BLOCK;
            if (below < s) {
                kernel.choleskyBlockColumn(l, ld, j0, width, j0, below, below + roundUp(s - below), reciprocals);
            }
        }
        size = s;
        return s;
    }

    /**
     * Rows size..s−1 by {@link #append}, one forward substitution each (see
     * {@link #ROW_APPEND_MAX}).
     */
    private int appendRows(double[] gram, int ldGram, int s, double pivotTolerance) {
        for (int i = size; i < s; i++) {
            for (int j = 0; j < i; j++) {
                work[j] = gram[j * ldGram + i];
            }
            if (!append(work, gram[i * ldGram + i], pivotTolerance)) {
                return i;
            }
        }
        return s;
    }

    /**
     * The textbook Cholesky of the width×width diagonal block at (j0, j0), whose entries
     * already had the earlier columns' contributions subtracted; sets {@link #reciprocals}.
     *
     * @return −1, or the first row whose pivot fails the test (rows before it are factorised)
     */
    private int factorDiagonalBlock(int j0, int width, double pivotTolerance) {
        int base = j0 * ld + j0;
        for (int c = 0; c < width; c++) {
            int cc = base + c * ld + c;
            double squares = 0;
            for (int q = 0; q < c; q++) {
                double v = l[base + q * ld + c];
                squares += v * v;
            }
            double pivot = l[cc] - squares;
            if (!(pivot > pivotTolerance * diagonal[j0 + c])) {
                return j0 + c;
            }
            double lcc = Math.sqrt(pivot);
            l[cc] = lcc;
            for (int i = c + 1; i < width; i++) {
                double v = l[cc + i - c];
                for (int q = 0; q < c; q++) {
                    v -= l[base + q * ld + i] * l[base + q * ld + c];
                }
                l[cc + i - c] = v / lcc;
            }
            reciprocals[c] = 1.0 / lcc;
        }
        for (int c = width; c < BLOCK; c++) {
            reciprocals[c] = 1.0;
        }
        return -1;
    }

    private static int roundUp(int rows) {
        return (rows + BLOCK - 1) / BLOCK * BLOCK;
    }

    /**
     * Solves L w = b (forward substitution, blocked: each diagonal block is solved entry by
     * entry, then the rows below are updated by one matrix–vector product with the block
     * column): {@code out[0..size)}; may alias {@code b}.
     */
    public void forward(double[] b, double[] out) {
        if (out != b) {
            System.arraycopy(b, 0, out, 0, size);
        }
        for (int j0 = 0; j0 < size; j0 += BLOCK) {
            int width = Math.min(BLOCK, size - j0);
            int base = j0 * ld + j0;
            for (int c = 0; c < width; c++) {
                double v = out[j0 + c];
                for (int q = 0; q < c; q++) {
                    v -= l[base + q * ld + c] * out[j0 + q];
                }
                out[j0 + c] = v / l[base + c * ld + c];
            }
            int below = j0 + width;
            if (below < size) {
                kernel.multiplySubtract(l, base + width, ld, size - below, width, out, j0, out, below);
            }
        }
    }

    /**
     * Solves Lᵀ z = w (back substitution, blocked as {@link #forward}: the solved entries below
     * a block enter it through one transposed matrix–vector product); may alias.
     */
    public void backward(double[] w, double[] out) {
        if (out != w) {
            System.arraycopy(w, 0, out, 0, size);
        }
        int lastBlock = (size - 1) / BLOCK * BLOCK;
        for (int j0 = lastBlock; j0 >= 0; j0 -= BLOCK) {
            int width = Math.min(BLOCK, size - j0);
            int base = j0 * ld + j0;
            int below = j0 + width;
            if (below < size) {
                kernel.multiplyTransposedSubtract(l, base + width, ld, size - below, width, out, below, out, j0);
            }
            for (int c = width - 1; c >= 0; c--) {
                double v = out[j0 + c];
                for (int i = c + 1; i < width; i++) {
                    v -= l[base + c * ld + i] * out[j0 + i];
                }
                out[j0 + c] = v / l[base + c * ld + c];
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
            double p = l[i * ld + i];
            min = Math.min(min, p * p / diagonal[i]);
        }
        return min;
    }
}
