package io.sparserepro.core.operators;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.LinearOperator;
import java.util.Arrays;

/**
 * Least squares on a support through an operator: min_c ‖y − A_S c‖₂ by CGLS (conjugate
 * gradients on the normal equations A_SᵀA_S c = A_Sᵀy in the factored form of Hestenes &amp;
 * Stiefel; Å. Björck, <i>Numerical Methods for Least Squares Problems</i>, SIAM 1996, §7.4.1),
 * with A_S c = A(scatter(c)) and A_Sᵀr = gather(Aᵀr). Nothing m×|S| is stored: the workspace
 * is two n-vectors, two m-vectors and three |S|-vectors, so the matrix-free solvers keep
 * memory O(n + m) (issue 17: k = 1000 support columns of length 2¹⁷ would be 1 GB).
 *
 * <p><b>Warm start.</b> The caller passes the starting coefficients (the previous iterate
 * restricted to the new support, 0 for entering indices); consecutive supports of the greedy
 * solvers share most indices, so few iterations remain.
 *
 * <p><b>Stopping rule.</b> Stop when ‖A_Sᵀ r_i‖₂ ≤ tolerance·‖A_Sᵀ y‖₂ (the normal-equation
 * residual relative to that of the zero start, so the rule does not depend on the warm
 * start), or after min(maxIterations, 2|S| + 10) iterations. In exact arithmetic CGLS ends in
 * at most |S| steps, so the second cap only ends runs stuck at round-off (e.g. when A_Sᵀy is
 * itself round-off and the relative target is out of reach);
 * the relative error of c after the stop is at most cond(A_S)²·tolerance, and the residual
 * norm in the noiseless case at most cond(A_S)·tolerance·‖y‖ (since then r lies in the range
 * of A_S, ‖A_Sᵀr‖ ≥ σ_min‖r‖). The default tolerance 1e-14 thus meets the solvers' 1e-12
 * relative residual stops for cond(A_S) up to ~100, and stays above the floor of round-off in
 * the products, ~ε·log₂n. When A_Sᵀy = 0 the answer is c = 0 without an iteration.
 *
 * <p>The residual returned is recomputed as y − A_S c (one more product), not the recursive
 * one, which drifts by round-off over many iterations.
 *
 * <p>Per-call workspace: not thread-safe; allocates nothing after construction.
 */
public final class SupportCgls {

    /**
     * Options of {@link SupportCgls}.
     *
     * @param maxIterations iteration cap per solve, ≥ 1 (default 500)
     * @param tolerance     relative normal-equation residual at which a solve stops, in [0, 1) (default 1e-14)
     */
    public record Options(int maxIterations, double tolerance) {
        public Options {
            Checks.requirePositive("maxIterations", maxIterations);
            Checks.requireNonNegative("tolerance", tolerance);
            if (tolerance >= 1) {
                throw new IllegalArgumentException("tolerance must be below 1: " + tolerance);
            }
        }

        public static Options defaults() {
            return new Options(500, 1e-14);
        }
    }

    private final LinearOperator a;
    private final double[] y;
    private final Options options;
    private final int m;
    private final double[] aty;      // Aᵀy, once per problem: gives ‖A_Sᵀy‖ for any S in O(|S|)
    private final double[] full;     // an n-vector: scattered coefficients, then Aᵀr
    private final double[] residual; // m
    private final double[] image;    // m: A_S p
    private final double[] s;        // |S|: A_Sᵀ r
    private final double[] p;        // |S|: search direction
    private long totalIterations;
    private int solves;
    private int lastIterations;

    /** A workspace for supports of up to {@code capacity} columns of {@code a}, fitting {@code y}. */
    public SupportCgls(LinearOperator a, double[] y, int capacity, Options options) {
        this.a = Checks.requireNonNull("a", a);
        Checks.requireLength("y", y, a.rows());
        Checks.requireInRange("capacity", capacity, 1, a.cols());
        this.options = Checks.requireNonNull("options", options);
        this.y = y;
        this.m = a.rows();
        aty = new double[a.cols()];
        a.applyAdjoint(y, aty);
        full = new double[a.cols()];
        residual = new double[m];
        image = new double[m];
        s = new double[capacity];
        p = new double[capacity];
    }

    /** Aᵀy, computed once (read-only for callers: solvers reuse it as their first gradient). */
    public double[] adjointOfObservations() {
        return aty;
    }

    /**
     * Solves min ‖y − A_S c‖₂ for S = {@code support[0..size)} (distinct indices, any order),
     * starting from and overwriting {@code coefficients[0..size)}; afterwards
     * {@link #residual()} holds y − A_S c. Returns the iterations taken.
     */
    public int solve(int[] support, int size, double[] coefficients) {
        if (size < 0 || size > s.length) {
            throw new IllegalArgumentException("size must be in [0, " + s.length + "]: " + size);
        }
        double reference = 0;
        for (int c = 0; c < size; c++) {
            reference += aty[support[c]] * aty[support[c]];
        }
        reference = Math.sqrt(reference);
        int iterations = 0;
        if (reference == 0) {
            Arrays.fill(coefficients, 0, size, 0.0);
        } else {
            double target = options.tolerance() * reference;
            residualOf(support, size, coefficients);
            double gamma = adjointOnSupport(support, size, residual, s);
            System.arraycopy(s, 0, p, 0, size);
            int cap = (int) Math.min(options.maxIterations(), 2L * size + 10);
            while (Math.sqrt(gamma) > target && iterations < cap) {
                imageOf(support, size, p, image);
                double imageNormSquared = dot(image, image, m);
                if (!(imageNormSquared > 0)) {
                    break; // p in the null space of A_S: no further decrease possible
                }
                double alpha = gamma / imageNormSquared;
                for (int c = 0; c < size; c++) {
                    coefficients[c] += alpha * p[c];
                }
                for (int i = 0; i < m; i++) {
                    residual[i] -= alpha * image[i];
                }
                double next = adjointOnSupport(support, size, residual, s);
                double beta = next / gamma;
                for (int c = 0; c < size; c++) {
                    p[c] = s[c] + beta * p[c];
                }
                gamma = next;
                iterations++;
            }
        }
        residualOf(support, size, coefficients);
        totalIterations += iterations;
        solves++;
        lastIterations = iterations;
        return iterations;
    }

    /** y − A_S c of the last solve (length m; overwritten by the next solve). */
    public double[] residual() {
        return residual;
    }

    /** Total CGLS iterations over every solve of this workspace. */
    public long totalIterations() {
        return totalIterations;
    }

    public int solves() {
        return solves;
    }

    public int lastIterations() {
        return lastIterations;
    }

    private void residualOf(int[] support, int size, double[] coefficients) {
        imageOf(support, size, coefficients, residual);
        for (int i = 0; i < m; i++) {
            residual[i] = y[i] - residual[i];
        }
    }

    /** out = A_S v: scatter into the n-vector, one product, clear the scattered entries. */
    private void imageOf(int[] support, int size, double[] v, double[] out) {
        for (int c = 0; c < size; c++) {
            full[support[c]] = v[c];
        }
        a.apply(full, out);
        for (int c = 0; c < size; c++) {
            full[support[c]] = 0.0;
        }
    }

    /** out = A_Sᵀ r; returns ‖out‖². Leaves {@code full} zero. */
    private double adjointOnSupport(int[] support, int size, double[] r, double[] out) {
        a.applyAdjoint(r, full);
        double squared = 0;
        for (int c = 0; c < size; c++) {
            double v = full[support[c]];
            out[c] = v;
            squared += v * v;
        }
        Arrays.fill(full, 0.0);
        return squared;
    }

    private static double dot(double[] u, double[] v, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }
}
