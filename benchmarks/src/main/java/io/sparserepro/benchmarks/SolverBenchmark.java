package io.sparserepro.benchmarks;

import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.greedy.BatchOmp;
import io.sparserepro.algorithms.greedy.ExhaustiveLocalSearch;
import io.sparserepro.algorithms.greedy.Omp;
import io.sparserepro.algorithms.greedy.Ompr;
import io.sparserepro.algorithms.thresholding.Cosamp;
import io.sparserepro.algorithms.thresholding.Htp;
import io.sparserepro.algorithms.thresholding.Iht;
import io.sparserepro.algorithms.thresholding.SubspacePursuit;
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

/**
 * Solvers on 250×500 Gaussian matrices with unit-norm columns, single-threaded.
 * <ul>
 *   <li>{@code omp}: one OMP solve, k = 25, noiseless.</li>
 *   <li>{@code batchOmpPerSignal}: Batch-OMP on 64 signals of one prepared matrix (Gram
 *       formed once, outside the measurement); the score is per signal.</li>
 *   <li>{@code iterations}: solvers capped at T = 1 and T = 21 iterations on a noisy
 *       instance ({@link #hard}). Some stop by their own rule before 21; {@link #main} prints
 *       the iterations n_T actually run, and (t₂₁ − t₁)/(n₂₁ − n₁) is the cost of one iteration.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SolverBenchmark {
    static final int M = 250;
    static final int N = 500;

    static Problem easy() {
        return ProblemGenerators.gaussian(M, N, 25, AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO, 0.0,
                Seeds.rng(7));
    }

    /**
     * A noisy instance on which the solver iterates: k = 25 with ‖e‖ = 3 (about 0.4‖Ax*‖);
     * for OMPR and ELS, whose OMP start is already locally optimal there, k = 60 with ‖e‖ = 1.
     */
    static Problem hard(String solver) {
        boolean local = solver.equals("ompr") || solver.equals("els");
        return ProblemGenerators.gaussian(M, N, local ? 60 : 25, AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO,
                local ? 1.0 : 3.0, Seeds.rng(8));
    }

    @State(Scope.Thread)
    public static class OmpState {
        Problem problem;
        Omp omp;

        @Setup
        public void setUp() {
            problem = easy();
            omp = new Omp();
        }
    }

    @Benchmark
    public SparseResult omp(OmpState state) {
        return state.omp.solve(state.problem);
    }

    @State(Scope.Thread)
    public static class BatchState {
        static final int SIGNALS = 64;
        BatchOmp batchOmp;
        BatchOmp.Prepared prepared;
        double[][] signals;

        @Setup
        public void setUp() {
            batchOmp = new BatchOmp();
            Problem first = easy();
            prepared = batchOmp.prepare(first.operator().toDense());
            signals = new double[SIGNALS][];
            for (int i = 0; i < SIGNALS; i++) {
                Problem p = ProblemGenerators.onMatrix(first.operator().toDense(), 25,
                        AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO, 0.0, Seeds.rng(100 + i));
                signals[i] = p.observations();
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BatchState.SIGNALS)
    public SparseResult[] batchOmpPerSignal(BatchState state) {
        return state.batchOmp.solveAll(state.prepared, state.signals, 25);
    }

    @State(Scope.Thread)
    public static class IterationState {
        @Param({"iht", "htp", "cosamp", "sp", "ompr", "els"})
        public String solver;

        @Param({"1", "21"})
        public int iterations;

        Problem problem;
        SparseSolver capped;

        @Setup
        public void setUp() {
            problem = hard(solver);
            capped = capped(solver, iterations, problem.sparsity());
        }
    }

    /** The solver with its iteration cap set to {@code t}, tolerance-based early stops off where an option allows. */
    static SparseSolver capped(String name, int t, int k) {
        return switch (name) {
            case "iht" -> new Iht(Iht.Options.defaults().withMaxIterations(t).withIterateTolerance(0));
            case "htp" -> new Htp(Htp.Options.defaults().withMaxIterations(t));
            case "cosamp" -> new Cosamp(Cosamp.Options.defaults().withMaxIterations(t).withResidualTolerance(0).withStagnationTolerance(0));
            case "sp" -> new SubspacePursuit(SubspacePursuit.Options.defaults().withMaxIterations(t).withResidualTolerance(0).withStagnationTolerance(0));
            // OMPR's first k iterations grow the support like OMP: cap after them.
            case "ompr" -> new Ompr(Ompr.Options.defaults().withMaxIterations(k + t));
            case "els" -> new ExhaustiveLocalSearch(ExhaustiveLocalSearch.Options.defaults().withMaxIterations(t));
            default -> throw new IllegalArgumentException("no capped variant for " + name);
        };
    }

    @Benchmark
    public SparseResult iterations(IterationState state) {
        return state.capped.solve(state.problem);
    }

    /** Prints the iterations each capped solver really ran on the benchmark instance. */
    public static void main(String[] args) {
        for (String name : new String[] {"iht", "htp", "cosamp", "sp", "ompr", "els"}) {
            Problem p = hard(name);
            SparseResult one = capped(name, 1, p.sparsity()).solve(p);
            SparseResult many = capped(name, 21, p.sparsity()).solve(p);
            System.out.printf("%-7s k=%d: T=1 ran %d, T=21 ran %d iterations (converged: %b)%n", name,
                    p.sparsity(), one.iterations(), many.iterations(), many.converged());
        }
    }
}
