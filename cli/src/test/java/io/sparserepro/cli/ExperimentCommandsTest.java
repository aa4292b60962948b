package io.sparserepro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.experiments.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentCommandsTest {

    static Path folder(Path root, int runs) {
        return root.resolve("tiny").resolve(CliTestSupport.tiny(runs).hash());
    }

    static void assertSameResults(Path expected, Path actual) {
        for (String f : List.of("trials.csv", "summary.csv")) {
            assertEquals(TestFiles.withoutTiming(expected.resolve(f)), TestFiles.withoutTiming(actual.resolve(f)), f);
        }
    }

    @Test
    void runWritesResultsAndARerunReusesThem(@TempDir Path dir) {
        CliTestSupport.Result r = CliTestSupport.run("run", "tiny", "--quick", "--threads", "2", "--results",
                dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("20 trials in scope, 0 reused, 20 computed"), r.out());
        assertTrue(Files.exists(folder(dir, 5).resolve("summary.csv")));
        r = CliTestSupport.run("run", "tiny", "--quick", "--results", dir.toString());
        assertTrue(r.out().contains("20 reused, 0 computed"), r.out());
        // --full (the default) is another declaration
        r = CliTestSupport.run("run", "tiny", "--results", dir.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(folder(dir, 9).resolve("trials.csv")));
    }

    @Test
    void shardsRunInProcessMergeToTheSingleRun(@TempDir Path dir) {
        Path single = dir.resolve("single");
        Path sharded = dir.resolve("sharded");
        assertEquals(0, CliTestSupport.run("run", "tiny", "--quick", "--threads", "1", "--results",
                single.toString()).code());
        for (int i = 1; i <= 3; i++) {
            CliTestSupport.Result r = CliTestSupport.run("run", "tiny", "--quick", "--shard", i + "/3", "--results",
                    sharded.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("shard-" + i + "-of-3.json") && r.out().contains("sparse-repro merge tiny"),
                    r.out());
        }
        CliTestSupport.Result merged = CliTestSupport.run("merge", "tiny", "--quick", "--results", sharded.toString());
        assertEquals(0, merged.code(), merged.err());
        assertSameResults(folder(single, 5), folder(sharded, 5));
    }

    @Test
    void twoRealProcessesRunTheShardsInParallel(@TempDir Path dir) throws Exception {
        Path single = dir.resolve("single");
        assertEquals(0, CliTestSupport.run("run", "tiny", "--quick", "--threads", "1", "--results",
                single.toString()).code());
        Path sharded = dir.resolve("sharded");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            ProcessBuilder pb = new ProcessBuilder(java, "--add-modules=jdk.incubator.vector", "-cp", classpath,
                    TestMain.class.getName(), "run", "tiny", "--quick", "--threads", "1", "--shard", i + "/2",
                    "--results", sharded.toString());
            pb.redirectOutput(dir.resolve("out-" + i + ".txt").toFile());
            pb.redirectError(dir.resolve("err-" + i + ".txt").toFile());
            processes.add(pb.start());
        }
        for (int i = 0; i < 2; i++) {
            Process p = processes.get(i);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "shard process " + (i + 1) + " timed out");
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err-" + (i + 1) + ".txt")));
        }
        CliTestSupport.Result merged = CliTestSupport.run("merge", "tiny", "--quick", "--results", sharded.toString());
        assertEquals(0, merged.code(), merged.err());
        assertSameResults(folder(single, 5), folder(sharded, 5));
    }

    @Test
    void anIncompleteMergeNamesTheMissingShards(@TempDir Path dir) {
        CliTestSupport.run("run", "tiny", "--quick", "--shard", "1/2", "--results", dir.toString());
        CliTestSupport.Result r = CliTestSupport.run("merge", "tiny", "--quick", "--results", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("10 of 20 trials are missing") && r.err().contains("run the missing shards"), r.err());
        assertEquals(1, r.err().lines().count());
        r = CliTestSupport.run("merge", "tiny", "--full", "--results", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("trials are missing"), r.err());
    }

    private static void assertUsageError(CliTestSupport.Result r, String... fragments) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' in: " + r.err());
        }
    }

    @Test
    void runUsageErrors(@TempDir Path dir) {
        String results = dir.toString();
        assertUsageError(CliTestSupport.run("run", "nope", "--results", results), "unknown experiment 'nope'", "demo",
                "tiny");
        assertUsageError(CliTestSupport.run("run", "tiny", "--shard", "3/2", "--results", results), "--shard", "3/2");
        assertUsageError(CliTestSupport.run("run", "tiny", "--shard", "x", "--results", results), "--shard");
        assertUsageError(CliTestSupport.run("run", "tiny", "--threads", "0", "--results", results), "--threads", "0");
        assertUsageError(CliTestSupport.run("run", "tiny", "--threads", "two", "--results", results), "--threads");
        assertUsageError(CliTestSupport.run("run", "tiny", "--quick", "--full", "--results", results), "mutually exclusive");
        assertUsageError(CliTestSupport.run("run", "--results", results), "EXPERIMENT");
        assertUsageError(CliTestSupport.run("run", "tiny", "--algorithms", "sea-0,nope", "--results", results),
                "unknown algorithm 'nope'");
        assertUsageError(CliTestSupport.run("bogus"), "bogus");
        assertUsageError(CliTestSupport.run(), "a command is required");
        assertUsageError(CliTestSupport.run("list", "things"), "algorithms, experiments, figures, generators");
    }

    @Test
    void listAndHelp() {
        CliTestSupport.Result r = CliTestSupport.run("list");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("algorithms:\n  omp\n") && r.out().contains("\n  sea-0\n")
                && r.out().contains("\n  sea-omp  (SEA after omp; any solver as 'inner')\n")
                && r.out().contains("\n  thresh\n"), r.out());
        assertTrue(r.out().contains("  demo ") && r.out().contains("  tiny "), r.out());
        r = CliTestSupport.run("list", "figures");
        assertTrue(r.out().startsWith("figures:\n  sea-fig2 ") && r.out().contains("\n  sea-fig1-left "), r.out());
        r = CliTestSupport.run("list", "algorithms");
        StringBuilder expected = new StringBuilder("algorithms:\n");
        io.sparserepro.algorithms.SolverRegistry registry = io.sparserepro.algorithms.SolverRegistry.defaults();
        for (String name : registry.names()) {
            String inner = registry.defaultInner(name);
            expected.append("  ").append(name).append(inner == null ? "" : "  (SEA after " + inner
                    + "; any solver as 'inner')").append('\n');
        }
        assertEquals(expected.append("  thresh\n").toString(), r.out());
        r = CliTestSupport.run("list", "algorithms", "--options");
        assertTrue(r.out().contains("      maxIterations ") && r.out().contains(" int "), r.out());
        assertTrue(CliTestSupport.run("list", "metrics").out().contains("exactRecovery"));
        assertTrue(CliTestSupport.run("list", "generators").out().contains("deconvolution"));
        for (String command : List.of("solve", "run", "merge", "list")) {
            r = CliTestSupport.run(command, "--help");
            assertEquals(0, r.code(), command);
            assertTrue(r.out().startsWith("Usage: sparse-repro " + command), r.out());
        }
        assertEquals(0, CliTestSupport.run("--help").code());
        assertTrue(CliTestSupport.run("--version").out().startsWith("sparse-repro "));
    }

    @Test
    void aPrintedDeclarationRunsFromItsFileAndEditsMakeANewFolder(@TempDir Path dir) throws IOException {
        CliTestSupport.Result printed = CliTestSupport.run("run", "tiny", "--quick", "--print-spec");
        assertEquals(0, printed.code(), printed.err());
        Path spec = dir.resolve("tiny.json");
        Files.writeString(spec, printed.out());
        String results = dir.resolve("results").toString();
        CliTestSupport.Result fromName = CliTestSupport.run("run", "tiny", "--quick", "--results", results);
        CliTestSupport.Result fromFile = CliTestSupport.run("run", "--spec", spec.toString(), "--results", results);
        assertEquals(0, fromFile.code(), fromFile.err());
        // The same declaration, so the same folder: everything is reused.
        assertTrue(fromFile.out().contains(" 0 computed"), fromFile.out());
        Path edited = dir.resolve("edited.json");
        Files.writeString(edited, printed.out().replaceFirst("\"runs\" : \\d+", "\"runs\" : 2"));
        CliTestSupport.Result run = CliTestSupport.run("run", "--spec", edited.toString(), "--results", results);
        assertEquals(0, run.code(), run.err());
        // A new declaration (its own folder) whose trials are all in the store already: nothing is recomputed.
        assertTrue(run.out().contains(" 0 computed") && fromName.code() == 0, run.out());
        try (var folders = Files.list(dir.resolve("results").resolve("tiny"))) {
            assertEquals(2, folders.count());
        }
        assertUsageError(CliTestSupport.run("run", "tiny", "--spec", spec.toString()), "--spec replaces EXPERIMENT");
        assertUsageError(CliTestSupport.run("run", "--results", results), "name an EXPERIMENT");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"name\": \"x\",\n  \"runs\": }");
        assertUsageError(CliTestSupport.run("run", "--spec", broken.toString()), "not valid JSON (line 2");
    }
}
