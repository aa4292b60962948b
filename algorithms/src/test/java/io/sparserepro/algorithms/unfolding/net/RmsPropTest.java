package io.sparserepro.algorithms.unfolding.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RmsPropTest {
    // Values are O(1) and each step is a handful of roundings: 1e-15 absolute is a few ulps.
    private static final double TOL = 1e-15;

    @Test
    void twoStepsMatchHandComputedValues() {
        // α = 0.99, ε = 1e-8, lr = 0.01, W⁰ = 1, v⁰ = 0, g = 0.5 then −0.2:
        // v¹ = 0.01·0.25 = 0.0025, W¹ = 1 − 0.01·0.5/(0.05 + 1e-8) = 0.90000002 − 4e-15
        // v² = 0.99·0.0025 + 0.01·0.04 = 0.002875, W² = W¹ + 0.01·0.2/(√0.002875 + 1e-8)
        RmsProp opt = new RmsProp(1, 0.99, 1e-8);
        double[] w = {1.0};
        opt.step(w, new double[] {0.5}, 0.01);
        assertEquals(0.0025, opt.state()[0], TOL);
        assertEquals(0.900000019999996, w[0], TOL);
        opt.step(w, new double[] {-0.2}, 0.01);
        assertEquals(0.002875, opt.state()[0], TOL);
        assertEquals(0.9373002053730881, w[0], TOL);
    }

    @Test
    void constantGradientFollowsTheClosedForm() {
        // Textbook identity: with a constant gradient g, v_t = g²(1 − α^t), so step t moves W by
        // lr·g/(|g|√(1 − α^t) + ε): the early steps are larger than lr (bias of v⁰ = 0).
        double alpha = 0.9;
        double eps = 1e-8;
        double lr = 0.05;
        double[] g = {0.3, -2.0, 0.0};
        RmsProp opt = new RmsProp(3, alpha, eps);
        double[] w = {1, 1, 1};
        double[] expected = {1, 1, 1};
        for (int t = 1; t <= 20; t++) {
            opt.step(w, g, lr);
            for (int j = 0; j < 3; j++) {
                expected[j] -= lr * g[j] / (Math.abs(g[j]) * Math.sqrt(1 - Math.pow(alpha, t)) + eps);
                assertEquals(g[j] * g[j] * (1 - Math.pow(alpha, t)), opt.state()[j], 1e-14, "v at step " + t);
            }
        }
        assertArrayEquals(expected, w, 1e-13); // 20 steps of accumulated rounding on O(1) values
        assertEquals(1.0, w[2], 0.0, "a weight whose gradient is always 0 never moves (ε keeps 0/0 away)");
    }

    @Test
    void clippingScalesOnlyAboveTheMaximum() {
        double[] g = {3, 4};
        assertEquals(5.0, RmsProp.clipGradientNorm(g, 1.0), 0.0);
        // coef = 1/(5 + 1e-6): PyTorch's guard keeps the clipped norm just below the maximum.
        assertEquals(0.599999880000024, g[0], TOL);
        assertEquals(0.799999840000032, g[1], TOL);
        assertTrue(Math.hypot(g[0], g[1]) < 1.0);

        double[] small = {0.3, 0.4};
        assertEquals(0.5, RmsProp.clipGradientNorm(small, 1.0), 1e-16);
        assertArrayEquals(new double[] {0.3, 0.4}, small, 0.0);

        double[] off = {30, 40};
        assertEquals(50.0, RmsProp.clipGradientNorm(off, 0.0), 0.0, "maxNorm 0 = no clipping, norm still reported");
        assertArrayEquals(new double[] {30, 40}, off, 0.0);
    }

    @Test
    void restoreContinuesBitForBit() {
        RmsProp a = new RmsProp(2, 0.99, 1e-8);
        double[] wa = {1, -1};
        a.step(wa, new double[] {0.7, 0.1}, 0.01);
        RmsProp b = new RmsProp(2, 0.99, 1e-8);
        b.restore(a.state());
        double[] wb = wa.clone();
        a.step(wa, new double[] {-0.3, 0.2}, 0.01);
        b.step(wb, new double[] {-0.3, 0.2}, 0.01);
        assertArrayEquals(wa, wb, 0.0);
        assertArrayEquals(a.state(), b.state(), 0.0);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(0, 0.99, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(2, 1.0, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(2, 0.99, 0));
        RmsProp opt = new RmsProp(2, 0.99, 1e-8);
        assertThrows(IllegalArgumentException.class, () -> opt.step(new double[3], new double[2], 0.1));
        assertThrows(IllegalArgumentException.class, () -> opt.restore(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> opt.restore(new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> RmsProp.clipGradientNorm(new double[2], -1));
    }
}
