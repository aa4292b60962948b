package io.sparserepro.experiments.phase;

import static io.sparserepro.experiments.phase.StoppingRulesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    /** Hand-computed exact binomial tails: 2·Σ_{i ≤ min} C(n, i)/2ⁿ. */
    @Test
    void pValuesOfHandMadeTables() {
        assertEquals(1.0, PairedComparison.signTestPValue(0, 0), 0);
        assertEquals(1.0, PairedComparison.signTestPValue(3, 3), 1e-15);       // symmetric: capped at 1
        assertEquals(0.03125, PairedComparison.signTestPValue(6, 0), 1e-15);    // 2/2^6
        assertEquals(22.0 / 1024, PairedComparison.signTestPValue(1, 9), 1e-15); // 2(1 + 10)/2^10
        assertEquals(2 * 299.0 / 4096, PairedComparison.signTestPValue(9, 3), 1e-15); // 2(1 + 12 + 66 + 220)/2^12
    }

    @Test
    void countsSuccessPairs() {
        boolean[] alg = {true, false, false, true, false, true};
        boolean[] sea = {true, true, true, false, false, true};
        PairedComparison c = PairedComparison.ofSuccess(alg, sea);
        assertEquals(2, c.improved());
        assertEquals(3, c.equal());
        assertEquals(1, c.worsened());
        assertEquals(6, c.pairs());
        assertEquals(1.0, c.pValue(), 1e-15); // min(1, 2·(1 + 3)/2^3)
    }

    @Test
    void countsScorePairsLowerIsBetter() {
        double[] alg = {3, 0, 2, 5, 1};
        double[] sea = {1, 0, 2, 6, 0};
        PairedComparison c = PairedComparison.ofScores(alg, sea);
        assertEquals(2, c.improved());
        assertEquals(2, c.equal());
        assertEquals(1, c.worsened());
    }

    /** Thousands of pairs: no overflow, and the tail matches the normal approximation's order. */
    @Test
    void largeTablesStayFinite() {
        double p = PairedComparison.signTestPValue(1100, 900);
        // z = (900.5 − 1000)/√500 = −4.45 → two-sided normal tail 8.6e-6; the exact value is close.
        assertEquals(8.6e-6, p, 1.5e-6);
        assertEquals(1.0, PairedComparison.signTestPValue(5000, 5000), 1e-12);
    }

    @Test
    void badInputsAreRejected() {
        assertMessage("same length", () -> PairedComparison.ofSuccess(new boolean[2], new boolean[3]));
        assertMessage("must not be null", () -> PairedComparison.ofScores(null, new double[1]));
        assertMessage("NaN", () -> PairedComparison.ofScores(new double[] {Double.NaN}, new double[1]));
        assertMessage("non-negative", () -> PairedComparison.signTestPValue(-1, 2));
        assertMessage("pValue", () -> new PairedComparison(1, 1, 1, 2));
        assertMessage("counts must be non-negative", () -> PairedComparison.of(-1, 0, 0));
    }
}
