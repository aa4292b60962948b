package io.sparserepro.core.complex;

import io.sparserepro.core.Checks;

/**
 * Least squares with a Householder QR updated by one column per {@link #append} — O(m·t) per
 * column instead of the O(m·t²) of a fresh factorisation — and Qᴴy updated with it, so a
 * solve is a t×t back substitution.
 *
 * <p>The unpivoted R does not reveal rank by itself, so every solve first bounds its condition
 * number from above: κ₂(R) ≤ ‖R‖_F·‖R⁻¹‖_F. For any upper-triangular R, |R_kk| ≥ σ_min and
 * |R_00| ≤ σ_max, so when that bound is below 1/cutoff the pivoted rule of
 * {@link PivotedQrLeastSquares} would also find full rank, the minimiser is unique and both
 * methods return it up to round-off. Otherwise (the bound is within a factor 100 of the
 * cutoff) the solve hands over to the pivoted QR on the stored columns, so rank-deficient
 * systems get exactly the reference treatment.
 */
public final class IncrementalQrLeastSquares implements ColumnLeastSquares {
    /** Margin between the condition bound and 1/cutoff below which the fast path is trusted. */
    private static final double SAFETY = 100;

    private final int m;
    private final int capacity;
    private final double cutoff;
    private final PivotedQrLeastSquares reference;
    private final double[] reflectors; // v_k at column k (rows k..m)
    private final double[] betas;
    private final double[] r;          // R, capacity × capacity, interleaved column-major
    private final double[] qty;
    private final double[] column;
    private final double[] alpha = new double[2];
    private final double[] inverse;    // R⁻¹ column, for the condition bound
    private int size;
    private int fallbacks;
    /** Whether y and every column so far are real: then reflectors are applied in real arithmetic. */
    private boolean real;

    public IncrementalQrLeastSquares(int rows, int capacity, double cutoff) {
        this.m = Checks.requirePositive("rows", rows);
        this.capacity = Checks.requirePositive("capacity", capacity);
        this.cutoff = cutoff;
        this.reference = new PivotedQrLeastSquares(rows, capacity, cutoff);
        reflectors = new double[2 * m * capacity];
        betas = new double[capacity];
        r = new double[2 * capacity * capacity];
        qty = new double[2 * m];
        column = new double[2 * m];
        inverse = new double[2 * capacity];
    }

    @Override
    public void reset(double[] y) {
        reference.reset(y);
        System.arraycopy(y, 0, qty, 0, 2 * m);
        size = 0;
        real = imaginaryPartsVanish(y);
    }

    private boolean imaginaryPartsVanish(double[] v) {
        for (int i = 0; i < m; i++) {
            if (v[2 * i + 1] != 0.0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void append(double[] col) {
        reference.append(col); // checks capacity and length
        int k = size;
        System.arraycopy(col, 0, column, 0, 2 * m);
        real &= imaginaryPartsVanish(column);
        for (int j = 0; j < Math.min(k, m); j++) {
            if (real) {
                Householder.applyReal(reflectors, betas[j], j, m, column, 0, 2 * j * m);
            } else {
                Householder.apply(reflectors, betas[j], j, m, column, 0, 2 * j * m);
            }
        }
        for (int i = 0; i < Math.min(k, m); i++) {
            r[2 * (k * capacity + i)] = column[2 * i];
            r[2 * (k * capacity + i) + 1] = column[2 * i + 1];
        }
        if (k < m) {
            betas[k] = Householder.makeInto(column, m, k, reflectors, 2 * k * m, alpha);
            Householder.apply(reflectors, betas[k], k, m, qty, 0, 2 * k * m);
            r[2 * (k * capacity + k)] = alpha[0];
            r[2 * (k * capacity + k) + 1] = alpha[1];
        }
        size++;
    }

    @Override
    public int size() {
        return size;
    }

    /** How many solves handed over to the pivoted QR since construction (a diagnostic). */
    public int fallbacks() {
        return fallbacks;
    }

    @Override
    public int solve(double[] z) {
        int t = size;
        if (t == 0) {
            return 0;
        }
        if (t > m || conditionBound(t) * SAFETY * cutoff >= 1) {
            fallbacks++;
            return reference.solve(z);
        }
        backSubstitute(qty, z, t);
        return t;
    }

    /**
     * Solves (B_kᴴ B_k) v = g for the first k columns B_k of B as R_kᴴ (R_k v) = g, with R_k
     * the leading k×k block of R (the QR of leading columns is the leading block of the QR):
     * the normal-equations step of the least-squares adjoint (the gradient of z = B⁺y with
     * respect to B, as the unfolding networks need it) without forming BᴴB, so the error grows
     * with κ(B)² only through the problem itself, not through a squared Gram matrix. O(k²).
     * Meaningful when B_k has full column rank (k ≤ rows and the forward solve of B_k returned
     * rank k); {@code g} and {@code v} are interleaved of length ≥ 2k and may be the same array.
     */
    public void solveGram(int k, double[] g, double[] v) {
        Checks.requireInRange("k", k, 1, Math.min(size, m));
        Checks.requireMinLength("g", g, 2 * k);
        Checks.requireMinLength("v", v, 2 * k);
        // Rᴴ w = g: forward substitution, (Rᴴ)_{ij} = conj(R_ji).
        for (int i = 0; i < k; i++) {
            double sr = g[2 * i];
            double si = g[2 * i + 1];
            for (int j = 0; j < i; j++) {
                double rr = r[2 * (i * capacity + j)];
                double ri = -r[2 * (i * capacity + j) + 1];
                sr -= rr * v[2 * j] - ri * v[2 * j + 1];
                si -= rr * v[2 * j + 1] + ri * v[2 * j];
            }
            double br = r[2 * (i * capacity + i)];
            double bi = -r[2 * (i * capacity + i) + 1];
            double d = br * br + bi * bi;
            v[2 * i] = (sr * br + si * bi) / d;
            v[2 * i + 1] = (si * br - sr * bi) / d;
        }
        backSubstitute(v, v, k); // R v = w, in place
    }

    /**
     * x = R_k⁻¹ b for the leading k×k block of R (back substitution); {@code b} and {@code x}
     * may be the same array: b_i is read before x_i is written, and only x_j, j &gt; i, after.
     */
    private void backSubstitute(double[] b, double[] x, int k) {
        for (int i = k - 1; i >= 0; i--) {
            double sr = b[2 * i];
            double si = b[2 * i + 1];
            for (int j = i + 1; j < k; j++) {
                double rr = r[2 * (j * capacity + i)];
                double ri = r[2 * (j * capacity + i) + 1];
                sr -= rr * x[2 * j] - ri * x[2 * j + 1];
                si -= rr * x[2 * j + 1] + ri * x[2 * j];
            }
            double br = r[2 * (i * capacity + i)];
            double bi = r[2 * (i * capacity + i) + 1];
            double d = br * br + bi * bi;
            x[2 * i] = (sr * br + si * bi) / d;
            x[2 * i + 1] = (si * br - sr * bi) / d;
        }
    }

    /** ‖R‖_F·‖R⁻¹‖_F (infinite for a zero diagonal entry), O(t³) with t small. */
    private double conditionBound(int t) {
        double normR = 0;
        for (int j = 0; j < t; j++) {
            for (int i = 0; i <= j; i++) {
                double re = r[2 * (j * capacity + i)];
                double im = r[2 * (j * capacity + i) + 1];
                normR += re * re + im * im;
            }
            if (r[2 * (j * capacity + j)] == 0 && r[2 * (j * capacity + j) + 1] == 0) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double normInverse = 0;
        for (int c = 0; c < t; c++) {
            // Column c of R⁻¹: R u = e_c, u zero below c.
            for (int i = c; i >= 0; i--) {
                double sr = i == c ? 1 : 0;
                double si = 0;
                for (int j = i + 1; j <= c; j++) {
                    double rr = r[2 * (j * capacity + i)];
                    double ri = r[2 * (j * capacity + i) + 1];
                    sr -= rr * inverse[2 * j] - ri * inverse[2 * j + 1];
                    si -= rr * inverse[2 * j + 1] + ri * inverse[2 * j];
                }
                double br = r[2 * (i * capacity + i)];
                double bi = r[2 * (i * capacity + i) + 1];
                double d = br * br + bi * bi;
                inverse[2 * i] = (sr * br + si * bi) / d;
                inverse[2 * i + 1] = (si * br - sr * bi) / d;
                normInverse += inverse[2 * i] * inverse[2 * i] + inverse[2 * i + 1] * inverse[2 * i + 1];
            }
        }
        return Math.sqrt(normR * normInverse);
    }
}
