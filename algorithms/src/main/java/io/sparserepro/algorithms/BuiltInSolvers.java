package io.sparserepro.algorithms;

import io.sparserepro.algorithms.convex.L1Fista;
import io.sparserepro.algorithms.sea.Sea;

/** The registry of the suite's own solvers (kept apart so the registry class stays generic). */
final class BuiltInSolvers {
    static final SolverRegistry REGISTRY = SolverRegistry.empty()
            .with("l1", L1Fista::new)
            .with("sea-0", Sea::standalone);

    private BuiltInSolvers() {
    }
}
