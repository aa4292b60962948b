package io.sparserepro.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each deconvolution figure draws from a tiny fixture without solving anything. The
 * {@code fixtures/deconv/*-summary.csv} files are the summaries of tiny real runs (n = 40,
 * kernel width 2, 3 runs per point; not the paper's setting); {@code budget-run.json} is the
 * solvers part of such a run's record; {@code instance.csv} and {@code traces.csv} are
 * hand-made (spikes at 3, 12, 14, 16, 27; two "solvers", one exact and one off by a sample).
 */
class DeconvolutionFiguresTest {

    static Path fixture(String name) {
        try {
            return Path.of(DeconvolutionFiguresTest.class.getResource("/fixtures/deconv/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static FigureInputs summary(String name) {
        return FigureInputs.of(DeconvolutionFigures.SUMMARY, fixture(name + "-summary.csv"));
    }

    private static List<String> draw(String id, FigureInputs inputs, Path out, int panels) throws IOException {
        Figure figure = FigureRegistry.defaults().get(id);
        List<Path> files = figure.draw(inputs, out, FigureOptions.DEFAULT);
        assertEquals(List.of(out.resolve(id + ".png"), out.resolve(id + ".svg"), out.resolve(id + ".pdf"),
                out.resolve(id + ".csv")), files);
        BufferedImage png = ImageIO.read(files.get(0).toFile());
        assertTrue(png.getWidth() >= panels * CurvePanels.SMALL_WIDTH, id + ": " + panels + " panels side by side");
        assertTrue(Files.readString(out.resolve(id + ".svg")).contains("<svg"));
        List<String> csv = Files.readAllLines(out.resolve(id + ".csv"));
        assertEquals("panel,series,x,y,low,high", csv.get(0));
        return csv;
    }

    @Test
    void figure4PlotsTheMeanSupportDistanceWithStandardErrors(@TempDir Path out) throws IOException {
        List<String> csv = draw(DeconvolutionFigures.FIG4, summary("fig4"), out, 1);
        // 3 solvers × 3 values of k.
        assertEquals(1 + 9, csv.size());
        // The fixture's HTP row at k = 2: mean 1.0, std 1.0 over 3 runs → standard error 1/√3.
        double se = 1.0 / Math.sqrt(3);
        assertTrue(csv.contains("supportDistance,HTP,2.0,1.0," + (1.0 - se) + "," + (1.0 + se)), csv.toString());
    }

    @Test
    void figure3CropsTheCrowdedAreaAndDrawsEveryEstimate(@TempDir Path out) throws IOException {
        List<String> csv = draw(DeconvolutionFigures.FIG3, FigureInputs.of(DeconvolutionFigures.INSTANCE,
                fixture("instance.csv")), out, 1);
        // y at the 30 samples, 5 spikes of x*, 5 of each estimate.
        assertEquals(1 + 30 + 5 + 5 + 5, csv.size());
        assertTrue(csv.contains("OMP,OMP,13.0,0.9,,"), "an estimate's stem as plotted");
        assertTrue(csv.contains("x*,x*,14.0,2.0,,"));
    }

    @Test
    void crowdedStartFindsTheWindowWithMostSpikes() {
        double[] truth = new double[40];
        for (int i : new int[] {2, 20, 22, 24, 35}) {
            truth[i] = 1;
        }
        assertEquals(20, SeaFigure3.crowdedStart(truth, 5), "window [20, 25) holds 3 spikes");
        assertEquals(0, SeaFigure3.crowdedStart(truth, 100), "a window wider than the signal starts at 0");
        assertEquals(0, SeaFigure3.crowdedStart(new double[10], 4), "no spike: the leftmost window");
    }

    @Test
    void figure1PutsThePhasePanelBesideTheDeconvolutionPanel(@TempDir Path out) throws IOException {
        FigureInputs inputs = FigureInputs.of(SeaFigure2.INPUT, FiguresTest.fixture())
                .with(DeconvolutionFigures.SUMMARY, fixture("fig4-summary.csv"));
        List<String> csv = draw(DeconvolutionFigures.FIG1, inputs, out, 2);
        assertEquals(20, csv.stream().filter(l -> l.startsWith("phase 95%,")).count(), "4 solvers × 5 ζ");
        assertEquals(9, csv.stream().filter(l -> l.startsWith("deconvolution,")).count(), "3 solvers × 3 k");
        BufferedImage png = ImageIO.read(out.resolve("sea-fig1.png").toFile());
        assertEquals(PhaseDiagram.WIDTH + CurvePanels.WIDTH, png.getWidth());
    }

    @Test
    void nearMissesDrawOnePanelPerTolerance(@TempDir Path out) throws IOException {
        List<String> csv = draw(DeconvolutionFigures.NEAR_MISSES, summary("fig4"), out, 3);
        for (int r = 0; r <= 2; r++) {
            String panel = "r=" + r + ",";
            assertEquals(9, csv.stream().filter(l -> l.startsWith(panel)).count(), panel);
        }
    }

    @Test
    void separationDrawsOnePanelPerMinimumSeparation(@TempDir Path out) throws IOException {
        List<String> csv = draw(DeconvolutionFigures.SEPARATION, summary("sep"), out, 2);
        assertEquals(6, csv.stream().filter(l -> l.startsWith("d=0,")).count());
        assertEquals(6, csv.stream().filter(l -> l.startsWith("d=4,")).count());
    }

    @Test
    void wrongKDrawsContainmentRateWithItsInterval(@TempDir Path out) throws IOException {
        List<String> csv = draw(DeconvolutionFigures.WRONG_K, summary("wrongk"), out, 2);
        assertEquals(4, csv.stream().filter(l -> l.startsWith("supportContained,")).count());
        // A rate carries its Wilson interval, never outside [0, 1].
        csv.stream().filter(l -> l.startsWith("supportContained,")).forEach(l -> {
            String[] f = l.split(",");
            double low = Double.parseDouble(f[f.length - 2]);
            double high = Double.parseDouble(f[f.length - 1]);
            assertTrue(0 <= low && low <= high && high <= 1, l);
        });
    }

    @Test
    void noiseAndGaussianAmplitudeFiguresDraw(@TempDir Path out) throws IOException {
        List<String> noise = draw(DeconvolutionFigures.NOISE, summary("noise"), out, 2);
        assertEquals(6, noise.stream().filter(l -> l.startsWith("relativeError,")).count());
        assertEquals(6, noise.stream().filter(l -> l.startsWith("supportF1,")).count());
        List<String> gaussian = draw(DeconvolutionFigures.GAUSSIAN, summary("fig4"), out, 1);
        assertEquals(1 + 9, gaussian.size());
    }

    @Test
    void budgetReadsTFromTheRunRecord(@TempDir Path out) throws IOException {
        FigureInputs inputs = summary("budget").with(DeconvolutionFigures.RUN, fixture("budget-run.json"));
        List<String> csv = draw(DeconvolutionFigures.BUDGET, inputs, out, 2);
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("supportDistance,SEA_0,3.0,")), csv.toString());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("success,SEA_OMP,30.0,")), csv.toString());
        assertEquals(1 + 8, csv.size(), "the reference OMP (no T in its label) is not a budget curve");
    }

    @Test
    void workPlotsSeaCurvesAndReferencePoints(@TempDir Path out) throws IOException {
        List<String> csv = draw(DeconvolutionFigures.WORK, summary("budget"), out, 2);
        // SEA_0 and SEA_OMP at two budgets each, OMP as one reference point; two panels.
        assertEquals(1 + 2 * 5, csv.size());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("iterations,OMP,4.0,2.0,")), csv.toString());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("iterations,SEA_OMP,30.0,2.0,")), csv.toString());
    }

    @Test
    void explorationDrawsResidualAndDistinctSupports(@TempDir Path out) throws IOException {
        List<String> csv = draw(DeconvolutionFigures.EXPLORATION, FigureInputs.of(DeconvolutionFigures.TRACES,
                fixture("traces.csv")), out, 2);
        assertTrue(csv.contains("distinctSupports,SEA_0,5.0,5.0,,"), "t is 1-based on the plot");
        assertTrue(csv.contains("residual,SEA_0,5.0,0.0,,"), "the CSV keeps the exact residual, the plot floors it");
        // SEA's best-so-far residual (what it returns at budget t): 3, 2, 2, 0.5, 0.
        assertTrue(csv.contains("bestResidual,SEA_0,3.0,2.0,,"), csv.toString());
        assertEquals(1 + 2 * (5 + 3) + 5, csv.size());
    }

    @Test
    void missingOrWrongInputsAreNamed(@TempDir Path out) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FigureRegistry.defaults()
                .get(DeconvolutionFigures.FIG4).draw(FigureInputs.empty(), out, FigureOptions.DEFAULT));
        assertTrue(e.getMessage().contains("summary"), e.getMessage());
        // A run.json that is not JSON is a malformed input (an IOException naming the position) ...
        assertThrows(IOException.class, () -> FigureRegistry.defaults().get(DeconvolutionFigures.BUDGET)
                .draw(summary("budget").with(DeconvolutionFigures.RUN, fixture("traces.csv")), out, FigureOptions.DEFAULT));
        // ... and one without the solvers' budgets does not fit the figure.
        IllegalArgumentException noBudget = assertThrows(IllegalArgumentException.class, () -> FigureRegistry.defaults()
                .get(DeconvolutionFigures.BUDGET).draw(summary("budget").with(DeconvolutionFigures.RUN,
                        fixture("empty-run.json")), out, FigureOptions.DEFAULT));
        assertTrue(noBudget.getMessage().contains("maxIterations"), noBudget.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FigureRegistry.defaults().get(DeconvolutionFigures.FIG3)
                .draw(FigureInputs.of(DeconvolutionFigures.INSTANCE, fixture("traces.csv")), out, FigureOptions.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> FigureRegistry.defaults().get(DeconvolutionFigures.SEPARATION)
                .draw(summary("fig4"), out, FigureOptions.DEFAULT), "no minSeparation column");
        assertThrows(IllegalArgumentException.class, () -> FigureRegistry.defaults().get(DeconvolutionFigures.FIG4)
                .draw(null, out, FigureOptions.DEFAULT));
    }
}
