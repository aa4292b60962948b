package io.sparserepro.experiments.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.io.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionTableTest {
    @Test
    void roundTripAndErrors(@TempDir Path dir) throws Exception {
        List<RegressionTable.Row> rows = List.of(
                new RegressionTable.Row("d", 3, 10, 2, 1, "SEA_0 (T=5)", 0.1 + 0.2, 0.7, 1e-3, 4, "a*b"),
                new RegressionTable.Row("d", 3, 10, 0, 2, "OMP, plain", 1.0 / 3, Double.NaN, 0, 2, "a b^2"));
        Path f = dir.resolve("r.csv");
        Files.writeString(f, RegressionTable.text(rows));
        List<RegressionTable.Row> back = RegressionTable.read(f);
        assertEquals(rows.get(0), back.get(0));
        assertEquals(rows.get(1).trainObjective(), back.get(1).trainObjective()); // exact: Double.toString round trip
        assertTrue(Double.isNaN(back.get(1).testError()));
        assertEquals("OMP, plain", back.get(1).solver());

        Files.writeString(f, RegressionTable.text(rows).replace("0.30000000000000004", "x"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> RegressionTable.read(f));
        assertTrue(e.getMessage().contains("line 2, column 7 (train_objective)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RegressionTable.read(dir.resolve("none.csv")));
    }
}
