package io.sparserepro.benchmarks;

import io.sparserepro.algorithms.unfolding.net.IhtNet;
import io.sparserepro.algorithms.unfolding.net.OmpNet;
import io.sparserepro.algorithms.unfolding.net.UnrolledNetwork;
import io.sparserepro.core.complex.ComplexProblem;
import io.sparserepro.core.complex.ComplexProblems;
import io.sparserepro.core.complex.PartialDft;
import io.sparserepro.core.random.Seeds;
import java.util.Arrays;
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
 * OMP-Net and IHT-Net per training sample, single-threaded, at the unfolding paper's Fig. 3
 * sizes (issue 16's speed target: 1000 epochs × (1024 forward+backward + 512 forward) in under
 * 15 minutes per network on 2 cores, i.e. well under 1 ms per forward+backward):
 * <ul>
 *   <li>OMP-Net: partial DFT N = 256, m = 20, 10 layers, τ = 1e-3;</li>
 *   <li>IHT-Net: partial DFT N = 256, m = 36, s = 10, 30 layers, η = 0.5, τ = 1e-3.</li>
 * </ul>
 * Each operation is one sample of a fixed set of 64 (the spec's data: hidden set of 20, 10-sparse
 * real x, σ = 1e-3), cycled, so the time is an average over samples, not one lucky instance.
 * {@code weights}: {@code ones} (the initialisation) or {@code signed} (random signs and
 * magnitudes in [0.5, 1.5], more near-ties, closer to weights during training).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar UnrolledNetworkBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class UnrolledNetworkBenchmark {

    @State(Scope.Thread)
    public static class Samples {
        @Param({"omp-net", "iht-net"})
        String network;
        @Param({"ones", "signed"})
        String weights;

        UnrolledNetwork net;
        UnrolledNetwork.Workspace workspace;
        double[][] observations;
        double[][] targets;
        double[] w;
        double[] estimate;
        double[] gradient;
        int next;

        @Setup
        public void setUp() {
            boolean omp = network.equals("omp-net");
            int m = omp ? 20 : 36;
            int[] rows = PartialDft.sampleRows(256, m, Seeds.rng(1));
            var a = PartialDft.fast(256, rows);
            net = omp ? new OmpNet(a, OmpNet.Options.paper()) : new IhtNet(a, IhtNet.Options.paper());
            workspace = net.newWorkspace();
            UniformRandomProvider rng = Seeds.rng(2);
            int[] hidden = ComplexProblems.hiddenSet(256, 20, rng);
            observations = new double[64][];
            targets = new double[64][];
            for (int k = 0; k < 64; k++) {
                ComplexProblem p = ComplexProblems.structured(a, hidden, 10, 1e-3, rng);
                observations[k] = p.observations();
                targets[k] = new double[256];
                for (int j = 0; j < 256; j++) {
                    targets[k][j] = p.truth()[2 * j];
                }
            }
            w = new double[256];
            Arrays.fill(w, 1.0);
            if (weights.equals("signed")) {
                UniformRandomProvider wr = Seeds.rng(3);
                for (int j = 0; j < 256; j++) {
                    w[j] = (wr.nextBoolean() ? 1 : -1) * (0.5 + wr.nextDouble());
                }
            }
            estimate = new double[512];
            gradient = new double[256];
        }

        int sample() {
            int k = next;
            next = (next + 1) & 63;
            return k;
        }
    }

    @Benchmark
    public double[] forward(Samples s) {
        int k = s.sample();
        s.net.forward(s.observations[k], s.w, s.workspace, s.estimate);
        return s.estimate;
    }

    @Benchmark
    public double forwardBackward(Samples s) {
        int k = s.sample();
        return s.net.lossAndGradient(s.observations[k], s.targets[k], s.w, s.workspace, s.gradient);
    }
}
