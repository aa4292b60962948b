package io.sparserepro.core.problem;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws one {@link Problem} from a generator; everything random about the problem comes from
 * {@code rng}, so the trial seed (see {@code io.sparserepro.core.random.Seeds}) determines the
 * problem. Experiments hold one generator per grid point; implementations must be
 * thread-safe (the built-in ones are immutable).
 */
@FunctionalInterface
public interface ProblemGenerator {
    Problem generate(UniformRandomProvider rng);
}
