package io.sparserepro.experiments.deconv;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.options.Option;
import io.sparserepro.core.Checks;
import io.sparserepro.core.problem.Problem;

/**
 * A wrong k (issue 12, "what researchers ask next"): the inner solver is asked for
 * k + {@code extra} entries instead of k. Its success is then S* ⊆ Ŝ
 * ({@code supportContained}), not Ŝ = S*. Registered as the post-processor {@value #NAME}
 * ({@link #register}); a variant names its inner solver, e.g.
 * {@code {"algorithm": "k-plus", "inner": "sea-0", "options": {"extra": 2}}}.
 */
public final class OverestimatedSparsity implements SparseSolver {
    /** The registry name. */
    public static final String NAME = "k-plus";

    /**
     * Options.
     *
     * @param extra how many entries beyond k the inner solver is asked for
     */
    public record Options(@Option(value = "entries asked for beyond the true k (the solver is given k + extra)",
            origin = Option.Origin.IMPLEMENTATION) int extra) {
        public Options {
            Checks.requireInRange("extra", extra, 0, 1_000_000);
        }

        public static Options defaults() {
            return new Options(2);
        }
    }

    private final Options options;
    private final SparseSolver inner;

    public OverestimatedSparsity(Options options, SparseSolver inner) {
        this.options = Checks.requireNonNull("options", options);
        this.inner = Checks.requireNonNull("inner (the solver given k + extra)", inner);
    }

    /** {@code registry} with {@value #NAME} added (no default inner solver: a variant names one). */
    public static SolverRegistry register(SolverRegistry registry) {
        return registry.withPostProcessor(NAME, Options.class, Options.defaults(), null, OverestimatedSparsity::new);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String configuration() {
        return NAME + " " + options + " of " + inner.configuration();
    }

    /**
     * Solves with sparsity min(k + extra, m, n). The truth is not handed to the inner solver
     * (a problem's true support has exactly its sparsity); metrics read it from {@code problem}.
     */
    @Override
    public SparseResult solve(Problem problem) {
        Checks.requireNonNull("problem", problem);
        int k = (int) Math.min((long) problem.sparsity() + options.extra(), Math.min(problem.rows(), problem.cols()));
        return inner.solve(Problem.of(problem.operator(), problem.observations(), k));
    }
}
