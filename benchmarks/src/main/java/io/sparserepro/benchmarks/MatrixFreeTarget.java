package io.sparserepro.benchmarks;

import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.convex.L1Fista;
import io.sparserepro.algorithms.sea.Sea;
import io.sparserepro.algorithms.thresholding.Cosamp;
import io.sparserepro.algorithms.thresholding.Htp;
import io.sparserepro.algorithms.thresholding.Iht;
import io.sparserepro.algorithms.thresholding.NormalizedIht;
import io.sparserepro.algorithms.thresholding.SubspacePursuit;
import io.sparserepro.core.operators.SubsampledDct;
import io.sparserepro.core.problem.Problem;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The target run of issue 17: n = 2²⁰, m = n/8, k = 1000, noiseless subsampled DCT. For each
 * solver: support recovered, time, iterations, time per outer iteration, CGLS iterations per
 * least-squares solve; for reference the time of one forward + adjoint product pair; the peak
 * heap. Each solver runs twice and the second (JIT-warm) solve is reported; the first one's
 * time goes to standard error. Run with {@code -Xmx1g} to show memory stays O(n + m):
 *
 * <pre>java -Xmx1g -cp benchmarks/target/benchmarks.jar io.sparserepro.benchmarks.MatrixFreeTarget [log2n] [k] [solver ...]</pre>
 */
public final class MatrixFreeTarget {
    private MatrixFreeTarget() {
    }

    public static void main(String[] args) {
        int log2n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int n = 1 << log2n;
        int m = n / 8;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        List<String> names = args.length > 2 ? Arrays.asList(args).subList(2, args.length)
                : List.of("niht", "htp", "cosamp", "sp", "sea-0", "iht", "l1-fista");
        long start = System.nanoTime();
        Problem p = MatrixFreeCrossover.instance(n, m, k, 2026);
        System.out.printf("instance n=%d m=%d k=%d built in %.1f s; max heap %d MB%n", n, m, k,
                (System.nanoTime() - start) / 1e9, Runtime.getRuntime().maxMemory() >> 20);

        SubsampledDct a = (SubsampledDct) p.operator();
        double[] x = p.truth().clone();
        double[] r = new double[m];
        double pair = pairMillis(a, x, r);
        System.out.printf("one forward + adjoint pair: %.1f ms (best of 10 after 20 warm-up pairs)%n", pair);

        System.out.println("| solver | recovered | time (s) | iterations | ms / iteration | iteration / pair |"
                + " CGLS solves | CGLS iterations / solve |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        List<SparseSolver> solvers = new ArrayList<>();
        for (String name : names) {
            solvers.add(switch (name) {
                case "niht" -> new NormalizedIht();
                case "htp" -> new Htp();
                case "cosamp" -> new Cosamp();
                case "sp" -> new SubspacePursuit();
                case "sea-0" -> Sea.standalone();
                case "iht" -> new Iht();
                case "l1-fista" -> new L1Fista();
                default -> throw new IllegalArgumentException("unknown solver: " + name);
            });
        }
        for (SparseSolver solver : solvers) {
            // The first solve also pays JIT compilation; the second, reported, is warm.
            long t = System.nanoTime();
            SparseResult result = solver.solve(p);
            double cold = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            result = solver.solve(p);
            double seconds = (System.nanoTime() - t) / 1e9;
            System.err.printf("%s: first (cold) solve %.2f s%n", solver.name(), cold);
            double perIteration = 1e3 * seconds / Math.max(1, result.iterations());
            double solves = solves(result);
            double cgls = result.diagnostic("cglsIterations");
            System.out.printf("| %s | %s | %.1f | %d | %.1f | %.2f | %s | %s |%n", solver.name(),
                    Arrays.equals(result.support(), p.trueSupport()), seconds, result.iterations(), perIteration,
                    perIteration / pair, Double.isNaN(solves) ? "–" : String.format("%.0f", solves),
                    Double.isNaN(cgls) || !(solves > 0) ? "–" : String.format("%.1f", cgls / solves));
        }
        System.out.printf("one forward + adjoint pair after the solves: %.1f ms%n", pairMillis(a, x, r));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap (sum of pool peaks) %d MB of max %d MB; a dense A would be %d MB%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20, ((long) m * n * 8) >> 20);
    }

    /** Best of 10 timed pairs after 20 untimed ones (so the transform is JIT-compiled). */
    private static double pairMillis(SubsampledDct a, double[] x, double[] r) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 30; i++) {
            long t = System.nanoTime();
            a.apply(x, r);
            a.applyAdjoint(r, x);
            if (i >= 20) {
                best = Math.min(best, (System.nanoTime() - t) / 1e6);
            }
        }
        return best;
    }

    private static double solves(SparseResult result) {
        double solves = result.diagnostic("cglsSolves");
        if (Double.isNaN(solves)) {
            solves = result.diagnostic("leastSquaresSolves");
        }
        return solves;
    }
}
