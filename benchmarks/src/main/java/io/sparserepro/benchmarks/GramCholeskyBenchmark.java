package io.sparserepro.benchmarks;

import io.sparserepro.core.linalg.CholeskyFactor;
import io.sparserepro.core.linalg.DenseMatrix;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The crossover behind SEA's choice between updating and refactorising the Cholesky factor of
 * G_SS (issue 13): k-column supports of a 250×500 Gaussian matrix (400×500 for k ≥ 150),
 * {@code changes} indices replaced at random positions, then either deleted one by one (Givens)
 * and the newcomers appended as one block ({@code update}), as Sea's update path does, or
 * refactorised from the first changed row ({@code refactor}). Each invocation then restores the
 * original support by a full refactorisation, timed alone in {@code refactorAll} and
 * subtracted by {@code main}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class GramCholeskyBenchmark {
    @Param({"25", "80", "150"})
    public int k;

    @Param({"1", "4", "8", "16", "32"})
    public int changes;

    private double[][] gramColumns;
    private int[] first;
    private int[] second;
    private CholeskyFactor factor;
    private double[] block;

    @Setup
    public void setUp() {
        int m = k >= 150 ? 400 : 250;
        int n = 500;
        DenseMatrix a = BenchmarkData.gaussian(m, n, 7);
        gramColumns = new double[n][];
        DenseMatrix g = a.gram();
        for (int j = 0; j < n; j++) {
            gramColumns[j] = new double[n];
            for (int i = 0; i < n; i++) {
                gramColumns[j][i] = g.get(i, j);
            }
        }
        SplittableRandom rng = new SplittableRandom(11);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int j = i + rng.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        first = java.util.Arrays.copyOf(perm, k);
        second = first.clone();
        int c = Math.min(changes, k);
        for (int i = 0; i < c; i++) {
            int p = rng.nextInt(k);
            while (second[p] != first[p]) {
                p = (p + 1) % k;
            }
            second[p] = perm[k + i];
        }
        factor = new CholeskyFactor(k);
        block = new double[k * k];
        refactor(first, 0);
    }

    private void refactor(int[] order, int from) {
        gather(order, from);
        factor.factorFrom(block, k, k, from, 1e-12);
    }

    /** Rows from..k−1 of the Gram matrix in this order, lower triangle column-major (as Sea does). */
    private void gather(int[] order, int from) {
        for (int c = 0; c < k; c++) {
            double[] column = gramColumns[order[c]];
            for (int i = Math.max(c, from); i < k; i++) {
                block[c * k + i] = column[order[i]];
            }
        }
    }

    private int firstDifference(int[] from, int[] to) {
        for (int i = 0; i < k; i++) {
            if (from[i] != to[i]) {
                return i;
            }
        }
        return k;
    }

    /**
     * Removes the rows where the supports differ (last first) and appends the new columns as
     * one block, as Sea's update path does.
     */
    private void update(int[] from, int[] to) {
        int[] order = from.clone();
        int size = k;
        for (int i = k - 1; i >= 0; i--) {
            if (from[i] != to[i]) {
                factor.remove(i);
                System.arraycopy(order, i + 1, order, i, size - 1 - i);
                size--;
            }
        }
        int kept = size;
        for (int i = 0; i < k; i++) {
            if (from[i] != to[i]) {
                order[size++] = to[i];
            }
        }
        gather(order, kept);
        factor.factorFrom(block, k, k, kept, 1e-12);
    }

    @Benchmark
    public CholeskyFactor update() {
        update(first, second);
        // Back to `first` by a refactorisation, timed in both benchmarks alike.
        refactor(first, 0);
        return factor;
    }

    @Benchmark
    public CholeskyFactor refactor() {
        refactor(second, firstDifference(first, second));
        refactor(first, 0);
        return factor;
    }

    /** The full refactorisation alone (baseline subtracted from both). */
    @Benchmark
    public CholeskyFactor refactorAll() {
        refactor(first, 0);
        return factor;
    }

    /**
     * The factorisation and the two triangular solves alone, per kernel (the Vector API one
     * when the JVM has {@code jdk.incubator.vector}, and the scalar fallback): the k×k Gram
     * matrix of a Gaussian 400×k matrix, fastest of 20 000 after as many for the JIT, with the
     * rate k³/3 / time.
     */
    static void factorisationRates() {
        java.util.List<io.sparserepro.core.linalg.DenseKernel> kernels = new java.util.ArrayList<>();
        io.sparserepro.core.linalg.DenseKernels.vectorized().ifPresent(kernels::add);
        kernels.add(io.sparserepro.core.linalg.DenseKernels.scalar());
        for (io.sparserepro.core.linalg.DenseKernel kernel : kernels) {
            for (int k : new int[] {25, 60, 80, 150, 200}) {
                DenseMatrix a = BenchmarkData.gaussian(400, k, 3);
                double[] g = a.gram().data(); // full symmetric: either storage order reads it
                CholeskyFactor f = new CholeskyFactor(k, kernel);
                double[] b = new double[k];
                double[] z = new double[k];
                java.util.Arrays.fill(b, 1.0);
                long factor = Long.MAX_VALUE;
                long solve = Long.MAX_VALUE;
                for (int rep = 0; rep < 40_000; rep++) {
                    long t0 = System.nanoTime();
                    f.factor(g, k, k, 1e-12);
                    long t1 = System.nanoTime();
                    f.solve(b, z);
                    long t2 = System.nanoTime();
                    if (rep >= 20_000) {
                        factor = Math.min(factor, t1 - t0);
                        solve = Math.min(solve, t2 - t1);
                    }
                }
                System.out.printf("%s k=%d: factor %.2f µs = %.1f GFLOP/s, solve %.2f µs%n", kernel.name(), k,
                        factor / 1e3, (double) k * k * k / 3 / factor, solve / 1e3);
            }
        }
    }

    /**
     * The crossover, robust to a loaded machine: for each k and number of changes, the minimum
     * over 500 repetitions of (move by updates) and (move by refactorisation from the first
     * changed row), each followed by the same restoring refactorisation, which is subtracted.
     * A first round over every case warms the JIT up and is not printed.
     */
    public static void main(String[] args) {
        factorisationRates();
        for (int round = 0; round < 2; round++) {
            for (int k : new int[] {25, 60, 80, 150}) {
                StringBuilder line = new StringBuilder("k=" + k + ":");
                for (int changes : new int[] {1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48}) {
                    if (changes > k / 2) {
                        continue;
                    }
                    GramCholeskyBenchmark b = new GramCholeskyBenchmark();
                    b.k = k;
                    b.changes = changes;
                    b.setUp();
                    long base = Long.MAX_VALUE;
                    long update = Long.MAX_VALUE;
                    long refactor = Long.MAX_VALUE;
                    for (int rep = 0; rep < 500; rep++) {
                        long t0 = System.nanoTime();
                        b.refactorAll();
                        long t1 = System.nanoTime();
                        b.update();
                        long t2 = System.nanoTime();
                        b.refactor();
                        long t3 = System.nanoTime();
                        base = Math.min(base, t1 - t0);
                        update = Math.min(update, t2 - t1);
                        refactor = Math.min(refactor, t3 - t2);
                    }
                    line.append(String.format(" c=%d upd %.1f ref %.1f |", changes, (update - base) / 1e3,
                            (refactor - base) / 1e3));
                    if (changes == 1) {
                        line.append(String.format(" full %.1f µs = %.1f GFLOP/s |", base / 1e3,
                                k * (double) k * k / 3 / base));
                    }
                }
                if (round == 1) {
                    System.out.println(line);
                }
            }
        }
    }
}
