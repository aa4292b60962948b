package io.sparserepro.algorithms;

import io.sparserepro.core.linalg.LinearOperator;
import io.sparserepro.core.operators.StructuredOperator;
import io.sparserepro.core.operators.SubsampledDct;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.random.Seeds;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.CombinationSampler;

/** Noiseless compressive-sensing instances on implicit operators, for the matrix-free tests. */
public final class MatrixFreeFixtures {
    private MatrixFreeFixtures() {
    }

    /**
     * y = A x* with A a subsampled DCT ({@link SubsampledDct#sample}, rows seeded by
     * {@code seed}), x* supported on k uniformly drawn indices with amplitudes ±(1 + U[0, 1)):
     * bounded away from 0, so that recovery is decided by the support and not by tiny entries.
     */
    public static Problem dctProblem(int n, int m, int k, long seed) {
        return problem(SubsampledDct.sample(n, m, seed), k, seed + 1);
    }

    /** A noiseless instance on any operator, with the amplitudes of {@link #dctProblem}. */
    public static Problem problem(LinearOperator a, int k, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        int[] support = new CombinationSampler(rng, a.cols(), k).sample();
        Arrays.sort(support);
        double[] truth = new double[a.cols()];
        for (int j : support) {
            truth[j] = (rng.nextBoolean() ? 1 : -1) * (1 + rng.nextDouble());
        }
        double[] y = new double[a.rows()];
        a.apply(truth, y);
        return new Problem(a, y, k, truth, support);
    }

    /** The same instance with A densified: the dense path's input. */
    public static Problem densified(Problem p) {
        return new Problem(p.operator().toDense(), p.observations(), p.sparsity(), p.truth(), p.trueSupport());
    }

    /** ‖v‖₂. */
    public static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /**
     * {@code a} with {@link LinearOperator#column} (and so the default {@code toDense}) throwing:
     * a solve that passes on it provably never densified and never read a column.
     */
    public static StructuredOperator columnless(StructuredOperator a) {
        return new StructuredOperator() {
            @Override
            public int rows() {
                return a.rows();
            }

            @Override
            public int cols() {
                return a.cols();
            }

            @Override
            public void apply(double[] x, double[] out) {
                a.apply(x, out);
            }

            @Override
            public void applyAdjoint(double[] r, double[] out) {
                a.applyAdjoint(r, out);
            }

            @Override
            public void column(int j, double[] out) {
                throw new UnsupportedOperationException("a matrix-free path read column " + j);
            }

            @Override
            public void applyOnSupport(int[] support, double[] coefficients, int size, double[] out) {
                a.applyOnSupport(support, coefficients, size, out);
            }

            @Override
            public double spectralNorm() {
                return a.spectralNorm();
            }

            @Override
            public double[] columnNorms() {
                return a.columnNorms();
            }

            @Override
            public String describe() {
                return "columnless " + a.describe();
            }
        };
    }
}
