package io.sparserepro.benchmarks;

import io.sparserepro.core.linalg.DenseKernel;
import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.linalg.DenseMatrix;
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
 * A x and Aᵀ r on dense column-major matrices, single-threaded. GFLOP/s = 2·m·n / time.
 * The {@code kernel} parameter compares the Vector API kernel with the scalar fallback.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class DenseProductBenchmark {
    @Param({"250x500", "500x500"})
    public String shape;

    @Param({"vector", "scalar"})
    public String kernel;

    private DenseKernel impl;
    private double[] a;
    private int m;
    private int n;
    private double[] x;
    private double[] r;
    private double[] outRows;
    private double[] outCols;

    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        m = Integer.parseInt(parts[0]);
        n = Integer.parseInt(parts[1]);
        DenseMatrix matrix = BenchmarkData.gaussian(m, n, 1);
        a = matrix.data();
        x = BenchmarkData.vector(n, 2);
        r = BenchmarkData.vector(m, 3);
        outRows = new double[m];
        outCols = new double[n];
        impl = "scalar".equals(kernel) ? DenseKernels.scalar()
                : DenseKernels.vectorized().orElseThrow(() -> new IllegalStateException(
                        "run with --add-modules jdk.incubator.vector to benchmark the vector kernel"));
    }

    @Benchmark
    public double[] multiply() {
        impl.multiply(a, m, n, x, outRows);
        return outRows;
    }

    @Benchmark
    public double[] multiplyTransposed() {
        impl.multiplyTransposed(a, m, n, r, outCols);
        return outCols;
    }
}
