package io.sparserepro.experiments.phase;

import static io.sparserepro.experiments.phase.StoppingRulesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdTableTest {

    static ThresholdTable.Row row(double zeta, String solver, double level, int kStar) {
        int n = 500;
        int m = (int) Math.round(zeta * n);
        return new ThresholdTable.Row(zeta, n, m, solver, solver.toUpperCase() + " (T=500, eta=1)", level, "exact",
                kStar, (double) kStar / m, (double) kStar / m, (double) (kStar + 1) / m, 1000, 951, true, 9, 5000,
                5200, 1000);
    }

    @Test
    void roundTripsExactly(@TempDir Path dir) throws IOException {
        List<ThresholdTable.Row> rows = List.of(row(0.05, "omp", 0.95, 3), row(0.1, "sea-omp", 0.95, 11),
                row(0.1, "sea-omp", 0.5, 17));
        Path file = dir.resolve(ThresholdTable.FILE_NAME);
        ThresholdTable.write(file, rows);
        assertEquals(rows, ThresholdTable.read(file));
        assertTrue(Files.readString(file).startsWith(String.join(",", ThresholdTable.COLUMNS) + "\n"));
    }

    @Test
    void rowOfAFinishedSearch() {
        ThresholdSearch s = new ThresholdSearch(ThresholdSearch.Options.of(50, StoppingPolicy.exact(0.95, 100)));
        ThresholdSearchTest.drive(s, new ThresholdSearchTest.Oracle(k -> k <= 12 ? 1.0 : 0.0, 1));
        ThresholdTable.Row r = ThresholdTable.Row.of(0.1, 500, "omp", "OMP", s.result());
        assertEquals(12, r.kStar());
        assertEquals(0.24, r.rho(), 0);
        assertEquals(0.26, r.rhoHigh(), 1e-15);
        assertEquals(95, r.runsAtKStar());
        assertEquals(100, r.maxRuns());
        assertEquals(s.result().decisions().size(), r.pointsEvaluated());
    }

    @Test
    void malformedFilesAreReportedByNameAndLine() {
        String good = ThresholdTable.toCsv(List.of(row(0.05, "omp", 0.95, 3), row(0.1, "omp", 0.95, 11)));
        String[] lines = good.split("\n");
        assertFormat("t.csv:1: header", "zeta,m\n");
        assertFormat("t.csv:3: column rho must be a finite number: 'x'",
                lines[0] + "\n" + lines[1] + "\n" + lines[2].replace(",0.22,", ",x,") + "\n");
        assertFormat("t.csv:2: expected 18 fields", lines[0] + "\n1,2,3\n");
        assertFormat("t.csv:3: duplicate threshold", lines[0] + "\n" + lines[1] + "\n" + lines[1] + "\n");
        assertFormat("t.csv:2: rho must equal kStar/m", lines[0] + "\n" + lines[1].replace(",3,0.12,", ",4,0.12,") + "\n");
        assertFormat("t.csv:2: column decided must be true or false", lines[0] + "\n" + lines[1].replace(",true,", ",yes,") + "\n");
        assertFormat("t.csv:1: empty file", "");
    }

    private static void assertFormat(String fragment, String text) {
        ThresholdTable.FormatException e = assertThrows(ThresholdTable.FormatException.class,
                () -> ThresholdTable.parse("t.csv", text));
        assertTrue(e.getMessage().startsWith(fragment) || e.getMessage().contains(fragment),
                "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }

    @Test
    void badRowsAreRejected() {
        assertMessage("zeta", () -> new ThresholdTable.Row(0, 500, 1, "a", "A", 0.95, "exact", 0, 0, 0, 0, 0, 0, true,
                0, 0, 0, 1));
        assertMessage("label", () -> new ThresholdTable.Row(0.1, 500, 50, "a", "A\nB", 0.95, "exact", 0, 0, 0, 0, 0,
                0, true, 0, 0, 0, 1));
        assertMessage("rhoLow", () -> new ThresholdTable.Row(0.1, 500, 50, "a", "A", 0.95, "exact", 5, 0.1, 0.2, 0.3,
                0, 0, true, 0, 0, 0, 1));
        assertMessage("successesAtKStar", () -> new ThresholdTable.Row(0.1, 500, 50, "a", "A", 0.95, "exact", 5, 0.1,
                0.1, 0.12, 10, 11, true, 0, 0, 0, 100));
        assertMessage("zeta*n", () -> new ThresholdTable.Row(0.1, 500, 60, "a", "A", 0.95, "exact", 0, 0, 0, 0, 0, 0,
                true, 0, 0, 0, 1));
        assertMessage("result", () -> ThresholdTable.Row.of(0.1, 500, "a", "A", null));
        assertMessage("rows", () -> ThresholdTable.toCsv(null));
        assertMessage("file", () -> {
            try {
                ThresholdTable.write(null, List.of());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertMessage("file", () -> {
            try {
                ThresholdTable.read(null);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }
}
