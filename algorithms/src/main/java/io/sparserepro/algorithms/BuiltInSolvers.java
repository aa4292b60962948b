package io.sparserepro.algorithms;

/** The registry of the suite's own solvers (kept apart so the registry class stays generic). */
final class BuiltInSolvers {
    static final SolverRegistry REGISTRY = SolverRegistry.empty();

    private BuiltInSolvers() {
    }
}
