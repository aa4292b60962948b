package io.sparserepro.algorithms.unfolding.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparserepro.core.random.Seeds;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class TrainingCheckpointTest {
    /** Doubles that stress a decimal round trip: extremes, subnormals, −0, and random bit patterns. */
    static double[] awkwardDoubles(int n, long seed) {
        double[] fixed = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
                Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 1.0 / 3, Math.PI, 1e-300, 2.2250738585072014E-308,
                9007199254740993.0, Math.nextUp(1.0), 1e23, 4.9e-324 * 3};
        double[] out = new double[n];
        UniformRandomProvider rng = Seeds.rng(seed);
        for (int i = 0; i < n; i++) {
            if (i < fixed.length) {
                out[i] = fixed[i];
            } else {
                double v;
                do {
                    v = Double.longBitsToDouble(rng.nextLong());
                } while (!Double.isFinite(v));
                out[i] = v;
            }
        }
        return out;
    }

    private static TrainingCheckpoint sample(double[] values, boolean withBest) {
        int n = values.length;
        List<EpochRecord> history = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            history.add(new EpochRecord(e + 1, values[(e + 3) % n], values[(e + 5) % n], Math.abs(values[(e + 7) % n]),
                    values[(e + 11) % n], 1.0 / (e + 3)));
        }
        JsonNode config = NetJson.parse("{\"layers\": 10, \"tau\": 0.001}");
        double[] squares = new double[n];
        for (int j = 0; j < n; j++) {
            squares[j] = Math.abs(values[(j + 1) % n]);
        }
        return new TrainingCheckpoint("omp-net", n, config, "abc", 1024, 512, "def",
                TrainingRecipe.paper().withSeed(Long.MIN_VALUE), 3, values, squares, Math.abs(values[2]),
                withBest ? 2 : 0, withBest ? Math.abs(values[9]) : Double.NaN, withBest ? values.clone() : null, history);
    }

    @Test
    void everyDoubleRoundTripsBitForBit() {
        double[] values = awkwardDoubles(2000, 11);
        TrainingCheckpoint c = sample(values, true);
        TrainingCheckpoint back = TrainingCheckpoint.parse(c.toJson());
        assertBitsEqual(c.weights(), back.weights());
        assertBitsEqual(c.squareAverages(), back.squareAverages());
        assertBitsEqual(c.bestWeights(), back.bestWeights());
        assertEquals(Double.doubleToRawLongBits(c.initialValidationLoss()),
                Double.doubleToRawLongBits(back.initialValidationLoss()));
        assertEquals(Double.doubleToRawLongBits(c.bestValidationLoss()),
                Double.doubleToRawLongBits(back.bestValidationLoss()));
        assertEquals(c.history(), back.history()); // record equality compares doubles bit for bit
        assertEquals(c.recipe(), back.recipe());
        assertEquals(c.configuration(), back.configuration());
        assertEquals(2, back.bestEpoch());
        // Written again, the same text: the format is canonical.
        assertEquals(c.toJson(), back.toJson());
    }

    @Test
    void noBestYetRoundTrips() {
        TrainingCheckpoint back = TrainingCheckpoint.parse(sample(awkwardDoubles(20, 3), false).toJson());
        assertNull(back.bestWeights());
        assertEquals(0, back.bestEpoch());
    }

    @Test
    void damageIsDetectedWithAReason() {
        String text = sample(awkwardDoubles(20, 3), true).toJson();
        assertProblem("truncated", () -> TrainingCheckpoint.parse(text.substring(0, text.length() - 40)));
        assertProblem("checksum does not match", () -> TrainingCheckpoint.parse(text.replace("\"epochsCompleted\" : 3",
                "\"epochsCompleted\" : 2")));
        assertProblem("no checksum", () -> TrainingCheckpoint.parse(text.replaceAll(",\\s*\"checksum\" : \"[0-9a-f]+\"", "")));
        assertProblem("not a training checkpoint", () -> TrainingCheckpoint.parse("{\"format\": \"other\"}"));
        assertProblem("not a JSON object", () -> TrainingCheckpoint.parse("[1, 2]"));
    }

    private static void assertProblem(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    static void assertBitsEqual(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    "entry " + i + ": " + expected[i] + " vs " + actual[i]);
        }
        assertArrayEquals(expected, actual, 0.0);
    }
}
