package io.sparserepro.core.linalg;

import io.sparserepro.core.Checks;
import java.util.Arrays;

/**
 * Least squares min ‖A_S z − y‖₂ on a support S that changes by one column at a time, kept
 * as a thin QR factorisation A_S = Q R that is updated, never recomputed:
 * <ul>
 *   <li>{@link #add} orthogonalises the new column against Q by classical Gram–Schmidt,
 *       with a second pass whenever the first cancelled much of the column ("twice is
 *       enough", Giraud et al. 2005), which keeps Q orthogonal to working precision even for
 *       supports with condition numbers near 1/ε: O(m·r).</li>
 *   <li>{@link #remove} deletes a column of R and restores its triangular form with Givens
 *       rotations applied to R, Q and Qᵀy: O(m·r + r²).</li>
 *   <li>{@link #solve} is a back substitution on R with the maintained Qᵀy: O(r²).</li>
 * </ul>
 * QR rather than a Cholesky factor of the Gram matrix A_SᵀA_S, because the Gram squares the
 * condition number: the coherent supports of spike deconvolution (cond ~1e8) would lose all
 * accuracy.
 *
 * <p><b>Rank deficiency (documented fallback).</b> A column whose component orthogonal to the
 * current span is at most {@code rankTolerance·‖a_j‖} is numerically dependent. It is kept on
 * the support but <em>deferred</em>: it is not factorised and its coefficient is 0, so the
 * fit is the least-squares solution on a maximal independent subset, which spans the same
 * space (the "basic solution" of a rank-revealing solver such as LAPACK's gelsy). After every
 * removal the deferred columns are tried again, so the factorised set always spans the whole
 * support. {@link #rank()} and {@link #isDeferred} report it; nothing returns NaN.
 *
 * <p>Not thread-safe: one instance is the per-call workspace of one solver run.
 */
public final class SupportLeastSquares {
    /** Default rank tolerance: columns with a relative orthogonal part below this are dependent. */
    public static final double DEFAULT_RANK_TOLERANCE = 1e-10;

    private static final double SQRT2 = Math.sqrt(2.0);
    private static final int ABSENT = -1;
    private static final int DEFERRED = -2;

    private final LinearOperator operator;
    private final DenseMatrix dense;
    private final int m;
    private final int capacity;
    private final int maxRank;
    private final double rankTolerance;
    private final DenseKernel kernel = DenseKernels.active();

    private final double[] q;        // m × maxRank, column-major: orthonormal basis of span(A_S)
    private final double[] r;        // maxRank × maxRank, column-major, upper triangular
    private final double[] qty;      // Qᵀ y
    private final double[] y;
    private final int[] factorized;  // column of A behind each column of Q
    private final int[] deferred;
    private final int[] retry;       // scratch copy of deferred for retryDeferred
    private final int[] position;    // per column of A: index in factorized, ABSENT or DEFERRED
    private final double[] column;   // scratch: the column being added
    private final double[] w;        // scratch: its orthogonal part
    private final double[] projection; // scratch: Q times coordinates
    private final double[] h;        // scratch: its coordinates in Q
    private final double[] h2;
    private int rank;
    private int deferredCount;
    private boolean hasObservations;

    /** A workspace for supports of up to {@code capacity} columns of {@code operator}. */
    public SupportLeastSquares(LinearOperator operator, int capacity) {
        this(operator, capacity, DEFAULT_RANK_TOLERANCE);
    }

    public SupportLeastSquares(LinearOperator operator, int capacity, double rankTolerance) {
        this.operator = Checks.requireNonNull("operator", operator);
        this.m = operator.rows();
        Checks.requireInRange("capacity", capacity, 1, operator.cols());
        Checks.requirePositive("rankTolerance", rankTolerance);
        if (rankTolerance >= 1) {
            throw new IllegalArgumentException("rankTolerance must be below 1: " + rankTolerance);
        }
        this.dense = operator instanceof DenseMatrix d ? d : null;
        this.capacity = capacity;
        this.maxRank = Math.min(capacity, m);
        this.rankTolerance = rankTolerance;
        this.q = new double[m * maxRank];
        this.r = new double[maxRank * maxRank];
        this.qty = new double[maxRank];
        this.y = new double[m];
        this.factorized = new int[maxRank];
        this.deferred = new int[capacity];
        this.retry = new int[capacity];
        this.position = new int[operator.cols()];
        Arrays.fill(position, ABSENT);
        this.column = new double[m];
        this.w = new double[m];
        this.projection = new double[m];
        this.h = new double[maxRank];
        this.h2 = new double[maxRank];
    }

    /** Sets y (copied) and recomputes Qᵀy for the current support. */
    public void setObservations(double[] observations) {
        Checks.requireLength("observations", observations, m);
        System.arraycopy(observations, 0, y, 0, m);
        for (int i = 0; i < rank; i++) {
            qty[i] = kernel.dot(q, i * m, y, 0, m);
        }
        hasObservations = true;
    }

    /** Empties the support; y is kept. */
    public void clear() {
        for (int i = 0; i < rank; i++) {
            position[factorized[i]] = ABSENT;
        }
        for (int i = 0; i < deferredCount; i++) {
            position[deferred[i]] = ABSENT;
        }
        rank = 0;
        deferredCount = 0;
    }

    /** Number of columns on the support, deferred ones included. */
    public int size() {
        return rank + deferredCount;
    }

    /** Number of factorised (numerically independent) columns. */
    public int rank() {
        return rank;
    }

    public int capacity() {
        return capacity;
    }

    public boolean contains(int j) {
        return j >= 0 && j < position.length && position[j] != ABSENT;
    }

    public boolean isDeferred(int j) {
        return j >= 0 && j < position.length && position[j] == DEFERRED;
    }

    /** Writes the support, sorted ascending, into {@code out[0..size())} and returns size(). */
    public int support(int[] out) {
        System.arraycopy(factorized, 0, out, 0, rank);
        System.arraycopy(deferred, 0, out, rank, deferredCount);
        Arrays.sort(out, 0, size());
        return size();
    }

    /**
     * Adds column j to the support.
     *
     * @return true if it was factorised, false if it is numerically dependent on the support
     *         and was deferred (coefficient 0; see the class comment)
     */
    public boolean add(int j) {
        Checks.requireInRange("column", j, 0, position.length - 1);
        if (position[j] != ABSENT) {
            throw new IllegalArgumentException("column " + j + " is already on the support");
        }
        if (size() == capacity) {
            throw new IllegalStateException("the support is full: capacity " + capacity);
        }
        if (rank < maxRank && orthogonalize(j)) {
            double norm = DenseKernels.norm2(w, m);
            int k = rank;
            int qo = k * m;
            double inv = 1.0 / norm;
            for (int i = 0; i < m; i++) {
                q[qo + i] = w[i] * inv;
            }
            int ro = k * maxRank;
            System.arraycopy(h, 0, r, ro, k);
            r[ro + k] = norm;
            qty[k] = hasObservations ? kernel.dot(q, qo, y, 0, m) : 0.0;
            factorized[k] = j;
            position[j] = k;
            rank++;
            return true;
        }
        deferred[deferredCount++] = j;
        position[j] = DEFERRED;
        return false;
    }

    /**
     * Loads column j into {@code w} minus its projection on span(Q), coordinates in {@code h}.
     * Returns whether the orthogonal part is above the rank tolerance.
     */
    private boolean orthogonalize(int j) {
        double[] src;
        int off;
        if (dense != null) {
            src = dense.data();
            off = dense.columnOffset(j);
        } else {
            operator.column(j, column);
            src = column;
            off = 0;
        }
        System.arraycopy(src, off, w, 0, m);
        double columnNorm = DenseKernels.norm2(w, m);
        if (columnNorm == 0) {
            return false;
        }
        if (rank == 0) {
            return true;
        }
        // Classical Gram–Schmidt, h = Qᵀw, w −= Q h; repeated once when the first pass
        // cancelled more than a factor √2 of the norm (Kahan–Parlett criterion, "twice is
        // enough"): then w has lost accuracy and a second pass restores orthogonality to
        // working precision. Well-separated columns skip the second pass.
        kernel.multiplyTransposed(q, m, rank, w, h);
        subtractQTimes(h);
        double afterFirst = DenseKernels.norm2(w, m);
        if (afterFirst * SQRT2 >= columnNorm) {
            return afterFirst > rankTolerance * columnNorm;
        }
        kernel.multiplyTransposed(q, m, rank, w, h2);
        subtractQTimes(h2);
        for (int i = 0; i < rank; i++) {
            h[i] += h2[i];
        }
        return DenseKernels.norm2(w, m) > rankTolerance * columnNorm;
    }

    /** w −= Q·coefficients, through the blocked product kernel. */
    private void subtractQTimes(double[] coefficients) {
        kernel.multiply(q, m, rank, coefficients, projection);
        for (int i = 0; i < m; i++) {
            w[i] -= projection[i];
        }
    }

    /** Removes column j from the support. */
    public void remove(int j) {
        Checks.requireInRange("column", j, 0, position.length - 1);
        int p = position[j];
        if (p == ABSENT) {
            throw new IllegalArgumentException("column " + j + " is not on the support");
        }
        position[j] = ABSENT;
        if (p == DEFERRED) {
            for (int i = 0; i < deferredCount; i++) {
                if (deferred[i] == j) {
                    deferred[i] = deferred[--deferredCount];
                    break;
                }
            }
            return;
        }
        deleteFactorizedColumn(p);
        retryDeferred();
    }

    /** Deletes column p of R, then Givens rotations on rows (i, i+1) restore the triangle. */
    private void deleteFactorizedColumn(int p) {
        int last = rank - 1;
        for (int c = p; c < last; c++) {
            System.arraycopy(r, (c + 1) * maxRank, r, c * maxRank, c + 2);
            factorized[c] = factorized[c + 1];
            position[factorized[c]] = c;
        }
        for (int i = p; i < last; i++) {
            double a = r[i * maxRank + i];
            double b = r[i * maxRank + i + 1];
            double hyp = Math.hypot(a, b);
            double c = a / hyp;
            double s = b / hyp;
            for (int col = i; col < last; col++) {
                int o = col * maxRank;
                double t1 = r[o + i];
                double t2 = r[o + i + 1];
                r[o + i] = c * t1 + s * t2;
                r[o + i + 1] = -s * t1 + c * t2;
            }
            r[i * maxRank + i + 1] = 0.0;
            kernel.rotate(c, s, q, i * m, q, (i + 1) * m, m);
            double t1 = qty[i];
            double t2 = qty[i + 1];
            qty[i] = c * t1 + s * t2;
            qty[i + 1] = -s * t1 + c * t2;
        }
        Arrays.fill(r, last * maxRank, last * maxRank + rank, 0.0);
        rank--;
    }

    /** A removal may have made deferred columns independent again: re-add them all. */
    private void retryDeferred() {
        int pending = deferredCount;
        if (pending == 0) {
            return;
        }
        System.arraycopy(deferred, 0, retry, 0, pending);
        for (int i = 0; i < pending; i++) {
            position[retry[i]] = ABSENT;
        }
        deferredCount = 0;
        for (int i = 0; i < pending; i++) {
            add(retry[i]);
        }
    }

    /**
     * Solves R z = Qᵀy and writes the coefficients of the factorised columns, in the order of
     * {@link #factorizedColumn(int)}, into {@code coefficients[0..rank())}.
     */
    public void solve(double[] coefficients) {
        requireObservations();
        for (int i = rank - 1; i >= 0; i--) {
            double s = qty[i];
            for (int c = i + 1; c < rank; c++) {
                s -= r[c * maxRank + i] * coefficients[c];
            }
            coefficients[i] = s / r[i * maxRank + i];
        }
    }

    /** Column of A behind the i-th coefficient of {@link #solve(double[])}. */
    public int factorizedColumn(int i) {
        return factorized[i];
    }

    /** Writes the full n-vector least-squares estimate (zeros off the support) into {@code x}. */
    public void estimate(double[] x, double[] coefficientScratch) {
        Arrays.fill(x, 0, position.length, 0.0);
        solve(coefficientScratch);
        for (int i = 0; i < rank; i++) {
            x[factorized[i]] = coefficientScratch[i];
        }
    }

    /** {@code out = y − P_S y}, the least-squares residual, as y − Q (Qᵀy): O(m·r). */
    public void residual(double[] out) {
        requireObservations();
        kernel.multiply(q, m, rank, qty, out);
        for (int i = 0; i < m; i++) {
            out[i] = y[i] - out[i];
        }
    }

    /** ‖y − P_S y‖₂, computed from the explicit residual (no cancellation in ‖y‖² − ‖Qᵀy‖²). */
    public double residualNorm(double[] scratch) {
        residual(scratch);
        return DenseKernels.norm2(scratch, m);
    }

    /**
     * ‖P_S y‖₂² = ‖Qᵀy‖₂², in O(rank). With ‖y‖₂² it gives the residual norm without forming
     * the residual, ‖y − P_S y‖² = ‖y‖² − ‖Qᵀy‖², accurate to about ε‖y‖²/‖r‖ absolute: use
     * {@link #residualNorm} when the residual may be small relative to y.
     */
    public double projectionNormSquared() {
        requireObservations();
        double s = 0;
        for (int i = 0; i < rank; i++) {
            s += qty[i] * qty[i];
        }
        return s;
    }

    private void requireObservations() {
        if (!hasObservations) {
            throw new IllegalStateException("setObservations(y) must be called before solving");
        }
    }
}
