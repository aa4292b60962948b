package io.sparserepro.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparserepro.algorithms.SolverVariant;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {
    static final ExperimentSpec SPEC = ExperimentSpecTest.small().build();
    static final ExperimentRunner RUNNER = new ExperimentRunner(TestSolvers.registry());

    /** The results folder of a clean, single-threaded reference run shared by the comparisons. */
    static Path referenceRoot;

    @BeforeAll
    static void referenceRun(@TempDir Path dir) {
        RUNNER.run(SPEC, options(dir).withThreads(1));
        referenceRoot = dir;
    }

    static RunOptions options(Path root) {
        return RunOptions.in(root).withBatchUnits(3);
    }

    static Path declarationFolder(Path root) {
        return root.resolve("small").resolve(SPEC.hash());
    }

    static void assertSameAsReference(Path root) {
        for (String file : List.of("trials.csv", "summary.csv")) {
            assertEquals(TestFiles.withoutTiming(declarationFolder(referenceRoot).resolve(file)),
                    TestFiles.withoutTiming(declarationFolder(root).resolve(file)), file);
        }
    }

    /** Every checkpoint file of the store under {@code root}, sorted. */
    static List<Path> journals(Path root) {
        try (Stream<Path> files = Files.walk(root.resolve(TrialStore.FOLDER))) {
            return files.filter(p -> p.getFileName().toString().matches("journal\\.csv|shard-\\d+-of-\\d+\\.csv"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void writesTheFilesWithTheDocumentedColumns() throws IOException {
        Path folder = declarationFolder(referenceRoot);
        List<String> trials = Files.readAllLines(folder.resolve("trials.csv"));
        assertEquals(SPEC.trialCount() + 1, trials.size());
        List<String> header = List.of(trials.get(0).split(",", -1));
        assertEquals(List.of("gridPoint", "n", "noise", "zeta", "k", "run", "solver", "seed", "success", "exactRecovery",
                "supportDistance", "relativeError", "residualNorm", "iterations"), header.subList(0, 14));
        assertEquals("time_s", header.get(header.size() - 1));
        assertTrue(header.subList(14, header.size() - 1).stream().allMatch(h -> h.startsWith("diag.")), header.toString());
        int spread = header.indexOf("diag.spread");
        int best = header.indexOf("diag.bestIteration");
        // paired trials: both solvers of a unit share the seed; thresh reports no SEA diagnostics
        String[] first = trials.get(1).split(",", -1);
        String[] second = trials.get(2).split(",", -1);
        assertEquals("thresh", first[6]);
        assertEquals("sea-0", second[6]);
        assertEquals(first[7], second[7]);
        assertEquals("", first[best]);
        assertFalse(second[best].isEmpty());
        assertTrue(first[spread].length() > 0 && second[spread].isEmpty()); // spread: thresh only

        List<String> summary = Files.readAllLines(folder.resolve("summary.csv"));
        assertEquals(3 * 2 + 1, summary.size());
        assertTrue(summary.get(0).startsWith("gridPoint,n,noise,zeta,k,solver,trials,success_rate,success_low95,"
                + "success_high95,exactRecovery_rate,exactRecovery_low95,exactRecovery_high95,supportDistance_mean,"
                + "supportDistance_std"), summary.get(0));
        assertTrue(summary.get(0).endsWith(",time_s_mean,time_s_std"));
        // Wilson interval of the first cell, recomputed from trials.csv
        int successes = 0;
        for (int i = 1; i < trials.size(); i++) {
            String[] f = trials.get(i).split(",", -1);
            if (f[0].equals("0") && f[6].equals("thresh") && f[8].equals("1")) {
                successes++;
            }
        }
        ConfidenceInterval ci = Summaries.wilson(SPEC.runs(), successes);
        String[] cell = summary.get(1).split(",", -1);
        assertEquals("thresh", cell[5]);
        assertEquals(String.valueOf(SPEC.runs()), cell[6]);
        assertEquals(ParameterValues.format((double) successes / SPEC.runs()), cell[7]);
        assertEquals(ParameterValues.format(successes == 0 ? 0 : Math.max(0, ci.getLowerBound())), cell[8]);
        assertEquals(ParameterValues.format(successes == SPEC.runs() ? 1 : Math.min(1, ci.getUpperBound())), cell[9]);
        for (int i = 1; i < summary.size(); i++) {
            String[] row = summary.get(i).split(",", -1);
            if (row[7].equals("0")) {
                assertEquals("0", row[8], summary.get(i));
            }
            if (row[7].equals("1")) {
                assertEquals("1", row[9], summary.get(i));
            }
        }
        // The typed reader gives back the same numbers.
        List<ResultTables.Trial> typed = ResultTables.readTrials(folder.resolve("trials.csv"));
        assertEquals(SPEC.trialCount(), typed.size());
        assertEquals(4.0, typed.get(SPEC.runs() * 2).parameter("k"));
        assertTrue(typed.get(1).diagnostics().containsKey("bestIteration"));
        List<ResultTables.Summary> cells = ResultTables.readSummary(folder.resolve("summary.csv"));
        assertEquals((double) successes / SPEC.runs(), cells.get(0).value("success_rate"));

        JsonNode run = ResultFiles.JSON.readTree(folder.resolve("run.json").toFile());
        assertEquals("complete", run.get("status").asText());
        assertEquals(SPEC.canonicalJson().toString(), run.get("declaration").toString());
        assertEquals(SPEC.trialCount(), run.get("trials").get("computed").asInt());
        assertFalse(run.get("code").get("version").asText().isEmpty());
        assertTrue(run.get("code").get("gitCommit").asText().matches("unknown|[0-9a-f]{40,64}"));
        assertEquals(1.0, run.get("solvers").get("sea-0").get("options").get("stepFactor").asDouble());
        assertTrue(run.get("solvers").get("sea-0").get("configuration").asText().startsWith("sea-0 Options["));
        assertTrue(run.get("seedRule").asText().startsWith("instance-key"));
    }

    @Test
    void resultsDoNotDependOnTheThreadCount(@TempDir Path dir) {
        RunOutcome outcome = RUNNER.run(SPEC, options(dir).withThreads(4));
        assertEquals(SPEC.trialCount(), outcome.computed());
        assertSameAsReference(dir);
    }

    @Test
    void aRunStoppedBetweenBatchesResumesWithOnlyTheMissingTrials(@TempDir Path dir) throws IOException {
        ProgressListener killer = new ProgressListener() {
            @Override
            public void batchWritten(int batch, int rows) {
                if (batch == 2) {
                    throw new IllegalStateException("simulated kill");
                }
            }
        };
        assertThrows(IllegalStateException.class,
                () -> RUNNER.run(SPEC, options(dir).withThreads(2).withListener(killer)));
        assertFalse(Files.exists(declarationFolder(dir).resolve("trials.csv")));
        JsonNode record = ResultFiles.JSON.readTree(declarationFolder(dir).resolve("run.json").toFile());
        assertEquals("interrupted", record.get("status").asText());
        RunOutcome resumed = RUNNER.run(SPEC, options(dir).withThreads(2));
        assertTrue(resumed.reused() >= 2 * 3 * SPEC.solvers().size(), "reused " + resumed.reused());
        assertEquals(SPEC.trialCount() - resumed.reused(), resumed.computed());
        assertTrue(resumed.warnings().isEmpty(), resumed.warnings().toString());
        assertSameAsReference(dir);
        // and a third run has nothing left to do
        assertEquals(0, RUNNER.run(SPEC, options(dir)).computed());
        assertSameAsReference(dir);
    }

    @Test
    void anInterruptedRunSavesItsFinishedTrialsBeforeStopping(@TempDir Path dir) {
        // Interrupt the running thread after 4 finished units: fewer than a batch, so without
        // the save on interrupt nothing at all would be on disk.
        ProgressListener interrupter = new ProgressListener() {
            private int units;

            @Override
            public void trialsDone(int count) {
                if (++units == 4) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        RunOptions options = options(dir).withThreads(1).withListener(interrupter).withBatchUnits(1000);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RUNNER.run(SPEC, options));
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt status is kept for the caller");
        RunOutcome resumed = RUNNER.run(SPEC, options(dir));
        assertTrue(resumed.reused() >= 4 * SPEC.solvers().size(), "reused " + resumed.reused());
        assertSameAsReference(dir);
    }

    @Test
    void aStopRequestSavesTheFinishedTrialsAndAResumeCompletesTheRun(@TempDir Path dir) {
        ExperimentRunner runner = new ExperimentRunner(TestSolvers.registry());
        ProgressListener stopper = new ProgressListener() {
            private int units;

            @Override
            public void trialsDone(int count) {
                if (++units == 5) {
                    runner.requestStop(); // what the command line does on Ctrl-C
                }
            }
        };
        RunOptions options = options(dir).withThreads(2).withListener(stopper).withBatchUnits(1000);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(SPEC, options));
        assertTrue(e.getMessage().contains("stopped") && e.getMessage().contains("saved"), e.getMessage());
        RunOutcome resumed = runner.run(SPEC, options(dir));
        assertTrue(resumed.reused() >= 5 * SPEC.solvers().size(), "reused " + resumed.reused());
        assertSameAsReference(dir);
    }

    @Test
    void aJournalCutMidLineIsDetectedAndTheCutRowRecomputed(@TempDir Path dir) throws IOException {
        copyOfReference(dir);
        Path journal = journals(dir).get(0);
        long size = Files.size(journal);
        try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "rw")) {
            f.setLength(size - 17); // inside the last row
        }
        List<String> warnings = new ArrayList<>();
        RunOutcome outcome = RUNNER.run(SPEC, options(dir).withListener(collect(warnings)));
        assertEquals(1, outcome.computed());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("partial or corrupt row") && warnings.get(0).contains("journal.csv line"),
                warnings.get(0));
        assertSameAsReference(dir);
    }

    @Test
    void editedDuplicatedAndUnparsableRowsAreDroppedAndRecomputed(@TempDir Path dir) throws IOException {
        copyOfReference(dir);
        Path journal = journals(dir).get(0);
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        lines.set(3, lines.get(3).replaceFirst("success=1", "success=0").replaceFirst("success=0;", "success=1;"));
        lines.set(5, "5,zero,thresh,1,2,3"); // garbage
        lines.add(lines.get(8)); // duplicate: kept once, silently
        Files.write(journal, lines);
        List<String> warnings = new ArrayList<>();
        RunOutcome outcome = RUNNER.run(SPEC, options(dir).withListener(collect(warnings)));
        assertEquals(2, outcome.computed(), warnings.toString());
        assertEquals(2, warnings.size(), warnings.toString());
        assertSameAsReference(dir);
    }

    @Test
    void aJournalWithTheWrongHeaderIsSetAsideAndItsTrialsRecomputed(@TempDir Path dir) throws IOException {
        copyOfReference(dir);
        Path journal = journals(dir).get(0);
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        lines.set(0, lines.get(0).replace("metrics", "metric"));
        Files.write(journal, lines);
        List<String> warnings = new ArrayList<>();
        RunOutcome outcome = RUNNER.run(SPEC, options(dir).withListener(collect(warnings)));
        assertEquals(SPEC.runs() * SPEC.solvers().size(), outcome.computed());
        assertTrue(warnings.get(0).contains("wrong header"), warnings.toString());
        assertTrue(Files.exists(journal.resolveSibling("journal.csv.corrupt-1")));
        assertSameAsReference(dir);
    }

    @Test
    void aRowOfAnotherInstanceIsStaleAndRecomputed(@TempDir Path dir) throws IOException {
        copyOfReference(dir);
        List<Path> all = journals(dir);
        // A row copied from another point's file has that point's seed: never taken for this point's.
        List<String> other = Files.readAllLines(all.get(1));
        Files.writeString(all.get(0), other.get(1) + "\n", java.nio.file.StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();
        RUNNER.run(SPEC, options(dir).withListener(collect(warnings)));
        assertTrue(warnings.get(0).contains("is not the instance's seed"), warnings.toString());
        assertSameAsReference(dir);
    }

    @Test
    void aStaleRunningRecordAndTemporaryFilesOfADeadProcessAreCleanedUp(@TempDir Path dir) throws IOException {
        copyOfReference(dir);
        Path record = declarationFolder(dir).resolve("run.json");
        Files.writeString(record, "{\"status\": \"running\", \"pid\": 2147483000, \"start\": \"yesterday\"}");
        Path point = journals(dir).get(0).getParent();
        Path leftover = point.resolve(".journal.csv.2147483000.123.tmp");
        Files.writeString(leftover, "half a file");
        List<String> warnings = new ArrayList<>();
        RUNNER.run(SPEC, options(dir).withListener(collect(warnings)));
        assertFalse(Files.exists(leftover));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("was still running, but it was killed")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("temporary file left by an interrupted write")),
                warnings.toString());
        assertEquals("complete", ResultFiles.JSON.readTree(record.toFile()).get("status").asText());
    }

    @Test
    void shardsRunSeparatelyMergeIntoTheSingleRunFiles(@TempDir Path dir) throws IOException {
        long total = 0;
        for (int i = 1; i <= 3; i++) {
            RunOutcome shard = RUNNER.run(SPEC, options(dir).withShard(new Shard(i, 3)));
            assertEquals("shard-" + i + "-of-3.json", shard.output().getFileName().toString());
            total += shard.computed();
            if (i == 2) {
                String message = assertThrows(IllegalStateException.class, () -> RUNNER.merge(SPEC, dir)).getMessage();
                assertTrue(message.contains("trials are missing") && message.contains("run the missing shards"), message);
            }
        }
        assertEquals(SPEC.trialCount(), total);
        assertFalse(Files.exists(declarationFolder(dir).resolve("trials.csv")));
        RunOutcome merged = RUNNER.merge(SPEC, dir);
        assertEquals(declarationFolder(dir).resolve("trials.csv"), merged.output());
        assertSameAsReference(dir);
        JsonNode run = ResultFiles.JSON.readTree(declarationFolder(dir).resolve("run.json").toFile());
        assertEquals("merged", run.get("status").asText());
        // a whole run in the same folder reuses the shards' trials
        assertEquals(0, RUNNER.run(SPEC, options(dir)).computed());
        assertSameAsReference(dir);
    }

    @Test
    void aDamagedRowInAShardIsNamedByMerge(@TempDir Path dir) throws IOException {
        for (int i = 1; i <= 2; i++) {
            RUNNER.run(SPEC, options(dir).withShard(new Shard(i, 2)));
        }
        Path shardFile = journals(dir).stream().filter(p -> p.getFileName().toString().equals("shard-2-of-2.csv"))
                .findFirst().orElseThrow();
        List<String> lines = new ArrayList<>(Files.readAllLines(shardFile));
        lines.set(2, lines.get(2).replace("success=", "succes="));
        Files.write(shardFile, lines);
        String message = assertThrows(IllegalStateException.class, () -> RUNNER.merge(SPEC, dir)).getMessage();
        assertTrue(message.contains("1 of " + SPEC.trialCount() + " trials are missing"), message);
        assertTrue(message.contains("shard-2-of-2.csv line 3: partial or corrupt row"), message);
    }

    @Test
    void unknownSolversAreNamedWithTheKnownOnes(@TempDir Path dir) {
        String message = assertThrows(IllegalArgumentException.class, () -> RUNNER.run(
                SPEC.withSolvers(ExperimentSpecTest.variants("omq", "sea-0")), options(dir))).getMessage();
        assertTrue(message.contains("unknown algorithm 'omq'") && message.contains("known algorithms: ")
                && message.contains("sea-0"), message);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing is written before the check");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anotherDeclarationGetsItsOwnFolder(@TempDir Path dir) {
        Path a = RUNNER.run(SPEC.withRuns(2), options(dir)).directory();
        Path b = RUNNER.run(SPEC.withRuns(3), options(dir)).directory();
        assertNotEquals(a, b);
        assertEquals(a.getParent(), b.getParent());
    }

    @Test
    void progressIsReportedThroughTheListener(@TempDir Path dir) {
        long[] counts = new long[4];
        ProgressListener listener = new ProgressListener() {
            @Override
            public void started(long trials) {
                counts[0] = trials;
            }

            @Override
            public void trialsReused(int count) {
                counts[3] += count;
            }

            @Override
            public void trialsDone(int count) {
                counts[1] += count;
            }

            @Override
            public void batchWritten(int batch, int rows) {
                counts[2] += rows;
            }
        };
        RUNNER.run(SPEC, options(dir).withListener(listener));
        assertEquals(SPEC.trialCount(), counts[0]);
        assertEquals(SPEC.trialCount(), counts[1]);
        assertEquals(SPEC.trialCount(), counts[2]);
        RUNNER.run(SPEC.withRuns(SPEC.runs() + 1), options(dir).withListener(listener));
        assertEquals(SPEC.trialCount(), counts[3], "the second run reports the stored trials as reused");
    }

    @Test
    void aSecondProcessOnTheSameResultsIsRefusedWhileTheFirstHoldsTheLock(@TempDir Path dir) {
        TrialStore store = new TrialStore(dir);
        // The lock is per process (an OS file lock): within this JVM a second holder is refused too.
        try (TrialStore.Lock held = store.lock(Shard.ALL, false)) {
            String message = assertThrows(IllegalStateException.class, () -> RUNNER.run(SPEC, options(dir)))
                    .getMessage();
            assertTrue(message.contains("already being written"), message);
        }
        assertEquals(SPEC.trialCount(), RUNNER.run(SPEC, options(dir)).computed());
    }

    /**
     * A declaration of 1.5e9 trials starts at once, reports progress from the start, and stops
     * on request within a second, its memory not growing with the grid (issue 10, item 7).
     */
    @Test
    void aHugeDeclarationStartsAtOnceAndStopsOnRequest(@TempDir Path dir) {
        ExperimentSpec huge = SPEC.withRuns(250_000_000); // 3 points × 2.5e8 runs × 2 solvers
        assertEquals(1_500_000_000L, huge.trialCount());
        ExperimentRunner runner = new ExperimentRunner(TestSolvers.registry());
        long[] seen = new long[2];
        ProgressListener stopper = new ProgressListener() {
            @Override
            public void started(long trials) {
                seen[0] = trials;
            }

            @Override
            public void trialsDone(int count) {
                if ((seen[1] += count) >= 200) {
                    runner.requestStop();
                }
            }
        };
        long t0 = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> runner.run(huge, options(dir).withThreads(2).withListener(stopper)));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        assertTrue(e.getMessage().contains("stopped"), e.getMessage());
        assertEquals(huge.trialCount(), seen[0]);
        // Generous bounds (a loaded CI machine): the old runner needed 100 s and 6.4 GB before its first trial.
        assertTrue(seconds < 20, "stopped after " + seconds + " s");
        assertTrue(rt.totalMemory() - rt.freeMemory() < 1L << 30, "heap in use " + (rt.totalMemory() - rt.freeMemory()));
    }

    private static void copyOfReference(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(referenceRoot)) {
            for (Path f : files.toList()) {
                Path target = root.resolve(referenceRoot.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    static ProgressListener collect(List<String> warnings) {
        return new ProgressListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
    }
}
