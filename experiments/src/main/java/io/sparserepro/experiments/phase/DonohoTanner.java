package io.sparserepro.experiments.phase;

import org.apache.commons.math3.special.Erf;

/**
 * The weak phase transition ρ_W(δ) of ℓ1 minimisation (basis pursuit) for signed k-sparse
 * vectors and Gaussian A — the Donoho–Tanner curve of the cross-polytope — computed from its
 * formula, not tabulated.
 *
 * <p>We use the state-evolution form of Donoho, Maleki &amp; Montanari, "Message-passing
 * algorithms for compressed sensing", PNAS 106(45):18914–18919, 2009: their ρ_SE(δ; χ) for
 * signed coefficients (χ = ±, κ_χ = 2),
 * <pre>
 *   ρ_W(δ) = max_{z ≥ 0} [1 − (2/δ)·g(z)] / [1 + z² − 2·g(z)],
 *   g(z) = (1 + z²)·Φ(−z) − z·φ(z)   ( = E[(Z − z)₊²], Z ~ N(0, 1) ),
 * </pre>
 * a one-dimensional maximisation per δ. DMM 2009 report that this curve coincides with the
 * combinatorial-geometry weak threshold of Donoho &amp; Tanner (face counts of the projected
 * cross-polytope; Donoho 2006; Donoho &amp; Tanner, J. AMS 22, 2009); it is also the
 * parametric curve δ = M(ε), ρ = ε/δ of the minimax MSE of soft thresholding,
 * M(ε) = min_τ ε(1+τ²) + 2(1−ε)·g(τ) (Donoho, Johnstone, Maleki &amp; Montanari, IEEE Trans.
 * IT 57(10), 2011), which the tests use as an independent check. Reference values:
 * ρ_W(0.5) ≈ 0.386 (issue 11; this formula gives 0.38569), and ρ_W(δ) ~ 1/(2 log(1/δ)) as
 * δ → 0 (Donoho &amp; Tanner 2009).
 */
public final class DonohoTanner {
    /** Below this δ the optimum z exceeds the search range and g(z) loses its digits. */
    public static final double MIN_DELTA = 1e-12;

    /** Coarse grid points z_i = Z_MAX·(i/N)², dense near 0 where the optimum sits as δ → 1. */
    private static final int GRID = 600;
    private static final double Z_MAX = 12;

    private DonohoTanner() {
    }

    /**
     * ρ_W(δ), δ = m/n ∈ [1e-12, 1]; ρ_W(1) = 1 (the limit z → 0 of the ratio).
     *
     * @throws IllegalArgumentException if δ is outside [1e-12, 1] or not finite
     */
    public static double weakThreshold(double delta) {
        if (!(delta >= MIN_DELTA && delta <= 1)) {
            throw new IllegalArgumentException("delta must be in [" + MIN_DELTA + ", 1]: " + delta);
        }
        if (delta == 1) {
            return 1;
        }
        // Coarse scan for the maximiser, then golden-section refinement around it: the
        // objective is smooth and unimodal in z, but a scan first makes that assumption local.
        int best = 1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 1; i <= GRID; i++) {
            double v = ratio(gridPoint(i), delta);
            if (v > bestValue) {
                bestValue = v;
                best = i;
            }
        }
        double a = gridPoint(best - 1);
        double b = gridPoint(Math.min(GRID, best + 1));
        double invPhi = (Math.sqrt(5) - 1) / 2;
        double c = b - invPhi * (b - a);
        double d = a + invPhi * (b - a);
        double fc = ratio(c, delta);
        double fd = ratio(d, delta);
        for (int iter = 0; iter < 200 && b - a > 1e-13 * Math.max(1, b); iter++) {
            if (fc > fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - invPhi * (b - a);
                fc = ratio(c, delta);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + invPhi * (b - a);
                fd = ratio(d, delta);
            }
        }
        return Math.max(bestValue, Math.max(fc, fd));
    }

    /** ρ_W at each δ (a new array). */
    public static double[] weakThreshold(double[] deltas) {
        if (deltas == null) {
            throw new IllegalArgumentException("deltas must not be null");
        }
        double[] rho = new double[deltas.length];
        for (int i = 0; i < deltas.length; i++) {
            rho[i] = weakThreshold(deltas[i]);
        }
        return rho;
    }

    /**
     * g(z) = (1 + z²)Φ(−z) − zφ(z) = E[(Z − z)₊²]: the mean squared excess of a standard normal
     * over z. Φ(−z) is taken as erfc(z/√2)/2, accurate in the tail where 1 − Φ(z) would cancel.
     */
    public static double meanSquaredExcess(double z) {
        double tail = 0.5 * Erf.erfc(z / Math.sqrt(2));
        double density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        return (1 + z * z) * tail - z * density;
    }

    private static double gridPoint(int i) {
        double t = (double) i / GRID;
        return Z_MAX * t * t;
    }

    /** The DMM 2009 ratio whose maximum over z is ρ_W(δ). */
    private static double ratio(double z, double delta) {
        double g = meanSquaredExcess(z);
        return (1 - 2 * g / delta) / (1 + z * z - 2 * g);
    }
}
