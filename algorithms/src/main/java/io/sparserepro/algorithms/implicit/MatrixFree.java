package io.sparserepro.algorithms.implicit;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.linalg.LinearOperator;
import io.sparserepro.core.problem.Problem;

/**
 * Which path a solve takes: dense (the operator densified once, BLAS-like kernels, QR least
 * squares) or matrix-free (products through the operator, CGLS least squares, memory
 * O(n + m)).
 *
 * <p><b>The rule.</b> A {@link DenseMatrix} always takes the dense path (it is its own dense
 * form). Any other operator takes the dense path when it has at most
 * {@value #DENSE_PATH_MAX_ENTRIES} entries (m·n = 2²⁰, 8 MB dense), the matrix-free path above.
 * The threshold is measured ({@code MatrixFreeCrossover}, docs/BENCHMARKS.md "Matrix-free
 * solving"): on subsampled-DCT instances with m = n/4, k = m/10, the dense solve <em>alone</em>
 * (densification free, the case most favourable to it, e.g. a dense matrix behind the
 * interface) is faster up to n = 1024 (m·n = 2¹⁸) for every solver but NIHT, about level
 * with the matrix-free thresholding solvers at n = 2048 (2²⁰; SEA and OMP, with the Gram cache
 * and one CGLS per added column, still 1.8–3.6× faster dense there), and slower from n = 4096
 * (2²²) on for every solver (1.0–26×). Densification — O(mn) column evaluations, here
 * cosines — only widens the gap. Below the threshold the dense path costs a few tens of
 * milliseconds at most, and it keeps what only it has (QR rank detection, the Gram cache), so
 * every existing test and the paper's experiments (n ≤ 1000) keep the dense
 * path bit for bit.
 *
 * <p>Solvers without a matrix-free path (Batch-OMP's Gram, ELS's refresh, the ℓ1 homotopy,
 * OMPR) densify any operator of at most {@value #DENSIFY_MAX_ENTRIES} entries (512 MB) and
 * reject larger ones with {@link #requireDensifiable}'s message.
 */
public final class MatrixFree {
    /** Above this many entries (m·n) an operator that is not a DenseMatrix is solved matrix-free. */
    public static final long DENSE_PATH_MAX_ENTRIES = 1L << 20;
    /** Inherently dense solvers refuse operators with more entries than this (512 MB of doubles). */
    public static final long DENSIFY_MAX_ENTRIES = 1L << 26;
    /** The solvers that have a matrix-free path, named in the inherently dense solvers' error. */
    public static final String MATRIX_FREE_SOLVERS = "iht, niht, htp, cosamp, sp, omp, sea-0 (and sea after one of these), l1-fista";

    /** The two paths a solve can take. */
    public enum Path {
        /** Densify once, dense kernels and QR least squares. */
        DENSE,
        /** Products through the operator, CGLS least squares, O(n + m) memory. */
        MATRIX_FREE
    }

    /** A path forced on the current thread by {@link #using}, or null: the size rule decides. */
    private static final ThreadLocal<Path> FORCED = new ThreadLocal<>();

    private MatrixFree() {
    }

    /**
     * Runs {@code work} with every solve on this thread forced onto {@code path}, whatever
     * the size: for benchmarks measuring the threshold and for comparing both paths through
     * the public API. Nests; the previous setting is restored afterwards.
     */
    public static <T> T using(Path path, java.util.function.Supplier<T> work) {
        Checks.requireNonNull("path", path);
        Checks.requireNonNull("work", work);
        Path saved = FORCED.get();
        FORCED.set(path);
        try {
            return work.get();
        } finally {
            if (saved == null) {
                FORCED.remove();
            } else {
                FORCED.set(saved);
            }
        }
    }

    /** Whether {@code problem} is solved matrix-free by the solvers that can (see the class comment). */
    public static boolean applies(Problem problem) {
        Checks.requireNonNull("problem", problem);
        Path forced = FORCED.get();
        if (forced != null) {
            return forced == Path.MATRIX_FREE;
        }
        LinearOperator a = problem.operator();
        return !(a instanceof DenseMatrix) && (long) a.rows() * a.cols() > DENSE_PATH_MAX_ENTRIES;
    }

    /**
     * Rejects, before any work, an operator too large to densify for a solver that needs the
     * dense matrix.
     *
     * @param solver the solver's name, for the message
     * @param why    what it needs the dense matrix for (e.g. "the Gram matrix AᵀA")
     */
    public static void requireDensifiable(Problem problem, String solver, String why) {
        Checks.requireNonNull("problem", problem);
        LinearOperator a = problem.operator();
        long entries = (long) a.rows() * a.cols();
        if (!(a instanceof DenseMatrix) && entries > DENSIFY_MAX_ENTRIES) {
            throw new IllegalArgumentException(solver + " needs " + why + " and works on a dense matrix, but the "
                    + a.rows() + "×" + a.cols() + " operator would take " + (entries * 8 >> 20)
                    + " MB dense (the limit is " + (DENSIFY_MAX_ENTRIES * 8 >> 20)
                    + " MB); use a matrix-free solver instead: " + MATRIX_FREE_SOLVERS);
        }
    }
}
