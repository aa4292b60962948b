package io.sparserepro.experiments.deconv;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.WarmStartable;
import io.sparserepro.algorithms.options.Option;
import io.sparserepro.core.Checks;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.random.Seeds;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * "The others, given as much time" (issue 12, equal compute): the inner solver run
 * {@code restarts} times — first from its own start, then from supports drawn uniformly at
 * random — keeping the answer of smallest residual, as SEA keeps its best iterate. The work
 * is the sum of the runs' iterations (reported as the iterations), so it can be set against
 * SEA's budget T. The random supports are a pure function of the problem's observations and
 * {@code seed}, so a trial stays a function of (instance, variant). Registered as the
 * post-processor {@value #NAME}; the inner solver must start from a given support (HTP, SP).
 */
public final class RandomRestarts implements SparseSolver {
    /** The registry name. */
    public static final String NAME = "restarts";

    /**
     * Options.
     *
     * @param restarts runs of the inner solver, the first from its own start
     * @param seed     the seed of the random starting supports
     */
    public record Options(
            @Option(value = "runs of the inner solver, the first from its own start, the others from uniformly random "
                    + "supports; the answer of smallest residual is kept", origin = Option.Origin.IMPLEMENTATION)
            int restarts,
            @Option(value = "seed of the random starting supports (mixed with the observations: a pure function of "
                    + "the instance)", origin = Option.Origin.IMPLEMENTATION)
            long seed) {
        public Options {
            Checks.requireInRange("restarts", restarts, 1, 1_000_000);
        }

        public static Options defaults() {
            return new Options(4, 1);
        }
    }

    private final Options options;
    private final WarmStartable inner;

    public RandomRestarts(Options options, SparseSolver inner) {
        this.options = Checks.requireNonNull("options", options);
        Checks.requireNonNull("inner (the solver to restart)", inner);
        if (!(inner instanceof WarmStartable warm)) {
            throw new IllegalArgumentException("restarts needs an inner solver that can start from a given support "
                    + "(htp, sp); " + inner.name() + " cannot");
        }
        this.inner = warm;
    }

    /** {@code registry} with {@value #NAME} added (no default inner solver: a variant names one). */
    public static SolverRegistry register(SolverRegistry registry) {
        return registry.withPostProcessor(NAME, Options.class, Options.defaults(), null, RandomRestarts::new);
    }

    @Override
    public String name() {
        return NAME + "-" + inner.name();
    }

    @Override
    public String configuration() {
        return NAME + " " + options + " of " + inner.configuration();
    }

    @Override
    public SparseResult solve(Problem problem) {
        Checks.requireNonNull("problem", problem);
        SparseResult best = inner.solve(problem);
        int bestRun = 0;
        long iterations = best.iterations();
        int n = problem.cols();
        int k = problem.sparsity();
        UniformRandomProvider rng = Seeds.rng(options.seed(), observationsHash(problem.observations()));
        for (int run = 1; run < options.restarts(); run++) {
            // A uniform k-subset: the first k entries of a uniformly random permutation.
            int[] permutation = PermutationSampler.natural(n);
            PermutationSampler.shuffle(rng, permutation);
            int[] start = java.util.Arrays.copyOf(permutation, k);
            SparseResult result = inner.solveFrom(problem, start);
            iterations += result.iterations();
            if (result.residualNorm() < best.residualNorm()) {
                best = result;
                bestRun = run;
            }
        }
        Map<String, Double> diagnostics = new LinkedHashMap<>(best.diagnostics());
        diagnostics.put("restarts", (double) options.restarts());
        diagnostics.put("bestRestart", (double) bestRun);
        return SparseResult.of(problem.operator(), problem.observations(), best.estimate(), best.support(),
                (int) Math.min(Integer.MAX_VALUE, iterations), best.converged(), null, diagnostics);
    }

    private static long observationsHash(double[] y) {
        long h = 0;
        for (double v : y) {
            h = h * 0x9E3779B97F4A7C15L + Double.doubleToRawLongBits(v);
        }
        return h;
    }
}
