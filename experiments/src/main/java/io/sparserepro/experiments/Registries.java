package io.sparserepro.experiments;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.core.Checks;

/**
 * What an experiment's names refer to: solvers, problem generators and metrics. Each is open
 * ({@code with(...)}), so a follow-up paper runs an existing experiment with its own solver,
 * generator or metric without editing the suite.
 */
public record Registries(SolverRegistry solvers, GeneratorRegistry generators, MetricRegistry metrics) {

    public Registries {
        Checks.requireNonNull("solvers", solvers);
        Checks.requireNonNull("generators", generators);
        Checks.requireNonNull("metrics", metrics);
    }

    /** The suite's own solvers, generators and metrics. */
    public static Registries defaults() {
        return new Registries(io.sparserepro.experiments.deconv.RandomRestarts.register(
                io.sparserepro.experiments.deconv.OverestimatedSparsity.register(SolverRegistry.defaults())),
                GeneratorRegistry.defaults(), MetricRegistry.defaults());
    }

    /** The default generators and metrics with {@code solvers}. */
    public static Registries of(SolverRegistry solvers) {
        return new Registries(solvers, GeneratorRegistry.defaults(), MetricRegistry.defaults());
    }

    public Registries withSolvers(SolverRegistry value) {
        return new Registries(value, generators, metrics);
    }

    public Registries withGenerators(GeneratorRegistry value) {
        return new Registries(solvers, value, metrics);
    }

    public Registries withMetrics(MetricRegistry value) {
        return new Registries(solvers, generators, value);
    }
}
