package io.sparserepro.benchmarks;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.sea.Sea;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One solve at the points of the paper-scale Fig. 2 where the phase transition spends its time
 * (issue 13): n = 500, Gaussian, unit-norm columns, noiseless, amplitudes ±[1, 2], at
 * (m, k) = (250, 25), (250, 60), (250, 80) and (400, 150). Each invocation solves all
 * {@link #INSTANCES} fixed instances (seeds 1…8), and the score is the mean time per solve: SEA₀
 * stops early where it recovers (round-off residual) and runs all T = 1000 iterations where it
 * fails (k = 80 at m = 250), and ℓ1's path length depends on the instance.
 *
 * <p>{@code main} prints, per size and solver, how many of the instances each solver recovers
 * and SEA's least-squares statistics, so the timing can be read against what was computed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class PhaseTransitionBenchmark {
    static final int N = 500;
    static final int INSTANCES = 8;

    /** m:k. */
    @Param({"250:25", "250:60", "250:80", "400:150"})
    public String size;

    /** {@code sea-0} (T = 1000, default options) or a registry name ({@code l1}, {@code l1-fista}). */
    @Param({"sea-0", "l1", "l1-fista"})
    public String solverName;

    private Problem[] problems;
    private SparseSolver solver;

    @Setup
    public void setUp() {
        String[] parts = size.split(":");
        int m = Integer.parseInt(parts[0]);
        int k = Integer.parseInt(parts[1]);
        problems = new Problem[INSTANCES];
        for (int i = 0; i < INSTANCES; i++) {
            problems[i] = ProblemGenerators.gaussian(m, N, k, AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO,
                    0.0, Seeds.rng(i + 1));
        }
        solver = solverName.equals("sea-0")
                ? Sea.standalone(Sea.Options.defaults().withMaxIterations(1000))
                : SolverRegistry.defaults().create(solverName);
    }

    Problem[] problems() {
        return problems.clone();
    }

    /** All {@link #INSTANCES} instances per invocation, so every measurement covers the same set. */
    @Benchmark
    @OperationsPerInvocation(INSTANCES)
    public void solve(Blackhole sink) {
        for (Problem p : problems) {
            sink.consume(solver.solve(p));
        }
    }

    /**
     * Per size and solver: recovered instances (exact support), the mean over the instances of
     * the fastest of {@code REPS} solves (the minimum is robust to other processes on a shared
     * machine, where JMH's mean is not), and SEA's least-squares statistics. Arguments: solver
     * names (default sea-0, l1, l1-fista); system property {@code reps} (default 5).
     */
    public static void main(String[] args) {
        String[] sizes = {"250:25", "250:60", "250:80", "400:150"};
        String[] solvers = args.length > 0 ? args : new String[] {"sea-0", "l1", "l1-fista"};
        int reps = Integer.getInteger("reps", 5);
        for (String name : solvers) {
            for (int round = 0; round < 2; round++) { // round 0 warms the JIT up and is not printed
                for (String s : sizes) {
                    PhaseTransitionBenchmark b = new PhaseTransitionBenchmark();
                    b.size = s;
                    b.solverName = name;
                    b.setUp();
                    int recovered = 0;
                    double total = 0;
                    StringBuilder details = new StringBuilder();
                    for (Problem p : b.problems) {
                        long best = Long.MAX_VALUE;
                        SparseResult r = null;
                        for (int rep = 0; rep < (round == 0 ? 1 : reps); rep++) {
                            long start = System.nanoTime();
                            r = b.solver.solve(p);
                            best = Math.min(best, System.nanoTime() - start);
                        }
                        total += best;
                        if (java.util.Arrays.equals(p.trueSupport(), r.support())) {
                            recovered++;
                        }
                        details.append(' ').append(r.iterations());
                        if (name.equals("sea-0")) {
                            details.append(String.format("(refactor %.0f, update %.0f, qr %.0f)",
                                    r.diagnostic("refactorizations"), r.diagnostic("factorUpdates"),
                                    r.diagnostic("qrSolves")));
                        }
                    }
                    if (round == 1) {
                        System.out.printf("%-7s %-8s recovered %d/%d, %.2f ms/solve (mean of min of %d); iterations%s%n",
                                s, name, recovered, INSTANCES, total / INSTANCES / 1e6, reps, details);
                    }
                }
            }
        }
    }
}
