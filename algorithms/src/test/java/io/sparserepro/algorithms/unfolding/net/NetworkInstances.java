package io.sparserepro.algorithms.unfolding.net;

import io.sparserepro.core.complex.ComplexDenseMatrix;
import io.sparserepro.core.complex.ComplexLinearOperator;
import io.sparserepro.core.complex.ComplexProblem;
import io.sparserepro.core.random.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Random instances and the finite-difference check shared by the network tests. */
final class NetworkInstances {
    private NetworkInstances() {
    }

    /** A with standard Gaussian entries (complex: independent re and im), columns scaled to unit norm. */
    static ComplexDenseMatrix gaussian(int m, int n, boolean complex, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] data = new double[2 * m * n];
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (int i = 0; i < m; i++) {
                double re = g.sample();
                double im = complex ? g.sample() : 0.0;
                data[2 * (j * m + i)] = re;
                data[2 * (j * m + i) + 1] = im;
                norm += re * re + im * im;
            }
            double scale = 1 / Math.sqrt(norm);
            for (int i = 0; i < 2 * m; i++) {
                data[2 * j * m + i] *= scale;
            }
        }
        return ComplexDenseMatrix.wrap(m, n, data);
    }

    /** x real, s-sparse (distinct random indices), unit norm; y = A x + e, e of norm ≈ σ (complex if A is). */
    static ComplexProblem problem(ComplexLinearOperator a, int s, double sigma, boolean complexNoise, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = a.cols();
        int m = a.rows();
        int[] pool = new int[n];
        for (int j = 0; j < n; j++) {
            pool[j] = j;
        }
        double[] x = new double[2 * n];
        double norm = 0;
        for (int i = 0; i < s; i++) {
            int k = i + rng.nextInt(n - i);
            int tmp = pool[i];
            pool[i] = pool[k];
            pool[k] = tmp;
            double v = g.sample();
            x[2 * pool[i]] = v;
            norm += v * v;
        }
        for (int j = 0; j < n; j++) {
            x[2 * j] /= Math.sqrt(norm);
        }
        double[] y = new double[2 * m];
        a.apply(x, y);
        for (int i = 0; i < m; i++) {
            y[2 * i] += sigma * g.sample() / Math.sqrt(m);
            if (complexNoise) {
                y[2 * i + 1] += sigma * g.sample() / Math.sqrt(m);
            }
        }
        return new ComplexProblem(a, y, s, x);
    }

    /** The real target x (length N) of a problem built by {@link #problem}. */
    static double[] target(ComplexProblem p) {
        double[] x = new double[p.cols()];
        for (int j = 0; j < x.length; j++) {
            x[j] = p.truth()[2 * j];
        }
        return x;
    }

    /** Weights with random signs and magnitudes in [0.5, 1.5]: away from the kink of |W| at 0. */
    static double[] signedWeights(int n, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            w[j] = (rng.nextBoolean() ? 1 : -1) * (0.5 + rng.nextDouble());
        }
        return w;
    }

    /** Central differences (L(W + h e_j) − L(W − h e_j)) / 2h for every j. */
    static double[] centralDifferences(UnrolledNetwork net, double[] y, double[] target, double[] weights, double h) {
        UnrolledNetwork.Workspace ws = net.newWorkspace();
        double[] w = weights.clone();
        double[] fd = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = weights[j] + h;
            double plus = net.loss(y, target, w, ws);
            w[j] = weights[j] - h;
            double minus = net.loss(y, target, w, ws);
            w[j] = weights[j];
            fd[j] = (plus - minus) / (2 * h);
        }
        return fd;
    }

    static double maxAbs(double[] v) {
        double s = 0;
        for (double e : v) {
            s = Math.max(s, Math.abs(e));
        }
        return s;
    }

    static double maxAbsDifference(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s = Math.max(s, Math.abs(a[i] - b[i]));
        }
        return s;
    }
}
