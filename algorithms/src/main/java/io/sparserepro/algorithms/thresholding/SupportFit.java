package io.sparserepro.algorithms.thresholding;

import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.linalg.SupportLeastSquares;

/**
 * Least squares on a support that moves from one sorted index set to the next, the shared
 * step of HTP, CoSaMP and Subspace Pursuit. Consecutive supports of these methods share most
 * indices, so the move removes the leaving columns and adds the entering ones on an
 * incremental {@link SupportLeastSquares} factorisation instead of refactorising: O(m·r) per
 * changed column instead of O(m·r²).
 *
 * <p>Rank-deficient supports follow {@link SupportLeastSquares}' documented fallback: a
 * numerically dependent column stays on the support with coefficient 0.
 *
 * <p>The factorisation is rebuilt from scratch instead when that costs fewer flops (most
 * columns changed), and at least every {@value #REFRESH_AFTER_CHANGES} column changes: each
 * Givens update is orthogonal, but over thousands of iterations their round-off would
 * otherwise accumulate in Q.
 *
 * <p>Per-call workspace, not thread-safe; allocates nothing after construction.
 */
final class SupportFit {
    static final int REFRESH_AFTER_CHANGES = 4096;

    private final SupportLeastSquares ls;
    private final int[] current;
    private final int[] leaving;
    private final int[] entering;
    private final double[] coefficients;
    private int size;
    private int changesSinceRefresh;

    /** A workspace for supports of up to {@code capacity} columns of {@code a}, fitting {@code y}. */
    SupportFit(DenseMatrix a, double[] y, int capacity) {
        ls = new SupportLeastSquares(a, capacity);
        ls.setObservations(y);
        current = new int[capacity];
        leaving = new int[capacity];
        entering = new int[capacity];
        coefficients = new double[capacity];
    }

    /** Moves to the support {@code support[0..newSize)}, which must be sorted ascending and distinct. */
    void moveTo(int[] support, int newSize) {
        int leave = 0;
        int enter = 0;
        int i = 0;
        int j = 0;
        while (i < size || j < newSize) {
            if (j == newSize || (i < size && current[i] < support[j])) {
                leaving[leave++] = current[i++];
            } else if (i == size || support[j] < current[i]) {
                entering[enter++] = support[j++];
            } else {
                i++;
                j++;
            }
        }
        if (leave + enter == 0) {
            return;
        }
        changesSinceRefresh += leave + enter;
        if (changesSinceRefresh > REFRESH_AFTER_CHANGES || rebuildIsCheaper(leave, enter, newSize)) {
            ls.clear();
            for (int c = 0; c < newSize; c++) {
                ls.add(support[c]);
            }
            changesSinceRefresh = 0;
        } else {
            // Removals first, so the factorisation never holds more than max(old, new) columns.
            for (int c = 0; c < leave; c++) {
                ls.remove(leaving[c]);
            }
            for (int c = 0; c < enter; c++) {
                ls.add(entering[c]);
            }
        }
        System.arraycopy(support, 0, current, 0, newSize);
        size = newSize;
    }

    /**
     * Flop model in units of m: removing a column at a random position costs about 3r (Givens
     * rotations on the trailing columns of Q), adding one about 4r (two Gram–Schmidt passes),
     * and refactorising s columns about 2s². CoSaMP and SP replace most of their 2k proxy
     * indices every iteration, where a rebuild is cheaper; HTP changes a few columns, where
     * the update is.
     */
    private boolean rebuildIsCheaper(int leave, int enter, int newSize) {
        long update = 3L * leave * size + 4L * enter * newSize;
        long rebuild = 2L * newSize * newSize;
        return rebuild < update;
    }

    /**
     * Writes the least-squares coefficients of the current support into {@code x}, which must
     * be zero off the union of this support and {@code previous[0..previousSize)} (the support
     * whose coefficients {@code x} holds now): only those entries are touched, O(r²) not O(n).
     */
    void estimate(double[] x, int[] previous, int previousSize) {
        for (int c = 0; c < previousSize; c++) {
            x[previous[c]] = 0.0;
        }
        for (int c = 0; c < size; c++) {
            x[current[c]] = 0.0;
        }
        int rank = ls.rank();
        ls.solve(coefficients);
        for (int c = 0; c < rank; c++) {
            x[ls.factorizedColumn(c)] = coefficients[c];
        }
    }

    /** {@code out = y − A x_S}, the least-squares residual of the current support. */
    void residual(double[] out) {
        ls.residual(out);
    }

    int size() {
        return size;
    }

    /** Number of numerically independent columns of the current support. */
    int rank() {
        return ls.rank();
    }
}
