package io.sparserepro.benchmarks;

import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.greedy.Omp;
import io.sparserepro.algorithms.implicit.MatrixFree;
import io.sparserepro.algorithms.sea.Sea;
import io.sparserepro.algorithms.thresholding.Cosamp;
import io.sparserepro.algorithms.thresholding.Htp;
import io.sparserepro.algorithms.thresholding.NormalizedIht;
import io.sparserepro.algorithms.thresholding.SubspacePursuit;
import io.sparserepro.core.operators.SubsampledDct;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.random.Seeds;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.CombinationSampler;

/**
 * Measures where the matrix-free path overtakes the dense one
 * ({@link MatrixFree#DENSE_PATH_MAX_ENTRIES}): noiseless subsampled-DCT instances with
 * m = n/4, k = m/10, each solver forced onto each path ({@link MatrixFree#using}); the dense
 * time includes what a user of an implicit operator pays, densification and the column scan;
 * the pre-densified column is the dense solve alone (the operator already a DenseMatrix).
 * Median of 5 solves after 2 warm-up solves. Prints a Markdown table.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.sparserepro.benchmarks.MatrixFreeCrossover [n ...]</pre>
 */
public final class MatrixFreeCrossover {
    private MatrixFreeCrossover() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {512, 1024, 2048, 4096, 8192}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        List<SparseSolver> solvers = List.of(new NormalizedIht(), new Htp(), new Cosamp(), new SubspacePursuit(),
                new Omp(), Sea.standalone());
        System.out.println("| n | m | k | solver | dense, densifying (ms) | dense, pre-densified (ms) | matrix-free (ms) | same support |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int n : sizes) {
            int m = n / 4;
            int k = Math.max(1, m / 10);
            Problem p = instance(n, m, k, n);
            Problem densified = new Problem(p.operator().toDense(), p.observations(), k, p.truth(), p.trueSupport());
            for (SparseSolver solver : solvers) {
                double dense = medianMillis(() -> MatrixFree.using(MatrixFree.Path.DENSE, () -> solver.solve(p)));
                double pre = medianMillis(() -> solver.solve(densified));
                double free = medianMillis(() -> MatrixFree.using(MatrixFree.Path.MATRIX_FREE, () -> solver.solve(p)));
                SparseResult d = MatrixFree.using(MatrixFree.Path.DENSE, () -> solver.solve(p));
                SparseResult f = MatrixFree.using(MatrixFree.Path.MATRIX_FREE, () -> solver.solve(p));
                System.out.printf("| %d | %d | %d | %s | %.2f | %.2f | %.2f | %s |%n", n, m, k, solver.name(), dense, pre,
                        free,
                        Arrays.equals(d.support(), f.support()));
            }
        }
    }

    static Problem instance(int n, int m, int k, long seed) {
        SubsampledDct a = SubsampledDct.sample(n, m, seed);
        UniformRandomProvider rng = Seeds.rng(seed + 1);
        int[] support = new CombinationSampler(rng, n, k).sample();
        Arrays.sort(support);
        double[] truth = new double[n];
        for (int j : support) {
            truth[j] = (rng.nextBoolean() ? 1 : -1) * (1 + rng.nextDouble());
        }
        double[] y = new double[m];
        a.apply(truth, y);
        return new Problem(a, y, k, truth, support);
    }

    private static double medianMillis(Runnable work) {
        for (int i = 0; i < 2; i++) {
            work.run();
        }
        double[] times = new double[5];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
