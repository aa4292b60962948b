package io.sparserepro.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.io.MatrixFiles;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.AmplitudeDistribution;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.problem.ProblemGenerators;
import io.sparserepro.core.random.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolveCommandTest {
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
        y = dir.resolve("y.npy");
        MatrixFiles.writeMatrix(a, (DenseMatrix) problem.operator());
        MatrixFiles.writeVector(y, problem.observations());
    }

    private String support() {
        return Arrays.stream(problem.trueSupport()).mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }

    @Test
    void solvesAndWritesTheEstimate() {
        Path x = dir.resolve("x.csv");
        CliTestSupport.Result r = CliTestSupport.run("solve", "--matrix", a.toString(), "--observations", y.toString(),
                "--sparsity", "3", "--algorithm", "sea-0", "--output", x.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("support (3 indices, 0-based): " + support()), r.out());
        assertTrue(r.out().contains("residual norm: ") && r.out().contains("iterations: ") && r.out().contains("time: "));
        double[] estimate = MatrixFiles.readVector(x);
        assertArrayEquals(problem.truth(), estimate, 1e-9);
    }

    /**
     * {@code --option NAME=VALUE} for every option of every registered algorithm reaches the
     * solver: the configuration {@code solve} prints (the one run.json records) is that of the
     * registry's variant with the same option, and differs from the default's.
     */
    @Test
    void everyOptionOfEveryAlgorithmCanBeSetFromTheCommandLine() throws Exception {
        var registry = io.sparserepro.algorithms.SolverRegistry.defaults();
        int checked = 0;
        for (String name : registry.names()) {
            String defaults = registry.create(name).configuration();
            // OMP-Net/IHT-Net read a weights file: every other option is set beside a valid one
            // (the weights option itself, a path, is TrainCommandTest's).
            String file = name.endsWith("-net") ? CliTestSupport.onesWeights(dir, name, 40).toString() : null;
            for (var option : registry.options(name)) {
                if (file != null && option.name().equals("weights")) {
                    continue;
                }
                String text = changed(option.defaultValue(), option.type());
                String setting = option.name() + "=" + text;
                var variant = io.sparserepro.algorithms.SolverVariant.of(name)
                        .withOption(option.name(), registry.parseOption(name, option.name(), text));
                if (file != null) {
                    variant = variant.withOption("weights", file);
                    defaults = registry.create(io.sparserepro.algorithms.SolverVariant.of(name)
                            .withOption("weights", file)).configuration();
                }
                String expected;
                try {
                    expected = registry.create(variant).configuration();
                } catch (IllegalArgumentException outOfRange) {
                    CliTestSupport.Result r = CliTestSupport.run("solve", "--matrix", a.toString(), "--observations",
                            y.toString(), "--sparsity", "3", "--algorithm", name, "--option", setting);
                    assertEquals(2, r.code(), setting + ": " + r.out());
                    assertTrue(r.err().contains("valid options: "), r.err());
                    continue;
                }
                CliTestSupport.Result r = file == null
                        ? CliTestSupport.run("solve", "--matrix", a.toString(), "--observations", y.toString(),
                                "--sparsity", "3", "--algorithm", name, "--option", setting)
                        : CliTestSupport.run("solve", "--matrix", a.toString(), "--observations", y.toString(),
                                "--sparsity", "3", "--algorithm", name, "--option", setting, "--weights", file);
                assertEquals(0, r.code(), name + " " + setting + ": " + r.err());
                assertTrue(r.out().contains("configuration: " + expected + "\n"), r.out());
                assertFalse(expected.equals(defaults), name + " " + setting);
                checked++;
            }
        }
        assertTrue(checked > 40, "options checked: " + checked);
        CliTestSupport.Result inner = CliTestSupport.run("solve", "--matrix", a.toString(), "--observations",
                y.toString(), "--sparsity", "3", "--algorithm", "sea-omp", "--option", "maxIterations=5",
                "--option", "inner.maxIterations=2");
        assertEquals(0, inner.code(), inner.err());
        assertTrue(inner.out().contains("maxIterations=5") && inner.out().contains("maxIterations=2"), inner.out());
        CliTestSupport.Result typo = CliTestSupport.run("solve", "--matrix", a.toString(), "--observations",
                y.toString(), "--sparsity", "3", "--algorithm", "sea-omp", "--option", "maxIteration=5");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("unknown option 'maxIteration'; valid options: "), typo.err());
        CliTestSupport.Result noValue = CliTestSupport.run("solve", "--matrix", a.toString(), "--observations",
                y.toString(), "--sparsity", "3", "--algorithm", "omp", "--option", "maxIterations");
        assertTrue(noValue.code() == 2 && noValue.err().contains("NAME=VALUE"), noValue.err());
    }

    private static String changed(com.fasterxml.jackson.databind.JsonNode current, String type) {
        switch (type) {
            case "int":
            case "long":
                long v = current.longValue();
                return Long.toString(v >= Integer.MAX_VALUE ? v - 1 : v + 1);
            case "double":
                return Double.toString(current.doubleValue() == 0 ? 0.5 : current.doubleValue() / 2);
            case "boolean":
                return Boolean.toString(!current.booleanValue());
            default:
                for (String constant : type.split("\\|")) {
                    if (!constant.equalsIgnoreCase(current.textValue())) {
                        return constant;
                    }
                }
                throw new AssertionError(type);
        }
    }

    @Test
    void readsALibsvmFileAsSamplesTimesFeaturesWithLabels() throws IOException {
        // Labels = 2·feature 2 − feature 5 exactly; every feature appears at least once.
        StringBuilder text = new StringBuilder("# label feature:value ...\n");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int i = 0; i < 30; i++) {
            double[] f = new double[6];
            for (int j = 0; j < 6; j++) {
                f[j] = Math.round((rng.nextDouble() - 0.5) * 1000) / 100.0 + (j + 1) * (i == j ? 1 : 0);
            }
            text.append(2 * f[1] - f[4]);
            for (int j = 0; j < 6; j++) {
                text.append(' ').append(j + 1).append(':').append(f[j]);
            }
            text.append('\n');
        }
        Path file = dir.resolve("data.libsvm");
        Files.writeString(file, text);
        CliTestSupport.Result r = CliTestSupport.run("solve", "--libsvm", file.toString(), "--sparsity", "2",
                "--algorithm", "omp", "--normalize");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("support (2 indices, 0-based): 1 4"), r.out());
        assertTrue(r.out().contains("LIBSVM features: 2 5"), r.out());
        CliTestSupport.Result both = CliTestSupport.run("solve", "--libsvm", file.toString(), "--matrix", a.toString(),
                "--sparsity", "2", "--algorithm", "omp");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--libsvm replaces --matrix and --observations"), both.err());
        CliTestSupport.Result neither = CliTestSupport.run("solve", "--sparsity", "2", "--algorithm", "omp");
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("--matrix and --observations are required"), neither.err());
    }

    @Test
    void libsvmFeaturesThatNeverOccurAreLeftOutAndTheSupportMapsBack() throws IOException {
        // Features 3 and 4 never occur; y = feature 5 − 2·feature 1.
        StringBuilder text = new StringBuilder();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < 12; i++) {
            double f1 = rng.nextInt(1, 100) / 10.0;
            double f2 = rng.nextInt(1, 100) / 10.0;
            double f5 = rng.nextInt(1, 100) / 10.0;
            text.append(f5 - 2 * f1).append(" 1:").append(f1).append(" 2:").append(f2).append(" 5:").append(f5).append('\n');
        }
        Path file = dir.resolve("gaps.libsvm");
        Files.writeString(file, text);
        Path x = dir.resolve("x.csv");
        CliTestSupport.Result r = CliTestSupport.run("solve", "--libsvm", file.toString(), "--sparsity", "2",
                "--algorithm", "omp", "--output", x.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 of 5 features never occur"), r.out());
        assertTrue(r.out().contains("support (2 indices, 0-based): 0 4") && r.out().contains("LIBSVM features: 1 5"), r.out());
        assertArrayEquals(new double[] {-2, 0, 0, 0, 1}, MatrixFiles.readVector(x), 1e-9);
    }

    @Test
    void pathProblemsAreUsageErrorsFoundBeforeSolving() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder.csv"));
        CliTestSupport.Result r = CliTestSupport.run("solve", "--matrix", a.toString(), "--observations", y.toString(),
                "--sparsity", "3", "--algorithm", "omp", "--output", folder.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is a directory"), r.err());
        r = CliTestSupport.run("solve", "--matrix", a.toString(), "--observations", y.toString(),
                "--sparsity", "3", "--algorithm", "omp", "--output", dir.resolve("missing/x.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("does not exist"), r.err());
        r = CliTestSupport.run("solve", "--matrix", folder.toString(), "--observations", y.toString(),
                "--sparsity", "3", "--algorithm", "omp");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is a directory, not a file"), r.err());
        DenseMatrix zeroColumns = ((DenseMatrix) problem.operator()).copy();
        for (int i = 0; i < 20; i++) {
            zeroColumns.set(i, 7, 0);
            zeroColumns.set(i, 9, 0);
        }
        Path z = dir.resolve("Z.csv");
        MatrixFiles.writeMatrix(z, zeroColumns);
        r = CliTestSupport.run("solve", "--matrix", z.toString(), "--observations", y.toString(),
                "--sparsity", "3", "--algorithm", "omp");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("2 all-zero columns (0-based): 7 9"), r.err());
    }

    @Test
    void normalizeSolvesOnUnitColumnsAndRescalesTheEstimate() {
        // A = A0 D with column scales d_j: y = A0 x* = A (D^-1 x*), so the estimate is x*_j / d_j.
        DenseMatrix a0 = (DenseMatrix) problem.operator();
        DenseMatrix scaled = a0.copy();
        double[] d = new double[a0.cols()];
        for (int j = 0; j < d.length; j++) {
            d[j] = 0.5 + j;
            for (int i = 0; i < a0.rows(); i++) {
                scaled.set(i, j, a0.get(i, j) * d[j]);
            }
        }
        Path as = dir.resolve("As.npy");
        MatrixFiles.writeMatrix(as, scaled);
        Path x = dir.resolve("x.npy");
        CliTestSupport.Result r = CliTestSupport.run("solve", "--matrix", as.toString(), "--observations",
                y.toString(), "--sparsity", "3", "--algorithm", "sea-0", "--normalize", "--output", x.toString());
        assertEquals(0, r.code(), r.err());
        double[] expected = problem.truth().clone();
        for (int j = 0; j < d.length; j++) {
            expected[j] /= d[j];
        }
        assertArrayEquals(expected, MatrixFiles.readVector(x), 1e-9);
        assertTrue(r.out().contains("normalized"));
    }

    private static void assertUsageError(CliTestSupport.Result r, String... fragments) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' in: " + r.err());
        }
    }

    @Test
    void unknownAlgorithmListsTheKnownOnes() {
        assertUsageError(CliTestSupport.run("solve", "--matrix", a.toString(), "--observations", y.toString(),
                "--sparsity", "3", "--algorithm", "omp-typo"), "unknown algorithm 'omp-typo'", "sea-0", "thresh");
    }

    @Test
    void missingFileIsNamed() {
        assertUsageError(CliTestSupport.run("solve", "--matrix", dir.resolve("none.csv").toString(), "--observations",
                y.toString(), "--sparsity", "3", "--algorithm", "sea-0"), "--matrix file not found", "none.csv");
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        Path shortY = dir.resolve("short.csv");
        MatrixFiles.writeVector(shortY, Arrays.copyOf(problem.observations(), 19));
        assertUsageError(CliTestSupport.run("solve", "--matrix", a.toString(), "--observations", shortY.toString(),
                "--sparsity", "3", "--algorithm", "sea-0"), "19 entries", "20×40");
    }

    @Test
    void sparsityOutOfRangeGivesTheRange() {
        for (String k : new String[] {"0", "21", "-1"}) {
            assertUsageError(CliTestSupport.run("solve", "--matrix", a.toString(), "--observations", y.toString(),
                    "--sparsity", k, "--algorithm", "sea-0"), "--sparsity must be in [1, min(m, n) = 20]", k);
        }
        assertUsageError(CliTestSupport.run("solve", "--matrix", a.toString(), "--observations", y.toString(),
                "--sparsity", "three", "--algorithm", "sea-0"), "--sparsity", "three");
    }

    @Test
    void unparsableNumberGivesItsLine() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2\n3,4\n5,oops\n");
        assertUsageError(CliTestSupport.run("solve", "--matrix", bad.toString(), "--observations", y.toString(),
                "--sparsity", "1", "--algorithm", "sea-0"), "line 3", "oops");
    }

    @Test
    void missingOptionAndBadExtensionAreUsageErrors() {
        assertUsageError(CliTestSupport.run("solve", "--matrix", a.toString(), "--sparsity", "3", "--algorithm",
                "sea-0"), "--observations");
        assertUsageError(CliTestSupport.run("solve", "--matrix", a.toString(), "--observations", y.toString(),
                "--sparsity", "3", "--algorithm", "sea-0", "--output", dir.resolve("x.txt").toString()), ".txt");
        assertUsageError(CliTestSupport.run("solve", "--matrix", a.toString(), "--observations", y.toString(),
                "--sparsity", "3", "--algorithm", "sea-0", "--bogus"), "--bogus");
    }
}
