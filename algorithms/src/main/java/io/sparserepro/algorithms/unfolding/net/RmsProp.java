package io.sparserepro.algorithms.unfolding.net;

import io.sparserepro.core.Checks;

/**
 * RMSprop as {@code torch.optim.RMSprop} with its defaults otherwise (no momentum, not
 * centred, no weight decay), the optimiser of the unfolding paper's training
 * (SPEC-UNFOLDING "OMP-Net and IHT-Net"): per weight j,
 * <pre>
 *   v_j ← α v_j + (1 − α) g_j²
 *   W_j ← W_j − lr · g_j / (√v_j + ε)
 * </pre>
 * with v = 0 before the first step. The square averages v are the whole optimiser state; a
 * checkpoint saves them.
 *
 * <p>Also {@link #clipGradientNorm}, PyTorch's {@code clip_grad_norm_} for one parameter
 * tensor.
 */
public final class RmsProp {
    /** The constant PyTorch's {@code clip_grad_norm_} adds to the norm before dividing. */
    public static final double CLIP_NORM_GUARD = 1e-6;

    private final double alpha;
    private final double epsilon;
    private final double[] squareAverages;

    /** RMSprop for {@code parameters} weights, v = 0. */
    public RmsProp(int parameters, double alpha, double epsilon) {
        Checks.requirePositive("parameters", parameters);
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1): " + alpha);
        }
        this.alpha = alpha;
        this.epsilon = Checks.requirePositive("epsilon", epsilon);
        this.squareAverages = new double[parameters];
    }

    /** One step: updates the square averages, then {@code weights} in place. Allocation-free. */
    public void step(double[] weights, double[] gradient, double learningRate) {
        Checks.requireLength("weights", weights, squareAverages.length);
        Checks.requireLength("gradient", gradient, squareAverages.length);
        double[] v = squareAverages;
        double keep = 1 - alpha;
        for (int j = 0; j < v.length; j++) {
            double g = gradient[j];
            v[j] = alpha * v[j] + keep * (g * g);
            weights[j] -= learningRate * (g / (Math.sqrt(v[j]) + epsilon));
        }
    }

    /** The square averages v (a live view: the optimiser's state). */
    double[] squareAverages() {
        return squareAverages;
    }

    /** A copy of the square averages v. */
    public double[] state() {
        return squareAverages.clone();
    }

    /** Restores v from a checkpoint (length N, finite, ≥ 0). */
    public void restore(double[] state) {
        Checks.requireLength("state", state, squareAverages.length);
        for (int j = 0; j < state.length; j++) {
            if (!(state[j] >= 0) || Double.isInfinite(state[j])) {
                throw new IllegalArgumentException("RMSprop square averages must be finite and >= 0, but state["
                        + j + "] = " + state[j]);
            }
        }
        System.arraycopy(state, 0, squareAverages, 0, state.length);
    }

    /**
     * {@code torch.nn.utils.clip_grad_norm_(max_norm = maxNorm)} on one tensor: with
     * total = ‖g‖₂ (sum of squares in index order, then the square root),
     * coef = maxNorm / (total + 1e-6); if coef &lt; 1, g ← coef·g. {@code maxNorm = 0} means no
     * clipping (the norm is still returned).
     *
     * @return the norm before clipping
     */
    public static double clipGradientNorm(double[] gradient, double maxNorm) {
        Checks.requireNonNull("gradient", gradient);
        Checks.requireNonNegative("maxNorm", maxNorm);
        double sum = 0;
        for (double g : gradient) {
            sum += g * g;
        }
        double total = Math.sqrt(sum);
        if (maxNorm > 0) {
            double coef = maxNorm / (total + CLIP_NORM_GUARD);
            if (coef < 1) {
                for (int j = 0; j < gradient.length; j++) {
                    gradient[j] *= coef;
                }
            }
        }
        return total;
    }
}
