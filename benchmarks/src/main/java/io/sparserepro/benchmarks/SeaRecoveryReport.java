package io.sparserepro.benchmarks;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.core.metrics.RecoveryMetrics;
import io.sparserepro.core.problem.AmplitudeDistribution;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.problem.ProblemGenerators;
import io.sparserepro.core.random.Seeds;
import java.util.List;

/**
 * Exact-recovery rates on random noiseless Gaussian instances (default n = 200, m = 100,
 * k = 20, 200 instances, master seed 2024), for the solvers named on the command line:
 *
 * <pre>java --add-modules=jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     io.sparserepro.benchmarks.SeaRecoveryReport [instances] [solver ...]</pre>
 *
 * All solvers see the same instances (trial seed = Seeds.trialSeed(2024, i)).
 */
public final class SeaRecoveryReport {
    private SeaRecoveryReport() {
    }

    public static void main(String[] args) {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("omp", "htp", "sea-0", "sea-omp");
        int m = 100;
        int n = 200;
        int k = 20;
        System.out.printf("%d noiseless Gaussian instances, m = %d, n = %d, k = %d%n", instances, m, n, k);
        System.out.printf("%-10s %10s %18s %14s %12s%n", "solver", "recovered", "distinct supports", "iterations", "ms/solve");
        for (String name : names) {
            SparseSolver solver = SolverRegistry.defaults().create(name);
            int recovered = 0;
            double supports = 0;
            double iterations = 0;
            long start = System.nanoTime();
            for (int i = 0; i < instances; i++) {
                Problem p = ProblemGenerators.gaussian(m, n, k, AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO,
                        0.0, Seeds.rng(Seeds.trialSeed(2024, i)));
                SparseResult r = solver.solve(p);
                if (RecoveryMetrics.exactSupportRecovery(p.trueSupport(), r.support())) {
                    recovered++;
                }
                supports += r.diagnostic("distinctSupports");
                iterations += r.iterations();
            }
            double ms = (System.nanoTime() - start) / 1e6 / instances;
            System.out.printf("%-10s %6d/%-3d %18s %14.1f %12.2f%n", name, recovered, instances,
                    Double.isNaN(supports) ? "-" : String.format("%.1f", supports / instances),
                    iterations / instances, ms);
        }
    }
}
