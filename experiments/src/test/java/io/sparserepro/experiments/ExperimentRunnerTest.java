package io.sparserepro.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** A clean, single-threaded reference run shared by the comparisons. */
    static Path reference;

    @BeforeAll
    static void referenceRun(@TempDir Path dir) {
        reference = RUNNER.run(SPEC, options(dir).withThreads(1)).directory();
    }

    static RunOptions options(Path root) {
        return RunOptions.in(root).withBatchUnits(3);
    }

    static void assertSameAsReference(Path directory) {
        for (String file : List.of("trials.csv", "summary.csv", "journal.csv")) {
            Path expected = reference.resolve(file);
            Path actual = directory.resolve(file);
            if (file.equals("journal.csv") && !Files.exists(actual)) {
                continue; // a merge writes no journal
            }
            assertEquals(TestFiles.withoutTiming(expected), TestFiles.withoutTiming(actual), file);
        }
    }

    @Test
    void writesTheFilesWithTheDocumentedColumns() throws IOException {
        assertEquals(reference, reference.getParent().getParent().resolve("small").resolve(SPEC.hash()));
        List<String> trials = Files.readAllLines(reference.resolve("trials.csv"));
        assertEquals(SPEC.trialCount() + 1, trials.size());
        assertEquals("gridPoint,n,noise,zeta,k,run,solver,seed,success,supportDistance,relativeError,residualNorm,"
                + "iterations,bestIteration,distinctSupports,factorUpdates,firstIterationContainingTruth,gramColumns,"
                + "leastSquaresSolves,qrSolves,refactorizations,residualGradients,spread,"
                + "step,time", trials.get(0));
        // paired trials: both solvers of a unit share the seed; thresh reports no SEA diagnostics
        String[] first = trials.get(1).split(",", -1);
        String[] second = trials.get(2).split(",", -1);
        assertEquals("thresh", first[6]);
        assertEquals("sea-0", second[6]);
        assertEquals(first[7], second[7]);
        assertEquals("", first[14]);
        assertFalse(second[14].isEmpty());
        assertTrue(first[22].length() > 0 && second[22].isEmpty()); // spread: thresh only

        List<String> summary = Files.readAllLines(reference.resolve("summary.csv"));
        assertEquals(3 * 2 + 1, summary.size());
        assertTrue(summary.get(0).startsWith("gridPoint,n,noise,zeta,k,solver,trials,success_rate,success_low95,"
                + "success_high95,supportDistance_mean,supportDistance_std"), summary.get(0));
        assertTrue(summary.get(0).endsWith(",time_mean,time_std"));
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
        // The ends of the interval are exact: every cell with 0 (all) successes starts at 0 (ends at 1).
        for (int i = 1; i < summary.size(); i++) {
            String[] row = summary.get(i).split(",", -1);
            if (row[7].equals("0")) {
                assertEquals("0", row[8], summary.get(i));
            }
            if (row[7].equals("1")) {
                assertEquals("1", row[9], summary.get(i));
            }
        }

        JsonNode run = ResultStore.JSON.readTree(reference.resolve("run.json").toFile());
        assertEquals("complete", run.get("status").asText());
        assertEquals(SPEC.canonicalJson().toString(), run.get("declaration").toString());
        assertEquals(SPEC.trialCount(), run.get("trials").get("computed").asInt());
        assertFalse(run.get("code").get("version").asText().isEmpty());
        assertTrue(run.get("code").get("gitCommit").asText().matches("unknown|[0-9a-f]{40,64}"));
        assertEquals(1.0, run.get("solverOptions").get("sea-0").get("options").get("stepFactor").asDouble());
        assertTrue(run.get("solverOptions").get("sea-0").get("configuration").asText().startsWith("sea-0 Options["));
    }

    @Test
    void resultsDoNotDependOnTheThreadCount(@TempDir Path dir) {
        RunOutcome outcome = RUNNER.run(SPEC, options(dir).withThreads(4));
        assertEquals(SPEC.trialCount(), outcome.computed());
        assertSameAsReference(outcome.directory());
    }

    @Test
    void aRunStoppedBetweenBatchesResumesWithOnlyTheMissingTrials(@TempDir Path dir) {
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
        Path directory = dir.resolve("small").resolve(SPEC.hash());
        assertFalse(Files.exists(directory.resolve("trials.csv")));
        RunOutcome resumed = RUNNER.run(SPEC, options(dir).withThreads(2));
        assertEquals(2 * 3 * SPEC.solvers().size(), resumed.reused());
        assertEquals(SPEC.trialCount() - resumed.reused(), resumed.computed());
        assertTrue(resumed.warnings().isEmpty(), resumed.warnings().toString());
        assertSameAsReference(directory);
        // and a third run has nothing left to do
        assertEquals(0, RUNNER.run(SPEC, options(dir)).computed());
        assertSameAsReference(directory);
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
        assertSameAsReference(resumed.directory());
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
        assertSameAsReference(resumed.directory());
    }

    @Test
    void aJournalCutMidLineIsDetectedAndTheCutRowRecomputed(@TempDir Path dir) throws IOException {
        Path directory = copyOfReference(dir);
        Path journal = directory.resolve("journal.csv");
        long size = Files.size(journal);
        try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "rw")) {
            f.setLength(size - 17); // inside the last row
        }
        Files.delete(directory.resolve("trials.csv"));
        List<String> warnings = new ArrayList<>();
        RunOutcome outcome = RUNNER.run(SPEC, options(dir).withListener(collect(warnings)));
        assertEquals(1, outcome.computed());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("partial or corrupt row"), warnings.get(0));
        assertSameAsReference(directory);
    }

    @Test
    void editedDuplicatedAndUnparsableRowsAreDroppedAndRecomputed(@TempDir Path dir) throws IOException {
        Path directory = copyOfReference(dir);
        Path journal = directory.resolve("journal.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        lines.set(3, lines.get(3).replaceFirst(",1,", ",0,").replaceFirst(",0,0,", ",1,0,")); // edited metric
        lines.set(5, "5,zero,thresh,1,2,3"); // garbage
        lines.add(lines.get(8)); // duplicate
        Files.write(journal, lines);
        List<String> warnings = new ArrayList<>();
        RunOutcome outcome = RUNNER.run(SPEC, options(dir).withListener(collect(warnings)));
        assertEquals(2, outcome.computed(), warnings.toString());
        assertEquals(2, warnings.size(), warnings.toString());
        assertSameAsReference(directory);
    }

    @Test
    void aJournalWithTheWrongHeaderIsSetAsideAndEverythingRecomputed(@TempDir Path dir) throws IOException {
        Path directory = copyOfReference(dir);
        Path journal = directory.resolve("journal.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        lines.set(0, lines.get(0).replace("residualNorm", "residual"));
        Files.write(journal, lines);
        List<String> warnings = new ArrayList<>();
        RunOutcome outcome = RUNNER.run(SPEC, options(dir).withListener(collect(warnings)));
        assertEquals(SPEC.trialCount(), outcome.computed());
        assertTrue(warnings.get(0).contains("wrong header"), warnings.toString());
        assertTrue(Files.exists(directory.resolve("journal.csv.corrupt-1")));
        assertSameAsReference(directory);
    }

    @Test
    void aRunJsonWithAnotherDeclarationIsReportedAndItsResultsSetAside(@TempDir Path dir) throws IOException {
        Path directory = copyOfReference(dir);
        ObjectNode run = (ObjectNode) ResultStore.JSON.readTree(directory.resolve("run.json").toFile());
        run.set("declaration", SPEC.withRuns(99).canonicalJson());
        Files.writeString(directory.resolve("run.json"), run.toString());
        List<String> warnings = new ArrayList<>();
        RunOutcome outcome = RUNNER.run(SPEC, options(dir).withListener(collect(warnings)));
        assertEquals(SPEC.trialCount(), outcome.computed());
        assertTrue(warnings.get(0).contains("stores a declaration with hash " + SPEC.withRuns(99).hash()),
                warnings.toString());
        assertTrue(Files.exists(directory.resolve("journal.csv.mismatch-1")));
        assertTrue(Files.exists(directory.resolve("run.json.mismatch-1")));
        assertSameAsReference(directory);
    }

    @Test
    void shardsRunSeparatelyMergeIntoTheSingleRunFiles(@TempDir Path dir) throws IOException {
        int total = 0;
        for (int i = 1; i <= 3; i++) {
            RunOutcome shard = RUNNER.run(SPEC, options(dir).withShard(new Shard(i, 3)));
            assertEquals("shard-" + i + "-of-3.csv", shard.output().getFileName().toString());
            total += shard.computed();
            if (i == 2) {
                String message = assertThrows(IllegalStateException.class,
                        () -> ExperimentRunner.merge(SPEC, dir)).getMessage();
                assertTrue(message.contains("shards not found: 3/3"), message);
            }
        }
        assertEquals(SPEC.trialCount(), total);
        Path directory = dir.resolve("small").resolve(SPEC.hash());
        assertFalse(Files.exists(directory.resolve("trials.csv")));
        RunOutcome merged = ExperimentRunner.merge(SPEC, dir);
        assertEquals(directory.resolve("trials.csv"), merged.output());
        assertSameAsReference(directory);
        JsonNode run = ResultStore.JSON.readTree(directory.resolve("run.json").toFile());
        assertEquals("merged", run.get("status").asText());
        assertEquals(3, run.get("mergedFrom").size());
        // a whole run in the same folder reuses the shards' trials
        assertEquals(0, RUNNER.run(SPEC, options(dir)).computed());
        assertSameAsReference(directory);
    }

    @Test
    void unknownSolversAreNamedWithTheKnownOnes(@TempDir Path dir) {
        String message = assertThrows(IllegalArgumentException.class,
                () -> RUNNER.run(SPEC.withSolvers(List.of("omq", "sea-0", "htq")), options(dir))).getMessage();
        assertTrue(message.contains("unknown algorithms omq, htq") && message.contains("known algorithms: ")
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
        int[] counts = new int[3];
        ProgressListener listener = new ProgressListener() {
            @Override
            public void started(int trials, int alreadyDone) {
                counts[0] = trials;
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
    }

    private static Path copyOfReference(Path root) throws IOException {
        Path target = root.resolve("small").resolve(SPEC.hash());
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(reference)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private static ProgressListener collect(List<String> warnings) {
        return new ProgressListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
    }
}
