package io.sparserepro.experiments.unfolding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.random.Seeds;
import io.sparserepro.experiments.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnfoldingExperimentsTest {

    private static Fig2Spec tiny() {
        return Fig2Spec.paper().withSize(30, 60, 4).withTrials(3).withDifferenceTrials(3)
                .withTauExponents(new double[] {-9, -2, 1})
                .withIterations(4, 10).withDifferenceAt(new int[] {2, 8}, new int[] {1, 12});
    }

    @Test
    void fig2WritesEveryCurvePointIndependentlyOfThreads(@TempDir Path dir) throws IOException {
        Fig2Spec spec = tiny();
        Fig2Experiment.run(spec, dir.resolve("one"), 1);
        Fig2Experiment.run(spec, dir.resolve("two"), 2);
        assertEquals(Files.readString(dir.resolve("one/errors.csv")), Files.readString(dir.resolve("two/errors.csv")));
        List<String> summary = Files.readAllLines(dir.resolve("one/summary.csv"));
        assertEquals(Fig2Experiment.SUMMARY_HEADER, summary.get(0));
        // Per σ: 2 exact points + 2 soft curves × 3 τ; at the difference σ also 2 + 2 curves × 3 τ.
        assertEquals(1 + 3 * (2 + 2 * 3) + 4 * 3, summary.size());
        for (String line : summary.subList(1, summary.size())) {
            assertTrue(line.endsWith(",3"), line);
        }
        // At τ = 1e-9 the soft rows are one-hot: Soft-X's error is X's error, trial by trial.
        for (String sigma : new String[] {"1.0E-5", "0.001", "0.1"}) {
            assertEquals(value(summary, "a,OMP," + sigma + ",4,,"), value(summary, "a,Soft-OMP," + sigma + ",4,1.0E-9,"),
                    1e-9);
            assertEquals(value(summary, "b,IHT," + sigma + ",10,,"),
                    value(summary, "b,Soft-IHT," + sigma + ",10,1.0E-9,"), 1e-9);
        }
        // …and the iterates coincide: log10(1e-12 + 0) = −12.
        assertEquals(-12, value(summary, "c,Soft-OMP vs OMP,0.001,8,1.0E-9,"), 1e-9);
        assertEquals(-12, value(summary, "d,Soft-IHT vs IHT,0.001,12,1.0E-9,"), 1e-9);
        assertTrue(value(summary, "c,Soft-OMP vs OMP,0.001,8,10.0,") > -6, "τ = 10 is far from OMP");
        assertTrue(Files.readString(dir.resolve("one/run.json")).contains("\"AUTHORS_WITH_REPLACEMENT\""));
    }

    @Test
    void differencePanelsMayUseMoreTrialsOnTheSameInstances(@TempDir Path dir) throws IOException {
        Fig2Spec spec = tiny().withDifferenceTrials(5);
        Fig2Experiment.run(spec, dir, 2);
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        for (String line : summary.subList(1, summary.size())) {
            assertTrue(line.endsWith(line.startsWith("c,") || line.startsWith("d,") ? ",5" : ",3"), line);
        }
        // Trials 0..2 of the difference panels are the 3-trial run's trials.
        Fig2Experiment.run(tiny(), dir.resolve("three"), 1);
        List<String> three = Files.readAllLines(dir.resolve("three/errors.csv"));
        List<String> five = Files.readAllLines(dir.resolve("errors.csv"));
        assertTrue(five.containsAll(three));
        assertTrue(Files.readString(dir.resolve("run.json")).contains("\"differenceTrials\" : 5"));
    }

    private static double value(List<String> summary, String prefix) {
        for (String line : summary) {
            if (line.startsWith(prefix)) {
                return Double.parseDouble(line.split(",")[5]);
            }
        }
        throw new AssertionError("no row " + prefix);
    }

    @Test
    void authorsSamplingNeverUsesIndexZeroAndCollapsesDuplicates() {
        Fig2Spec spec = Fig2Spec.paper().withSize(20, 12, 8);
        int fewer = 0;
        for (long seed = 0; seed < 200; seed++) {
            double[] x = Fig2Experiment.sampleX(spec, Seeds.rng(seed));
            assertEquals(0.0, x[0]);
            long nonZeros = java.util.Arrays.stream(x).filter(v -> v != 0).count();
            double norm = Math.sqrt(java.util.Arrays.stream(x).map(v -> v * v).sum());
            assertTrue(nonZeros <= 8 && norm <= 1 + 1e-15);
            if (nonZeros < 8) {
                fewer++;
                assertTrue(norm < 1, "an overwritten amplitude leaves ‖x‖ < 1");
            }
        }
        assertTrue(fewer > 100, "8 of 11 with replacement: most draws repeat an index");
        double[] clean = Fig2Experiment.sampleX(spec.withSampling(Fig2Sampling.DISTINCT), Seeds.rng(1));
        assertEquals(8, java.util.Arrays.stream(clean).filter(v -> v != 0).count());
        assertEquals(1.0, Math.sqrt(java.util.Arrays.stream(clean).map(v -> v * v).sum()), 1e-15);
    }

    @Test
    void specsFollowThePaperAndRejectBadValues() {
        Fig2Spec full = Fig2Spec.of(Mode.FULL);
        assertEquals(24, full.tauExponents().length);
        assertEquals(-10, full.tauExponents()[0]);
        assertEquals(1.5, full.tauExponents()[23]);
        assertEquals(50, full.trials());
        assertEquals(Fig2Spec.paper(), full);
        assertTrue(Fig2Spec.of(Mode.QUICK).trials() < 50);
        assertThrows(IllegalArgumentException.class, () -> full.withTrials(0));
        assertThrows(IllegalArgumentException.class, () -> new Fig2Spec(200, 400, 15, new double[] {1e-3},
                new double[] {0}, 1, 15, 30, 0.6, 1e-5, new int[] {1}, new int[] {1}, 1, Fig2Sampling.DISTINCT, 1));
        assertThrows(IllegalArgumentException.class, () -> full.withDifferenceTrials(0));
        assertThrows(IllegalArgumentException.class, () -> new Fig1Experiment.Spec(8, new double[] {0}, 1));
    }

    @Test
    void fig1WritesArgsortAndSoftsortMatrices(@TempDir Path dir) throws IOException {
        Path file = Fig1Experiment.run(Fig1Experiment.Spec.defaults(), dir);
        List<String> lines = Files.readAllLines(file);
        assertEquals(1 + 8 + 64 * 4, lines.size());
        double argsortSum = lines.stream().filter(l -> l.startsWith("argsort,"))
                .mapToDouble(l -> Double.parseDouble(l.split(",")[4])).sum();
        assertEquals(8, argsortSum, 0.0);
        double softSum = lines.stream().filter(l -> l.startsWith("softsort,0.01,3,"))
                .mapToDouble(l -> Double.parseDouble(l.split(",")[4])).sum();
        assertEquals(1, softSum, 1e-14, "a softsort row sums to 1");
    }
}
