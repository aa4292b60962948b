package io.sparserepro.benchmarks;

import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.linalg.SupportLeastSquares;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The support least-squares update on a 250×500 matrix with |S| = 25: one swap (remove a
 * column from the middle of the factorisation, add another) followed by a solve — the
 * per-iteration cost pattern of SEA, HTP and ELS.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class SupportLeastSquaresBenchmark {
    private static final int M = 250;
    private static final int N = 500;
    private static final int K = 25;

    private SupportLeastSquares ls;
    private double[] coefficients;
    private int next;

    @Setup
    public void setUp() {
        DenseMatrix a = BenchmarkData.gaussian(M, N, 4);
        ls = new SupportLeastSquares(a, K + 1);
        ls.setObservations(BenchmarkData.vector(M, 5));
        for (int j = 0; j < K; j++) {
            ls.add(j * 2);
        }
        coefficients = new double[K + 1];
        next = 1;
    }

    /** Swaps the column at factorisation position K/2 for a column not on the support. */
    @Benchmark
    public double[] swapAndSolve() {
        int leaving = ls.factorizedColumn(K / 2);
        ls.remove(leaving);
        while (ls.contains(next)) {
            next = (next + 1) % N;
        }
        ls.add(next);
        next = (next + 7) % N;
        ls.solve(coefficients);
        return coefficients;
    }

    /** Adding one column to a 24-column factorisation, then removing it (the OMP step and its undo). */
    @Benchmark
    public int addThenRemoveLast() {
        int leaving = ls.factorizedColumn(K - 1);
        ls.remove(leaving);
        ls.add(leaving);
        return ls.rank();
    }
}
