package io.sparserepro.algorithms.thresholding;

import io.sparserepro.core.linalg.LinearOperator;
import io.sparserepro.core.operators.SupportCgls;

/**
 * Least squares on a support for the matrix-free thresholding paths: a {@link SupportCgls}
 * workspace plus the bookkeeping of moving a sparse n-vector from one support to the next,
 * warm-starting each solve from the values the vector already holds on the new support (0
 * for entering indices).
 */
final class ImplicitFits {
    private final SupportCgls cgls;
    private final double[] coefficients;

    ImplicitFits(LinearOperator a, double[] y, int capacity) {
        cgls = new SupportCgls(a, y, capacity, SupportCgls.Options.defaults());
        coefficients = new double[capacity];
    }

    /**
     * Fits y on the sorted {@code next[0..nextSize)}, warm-started from x there; then x (which
     * held a vector supported on {@code previous[0..previousSize)}) holds the fit, zero
     * elsewhere. Returns the CGLS iterations.
     */
    int fit(double[] x, int[] previous, int previousSize, int[] next, int nextSize) {
        for (int c = 0; c < nextSize; c++) {
            coefficients[c] = x[next[c]];
        }
        int iterations = cgls.solve(next, nextSize, coefficients);
        Vectors.clear(x, previous, previousSize);
        for (int c = 0; c < nextSize; c++) {
            x[next[c]] = coefficients[c];
        }
        return iterations;
    }

    /** y − A x of the last fit (overwritten by the next one). */
    double[] residual() {
        return cgls.residual();
    }

    long totalIterations() {
        return cgls.totalIterations();
    }

    int solves() {
        return cgls.solves();
    }

    /** The adjoint of the observations, Aᵀy (computed once by the workspace). */
    double[] adjointOfObservations() {
        return cgls.adjointOfObservations();
    }

    /** A one-off refit of x on its support (the debiasing option); returns the CGLS iterations. */
    static long refit(LinearOperator a, double[] y, double[] x, int[] support, int size) {
        ImplicitFits fits = new ImplicitFits(a, y, size);
        return fits.fit(x, support, size, support, size);
    }
}
