package io.sparserepro.benchmarks;

import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.Trace;
import io.sparserepro.algorithms.greedy.Omp;
import io.sparserepro.algorithms.sea.Sea;
import io.sparserepro.core.metrics.RecoveryMetrics;
import io.sparserepro.core.problem.AmplitudeDistribution;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.problem.ProblemGenerators;
import io.sparserepro.core.random.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SEA's iteration budget T against recovery (docs/SEA-BUDGET.md): support distance |S* \ Ŝ|
 * and exact-recovery rate of SEA₀ and SEA_OMP for T ∈ {100, 250, 500, 1000, 2000, 4000, 8000,
 * 16000} (and 32000 on deconvolution) on noiseless spike deconvolution (n = m = 200, Gaussian kernel
 * width 3, k = 12; default 100 runs) and Gaussian instances (m = 250, n = 500,
 * k ∈ {40, 60, 75}; default 50 runs each), amplitudes uniform in [−2, −1] ∪ [1, 2].
 *
 * <pre>java --add-modules=jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     io.sparserepro.benchmarks.SeaBudgetSweep [runs] [gaussianRuns] [deconvolutionMaxT] [gaussianMaxT]</pre>
 *
 * (defaults 100, 50, 32000, 16000; 0 runs skips that family).
 *
 * <p><b>One run per instance serves every T.</b> SEA is deterministic and its iterates do not
 * depend on T; with budget T it returns the iterate of smallest residual among t = 0 … T − 1
 * (the first one on ties: the solver compares with a strict &lt;). So each instance is solved
 * once with the largest T and the trace, and the answer for a smaller T is the first minimum
 * of the trace's first T residuals. The program checks this on the first instances of every
 * configuration by solving them again with maxIterations = T and comparing supports.
 *
 * <p>Instance i of configuration c has seed {@code Seeds.trialSeed(2026, c, i)}; both solvers
 * see the same instances.
 */
public final class SeaBudgetSweep {
    /** T = 100, 250, 500, then doublings up to {@code largest}. */
    static int[] budgets(int largest) {
        List<Integer> list = new ArrayList<>(List.of(100, 250, 500));
        for (int t = 1000; t <= largest; t *= 2) {
            list.add(t);
        }
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
    private static final long MASTER_SEED = 2026;
    /** Instances per configuration re-solved with each budget to check the prefix argument. */
    private static final int CHECKED_INSTANCES = 2;

    private SeaBudgetSweep() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int gaussianRuns = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        // Deconvolution is cheap and its best iterates come late: more doublings there.
        int deconvolutionLargest = args.length > 2 ? Integer.parseInt(args[2]) : 32_000;
        int gaussianLargest = args.length > 3 ? Integer.parseInt(args[3]) : 16_000;
        System.out.printf("SEA budget sweep, master seed %d%n", MASTER_SEED);
        if (runs > 0) {
            sweep(0, "deconvolution n=m=200 width=3 k=12", runs, 12, budgets(deconvolutionLargest),
                rng -> ProblemGenerators.deconvolution(200, 12, 3.0,
                        AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO, 0.0, rng));
        }
        int configuration = 1;
        for (int k : gaussianRuns > 0 ? new int[] {40, 60, 75} : new int[0]) {
            sweep(configuration++, "gaussian m=250 n=500 k=" + k, gaussianRuns, k, budgets(gaussianLargest),
                    rng -> ProblemGenerators.gaussian(250, 500, k,
                            AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO, 0.0, rng));
        }
    }

    private interface Generator {
        Problem draw(org.apache.commons.rng.UniformRandomProvider rng);
    }

    private static void sweep(int configuration, String label, int runs, int k, int[] budgets, Generator generator) {
        int largest = budgets[budgets.length - 1];
        String[] names = {"sea-0", "sea-omp"};
        int[][] distance = new int[names.length][budgets.length];
        int[][] success = new int[names.length][budgets.length];
        double[] seconds = new double[names.length];
        List<Double> bestIterations = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Problem p = generator.draw(Seeds.rng(Seeds.trialSeed(MASTER_SEED, configuration, i)));
            for (int s = 0; s < names.length; s++) {
                long start = System.nanoTime();
                SparseResult full = solver(s, largest, true).solve(p);
                SparseResult inner = s == 1 ? new Omp().solve(p) : null;
                seconds[s] += (System.nanoTime() - start) / 1e9;
                for (int b = 0; b < budgets.length; b++) {
                    int[] support = bestSupportWithin(full.trace(), budgets[b], inner);
                    if (i < CHECKED_INSTANCES) {
                        int[] direct = solver(s, budgets[b], false).solve(p).support();
                        if (!Arrays.equals(direct, support)) {
                            System.out.println("MISMATCH " + label + " " + names[s] + " instance " + i
                                    + " T=" + budgets[b] + ": trace prefix gives " + Arrays.toString(support)
                                    + " but a run with this budget gives " + Arrays.toString(direct));
                        }
                    }
                    distance[s][b] += RecoveryMetrics.supportDistance(p.trueSupport(), support);
                    if (RecoveryMetrics.exactSupportRecovery(p.trueSupport(), support)) {
                        success[s][b]++;
                    }
                }
                if (s == 1) {
                    bestIterations.add(full.diagnostic("bestIteration"));
                }
            }
        }
        System.out.printf("%n## %s, %d runs%n%n", label, runs);
        System.out.print("| T | T/k |");
        for (String name : names) {
            System.out.printf(" %s mean |S*\\Ŝ| | %s success |", name, name);
        }
        System.out.println();
        System.out.println("|---|---|" + "---|---|".repeat(names.length));
        for (int b = 0; b < budgets.length; b++) {
            System.out.printf("| %d | %.1f |", budgets[b], budgets[b] / (double) k);
            for (int s = 0; s < names.length; s++) {
                System.out.printf(" %.2f | %d/%d (%.0f %%) |", distance[s][b] / (double) runs, success[s][b], runs,
                        100.0 * success[s][b] / runs);
            }
            System.out.println();
        }
        double[] sorted = bestIterations.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%nsea-omp best iteration at T=%d: median %.0f, 90th percentile %.0f; "
                        + "seconds per run at T=%d: sea-0 %.2f, sea-omp %.2f%n",
                largest, sorted[sorted.length / 2], sorted[(int) Math.floor(0.9 * (sorted.length - 1))], largest,
                seconds[0] / runs, seconds[1] / runs);
    }

    private static SparseSolver solver(int s, int budget, boolean trace) {
        // The budget is the absolute count (iterationsPerSparsity off), the round-off stop on as by default.
        Sea.Options options = Sea.Options.defaults().withMaxIterations(budget).withRecordTrace(trace);
        return s == 0 ? Sea.standalone(options) : Sea.after(new Omp(), options);
    }

    /**
     * The support SEA returns with budget T: that of the first smallest residual among trace
     * entries 0 … T − 1 (all entries if the run stopped earlier, at round-off); for SEA after
     * a solver, that solver's own support if its residual is smaller still (Sea's final
     * round-off guard).
     */
    static int[] bestSupportWithin(Trace trace, int budget, SparseResult inner) {
        int length = Math.min(budget, trace.length());
        int best = 0;
        for (int t = 1; t < length; t++) {
            if (trace.residualNorms()[t] < trace.residualNorms()[best]) {
                best = t;
            }
        }
        if (inner != null && inner.residualNorm() < trace.residualNorms()[best]) {
            return inner.support();
        }
        return trace.supports().get(best);
    }
}
