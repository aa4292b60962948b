package io.sparserepro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.experiments.ResultTables;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The computed sentences of REPORT.md on hand-made summary rows. */
class GridReportTest {

    private static ResultTables.Summary row(String solver, double mean, double std, int trials) {
        return new ResultTables.Summary(0, Map.of("k", "10"), solver, trials,
                Map.of("supportDistance_mean", mean, "supportDistance_std", std));
    }

    @Test
    void budgetSentenceFindsWhereMoreIterationsStopPaying() {
        // Standard error at the best point: 2/√4 = 1, so T = 100 (mean 2.5, within 1 of 1.6) is enough.
        List<ResultTables.Summary> rows = List.of(row("SEA_0 T=10", 6.0, 2, 4), row("SEA_0 T=100", 2.5, 2, 4),
                row("SEA_0 T=1000", 1.6, 2, 4), row("SEA_0 T=10000", 1.7, 2, 4));
        String s = GridReport.budgetSummary(rows, "supportDistance");
        assertTrue(s.contains("SEA_0 reaches its best mean supportDistance 1.60 at T = 1000 and is within one standard "
                + "error of it from T = 100"), s);
        assertTrue(s.contains("largest T tried: 10000"), s);
        assertEquals("", GridReport.budgetSummary(List.of(row("OMP", 1, 0, 4)), "supportDistance"));
    }

    @Test
    void rankingNamesTheBestGreedyMethodWhenL1Leads() {
        List<ResultTables.Summary> rows = List.of(row("ℓ1", 1.0, 0, 4), row("SEA_0", 2.0, 0, 4), row("OMP", 3.0, 0, 4));
        String s = GridReport.summary(rows, "supportDistance");
        assertTrue(s.startsWith("Ranked by supportDistance averaged over the grid (lower is better): ℓ1 (1.00) > "
                + "SEA_0 (2.00) > OMP (3.00)."), s);
        assertTrue(s.contains("Among the greedy methods the best is SEA_0."), s);
        assertTrue(GridReport.higherIsBetter("localisationF1_r1") && !GridReport.higherIsBetter("relativeError"));
    }
}
