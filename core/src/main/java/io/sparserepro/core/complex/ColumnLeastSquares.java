package io.sparserepro.core.complex;

/**
 * Least squares on a matrix B that grows one column at a time: z = argmin ‖B z − y‖₂, B m×t
 * complex (real data is complex data with zero imaginary parts). This is the pluggable step of
 * the greedy solvers — OMP's B = A_S, Soft-OMP's B = A Pᵀ — so that a method (pivoted QR,
 * incremental QR, later Cholesky from Gram columns or an iterative CGLS/LSQR) sits beside the
 * others instead of being rewritten into each solver. Implementations are per-solve
 * workspaces: not thread-safe, allocation-free after construction.
 *
 * <p>Contract (checked by the tests every implementation runs): when B has full column rank
 * the unique minimiser; when it is numerically rank-deficient (rank below t under the
 * implementation's cutoff) the <em>minimum-norm</em> minimiser of the truncated problem, as
 * LAPACK's {@code gelsy} returns, never NaN.
 */
public interface ColumnLeastSquares {

    /** Starts a new problem with observations y (interleaved, length ≥ 2·rows) and no columns. */
    void reset(double[] y);

    /** Appends a column of B (interleaved, length ≥ 2·rows). */
    void append(double[] column);

    /** The number of columns t appended since {@link #reset}. */
    int size();

    /**
     * Writes z (interleaved, 2·t entries) and returns the numerical rank used: t when B has
     * full rank under the cutoff.
     */
    int solve(double[] z);

    /** Which method, for records and option values. */
    enum Method {
        /** Householder QR with column pivoting from scratch at every solve (the reference, O(m t²)). */
        PIVOTED_QR,
        /**
         * Householder QR updated by one column per append (O(m t)), which hands over to the
         * pivoted QR when its condition bound no longer proves full rank.
         */
        INCREMENTAL_QR;

        /** A workspace for up to {@code capacity} columns of length {@code rows}. */
        public ColumnLeastSquares create(int rows, int capacity) {
            return create(rows, capacity, PivotedQrLeastSquares.defaultCutoff(rows, capacity));
        }

        /** The same with an explicit relative rank cutoff (LAPACK's rcond). */
        public ColumnLeastSquares create(int rows, int capacity, double cutoff) {
            return switch (this) {
                case PIVOTED_QR -> new PivotedQrLeastSquares(rows, capacity, cutoff);
                case INCREMENTAL_QR -> new IncrementalQrLeastSquares(rows, capacity, cutoff);
            };
        }
    }
}
