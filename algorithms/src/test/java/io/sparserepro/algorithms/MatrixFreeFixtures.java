package io.sparserepro.algorithms;

import io.sparserepro.core.linalg.LinearOperator;
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
}
