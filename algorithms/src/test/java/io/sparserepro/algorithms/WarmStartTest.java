package io.sparserepro.algorithms;

import static io.sparserepro.algorithms.SparseSolverContractTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.problem.AmplitudeDistribution;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.problem.ProblemGenerators;
import io.sparserepro.core.random.Seeds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTP and SP started from a given support. */
class WarmStartTest {
    private static final List<String> WARM = List.of("htp", "sp");

    private static Problem instance(long seed) {
        return ProblemGenerators.gaussian(40, 80, 5, AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO, 0,
                Seeds.rng(seed));
    }

    /** Started from the support the solver picks itself (largest_k(|Aᵀy|)), it gives its own answer. */
    @Test
    void startingFromItsOwnFirstSupportReproducesThePlainRun() {
        for (String name : WARM) {
            WarmStartable solver = (WarmStartable) SolverRegistry.defaults().create(name);
            for (long seed = 1; seed <= 5; seed++) {
                Problem p = instance(seed);
                double[] proxy = new double[p.cols()];
                p.operator().applyAdjoint(p.observations(), proxy);
                for (int j = 0; j < proxy.length; j++) {
                    proxy[j] = Math.abs(proxy[j]);
                }
                int[] own = io.sparserepro.core.select.LargestK.of(proxy, p.sparsity());
                SparseResult plain = solver.solve(p);
                SparseResult warm = solver.solveFrom(p, own);
                assertArrayEquals(plain.support(), warm.support(), name + " seed " + seed);
                assertArrayEquals(plain.estimate(), warm.estimate(), 1e-12, name + " seed " + seed);
            }
        }
    }

    /** Started on the true support of a noiseless problem, each stops there at once. */
    @Test
    void startingFromTheTrueSupportReturnsIt() {
        for (String name : WARM) {
            WarmStartable solver = (WarmStartable) SolverRegistry.defaults().create(name);
            Problem p = instance(9);
            SparseResult r = solver.solveFrom(p, p.trueSupport());
            assertArrayEquals(p.trueSupport(), r.support(), name);
            assertTrue(r.residualNorm() < 1e-9, name + " residual " + r.residualNorm());
            assertTrue(r.iterations() <= 2, name + " iterations " + r.iterations());
        }
    }

    @Test
    void badStartsAreNamed() {
        WarmStartable htp = (WarmStartable) SolverRegistry.defaults().create("htp");
        Problem p = instance(2);
        assertMessage(() -> htp.solveFrom(p, new int[] {1, 2, 3}), "must have k = 5 indices: 3");
        assertMessage(() -> htp.solveFrom(p, new int[] {1, 2, 3, 3, 4}), "distinct indices in [0, 80)");
        assertMessage(() -> htp.solveFrom(p, new int[] {1, 2, 3, 4, 80}), "distinct indices in [0, 80)");
        assertEquals(5, htp.solveFrom(p, new int[] {4, 3, 2, 1, 0}).support().length);
    }
}
