package io.sparserepro.algorithms.unfolding.net;

import io.sparserepro.core.complex.ComplexDenseMatrix;
import io.sparserepro.core.complex.ComplexLinearOperator;
import io.sparserepro.core.random.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A test-only {@link UnrolledNetwork}: one weighted matched-filter layer, x̂ = |W| ⊙ Aᴴ y, whose
 * loss ‖Re x̂ − x‖² = Σ_j (|W_j| c_j − x_j)² with c = Re Aᴴ y has the analytic gradient
 * 2 (|W_j| c_j − x_j) c_j sign(W_j) (sign(0) = 0, torch.abs's subgradient). On data whose
 * targets live on a hidden support, the loss falls when the weights off the support shrink,
 * so training demonstrably lowers the validation loss.
 */
class ToyFilterNetwork implements UnrolledNetwork {
    private final ComplexLinearOperator a;
    private final String label;

    ToyFilterNetwork(ComplexLinearOperator a) {
        this(a, "toy");
    }

    ToyFilterNetwork(ComplexLinearOperator a, String label) {
        this.a = a;
        this.label = label;
    }

    /** A complex Gaussian m×N operator with entries of variance 1/m (unit-norm columns on average). */
    static ToyFilterNetwork gaussian(int m, int n, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed, 0);
        ComplexDenseMatrix a = ComplexDenseMatrix.zeros(m, n);
        double s = Math.sqrt(0.5 / m);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                a.set(i, j, s * gaussian(rng), s * gaussian(rng));
            }
        }
        return new ToyFilterNetwork(a);
    }

    static double gaussian(UniformRandomProvider rng) {
        // Box–Muller; enough for test data.
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /**
     * {@code count} samples: x has {@code active} of the {@code hidden} indices 0, 3, 6, … non-zero
     * (Gaussian amplitudes, unit norm), y = A x + complex noise of level 1e-3.
     */
    List<TrainingSample> samples(int count, int hidden, int active, long seed) {
        int n = a.cols();
        int m = a.rows();
        UniformRandomProvider rng = Seeds.rng(seed, 1);
        List<TrainingSample> out = new ArrayList<>(count);
        double[] xc = new double[2 * n];
        for (int k = 0; k < count; k++) {
            double[] x = new double[n];
            int[] pool = new int[hidden];
            for (int i = 0; i < hidden; i++) {
                pool[i] = (3 * i) % n;
            }
            double norm = 0;
            for (int i = 0; i < active; i++) {
                int pick = i + rng.nextInt(hidden - i);
                int t = pool[i];
                pool[i] = pool[pick];
                pool[pick] = t;
                x[pool[i]] = gaussian(rng);
                norm += x[pool[i]] * x[pool[i]];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < n; j++) {
                x[j] /= norm;
                xc[2 * j] = x[j];
                xc[2 * j + 1] = 0;
            }
            double[] y = new double[2 * m];
            a.apply(xc, y);
            for (int i = 0; i < 2 * m; i++) {
                y[i] += 1e-3 * Math.sqrt(0.5 / m) * gaussian(rng);
            }
            out.add(new TrainingSample(y, x));
        }
        return out;
    }

    @Override
    public String name() {
        return "toy-filter";
    }

    @Override
    public ComplexLinearOperator operator() {
        return a;
    }

    @Override
    public Workspace newWorkspace() {
        return new Scratch(a.cols());
    }

    private static final class Scratch implements Workspace {
        final double[] correlations;

        Scratch(int n) {
            correlations = new double[2 * n];
        }
    }

    @Override
    public void forward(double[] observations, double[] weights, Workspace workspace, double[] estimate) {
        double[] c = ((Scratch) workspace).correlations;
        a.applyAdjoint(observations, c);
        for (int j = 0; j < a.cols(); j++) {
            double w = Math.abs(weights[j]);
            estimate[2 * j] = w * c[2 * j];
            estimate[2 * j + 1] = w * c[2 * j + 1];
        }
    }

    @Override
    public double lossAndGradient(double[] observations, double[] target, double[] weights, Workspace workspace,
                                  double[] gradient) {
        double[] c = ((Scratch) workspace).correlations;
        a.applyAdjoint(observations, c);
        double loss = 0;
        for (int j = 0; j < a.cols(); j++) {
            double re = c[2 * j];
            double r = Math.abs(weights[j]) * re - target[j];
            loss += r * r;
            gradient[j] = 2 * r * re * Math.signum(weights[j]);
        }
        return loss;
    }

    @Override
    public double loss(double[] observations, double[] target, double[] weights, Workspace workspace) {
        double[] c = ((Scratch) workspace).correlations;
        a.applyAdjoint(observations, c);
        double loss = 0;
        for (int j = 0; j < a.cols(); j++) {
            double r = Math.abs(weights[j]) * c[2 * j] - target[j];
            loss += r * r;
        }
        return loss;
    }

    @Override
    public Map<String, Object> configuration() {
        return Map.of("layers", 1, "kind", "weighted matched filter", "label", label);
    }
}
