package io.sparserepro.benchmarks;

import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.sea.Sea;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.AmplitudeDistribution;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.problem.ProblemGenerators;
import io.sparserepro.core.random.Seeds;
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
 * SEA₀ on a 250×500 Gaussian matrix, k = 25, with noise (‖e‖ = 0.5, so exploration never
 * stops at round-off): the solve with T = 1 and T = 1001 iterations; the difference divided by
 * 1000 is the mean cost of one iteration, to compare with {@link DenseProductBenchmark}'s
 * Aᵀr (the target: ≤ 1.5 × one dense Aᵀr).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class SeaBenchmark {
    @Param({"1", "1001"})
    public int iterations;

    private Problem problem;
    private Sea sea;

    @Setup
    public void setUp() {
        problem = ProblemGenerators.gaussian(250, 500, 25, AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO,
                0.5, Seeds.rng(2024));
        sea = Sea.standalone(Sea.Options.defaults().withMaxIterations(iterations).withResidualTolerance(0));
    }

    @Benchmark
    public SparseResult solve() {
        return sea.solve(problem);
    }

    /** Exploration statistics of the benchmarked run, printed once for the record. */
    public static void main(String[] args) {
        SeaBenchmark b = new SeaBenchmark();
        b.iterations = 1001;
        b.setUp();
        SparseResult r = b.solve();
        DenseMatrix a = b.problem.operator().toDense();
        System.out.printf("%dx%d k=%d: distinct supports %.0f, least-squares solves %.0f of %d iterations,"
                + " Gram columns %.0f%n", a.rows(), a.cols(), b.problem.sparsity(), r.diagnostic("distinctSupports"),
                r.diagnostic("leastSquaresSolves"), r.iterations(), r.diagnostic("gramColumns"));
    }
}
