package io.sparserepro.algorithms;

import static io.sparserepro.algorithms.SparseSolverContractTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.problem.Problem;
import org.junit.jupiter.api.Test;

class SolverRegistryTest {

    @Test
    void everyBuiltInNameCreatesASolverOfThatName() {
        SolverRegistry registry = SolverRegistry.defaults();
        assertTrue(registry.names().size() >= 8, registry.names().toString());
        for (String name : registry.names()) {
            SparseSolver solver = registry.create(name);
            assertEquals(name, solver.name());
            // Provenance: the configuration names the solver and lists its options.
            assertTrue(solver.configuration().startsWith(name + " Options["), solver.configuration());
        }
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertMessage(() -> SolverRegistry.defaults().create("omq"), "unknown algorithm 'omq'; known algorithms: ");
        assertMessage(() -> SolverRegistry.defaults().create("omq"), "sea-0");
    }

    @Test
    void withAddsAUserSolverWithoutChangingTheDefaults() {
        SparseSolver mine = new SparseSolver() {
            @Override
            public String name() {
                return "mine";
            }

            @Override
            public SparseResult solve(Problem problem) {
                throw new UnsupportedOperationException();
            }
        };
        SolverRegistry extended = SolverRegistry.defaults().with("mine", () -> mine);
        assertEquals(mine, extended.create("mine"));
        assertFalse(SolverRegistry.defaults().contains("mine"));
        assertMessage(() -> SolverRegistry.empty().with("Bad Name", () -> mine), "name must be lowercase");
    }
}
