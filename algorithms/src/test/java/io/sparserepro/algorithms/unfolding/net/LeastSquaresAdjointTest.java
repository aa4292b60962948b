package io.sparserepro.algorithms.unfolding.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.complex.IncrementalQrLeastSquares;
import io.sparserepro.core.complex.PivotedQrLeastSquares;
import io.sparserepro.core.random.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The least-squares adjoint on its own: L = Re⟨c, z⟩ + Re⟨d, r⟩ with z = B⁺y, r = y − Bz and
 * random c, d, so that both the z and the r paths are exercised, against central differences
 * over the real and imaginary parts of B's entries.
 */
class LeastSquaresAdjointTest {
    private static final int M = 6;

    private static double[] random(int length, UniformRandomProvider rng) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = 2 * rng.nextDouble() - 1;
        }
        return v;
    }

    /** L(B) with the minimum-norm solution of the reference pivoted QR (cutoff as given). */
    private static double loss(double[] columns, int k, double[] y, double[] c, double[] d, double cutoff) {
        PivotedQrLeastSquares ls = new PivotedQrLeastSquares(M, k, cutoff);
        ls.reset(y);
        double[] col = new double[2 * M];
        for (int j = 0; j < k; j++) {
            System.arraycopy(columns, 2 * M * j, col, 0, 2 * M);
            ls.append(col);
        }
        double[] z = new double[2 * k];
        ls.solve(z);
        double[] r = residual(columns, k, y, z);
        double l = 0;
        for (int i = 0; i < 2 * k; i++) {
            l += c[i] * z[i];
        }
        for (int i = 0; i < 2 * M; i++) {
            l += d[i] * r[i];
        }
        return l;
    }

    private static double[] residual(double[] columns, int k, double[] y, double[] z) {
        double[] r = y.clone();
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < M; i++) {
                double br = columns[2 * (j * M + i)];
                double bi = columns[2 * (j * M + i) + 1];
                r[2 * i] -= br * z[2 * j] - bi * z[2 * j + 1];
                r[2 * i + 1] -= br * z[2 * j + 1] + bi * z[2 * j];
            }
        }
        return r;
    }

    /** The analytic ∂L/∂B (columns interleaved) through {@link LeastSquaresAdjoint}, forcing the general path or not. */
    private static double[] analytic(double[] columns, int k, double[] y, double[] c, double[] d, double cutoff,
                                     boolean general) {
        IncrementalQrLeastSquares ls = new IncrementalQrLeastSquares(M, k, cutoff);
        ls.reset(y);
        double[] col = new double[2 * M];
        for (int j = 0; j < k; j++) {
            System.arraycopy(columns, 2 * M * j, col, 0, 2 * M);
            ls.append(col);
        }
        double[] z = new double[2 * k];
        int rank = ls.solve(z);
        double[] r = residual(columns, k, y, z);
        double[] g = new double[2 * M * k];
        new LeastSquaresAdjoint(M, k, cutoff).accumulate(ls, k, general ? -1 : rank, columns, z, 0, r, 0,
                c.clone(), d.clone(), g);
        return g;
    }

    /**
     * Full rank: the R-based path and the pseudo-inverse path (whose third term then vanishes)
     * agree, and both match central differences. Tolerance: random [−1, 1] entries keep κ(B)
     * ≈ 3, the loss is analytic in B with derivatives O(1), so h = 1e-6 errs by ≈ 1e-12 + 1e-10;
     * 1e-7 relative leaves margin.
     */
    @Test
    void fullRankGradientMatchesDifferencesOnBothPaths() {
        UniformRandomProvider rng = Seeds.rng(41);
        int k = 4;
        double cutoff = PivotedQrLeastSquares.defaultCutoff(M, k);
        double[] columns = random(2 * M * k, rng);
        double[] y = random(2 * M, rng);
        double[] c = random(2 * k, rng);
        double[] d = random(2 * M, rng);
        double[] fast = analytic(columns, k, y, c, d, cutoff, false);
        double[] general = analytic(columns, k, y, c, d, cutoff, true);
        double[] fd = new double[fast.length];
        double h = 1e-6;
        for (int e = 0; e < fd.length; e++) {
            double keep = columns[e];
            columns[e] = keep + h;
            double plus = loss(columns, k, y, c, d, cutoff);
            columns[e] = keep - h;
            double minus = loss(columns, k, y, c, d, cutoff);
            columns[e] = keep;
            fd[e] = (plus - minus) / (2 * h);
        }
        double scale = NetworkInstances.maxAbs(fd);
        assertTrue(NetworkInstances.maxAbsDifference(fast, fd) < 1e-7 * scale, "fast path");
        assertTrue(NetworkInstances.maxAbsDifference(general, fd) < 1e-7 * scale, "pseudo-inverse path");
    }

    /**
     * Rank 2 with three columns, B = [b₀, b₁, b₀ + α b₁], α complex: z is the minimum-norm
     * solution and the pseudo-inverse path's third term (I − B⁺B) does not vanish. Differences
     * are taken along b₀ and b₁, which keeps the rank at 2 (the derivative of B⁺ exists only at
     * constant rank); the chain rule gives ∂L/∂b₀ = G₀ + G₂, ∂L/∂b₁ = G₁ + conj(α)·G₂. The
     * cutoff 1e-10 classifies the exact rank deficiency (R₂₂ ≈ ε) unambiguously. Tolerance as
     * above: κ of the rank-2 part ≈ 3.
     */
    @Test
    void rankDeficientGradientMatchesDifferencesAtConstantRank() {
        UniformRandomProvider rng = Seeds.rng(42);
        int k = 3;
        double cutoff = 1e-10;
        double[] b0 = random(2 * M, rng);
        double[] b1 = random(2 * M, rng);
        double ar = 0.7;
        double ai = -0.4;
        double[] y = random(2 * M, rng);
        double[] c = random(2 * k, rng);
        double[] d = random(2 * M, rng);
        double[] g = analytic(build(b0, b1, ar, ai), k, y, c, d, cutoff, false);
        IncrementalQrLeastSquares probe = new IncrementalQrLeastSquares(M, k, cutoff);
        probe.reset(y);
        double[] all = build(b0, b1, ar, ai);
        for (int j = 0; j < k; j++) {
            probe.append(java.util.Arrays.copyOfRange(all, 2 * M * j, 2 * M * (j + 1)));
        }
        assertEquals(2, probe.solve(new double[2 * k]), "the constructed B has rank 2");
        double h = 1e-6;
        double worst = 0;
        double scale = 0;
        for (int which = 0; which < 2; which++) {
            double[] b = which == 0 ? b0 : b1;
            for (int e = 0; e < 2 * M; e++) {
                double keep = b[e];
                b[e] = keep + h;
                double plus = loss(build(b0, b1, ar, ai), k, y, c, d, cutoff);
                b[e] = keep - h;
                double minus = loss(build(b0, b1, ar, ai), k, y, c, d, cutoff);
                b[e] = keep;
                double fd = (plus - minus) / (2 * h);
                int i = e / 2;
                boolean imaginary = e % 2 == 1;
                double g2r = g[2 * (2 * M + i)];
                double g2i = g[2 * (2 * M + i) + 1];
                double chain;
                if (which == 0) {
                    chain = g[e] + (imaginary ? g2i : g2r);
                } else {
                    // conj(α)·G₂ = (ar − i ai)(g2r + i g2i)
                    chain = g[2 * M + e] + (imaginary ? ar * g2i - ai * g2r : ar * g2r + ai * g2i);
                }
                worst = Math.max(worst, Math.abs(chain - fd));
                scale = Math.max(scale, Math.abs(fd));
            }
        }
        assertTrue(scale > 0.1, "non-trivial gradient: " + scale);
        assertTrue(worst < 1e-7 * scale, "error " + worst + " scale " + scale);
    }

    private static double[] build(double[] b0, double[] b1, double ar, double ai) {
        double[] columns = new double[2 * M * 3];
        System.arraycopy(b0, 0, columns, 0, 2 * M);
        System.arraycopy(b1, 0, columns, 2 * M, 2 * M);
        for (int i = 0; i < M; i++) {
            columns[2 * (2 * M + i)] = b0[2 * i] + ar * b1[2 * i] - ai * b1[2 * i + 1];
            columns[2 * (2 * M + i) + 1] = b0[2 * i + 1] + ar * b1[2 * i + 1] + ai * b1[2 * i];
        }
        return columns;
    }
}
