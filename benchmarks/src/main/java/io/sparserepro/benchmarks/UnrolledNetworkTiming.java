package io.sparserepro.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The thread CPU time per sample of OMP-Net and IHT-Net (forward, and forward+backward) on the
 * data of {@link UnrolledNetworkBenchmark}, for a machine shared with other jobs: wall-clock
 * JMH numbers there grow with the load, CPU time much less. Prints the best of 4 rounds of
 * 3000 samples after 2 warm-up rounds, and the paper recipe's training time this implies:
 * 1000 epochs × (1024 forward+backward + 512 forward), on one core and on two.
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *      io.sparserepro.benchmarks.UnrolledNetworkTiming
 * </pre>
 */
public final class UnrolledNetworkTiming {
    private UnrolledNetworkTiming() {
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String network : new String[] {"omp-net", "iht-net"}) {
            for (String weights : new String[] {"ones", "signed"}) {
                UnrolledNetworkBenchmark.Samples s = new UnrolledNetworkBenchmark.Samples();
                s.network = network;
                s.weights = weights;
                s.setUp();
                UnrolledNetworkBenchmark bench = new UnrolledNetworkBenchmark();
                int reps = 3000;
                double forward = Double.POSITIVE_INFINITY;
                double both = Double.POSITIVE_INFINITY;
                for (int round = 0; round < 6; round++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (int k = 0; k < reps; k++) {
                        bench.forward(s);
                    }
                    long c1 = mx.getCurrentThreadCpuTime();
                    for (int k = 0; k < reps; k++) {
                        bench.forwardBackward(s);
                    }
                    long c2 = mx.getCurrentThreadCpuTime();
                    if (round >= 2) {
                        forward = Math.min(forward, (c1 - c0) / (reps * 1e3));
                        both = Math.min(both, (c2 - c1) / (reps * 1e3));
                    }
                }
                double trainingSeconds = 1000 * (1024 * both + 512 * forward) / 1e6;
                System.out.printf("%s weights=%s: forward %.1f µs, forward+backward %.1f µs (thread CPU); "
                                + "paper recipe %.0f s on one core, %.0f s on two%n",
                        network, weights, forward, both, trainingSeconds, trainingSeconds / 2);
            }
        }
    }
}
