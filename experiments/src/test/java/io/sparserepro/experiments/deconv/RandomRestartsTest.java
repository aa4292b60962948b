package io.sparserepro.experiments.deconv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.SolverVariant;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.core.problem.AmplitudeDistribution;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.problem.ProblemGenerators;
import io.sparserepro.core.random.Seeds;
import io.sparserepro.experiments.Registries;
import org.junit.jupiter.api.Test;

/** HTP/SP restarted from random supports: the "as much work as SEA" baseline. */
class RandomRestartsTest {
    private static SparseSolver restarted(String inner, int restarts) {
        return Registries.defaults().solvers().create(SolverVariant.of(RandomRestarts.NAME)
                .withInner(SolverVariant.of(inner)).withOption("restarts", restarts));
    }

    private static Problem deconvolution(long seed) {
        return ProblemGenerators.deconvolution(120, 8, 3, AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO, 0,
                Seeds.rng(seed));
    }

    /** More restarts never raise the residual (the first run is the plain one), and the work adds up. */
    @Test
    void moreRestartsNeverDoWorseAndCountEveryIteration() {
        for (String inner : new String[] {"htp", "sp"}) {
            SparseSolver plain = Registries.defaults().solvers().create(inner);
            for (long seed = 1; seed <= 4; seed++) {
                Problem p = deconvolution(seed);
                SparseResult one = plain.solve(p);
                SparseResult four = restarted(inner, 4).solve(p);
                SparseResult sixteen = restarted(inner, 16).solve(p);
                assertTrue(four.residualNorm() <= one.residualNorm(), inner + " seed " + seed);
                assertTrue(sixteen.residualNorm() <= four.residualNorm(), inner + " seed " + seed);
                assertTrue(sixteen.iterations() >= four.iterations() && four.iterations() >= one.iterations(),
                        inner + ": iterations are the total work");
                assertEquals(16.0, sixteen.diagnostic("restarts"));
                // A pure function of the instance and the variant: solved again, the same answer.
                assertEquals(sixteen.residualNorm(), restarted(inner, 16).solve(p).residualNorm(), 0.0);
            }
        }
    }

    @Test
    void anInnerSolverThatCannotStartFromASupportIsRefused() {
        String message = assertThrows(IllegalArgumentException.class, () -> restarted("omp", 4)).getMessage();
        assertTrue(message.contains("restarts needs an inner solver that can start from a given support (htp, sp); omp"),
                message);
    }
}
