package io.sparserepro.benchmarks;

import io.sparserepro.core.operators.GaussianConvolution;
import io.sparserepro.core.operators.SubsampledDct;
import io.sparserepro.core.random.Seeds;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
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
 * The matrix-free operators of issue 17: subsampled DCT (m = n/8) forward and adjoint, and the
 * Gaussian convolution (width 3) forward, at the paper's n = 512 and at large n.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OperatorBenchmark {
    @Param({"512", "65536", "1048576"})
    public int n;

    private SubsampledDct dct;
    private GaussianConvolution convolution;
    private double[] x;
    private double[] r;
    private double[] out;
    private double[] adjoint;

    @Setup
    public void setUp() {
        dct = SubsampledDct.sample(n, n / 8, 1);
        convolution = new GaussianConvolution(n, 3.0);
        UniformRandomProvider rng = Seeds.rng(2);
        x = new double[n];
        r = new double[n / 8];
        for (int j = 0; j < n; j++) {
            x[j] = rng.nextDouble() - 0.5;
        }
        for (int i = 0; i < r.length; i++) {
            r[i] = rng.nextDouble() - 0.5;
        }
        out = new double[n];
        adjoint = new double[n];
    }

    @Benchmark
    public double[] dctForward() {
        dct.apply(x, out);
        return out;
    }

    @Benchmark
    public double[] dctAdjoint() {
        dct.applyAdjoint(r, adjoint);
        return adjoint;
    }

    @Benchmark
    public double[] convolutionForward() {
        convolution.apply(x, out);
        return out;
    }
}
