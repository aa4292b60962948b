package io.sparserepro.algorithms.unfolding.net;

import io.sparserepro.core.complex.IncrementalQrLeastSquares;
import io.sparserepro.core.complex.PivotedQrLeastSquares;

/**
 * Reverse mode through z = argmin ‖B z − y‖ (minimum norm), r = y − B z, for the first k
 * columns of B. Complex gradients are written as g = ∂L/∂Re + i·∂L/∂Im (twice the conjugate
 * Wirtinger derivative ∂L/∂z̄; every rule below is linear in g, so the factor is immaterial);
 * with that convention the adjoint of a complex-linear map is its conjugate transpose.
 *
 * <p>Full column rank (the case at the networks' τ = 1e-3): with v = (BᴴB)⁻¹ g_z,
 * ∂L/∂B = r vᴴ − B v zᴴ (differentiate z = (BᴴB)⁻¹Bᴴy: dz = (BᴴB)⁻¹(dBᴴ r − Bᴴ dB z)).
 * (BᴴB)⁻¹ comes from the R of the forward's incremental QR ({@link IncrementalQrLeastSquares#solveGram}).
 *
 * <p>Rank r &lt; k (the forward's rank-revealing solve truncated, e.g. more layers than rows,
 * or nearly parallel columns at large τ): z = B⁺y with B⁺ the truncated pseudo-inverse, and
 * the derivative of B⁺ at constant rank (Golub &amp; Pereyra 1973, eq. 4.12):
 * dB⁺ = −B⁺dB B⁺ + B⁺B⁺ᴴdBᴴ(I − BB⁺) + (I − B⁺B)dBᴴB⁺ᴴB⁺, which gives
 * ∂L/∂B = −B⁺ᴴg zᴴ + r vᴴ + (B⁺ᴴz)((I − B⁺B)g)ᴴ with v = B⁺B⁺ᴴg. That is what PyTorch's
 * pseudo-inverse-based backward of {@code linalg.lstsq} computes. B⁺ is formed explicitly
 * (m minimum-norm solves with the reference pivoted QR and the forward's cutoff, so the rank
 * decision is the forward's): O(m²k²), paid only by rank-deficient layers.
 */
final class LeastSquaresAdjoint {
    private final int m;
    private final PivotedQrLeastSquares pivoted;
    private final double[] pinv;      // B⁺, k×m, interleaved column-major (column i = B⁺e_i)
    private final double[] unit;      // e_i, interleaved, length 2m
    private final double[] solution;  // 2·capacity
    private final double[] v;         // 2·capacity
    private final double[] h;         // 2·capacity
    private final double[] mVector;   // 2m
    private final double[] mVector2;  // 2m
    private final double[] mVector3;  // 2m

    LeastSquaresAdjoint(int rows, int capacity, double cutoff) {
        this.m = rows;
        this.pivoted = new PivotedQrLeastSquares(rows, capacity, cutoff);
        pinv = new double[2 * capacity * rows];
        unit = new double[2 * rows];
        solution = new double[2 * capacity];
        v = new double[2 * capacity];
        h = new double[2 * capacity];
        mVector = new double[2 * rows];
        mVector2 = new double[2 * rows];
        mVector3 = new double[2 * rows];
    }

    /**
     * Adds to the column gradients {@code gColumns} (column c at {@code c·2m}) the gradient through
     * z and r of the first k columns, given g_z ({@code gz}, 2k, overwritten) and g_r
     * ({@code gr}, 2m): ∂L/∂B += −g_r zᴴ + (the least-squares terms above), and the direct
     * term of r = y − Bz, g_z ← g_z − Bᴴ g_r, first.
     *
     * @param rank the rank the forward's solve of these k columns returned
     */
    void accumulate(IncrementalQrLeastSquares ls, int k, int rank, double[] columns, double[] z, int zOffset,
                    double[] r, int rOffset, double[] gz, double[] gr, double[] gColumns) {
        for (int c = 0; c < k; c++) {
            conjugateInner(columns, c * 2 * m, gr);
            gz[2 * c] -= inner0;
            gz[2 * c + 1] -= inner1;
        }
        if (rank == k) {
            // v = (BᴴB)⁻¹ g_z; ∂L/∂b_c = −(g_r + B v)·conj(z_c) + r·conj(v_c).
            ls.solveGram(k, gz, v);
            combine(columns, v, k, mVector);
            for (int i = 0; i < 2 * m; i++) {
                mVector[i] += gr[i];
            }
            for (int c = 0; c < k; c++) {
                int base = c * 2 * m;
                addOuter(gColumns, base, mVector, 0, -z[zOffset + 2 * c], z[zOffset + 2 * c + 1]);
                addOuter(gColumns, base, r, rOffset, v[2 * c], -v[2 * c + 1]);
            }
            return;
        }
        pseudoInverse(columns, k);
        // mVector = B⁺ᴴ g, v = B⁺ mVector, mVector2 = B⁺ᴴ z, h = g − B⁺(B g).
        adjointOfPinv(k, gz, 0, mVector);
        applyPinv(k, mVector, v);
        adjointOfPinv(k, z, zOffset, mVector2);
        combine(columns, gz, k, mVector3);
        applyPinv(k, mVector3, h);
        for (int c = 0; c < k; c++) {
            h[2 * c] = gz[2 * c] - h[2 * c];
            h[2 * c + 1] = gz[2 * c + 1] - h[2 * c + 1];
        }
        for (int i = 0; i < 2 * m; i++) {
            mVector[i] += gr[i];
        }
        for (int c = 0; c < k; c++) {
            int base = c * 2 * m;
            addOuter(gColumns, base, mVector, 0, -z[zOffset + 2 * c], z[zOffset + 2 * c + 1]);
            addOuter(gColumns, base, r, rOffset, v[2 * c], -v[2 * c + 1]);
            addOuter(gColumns, base, mVector2, 0, h[2 * c], -h[2 * c + 1]);
        }
    }

    // The last conjugateInner, in fields so that the hot loop allocates nothing.
    private double inner0;
    private double inner1;

    /** conj(b)·g over m entries into (inner0, inner1). */
    private void conjugateInner(double[] b, int bOffset, double[] g) {
        double sr = 0;
        double si = 0;
        for (int i = 0; i < m; i++) {
            double br = b[bOffset + 2 * i];
            double bi = b[bOffset + 2 * i + 1];
            double gr = g[2 * i];
            double gi = g[2 * i + 1];
            sr += br * gr + bi * gi;
            si += br * gi - bi * gr;
        }
        inner0 = sr;
        inner1 = si;
    }

    /** out (2m) = Σ_c b_c·w_c over the first k columns. */
    private void combine(double[] columns, double[] w, int k, double[] out) {
        java.util.Arrays.fill(out, 0, 2 * m, 0.0);
        for (int c = 0; c < k; c++) {
            double wr = w[2 * c];
            double wi = w[2 * c + 1];
            int base = c * 2 * m;
            for (int i = 0; i < m; i++) {
                double br = columns[base + 2 * i];
                double bi = columns[base + 2 * i + 1];
                out[2 * i] += br * wr - bi * wi;
                out[2 * i + 1] += br * wi + bi * wr;
            }
        }
    }

    /** target[base..base+2m) += a·(cr + i·ci) for an interleaved a starting at {@code aOffset}. */
    private void addOuter(double[] target, int base, double[] a, int aOffset, double cr, double ci) {
        for (int i = 0; i < m; i++) {
            double ar = a[aOffset + 2 * i];
            double ai = a[aOffset + 2 * i + 1];
            target[base + 2 * i] += ar * cr - ai * ci;
            target[base + 2 * i + 1] += ar * ci + ai * cr;
        }
    }

    /** B⁺ (k×m) column by column: the minimum-norm solutions for y = e_i. */
    private void pseudoInverse(double[] columns, int k) {
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(unit, 0.0);
            unit[2 * i] = 1.0;
            pivoted.reset(unit);
            for (int c = 0; c < k; c++) {
                System.arraycopy(columns, c * 2 * m, mVector3, 0, 2 * m);
                pivoted.append(mVector3);
            }
            pivoted.solve(solution);
            System.arraycopy(solution, 0, pinv, 2 * i * k, 2 * k);
        }
    }

    /** out (2k) = B⁺ w for an interleaved w of length 2m. */
    private void applyPinv(int k, double[] w, double[] out) {
        java.util.Arrays.fill(out, 0, 2 * k, 0.0);
        for (int i = 0; i < m; i++) {
            double wr = w[2 * i];
            double wi = w[2 * i + 1];
            for (int c = 0; c < k; c++) {
                double pr = pinv[2 * (i * k + c)];
                double pi = pinv[2 * (i * k + c) + 1];
                out[2 * c] += pr * wr - pi * wi;
                out[2 * c + 1] += pr * wi + pi * wr;
            }
        }
    }

    /** out (2m) = B⁺ᴴ g for an interleaved g of length 2k starting at {@code gOffset}. */
    private void adjointOfPinv(int k, double[] g, int gOffset, double[] out) {
        for (int i = 0; i < m; i++) {
            double sr = 0;
            double si = 0;
            for (int c = 0; c < k; c++) {
                double pr = pinv[2 * (i * k + c)];
                double pi = pinv[2 * (i * k + c) + 1];
                double gr = g[gOffset + 2 * c];
                double gi = g[gOffset + 2 * c + 1];
                sr += pr * gr + pi * gi;
                si += pr * gi - pi * gr;
            }
            out[2 * i] = sr;
            out[2 * i + 1] = si;
        }
    }
}
