package io.sparserepro.algorithms.unfolding;

import io.sparserepro.algorithms.ConfiguredSolver;
import io.sparserepro.algorithms.SolverInputs;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.options.Option;
import io.sparserepro.core.Checks;
import io.sparserepro.core.complex.ComplexLinearOperator;
import io.sparserepro.core.complex.ComplexProblem;
import io.sparserepro.core.complex.ComplexVectors;
import io.sparserepro.core.complex.RealAsComplexOperator;
import io.sparserepro.core.problem.Problem;
import java.util.Map;

/**
 * Soft-IHT (Mohammad-Taheri, Colbrook, Brugiapaglia, <i>Deep greedy unfolding</i>, arXiv
 * 2505.15661; SPEC-UNFOLDING): x⁰ = 0; u = x + η Aᴴ(y − A x); scores s = |w ⊙ u|; mask = the
 * column sums of the first s softsort rows of the scores (a soft indicator of the s largest);
 * x ← mask ⊙ u — the mask multiplies u, not w ⊙ u. A fixed number of iterations and a fixed
 * step η (not 1/‖A‖²: the paper's η = 0.6 with unit-norm columns). With one-hot rows this is
 * IHT exactly ({@link #hard}).
 *
 * <p>As a registered solver on real data the estimate is mask ⊙ u (not s-sparse at large τ);
 * the support reported is the last iteration's s largest scores.
 */
public final class SoftIht extends ConfiguredSolver<SoftIht.Options> {
    public static final String NAME = "soft-iht";

    /**
     * @param tau        softsort temperature τ &gt; 0
     * @param iterations iterations (≥ 1)
     * @param step       η &gt; 0
     * @param weights    w (only |w_j| enters); empty means all ones
     */
    public record Options(
            @Option(value = "softsort temperature τ (> 0); smaller is closer to IHT", origin = Option.Origin.PAPER,
                    source = "Deep greedy unfolding, IHT-Net: τ = 1e-3") double tau,
            @Option(value = "iterations (no early stop)", origin = Option.Origin.PAPER,
                    source = "Deep greedy unfolding, Fig. 2(b): 30 iterations") int iterations,
            @Option(value = "step η of u = x + η Aᴴ(y − A x)", origin = Option.Origin.PAPER,
                    source = "Deep greedy unfolding, Fig. 2(b): η = 0.6") double step,
            @Option(value = "weights w, numbers separated by commas, one per column (only |w| enters); empty = all ones (plain Soft-IHT)",
                    origin = Option.Origin.PAPER, source = "Deep greedy unfolding, Fig. 2: no weights")
            String weights) {
        public Options {
            SoftSort.checkTau(tau);
            Checks.requirePositive("iterations", iterations);
            Checks.requireFinite("step", step);
            Checks.requirePositive("step", step);
            UnfoldingInputs.parseWeights(weights);
        }

        /** τ = 1e-3, 30 iterations, η = 0.6, no weights. */
        public static Options defaults() {
            return new Options(1e-3, 30, 0.6, "");
        }

        public Options withTau(double value) {
            return new Options(value, iterations, step, weights);
        }

        public Options withIterations(int value) {
            return new Options(tau, value, step, weights);
        }

        public Options withStep(double value) {
            return new Options(tau, iterations, value, weights);
        }

        /** A copy with these weights (written as text, exactly). */
        public Options withWeights(double[] value) {
            return new Options(tau, iterations, step, UnfoldingInputs.formatWeights(value));
        }
    }

    public SoftIht() {
        this(Options.defaults());
    }

    public SoftIht(Options options) {
        super(NAME, options);
    }

    @Override
    public SparseResult solve(Problem problem) {
        SolverInputs.requireSolvable(problem);
        double[] weights = UnfoldingInputs.parseWeights(options.weights());
        ComplexProblem complex = new ComplexProblem(new RealAsComplexOperator(problem.operator()),
                ComplexVectors.fromReal(problem.observations()), problem.sparsity(), null);
        UnfoldingResult r = solve(complex, weights, null);
        int[] support = r.selected().clone();
        return SparseResult.of(problem.operator(), problem.observations(),
                ComplexVectors.realPart(r.estimate(), problem.cols()), support, r.iterations(), true, null, Map.of());
    }

    /** Soft-IHT on complex data; {@code weights} may be null (all ones), {@code listener} null. */
    public UnfoldingResult solve(ComplexProblem problem, double[] weights, IterateListener listener) {
        return run(problem, weights, options.iterations(), options.step(), options.tau(), listener);
    }

    /** IHT (hard thresholding to the s largest |w ⊙ u|, ties to the lowest index), same loop. */
    public static UnfoldingResult hard(ComplexProblem problem, double[] weights, int iterations, double step,
                                       IterateListener listener) {
        Checks.requirePositive("iterations", iterations);
        Checks.requirePositive("step", step);
        return run(problem, weights, iterations, step, Double.NaN, listener);
    }

    /** τ = NaN: hard thresholding. */
    private static UnfoldingResult run(ComplexProblem problem, double[] weights, int iterations, double step,
                                       double tau, IterateListener listener) {
        Checks.requireNonNull("problem", problem);
        ComplexLinearOperator a = problem.operator();
        int m = a.rows();
        int n = a.cols();
        int s = problem.sparsity();
        double[] absWeights = UnfoldingInputs.absoluteWeights(weights, n);
        double[] y = problem.observations();
        double[] x = new double[2 * n];
        double[] ax = new double[2 * m];
        double[] gradient = new double[2 * n];
        double[] scores = new double[n];
        double[] mask = new double[n];
        double[] rowWork = new double[n];
        int[] top = new int[s];
        for (int t = 0; t < iterations; t++) {
            a.apply(x, ax);
            for (int i = 0; i < 2 * m; i++) {
                ax[i] = y[i] - ax[i];
            }
            a.applyAdjoint(ax, gradient);
            for (int i = 0; i < 2 * n; i++) {
                x[i] += step * gradient[i]; // x now holds u
            }
            UnfoldingInputs.scores(x, absWeights, n, scores);
            if (Double.isNaN(tau)) {
                SoftSort.topIndices(scores, n, s, top);
                java.util.Arrays.fill(mask, 0.0);
                for (int i = 0; i < s; i++) {
                    mask[top[i]] = 1.0;
                }
            } else {
                SoftSort.columnSums(scores, n, s, tau, mask, top, rowWork);
            }
            for (int j = 0; j < n; j++) {
                x[2 * j] *= mask[j];
                x[2 * j + 1] *= mask[j];
            }
            if (listener != null) {
                listener.accept(t + 1, x);
            }
        }
        return new UnfoldingResult(x, top.clone(), iterations, 0);
    }

    @Override
    public String toString() {
        return NAME + options;
    }
}
