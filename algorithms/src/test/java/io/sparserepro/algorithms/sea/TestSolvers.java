package io.sparserepro.algorithms.sea;

import io.sparserepro.algorithms.SolverInputs;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.linalg.SupportLeastSquares;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.select.LargestK;
import java.util.SplittableRandom;

/** A deliberately weak solver: least squares on a pseudo-random support. */
final class RandomSupportSolver implements SparseSolver {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public SparseResult solve(Problem p) {
        SolverInputs.requireSolvable(p);
        SplittableRandom rng = new SplittableRandom(p.cols() * 31L + p.sparsity());
        double[] scores = new double[p.cols()];
        for (int j = 0; j < scores.length; j++) {
            scores[j] = rng.nextDouble();
        }
        return TestSolvers.leastSquaresOn(p, LargestK.of(scores, p.sparsity()));
    }
}

/** One-step thresholding: least squares on largest_k(|Aᵀy|). */
final class ThresholdingSolver implements SparseSolver {
    @Override
    public String name() {
        return "thresholding";
    }

    @Override
    public SparseResult solve(Problem p) {
        SolverInputs.requireSolvable(p);
        double[] aty = new double[p.cols()];
        p.operator().applyAdjoint(p.observations(), aty);
        return TestSolvers.leastSquaresOn(p, LargestK.of(aty, p.sparsity()));
    }
}

final class TestSolvers {
    private TestSolvers() {
    }

    static SparseResult leastSquaresOn(Problem p, int[] support) {
        DenseMatrix a = p.operator().toDense();
        SupportLeastSquares ls = new SupportLeastSquares(a, support.length);
        ls.setObservations(p.observations());
        for (int j : support) {
            ls.add(j);
        }
        double[] x = new double[p.cols()];
        ls.estimate(x, new double[support.length]);
        return SparseResult.of(a, p.observations(), x, support, 1, true, null, null);
    }
}

final class DenseKernelsNorm {
    private DenseKernelsNorm() {
    }

    static double of(double[] v) {
        return io.sparserepro.core.linalg.DenseKernels.norm2(v);
    }
}
