package io.sparserepro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce --quick} draws the unfolding figures from their experiments, writes their
 * report sections (Fig. 2's numbers at τ = 1e-3, 1e-2, 1e-1 per σ), and a rerun reuses the
 * Fig. 2 results made with the same spec.
 */
class UnfoldingReproduceTest {

    @Test
    void quickReproductionDrawsBothFiguresAndReportsFig2Numbers(@TempDir Path dir) throws IOException {
        CliTestSupport.Result r = CliTestSupport.run("reproduce", "--quick", "unfolding-fig1", "unfolding-fig2",
                "--results", dir.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        for (String f : new String[] {"unfolding-fig1.png", "unfolding-fig1.pdf", "unfolding-fig2.png",
                "unfolding-fig2.svg", "unfolding-fig2.csv"}) {
            assertTrue(Files.size(dir.resolve("figures").resolve(f)) > 0, f);
        }
        String report = Files.readString(dir.resolve("REPORT.md"));
        assertTrue(report.contains("## unfolding-fig2"), report);
        assertTrue(report.contains("| τ=1e-3 | τ=1e-2 | τ=1e-1 |"), report);
        assertTrue(report.contains("| a | Soft-OMP | 1e-05 | 15 |"), report);
        assertTrue(report.contains("**Differs from the paper:** 10 trials (paper 50)"), report);
        assertTrue(r.out().contains("unfolding-fig2 (quick): experiment run"), r.out());

        CliTestSupport.Result again = CliTestSupport.run("reproduce", "--quick", "unfolding-fig2", "--results",
                dir.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("unfolding-fig2 (quick): experiment reused"), again.out());
    }
}
