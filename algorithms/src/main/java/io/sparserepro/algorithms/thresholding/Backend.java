package io.sparserepro.algorithms.thresholding;

import io.sparserepro.algorithms.DenseProblem;
import io.sparserepro.algorithms.FitDiagnostics;
import io.sparserepro.algorithms.SolverInputs;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.Trace;
import io.sparserepro.algorithms.implicit.MatrixFree;
import io.sparserepro.algorithms.implicit.OperatorProblem;
import io.sparserepro.core.linalg.DenseKernel;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.linalg.LinearOperator;
import io.sparserepro.core.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The operations the thresholding loops (IHT, NIHT, HTP, CoSaMP, SP) need from A, so that one
 * loop per solver serves both paths of {@link io.sparserepro.algorithms.implicit.MatrixFree}
 * (issue 17): the proxy Aᵀr, the residual y − A x of a sparse x, the least-squares fit on a
 * support, NIHT's images of sparse vectors, the step-size numbers, and the result.
 *
 * <p><b>Dense</b> ({@link #dense}): the active dense kernel's Aᵀr, the column axpys of
 * {@link Vectors#residual}, the incremental QR of {@link SupportFit}: exactly the calls, in
 * the same order, that the dense loops made before they were shared, so the dense path's
 * results are unchanged to the bit. <b>Matrix-free</b> ({@link #matrixFree}): products through
 * the operator, least squares by CGLS warm-started from the values the vector already holds
 * ({@link ImplicitFits}); CGLS detects no rank deficiency, so {@code rankDeficientFits} is 0 and
 * the diagnostics add {@code cglsIterations} (and {@code cglsSolves} when the solver keeps a
 * fit workspace).
 *
 * <p>Per-call state (the matrix-free path's fit counters), not thread-safe.
 */
abstract class Backend {
    final double[] y;
    final int m;
    final int n;
    final int k;
    final double yNorm;

    private Backend(double[] y, int m, int n, int k, double yNorm) {
        this.y = y;
        this.m = m;
        this.n = n;
        this.k = k;
        this.yNorm = yNorm;
    }

    /**
     * The backend of the path {@link MatrixFree#applies} picks for {@code problem} (the dispatch
     * rule lives there): matrix-free for large implicit operators, dense otherwise.
     */
    static Backend of(Problem problem) {
        return MatrixFree.applies(problem) ? matrixFree(OperatorProblem.of(problem)) : dense(DenseProblem.of(problem));
    }

    static Backend dense(DenseProblem d) {
        return new Dense(d);
    }

    static Backend matrixFree(OperatorProblem d) {
        return new MatrixFreeBackend(d);
    }

    /** {@code out = Aᵀ r} (n-vector). */
    abstract void adjoint(double[] r, double[] out);

    /** {@code out = Aᵀ y} (n-vector). */
    abstract void adjointOfObservations(double[] out);

    /** {@code r = y − A x}, x zero off {@code support[0..size)}. */
    abstract void residual(double[] x, int[] support, int size, double[] r);

    /**
     * NIHT's line-search image {@code image = Σ_{s<k} (g[j]/divisor)·a_j} over j = support[s]
     * (the scaled gradient on Γ through A).
     */
    abstract void lineSearchImage(double[] g, double divisor, int[] support, int k, double[] image);

    /**
     * NIHT's safeguard: with x̃ = z on {@code next} and x on {@code support} (both sorted, k
     * each), writes A(x̃ − x) into {@code image} and returns ‖x̃ − x‖₂².
     */
    abstract double differenceImage(double[] x, int[] support, double[] z, int[] next, int k, double[] image);

    /**
     * NIHT's residual after the step x ← x̃ (x now on {@code support}), where A(x̃ − x) =
     * {@code stepScale}·{@code stepImage} is the last image computed. Dense: recomputed from
     * the columns, {@code r = y − A x}. Matrix-free: updated without a product,
     * r ← r − stepScale·stepImage, and recomputed through the operator every
     * {@value #RESIDUAL_REFRESH} iterations (the update's round-off accumulates): when
     * {@code iteration} is a multiple of it.
     */
    abstract void stepResidual(double[] x, int[] support, int k, double[] r, double[] stepImage, double stepScale,
                               int iteration);

    /** The matrix-free NIHT recomputes r = y − A x every this many iterations (see {@link #stepResidual}). */
    static final int RESIDUAL_REFRESH = 50;

    /** A least-squares workspace for supports of up to {@code capacity} columns, fitting y. */
    abstract Fit fit(int capacity);

    /**
     * Refits x on {@code support[0..size)} by least squares once (the debiasing options);
     * returns whether that fit was numerically rank-deficient.
     */
    abstract boolean refit(double[] x, int[] support, int size);

    /** HTP's unit step 1/max_j‖a_j‖² (exactly 1 for unit columns). */
    abstract double unitStepScale();

    /** 1/‖A‖₂², with the margin of {@link Vectors#SPECTRAL_NORM_MARGIN}. */
    abstract double inverseSquaredSpectralNorm();

    /**
     * Appends the least-squares diagnostics to {@code diagnostics}: {@code rankDeficientFits}
     * (the count on the dense path, 0 on the matrix-free one), then on the matrix-free path
     * {@code cglsIterations} and, if a {@link #fit} workspace was made, {@code cglsSolves}.
     */
    abstract void putFitDiagnostics(Map<String, Double> diagnostics, int rankDeficientFits);

    /** The result for x on {@code support[0..size)}, the residual norm recomputed. */
    abstract SparseResult result(double[] x, int[] support, int size, int iterations, boolean converged,
                                 Trace.Recorder recorder, Map<String, Double> diagnostics);

    /** A trace recorder if {@code wanted}, else null (recording allocates). */
    static Trace.Recorder recorder(boolean wanted) {
        return wanted ? new Trace.Recorder() : null;
    }

    /** Least squares on a support that moves from one sorted index set to the next. */
    interface Fit {
        /**
         * x holds a vector supported on {@code previous[0..previousSize)} ∪ {@code next[0..nextSize)};
         * afterwards it holds the least-squares fit of y on the sorted {@code next[0..nextSize)},
         * zero elsewhere. The matrix-free fit warm-starts from x's values on {@code next}.
         */
        void fit(double[] x, int[] previous, int previousSize, int[] next, int nextSize);

        /** {@code out = y − A x} for the last fit. */
        void residual(double[] out);

        /** Whether the last fit's support was numerically rank-deficient (never, matrix-free). */
        boolean rankDeficient();
    }

    private static final class Dense extends Backend {
        private final DenseProblem d;
        private final DenseMatrix a;

        Dense(DenseProblem d) {
            super(d.y(), d.m(), d.n(), d.k(), d.yNorm());
            this.d = d;
            this.a = d.a();
        }

        @Override
        void adjoint(double[] r, double[] out) {
            d.kernel().multiplyTransposed(a.data(), m, n, r, out);
        }

        @Override
        void adjointOfObservations(double[] out) {
            d.kernel().multiplyTransposed(a.data(), m, n, y, out);
        }

        @Override
        void residual(double[] x, int[] support, int size, double[] r) {
            Vectors.residual(a, y, x, support, size, r);
        }

        @Override
        void lineSearchImage(double[] g, double divisor, int[] support, int k, double[] image) {
            Arrays.fill(image, 0.0);
            DenseKernel kernel = d.kernel();
            double[] data = a.data();
            for (int s = 0; s < k; s++) {
                int j = support[s];
                kernel.axpy(g[j] / divisor, data, j * m, image, 0, m);
            }
        }

        /** O(m·k): one axpy per index of the merged supports, in merged order. */
        @Override
        double differenceImage(double[] x, int[] support, double[] z, int[] next, int k, double[] image) {
            double[] data = a.data();
            DenseKernel kernel = DenseKernels.active();
            Arrays.fill(image, 0.0);
            double squared = 0;
            int i = 0;
            int j = 0;
            while (i < k || j < k) {
                int column;
                double delta;
                if (j == k || (i < k && support[i] < next[j])) {
                    column = support[i++];
                    delta = -x[column];
                } else if (i == k || next[j] < support[i]) {
                    column = next[j++];
                    delta = z[column];
                } else {
                    column = support[i];
                    delta = z[column] - x[column];
                    i++;
                    j++;
                }
                squared += delta * delta;
                if (delta != 0.0) {
                    kernel.axpy(delta, data, column * m, image, 0, m);
                }
            }
            return squared;
        }

        @Override
        void stepResidual(double[] x, int[] support, int k, double[] r, double[] stepImage, double stepScale,
                          int iteration) {
            Vectors.residual(a, y, x, support, k, r); // O(m·k) from the columns: exact, no drift
        }

        @Override
        Fit fit(int capacity) {
            SupportFit fit = new SupportFit(a, y, capacity);
            return new Fit() {
                @Override
                public void fit(double[] x, int[] previous, int previousSize, int[] next, int nextSize) {
                    fit.moveTo(next, nextSize);
                    fit.estimate(x, previous, previousSize);
                }

                @Override
                public void residual(double[] out) {
                    fit.residual(out);
                }

                @Override
                public boolean rankDeficient() {
                    return fit.rank() < fit.size();
                }
            };
        }

        @Override
        boolean refit(double[] x, int[] support, int size) {
            SupportFit refit = new SupportFit(a, y, k);
            refit.moveTo(support, size);
            refit.estimate(x, support, size);
            return refit.rank() < size;
        }

        @Override
        double unitStepScale() {
            return SolverInputs.unitStepScale(a);
        }

        @Override
        double inverseSquaredSpectralNorm() {
            return Vectors.inverseSquaredSpectralNorm(a);
        }

        @Override
        void putFitDiagnostics(Map<String, Double> diagnostics, int rankDeficientFits) {
            diagnostics.put(FitDiagnostics.RANK_DEFICIENT_FITS, (double) rankDeficientFits);
        }

        @Override
        SparseResult result(double[] x, int[] support, int size, int iterations, boolean converged,
                            Trace.Recorder recorder, Map<String, Double> diagnostics) {
            return d.result(x, support, size, iterations, converged, recorder, diagnostics);
        }
    }

    private static final class MatrixFreeBackend extends Backend {
        private final OperatorProblem d;
        private final LinearOperator a;
        private final double[] image;                          // A x, scratch of the residual
        private final List<ImplicitFits> fits = new ArrayList<>();
        private long refitIterations;
        private double[] direction;

        MatrixFreeBackend(OperatorProblem d) {
            super(d.y(), d.m(), d.n(), d.k(), d.yNorm());
            this.d = d;
            this.a = d.a();
            this.image = new double[d.m()];
        }

        @Override
        void adjoint(double[] r, double[] out) {
            a.applyAdjoint(r, out);
        }

        @Override
        void adjointOfObservations(double[] out) {
            if (fits.isEmpty()) {
                a.applyAdjoint(y, out);
            } else {
                System.arraycopy(fits.get(0).adjointOfObservations(), 0, out, 0, n); // the CGLS workspace has it
            }
        }

        @Override
        void residual(double[] x, int[] support, int size, double[] r) {
            d.residual(x, image, r); // one product of the whole (sparse) x: the operator has no cheaper one in general
        }

        /** An n-vector, zero outside the entries being used (NIHT's sparse products); made on first use. */
        private double[] direction() {
            if (direction == null) {
                direction = new double[n];
            }
            return direction;
        }

        @Override
        void lineSearchImage(double[] g, double divisor, int[] support, int k, double[] image) {
            double[] v = direction();
            for (int s = 0; s < k; s++) {
                int j = support[s];
                v[j] = g[j] / divisor;
            }
            a.apply(v, image);
            Vectors.clear(v, support, k);
        }

        /** One forward product of the sparse difference. */
        @Override
        double differenceImage(double[] x, int[] support, double[] z, int[] next, int k, double[] image) {
            double[] v = direction();
            double squared = 0;
            for (int s = 0; s < k; s++) {
                v[support[s]] = -x[support[s]];
            }
            for (int s = 0; s < k; s++) {
                int j = next[s];
                v[j] = z[j] - x[j];
            }
            for (int s = 0; s < k; s++) {
                squared += v[support[s]] * v[support[s]];
                int j = next[s];
                if (Arrays.binarySearch(support, 0, k, j) < 0) {
                    squared += v[j] * v[j];
                }
            }
            a.apply(v, image);
            Vectors.clear(v, support, k);
            Vectors.clear(v, next, k);
            return squared;
        }

        @Override
        void stepResidual(double[] x, int[] support, int k, double[] r, double[] stepImage, double stepScale,
                          int iteration) {
            if (iteration % RESIDUAL_REFRESH == 0) {
                d.residual(x, stepImage, r);
            } else {
                for (int i = 0; i < m; i++) {
                    r[i] -= stepScale * stepImage[i];
                }
            }
        }

        @Override
        Fit fit(int capacity) {
            ImplicitFits fit = new ImplicitFits(a, y, capacity);
            fits.add(fit);
            return new Fit() {
                @Override
                public void fit(double[] x, int[] previous, int previousSize, int[] next, int nextSize) {
                    fit.fit(x, previous, previousSize, next, nextSize);
                }

                @Override
                public void residual(double[] out) {
                    System.arraycopy(fit.residual(), 0, out, 0, m);
                }

                @Override
                public boolean rankDeficient() {
                    return false;
                }
            };
        }

        @Override
        boolean refit(double[] x, int[] support, int size) {
            refitIterations += ImplicitFits.refit(a, y, x, support, size);
            return false;
        }

        @Override
        double unitStepScale() {
            return d.unitStepScale();
        }

        @Override
        double inverseSquaredSpectralNorm() {
            return d.inverseSquaredSpectralNorm();
        }

        @Override
        void putFitDiagnostics(Map<String, Double> diagnostics, int rankDeficientFits) {
            long iterations = refitIterations;
            long solves = 0;
            for (ImplicitFits fit : fits) {
                iterations += fit.totalIterations();
                solves += fit.solves();
            }
            diagnostics.put(FitDiagnostics.RANK_DEFICIENT_FITS, 0.0);
            diagnostics.put("cglsIterations", (double) iterations);
            if (!fits.isEmpty()) {
                diagnostics.put("cglsSolves", (double) solves); // the debiasing refit is not counted, as before
            }
        }

        @Override
        SparseResult result(double[] x, int[] support, int size, int iterations, boolean converged,
                            Trace.Recorder recorder, Map<String, Double> diagnostics) {
            return d.result(x, support, size, iterations, converged, recorder, diagnostics);
        }
    }
}
