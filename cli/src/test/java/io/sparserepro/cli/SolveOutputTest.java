package io.sparserepro.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.core.io.MatrixFiles;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.AmplitudeDistribution;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.problem.ProblemGenerators;
import io.sparserepro.core.random.Seeds;
import io.sparserepro.experiments.ExperimentRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, items 1, 2, 3 and 5 (CLI side): what {@code solve} reads, refuses and writes. */
class SolveOutputTest {
    @TempDir
    Path dir;
    Problem problem;
    Path a;
    Path y;

    @BeforeEach
    void writeProblem() {
        problem = ProblemGenerators.gaussian(20, 40, 3, AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO, 0,
                Seeds.rng(11));
        a = dir.resolve("A.csv");
        y = dir.resolve("y.csv");
        MatrixFiles.writeMatrix(a, (DenseMatrix) problem.operator());
        MatrixFiles.writeVector(y, problem.observations());
    }

    private CliTestSupport.Result solve(String... more) {
        return solve(CliTestSupport.context(), "omp", more);
    }

    private CliTestSupport.Result solve(CliContext context, String algorithm, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("solve", "--matrix", a.toString(), "--observations",
                y.toString(), "--sparsity", "3", "--algorithm", algorithm));
        args.addAll(List.of(more));
        return CliTestSupport.run(context, args.toArray(String[]::new));
    }

    private static void assertOneLineError(CliTestSupport.Result r, int code, String... fragments) {
        assertEquals(code, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' in: " + r.err());
        }
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    // ------------------------------------------------------------ item 1: headers and NaN rows

    @Test
    void skippedHeaderLinesAreSaidInOneLineEach() throws IOException {
        Files.writeString(a, "c0" + ",c".repeat(0) + java.util.stream.IntStream.range(1, 40)
                .mapToObj(j -> ",c" + j).collect(Collectors.joining()) + "\n" + Files.readString(a));
        Files.writeString(y, "y\n" + Files.readString(y));
        CliTestSupport.Result r = solve();
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().lines().filter(l -> l.contains("skipped as a header")).count(), r.out());
        assertTrue(r.out().contains("note: file " + a + ", line 1: skipped as a header"), r.out());
        assertTrue(r.out().contains("note: file " + y + ", line 1: skipped as a header (every field is a name): y"),
                r.out());
    }

    @Test
    void aFirstRowOfNanIsRejectedNotSkipped() throws IOException {
        // What numpy.savetxt writes for a missing first row; it used to become a header, and
        // with y's first entry also nan the solve ran on m − 1 rows and exited 0.
        Files.writeString(a, "nan" + ",nan".repeat(39) + "\n" + Files.readString(a));
        Files.writeString(y, "nan\n" + Files.readString(y));
        assertOneLineError(solve(), 2, "file " + a + ", line 1, column 1: 'nan' is not finite");
        MatrixFiles.writeMatrix(a, (DenseMatrix) problem.operator());
        assertOneLineError(solve(), 2, "file " + y + ", line 1, column 1: 'nan' is not finite");
    }

    // ------------------------------------------------------------ item 2: output is an input

    @Test
    void anOutputThatIsAnInputIsRefusedAndTheInputKept() throws IOException {
        String before = Files.readString(a);
        assertOneLineError(solve("--output", a.toString()), 2, "--output " + a, "is the --matrix file");
        assertOneLineError(solve("--output", dir.resolve("sub/../A.csv").toString().replace("sub/..", ".")), 2,
                "is the --matrix file");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), y);
        assertOneLineError(solve("--output", link.toString()), 2, "is the --observations file");
        assertEquals(before, Files.readString(a));
        // The support file written beside the estimate must not replace an input either.
        Path support = dir.resolve("x.support.csv");
        Files.copy(y, support);
        CliTestSupport.Result r = CliTestSupport.run("solve", "--matrix", a.toString(), "--observations",
                support.toString(), "--sparsity", "3", "--algorithm", "omp", "--output", dir.resolve("x.csv").toString());
        assertOneLineError(r, 2, "x.support.csv", "is the --observations file");
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    // ------------------------------------------------------------ item 3: unwritable folder, full disk

    @Test
    void anUnwritableOutputFolderIsRefusedBeforeSolving() throws IOException {
        // sysfs refuses new files even to root (EACCES), so this holds in a root container too.
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys) && !Files.isWritable(sys.resolve("x.csv")), "needs Linux sysfs");
        CliTestSupport.Result r = solve("--output", "/sys/x.csv");
        assertOneLineError(r, 2, "--output /sys/x.csv", "cannot write in folder /sys", "permission denied");
        assertEquals("", r.out(), "nothing solved or printed before the refusal");
    }

    @Test
    void aNonRootUserGetsTheSameForAReadOnlyFolder() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        assumeTrue(locked.toFile().setWritable(false, false));
        try {
            assumeTrue(!Files.isWritable(locked), "root writes anywhere");
            assertOneLineError(solve("--output", locked.resolve("x.csv").toString()), 2, "permission denied");
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    /**
     * A full disk for real, without root: a child JVM under {@code ulimit -f} (the file-size
     * limit; the JVM ignores SIGXFSZ, so write(2) fails with EFBIG as it would with ENOSPC).
     * Before the fix the estimate was left truncated at the limit.
     */
    @Test
    void aWriteThatFailsPartWayLeavesNoTruncatedEstimate() throws Exception {
        Problem big = ProblemGenerators.gaussian(30, 2000, 3, AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO, 0,
                Seeds.rng(3));
        Path bigA = dir.resolve("big.npy");
        Path bigY = dir.resolve("bigy.npy");
        MatrixFiles.writeMatrix(bigA, (DenseMatrix) big.operator());
        MatrixFiles.writeVector(bigY, big.observations());
        Path x = dir.resolve("x.csv"); // 2000 lines of at least 4 bytes: over the 2 KiB limit
        ChildJvm.Result r = ChildJvm.run(dir, "ulimit -f 2", List.of(), "solve", "--matrix", bigA.toString(),
                "--observations", bigY.toString(), "--sparsity", "3", "--algorithm", "omp", "--output", x.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("cannot write file " + x + ": File too large"), r.err());
        assertEquals(List.of("A.csv", "big.npy", "bigy.npy", "y.csv"), files(), "no partial estimate, no temporary");
    }

    // ------------------------------------------------------------ item 5: the support is the answer

    /** A 3-sparse answer whose middle coefficient is round-off, as a rank-deficient fit gives. */
    static final class NearZeroSolver implements SparseSolver {
        @Override
        public String name() {
            return "near-zero";
        }

        @Override
        public SparseResult solve(Problem p) {
            double[] x = new double[p.cols()];
            x[2] = 1.5;
            x[5] = 1e-16;
            x[7] = -2;
            return SparseResult.of(p.operator(), p.observations(), x, new int[] {7, 2, 5}, 4, true, null,
                    Map.of("rank deficiency", 1.0));
        }
    }

    private static CliContext withNearZeroSolver() {
        CliContext base = CliTestSupport.context();
        SolverRegistry solvers = base.solvers().with("near-zero", NearZeroSolver::new);
        ExperimentRegistry experiments = base.experiments();
        return new CliContext(solvers, experiments, base.phases(), base.figures(), false);
    }

    @Test
    void aNearZeroCoefficientIsKeptPrintedAsSuchAndWrittenInTheSupportFile() throws IOException {
        Path x = dir.resolve("x.npy");
        CliTestSupport.Result r = solve(withNearZeroSolver(), "near-zero", "--output", x.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("support (3 indices, 0-based): 2 5 7"), r.out());
        assertTrue(r.out().contains("  index 2: 1.50000"), r.out());
        assertTrue(r.out().contains("  index 5: 1.00000e-16 (near zero: kept, the solver chose this index)"), r.out());
        assertTrue(r.out().contains("  index 7: -2.00000"), r.out());
        assertTrue(r.out().contains("diagnostics: rank deficiency = 1"), r.out());
        Path support = dir.resolve("x.support.csv");
        assertTrue(r.out().contains("support written to " + support), r.out());
        assertEquals("index,coefficient\n2,1.5\n5,1.0E-16\n7,-2.0\n", Files.readString(support));
        double[] estimate = MatrixFiles.readVector(x);
        assertEquals(1e-16, estimate[5]);
    }

    @Test
    void theSupportFileHoldsExactlyTheSolversSupportForEverySolver() throws IOException {
        for (String algorithm : CliTestSupport.context().solvers().names()) {
            Path x = dir.resolve(algorithm + ".csv");
            CliTestSupport.Result r = algorithm.endsWith("-net")
                    ? solve(CliTestSupport.context(), algorithm, "--output", x.toString(), "--weights",
                            CliTestSupport.onesWeights(dir, algorithm, 40).toString())
                    : solve(CliTestSupport.context(), algorithm, "--output", x.toString());
            assertEquals(0, r.code(), algorithm + ": " + r.err());
            String printed = r.out().lines().filter(l -> l.startsWith("support (")).findFirst().orElseThrow();
            String[] written = Files.readAllLines(dir.resolve(algorithm + ".support.csv")).stream().skip(1)
                    .map(l -> l.substring(0, l.indexOf(','))).toArray(String[]::new);
            assertEquals(printed.substring(printed.indexOf(':') + 2), String.join(" ", written), algorithm);
            double[] estimate = MatrixFiles.readVector(x);
            java.util.Set<Integer> onSupport = java.util.Arrays.stream(written).map(Integer::valueOf)
                    .collect(Collectors.toSet());
            for (int j = 0; j < estimate.length; j++) {
                assertTrue(estimate[j] == 0 || onSupport.contains(j), algorithm + ": x[" + j + "] off the support");
            }
        }
    }

    @Test
    void aNormalSolveWritesEstimateAndSupportAndNothingElse() throws IOException {
        Path x = dir.resolve("x.csv");
        CliTestSupport.Result r = solve("--output", x.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("A.csv", "x.csv", "x.support.csv", "y.csv"), files());
        assertArrayEquals(problem.truth(), MatrixFiles.readVector(x), 1e-9);
    }
}
