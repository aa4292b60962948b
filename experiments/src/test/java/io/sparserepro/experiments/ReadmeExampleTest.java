package io.sparserepro.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SolverVariant;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.sea.Sea;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's reuse path, as a user of the published artifacts would write it. */
class ReadmeExampleTest {

    /** A user's own solver: least squares on the k columns most correlated with y. */
    static final class MySolver implements SparseSolver {
        @Override
        public String name() {
            return "mine";
        }

        @Override
        public SparseResult solve(Problem problem) {
            return Sea.standalone(Sea.Options.defaults().withMaxIterations(1)).solve(problem);
        }
    }

    @Test
    void theReadmeSnippetRunsAndSeaNeverWorsensTheResidual() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] myRows = new double[40][80];
        for (double[] row : myRows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextDouble() - 0.5;
            }
        }
        DenseMatrix a = DenseMatrix.fromRows(myRows).normalizeColumns();
        double[] x = new double[80];
        x[3] = 1.5;
        x[17] = -1;
        x[60] = 2;
        double[] y = new double[40];
        a.apply(x, y);
        int k = 3;

        SparseSolver omp = SolverRegistry.defaults().create("omp");
        SparseResult plain = omp.solve(a, y, k);
        SparseResult refined = Sea.after(omp).solve(a, y, k);
        SparseResult mine = Sea.after(new MySolver()).solve(a, y, k);
        assertTrue(refined.residualNorm() <= plain.residualNorm());
        assertArrayEquals(new int[] {3, 17, 60}, refined.support());
        assertEquals("sea-mine", Sea.after(new MySolver()).name());
        assertTrue(Double.isFinite(mine.residualNorm()));
    }

    @Test
    void aUsersSolverJoinsAnExperimentThroughTheRegistry(@TempDir Path dir) {
        SolverRegistry registry = SolverRegistry.defaults().with("mine", MySolver::new);
        ExperimentSpec spec = ExperimentRegistry.defaults().get("demo").quick().withSolvers(List.of(SolverVariant.of("omp"), SolverVariant.of("mine")))
                .withRuns(3);
        RunOutcome outcome = new ExperimentRunner(registry).run(spec, RunOptions.in(dir).withThreads(1));
        assertEquals(spec.trialCount(), outcome.computed());
    }
}
