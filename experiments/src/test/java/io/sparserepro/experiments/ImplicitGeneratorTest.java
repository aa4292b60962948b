package io.sparserepro.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.operators.SubsampledDct;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.random.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiments on an implicit operator: the {@code dct} generator through the runner. */
class ImplicitGeneratorTest {

    @Test
    void theDctGeneratorDrawsAnImplicitOperatorThatTheSolversRecoverFrom(@TempDir Path dir) throws Exception {
        // n = 4096, m = 1024: 2^22 entries, above MatrixFree's 2^20 threshold, so the solvers run their
        // matrix-free paths; k = 20 ≪ m/ln(n) is far inside every solver's recovery region.
        ExperimentSpec spec = ExperimentSpec.builder("dct-small", "dct")
                .parameter("n", 4096).parameter("m", 1024).axis("k", 20)
                .solvers("niht", "htp", "sp").runs(3).seed(5).build();
        RunOutcome outcome = new ExperimentRunner(TestSolvers.registry()).run(spec, RunOptions.in(dir).withThreads(2));
        List<String> summary = Files.readAllLines(outcome.directory().resolve("summary.csv"));
        List<String> header = List.of(summary.get(0).split(",", -1));
        int rate = header.indexOf("exactRecovery_rate");
        assertEquals(1 + 3, summary.size());
        for (String row : summary.subList(1, summary.size())) {
            assertEquals(1.0, Double.parseDouble(row.split(",", -1)[rate]), row);
        }
    }

    @Test
    void instancesArePureFunctionsOfTheSeedAndRecordTheirRows() {
        var generator = Registries.defaults().generators().create("dct", Map.of("n", 256L, "zeta", 0.25, "rho", 0.1));
        Problem a = generator.generate(Seeds.rng(9));
        Problem b = generator.generate(Seeds.rng(9));
        assertTrue(a.operator() instanceof SubsampledDct);
        assertEquals(64, a.rows());
        assertEquals(6, a.sparsity()); // round(0.1 · 64)
        assertTrue(java.util.Arrays.equals(((SubsampledDct) a.operator()).sampledRows(),
                ((SubsampledDct) b.operator()).sampledRows()));
        assertTrue(java.util.Arrays.equals(a.observations(), b.observations()));
        assertThrows(IllegalArgumentException.class,
                () -> Registries.defaults().generators().create("dct", Map.of("n", 300L, "m", 30L, "k", 3L)));
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> Registries.defaults().generators().create("dct", Map.of("n", 256L, "m", 30L, "zeta", 0.2, "k", 3L)));
        assertTrue(both.getMessage().startsWith("dct needs exactly one of m and zeta"), both.getMessage());
    }
}
