package io.sparserepro.experiments.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SolverVariant;
import io.sparserepro.experiments.ExperimentRunner;
import io.sparserepro.experiments.RunOptions;
import io.sparserepro.experiments.Shard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The phase-transition experiment end to end on a tiny declaration. */
class PhaseTransitionRunnerTest {
    private static final ExperimentRunner RUNNER = new ExperimentRunner(SolverRegistry.defaults());

    static PhaseTransitionSpec tiny() {
        List<SolverVariant> solvers = List.of(SolverVariant.of("omp").withLabel("OMP"),
                SolverVariant.of("sea-omp").withLabel("SEA_OMP").withOption("maxIterations", 50),
                SolverVariant.of("l1").withLabel("l1"));
        return new PhaseTransitionSpec("tiny-phase", 30, List.of(0.5, 1.0), solvers, Map.of("l1", "exactRecovery"),
                List.of(0.95, 0.5), 20, 10, List.of("exact", "exact"), List.of(0.02, 0.05), 0.05, "uniform-1-2",
                List.of(List.of("OMP", "SEA_OMP")),
                List.of(), 11);
    }

    private static RunOptions options(Path dir) {
        return RunOptions.in(dir).withThreads(2).withBatchUnits(8);
    }

    @Test
    void writesThresholdsThatFollowTheirDecisionsAndAResumeComputesNothing(@TempDir Path dir) throws IOException {
        PhaseTransitionRunner runner = new PhaseTransitionRunner(RUNNER);
        PhaseTransitionRunner.Outcome first = runner.run(tiny(), options(dir));
        assertTrue(first.complete());
        assertTrue(first.computed() > 0);
        List<ThresholdTable.Row> rows = ThresholdTable.read(first.directory().resolve(ThresholdTable.FILE_NAME));
        assertEquals(2 * 3 * 2, rows.size());
        for (ThresholdTable.Row r : rows) {
            // An exact-rule pass at k* has at least ⌈level·N⌉ successes there (or k* = 0).
            assertTrue(r.kStar() == 0 || r.successesAtKStar() >= Math.ceil(r.level() * 20), r.toString());
            assertTrue(r.rhoLow() <= r.rho() && r.rho() <= r.rhoHigh(), r.toString());
        }
        // The 50% threshold is never below the 95% one of the same solver (same instances).
        for (ThresholdTable.Row r95 : rows) {
            if (r95.level() == 0.95) {
                ThresholdTable.Row r50 = rows.stream().filter(r -> r.level() == 0.5 && r.zeta() == r95.zeta()
                        && r.label().equals(r95.label())).findFirst().orElseThrow();
                assertTrue(r50.kStar() >= r95.kStar() - 1, r95 + " vs " + r50);
            }
        }
        assertTrue(Files.readString(first.directory().resolve("paired.csv")).lines().count() == 3);
        assertTrue(Files.readString(first.directory().resolve("run.json")).contains("\"status\" : \"complete\""));

        PhaseTransitionRunner.Outcome again = runner.run(tiny(), options(dir));
        assertEquals(0, again.computed(), "every trial is in the store");
        assertEquals(Files.readString(first.directory().resolve(ThresholdTable.FILE_NAME)),
                Files.readString(again.directory().resolve(ThresholdTable.FILE_NAME)));
    }

    @Test
    void shardsRunInRoundsGiveTheSameThresholds(@TempDir Path dir) throws IOException {
        PhaseTransitionRunner runner = new PhaseTransitionRunner(RUNNER);
        Path single = dir.resolve("single");
        Path sharded = dir.resolve("sharded");
        String expected = Files.readString(runner.run(tiny(), options(single)).directory()
                .resolve(ThresholdTable.FILE_NAME));
        // What a cluster does: submit both shards, wait, submit again, until they report complete.
        int submissions = 0;
        boolean complete = false;
        while (!complete) {
            assertTrue(++submissions < 200, "the rounds must end");
            complete = true;
            for (int i = 1; i <= 2; i++) {
                complete &= runner.run(tiny(), options(sharded).withShard(new Shard(i, 2))).complete();
            }
        }
        assertTrue(submissions > 2, "a threshold search needs several rounds: " + submissions);
        assertEquals(expected, Files.readString(sharded.resolve("tiny-phase").resolve(tiny().hash())
                .resolve(ThresholdTable.FILE_NAME)));
    }

    @Test
    void aShardWaitingForOthersSaysSoAndWritesNoThresholds(@TempDir Path dir) {
        PhaseTransitionRunner.Outcome shard = new PhaseTransitionRunner(RUNNER).run(tiny(),
                options(dir).withShard(new Shard(1, 2)));
        assertFalse(shard.complete());
        assertTrue(shard.waitingFor() > 0);
        assertFalse(Files.exists(shard.directory().resolve(ThresholdTable.FILE_NAME)));
    }
}
