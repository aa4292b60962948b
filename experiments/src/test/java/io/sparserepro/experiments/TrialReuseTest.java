package io.sparserepro.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparserepro.algorithms.SolverVariant;
import io.sparserepro.core.problem.ProblemGenerators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trial store: what a widened declaration reuses, options as data, open registries. */
class TrialReuseTest {
    private static final ExperimentRunner RUNNER = new ExperimentRunner(TestSolvers.registry());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ExperimentSpec.Builder base() {
        return ExperimentSpec.builder("reuse", "gaussian").parameter("n", 30).axis("zeta", 0.5).axis("k", 2, 3)
                .solvers("thresh", "omp").runs(4).seed(7);
    }

    private static RunOptions options(Path dir) {
        return RunOptions.in(dir).withThreads(2).withBatchUnits(2);
    }

    /** trials.csv rows as (seed, metrics, diagnostics), keyed by (k, run, solver). */
    private static Map<String, String> rows(Path dir, ExperimentSpec spec) {
        Map<String, String> rows = new java.util.HashMap<>();
        for (ResultTables.Trial t : ResultTables.readTrials(new DeclarationFiles(dir, spec).trialsFile())) {
            // gridPoint is a grid index: it moves when the grid widens, so it is not part of the key or the value
            rows.put(t.parameters().get("k") + "/" + t.run() + "/" + t.solver(), t.seed() + " " + t.metrics() + " "
                    + t.diagnostics());
        }
        return rows;
    }

    /** Every checkpoint file of the store and its bytes. */
    private static Map<Path, String> journals(Path dir) {
        try (var files = Files.walk(dir.resolve(TrialStore.FOLDER))) {
            Map<Path, String> contents = new java.util.HashMap<>();
            for (Path p : files.filter(p -> p.getFileName().toString().equals("journal.csv")).toList()) {
                contents.put(p, Files.readString(p));
            }
            return contents;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aWidenedDeclarationComputesOnlyWhatIsNewAndKeepsTheOldTrialsByteForByte(@TempDir Path dir) {
        ExperimentSpec first = base().build();
        assertEquals(first.trialCount(), RUNNER.run(first, options(dir)).computed());
        Map<String, String> before = rows(dir, first);
        Map<Path, String> stored = journals(dir);

        ExperimentSpec widerGrid = base().axis("k", 2, 3, 4).build();
        RunOutcome grid = RUNNER.run(widerGrid, options(dir));
        assertEquals(1 * 4 * 2, grid.computed(), "only k = 4 is new");
        ExperimentSpec moreRuns = base().axis("k", 2, 3, 4).runs(6).build();
        assertEquals(3 * 2 * 2, RUNNER.run(moreRuns, options(dir)).computed(), "only runs 4 and 5 are new");
        ExperimentSpec moreSolvers = base().axis("k", 2, 3, 4).runs(6).solvers("htp").build();
        assertEquals(3 * 6, RUNNER.run(moreSolvers, options(dir)).computed(), "only htp is new");

        Map<String, String> after = rows(dir, moreSolvers);
        before.forEach((key, line) -> assertEquals(line, after.get(key), key));
        // The store only ever appended: every old row is still there, byte for byte.
        Map<Path, String> later = journals(dir);
        stored.forEach((file, content) -> assertTrue(later.get(file).startsWith(content), file.toString()));
        // A shrunk declaration reuses everything.
        assertEquals(0, RUNNER.run(base().runs(2).build(), options(dir)).computed());
    }

    @Test
    void relabellingReusesAndChangingAnOptionRecomputes(@TempDir Path dir) {
        ExperimentSpec plain = base().build();
        RUNNER.run(plain, options(dir));
        SolverVariant relabelled = SolverVariant.of("omp").withLabel("OMP (paper)");
        ExperimentSpec renamed = plain.withSolvers(List.of(SolverVariant.of("thresh"), relabelled));
        assertEquals(0, RUNNER.run(renamed, options(dir)).computed());
        ExperimentSpec changed = plain.withSolvers(List.of(SolverVariant.of("thresh"),
                relabelled.withOption("maxIterations", 1)));
        assertEquals(2 * 4, RUNNER.run(changed, options(dir)).computed());
    }

    @Test
    void aDeclarationWithOptionsAndANestedInnerSolverRunsAndRecordsEveryOption(@TempDir Path dir) throws IOException {
        JsonNode declared = JSON.readTree("{\"name\": \"opts\", \"generator\": \"gaussian\", \"seed\": 3, \"runs\": 2,"
                + " \"parameters\": {\"n\": 30, \"zeta\": 0.5, \"k\": 3},"
                + " \"solvers\": [\"omp\", {\"label\": \"SEA_OMP T=7\", \"algorithm\": \"sea-omp\","
                + "   \"options\": {\"maxIterations\": 7},"
                + "   \"inner\": {\"algorithm\": \"omp\", \"options\": {\"maxIterations\": 2}}}]}");
        ExperimentSpec spec = ExperimentSpec.fromJson(declared, "opts.json");
        RunOutcome outcome = RUNNER.run(spec, options(dir));
        assertEquals(4, outcome.computed());
        JsonNode run = ResultFiles.JSON.readTree(outcome.directory().resolve("run.json").toFile());
        JsonNode sea = run.get("solvers").get("SEA_OMP T=7");
        assertEquals("sea-omp", sea.get("algorithm").asText());
        assertEquals(7, sea.get("options").get("maxIterations").asInt());
        assertEquals(Set.copyOf(RUNNER.registries().solvers().options("sea-omp").stream().map(o -> o.name()).toList()),
                toSet(sea.get("options").fieldNames()), "every option, defaults included");
        assertEquals(2, sea.get("inner").get("options").get("maxIterations").asInt());
        assertTrue(sea.get("configuration").asText().contains("maxIterations=7"), sea.toString());
        List<String> lines = Files.readAllLines(outcome.directory().resolve("trials.csv"));
        assertTrue(lines.get(2).contains(",SEA_OMP T=7,"), lines.get(2));
    }

    @Test
    void theHashFollowsOptionsButNotSpacingOrKeyOrder() throws IOException {
        String a = "{\"name\": \"h\", \"generator\": \"gaussian\", \"seed\": 3, \"runs\": 2, \"parameters\": {\"n\": 30,"
                + " \"zeta\": 0.5, \"k\": 3}, \"solvers\": [{\"label\": \"S\", \"algorithm\": \"sea-0\", \"options\":"
                + " {\"maxIterations\": 7, \"stepFactor\": 0.5}}]}";
        String b = "{\"solvers\":[{\"options\":{\"stepFactor\":0.5,\n\"maxIterations\":7},\"algorithm\":\"sea-0\",\"label\":"
                + "\"S\"}],\n \"runs\":2,\"seed\":3,\"parameters\":{\"k\":3,\"zeta\":0.5,\"n\":30},\"generator\":\"gaussian\","
                + "\"name\":\"h\"}";
        String hash = ExperimentSpec.fromJson(JSON.readTree(a), "a").hash();
        assertEquals(hash, ExperimentSpec.fromJson(JSON.readTree(b), "b").hash());
        assertNotEquals(hash, ExperimentSpec.fromJson(JSON.readTree(a.replace("7", "8")), "c").hash());
    }

    @Test
    void badOptionsAreRejectedWhenTheDeclarationIsRead(@TempDir Path dir) throws IOException {
        String template = "{\"name\": \"bad\", \"generator\": \"gaussian\", \"seed\": 3, \"runs\": 2, \"parameters\":"
                + " {\"n\": 30, \"zeta\": 0.5, \"k\": 3}, \"solvers\": [%s]}";
        Map<String, String> cases = Map.of(
                "{\"algorithm\": \"sea-omp\", \"options\": {\"maxIteration\": 7}}",
                "solver 'sea-omp': unknown option 'maxIteration'; valid options: ",
                "{\"algorithm\": \"sea-omp\", \"options\": {\"maxIterations\": \"7\"}}",
                "option maxIterations must be an int, not \"7\"",
                "{\"algorithm\": \"sea-omp\", \"options\": {\"maxIterations\": -1}}",
                "invalid options {maxIterations=-1}: maxIterations",
                "{\"algorithm\": \"sea-omp\", \"inner\": \"omq\"}",
                "solver 'omq': unknown algorithm 'omq'; known algorithms: ");
        cases.forEach((solver, message) -> {
            ExperimentSpec spec;
            try {
                spec = ExperimentSpec.fromJson(JSON.readTree(String.format(template, solver)), "bad.json");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            String actual = assertThrows(IllegalArgumentException.class,
                    () -> spec.validate(RUNNER.registries())).getMessage();
            assertTrue(actual.contains(message), actual);
        });
    }

    @Test
    void seedsAreWholeSixtyFourBitNumbersAndNeverASilentDefault() throws IOException {
        String template = "{\"name\": \"s\", \"generator\": \"gaussian\", %s \"runs\": 2, \"parameters\": {\"n\": 30,"
                + " \"zeta\": 0.5, \"k\": 3}, \"solvers\": [\"omp\"]}";
        for (String seed : List.of("18446744073709551621", "1180591620717411303424", "9223372036854775808")) {
            String message = assertThrows(IllegalArgumentException.class, () -> ExperimentSpec.fromJson(
                    JSON.readTree(String.format(template, "\"seed\": " + seed + ",")), "f.json")).getMessage();
            assertTrue(message.contains("'seed' must be a whole number in the 64-bit range"), message);
        }
        String missing = assertThrows(IllegalArgumentException.class, () -> ExperimentSpec.fromJson(
                JSON.readTree(String.format(template, "")), "f.json")).getMessage();
        assertTrue(missing.contains("'seed' is missing"), missing);
        assertEquals(-9223372036854775808L, ExperimentSpec.fromJson(JSON.readTree(String.format(template,
                "\"seed\": -9223372036854775808,")), "f").seed());
    }

    @Test
    void usersAddTheirOwnGeneratorAndMetric(@TempDir Path dir) {
        GeneratorRegistry generators = GeneratorRegistry.defaults().with("tiny-gaussian", new GeneratorRegistry.Entry(
                "Gaussian 10 × 20 with k given", Set.of("k"), params -> ProblemGenerators.gaussianGenerator(10, 20,
                ParameterValues.intValue(params, "k"), io.sparserepro.core.problem.AmplitudeDistribution.RADEMACHER, 0)));
        MetricRegistry metrics = MetricRegistry.defaults().with(Metric.of("supportSize", "|Ŝ|", false,
                (p, r, s) -> r.support().length));
        ExperimentRunner runner = new ExperimentRunner(Registries.of(TestSolvers.registry()).withGenerators(generators)
                .withMetrics(metrics));
        ExperimentSpec spec = ExperimentSpec.builder("mine", "tiny-gaussian").axis("k", 1, 2).solvers("omp").runs(3)
                .metrics("success", "supportSize").seed(1).build();
        RunOutcome outcome = runner.run(spec, options(dir));
        assertEquals(6, outcome.computed());
        List<ResultTables.Trial> trials = ResultTables.readTrials(outcome.directory().resolve("trials.csv"));
        assertEquals(List.of(1.0, 1.0, 1.0, 2.0, 2.0, 2.0), trials.stream().map(t -> t.metric("supportSize")).toList());
        // The default registries do not know them.
        assertThrows(IllegalArgumentException.class, () -> RUNNER.run(spec, options(dir)));
    }

    /**
     * Pins a small declaration's trials under the instance-keyed seeds (the documented seed
     * change of the trial store): a change to the seed rule, a generator's draws or a default
     * solver's results shows up here.
     */
    @Test
    void pinnedTrialsOfASmallDeclaration(@TempDir Path dir) {
        ExperimentSpec spec = ExperimentSpec.builder("pinned", "gaussian").parameter("n", 40).axis("zeta", 0.5)
                .axis("k", 4, 8).solvers("omp", "htp", "sea-0")
                .solver(SolverVariant.of("sea-0").withLabel("sea-0 T=1000").withOption("maxIterations", 1000))
                .runs(20).seed(2024).build();
        RUNNER.run(spec, options(dir));
        List<ResultTables.Summary> cells = ResultTables.readSummary(new DeclarationFiles(dir, spec).summaryFile());
        List<String> actual = new ArrayList<>();
        for (ResultTables.Summary c : cells) {
            actual.add(c.solver() + "@k=" + c.parameters().get("k") + ":" + Math.round(c.value("success_rate") * 20)
                    + "/" + ParameterValues.format(c.value("supportDistance_mean")));
        }
        assertEquals(new InstanceKey("gaussian", Map.of("n", 40L, "zeta", 0.5, "k", 4L), 2024).seed(0),
                ResultTables.readTrials(new DeclarationFiles(dir, spec).trialsFile()).get(0).seed());
        assertEquals(PINNED, actual);
    }

    /**
     * SEA's default budget changed from T = 1000 to 32000 (docs/SEA-BUDGET.md): with T = 1000
     * declared, SEA₀ gives what it gave before that change; the default recovers more at k = 8.
     */
    private static final List<String> PINNED = List.of("omp@k=4:14/0.6", "htp@k=4:16/0.25", "sea-0@k=4:20/0",
            "sea-0 T=1000@k=4:20/0", "omp@k=8:1/3.55", "htp@k=8:1/3.15", "sea-0@k=8:7/1.95", "sea-0 T=1000@k=8:4/2.15");

    private static Set<String> toSet(java.util.Iterator<String> names) {
        Set<String> set = new java.util.HashSet<>();
        names.forEachRemaining(set::add);
        return set;
    }
}
