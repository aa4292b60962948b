package io.sparserepro.experiments;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.select.LargestK;
import java.util.Map;

/** Small deterministic solvers registered only in tests. */
public final class TestSolvers {
    private TestSolvers() {
    }

    /** The default registry plus {@code thresh}. */
    public static SolverRegistry registry() {
        return SolverRegistry.defaults().with("thresh", Thresholding::new);
    }

    /** One-step thresholding: the k largest |Aᵀy|, estimate Aᵀy on them; reports {@code spread}. */
    public static final class Thresholding implements SparseSolver {
        @Override
        public String name() {
            return "thresh";
        }

        @Override
        public SparseResult solve(Problem problem) {
            int n = problem.cols();
            double[] correlations = new double[n];
            problem.operator().applyAdjoint(problem.observations(), correlations);
            double[] magnitudes = new double[n];
            for (int j = 0; j < n; j++) {
                magnitudes[j] = Math.abs(correlations[j]);
            }
            int[] support = LargestK.of(magnitudes, problem.sparsity());
            double[] estimate = new double[n];
            for (int j : support) {
                estimate[j] = correlations[j];
            }
            return SparseResult.of(problem.operator(), problem.observations(), estimate, support, 1, true, null,
                    Map.of("spread", magnitudes[support[0]]));
        }
    }
}
