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
 * The regression figure from a tiny fixture ({@code fixtures/regression.csv}: illustrative
 * numbers for two data sets, one without test samples, two solvers, k ≤ 3; not measured).
 */
class ElsRegressionFigureTest {
    static Path fixture() {
        try {
            return Path.of(ElsRegressionFigureTest.class.getResource("/fixtures/regression.csv").toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void drawsObjectiveAndTestPanelsPerDataSet(@TempDir Path out) throws IOException {
        Figure fig = FigureRegistry.defaults().get(ElsRegressionFigure.ID);
        List<Path> files = fig.draw(FigureInputs.of(ElsRegressionFigure.INPUT, fixture()), out, FigureOptions.DEFAULT);
        assertEquals(4, files.size());
        BufferedImage png = ImageIO.read(out.resolve("els-regression.png").toFile());
        // One row per data set, the objective and test panels side by side; the legend widens the right column.
        assertEquals(2 * ElsRegressionFigure.WIDTH + ElsRegressionFigure.LEGEND_WIDTH, png.getWidth());
        assertTrue(png.getHeight() >= 2 * ElsRegressionFigure.HEIGHT, "two rows: " + png.getHeight());
        List<String> csv = Files.readAllLines(out.resolve("els-regression.csv"));
        // tiny: 2 solvers × 3 k in each of its two panels; notest: 2 × 2 objective points, no test points.
        assertEquals(1 + 12 + 4, csv.size());
        assertTrue(csv.contains("tiny train,SEA_OMP (T=5),2.0,0.45,,"), "a fixture value");
        assertTrue(csv.contains("tiny test,OMP,3.0,0.66,,"));
        assertEquals(0, csv.stream().filter(l -> l.startsWith("notest test")).count());
    }

    @Test
    void missingOrEmptyInputIsAnError(@TempDir Path out) throws IOException {
        Figure fig = new ElsRegressionFigure();
        assertThrows(IllegalArgumentException.class, () -> fig.draw(FigureInputs.empty(), out, FigureOptions.DEFAULT));
        Path empty = out.resolve("empty.csv");
        Files.writeString(empty, Files.readAllLines(fixture()).get(0) + "\n");
        assertThrows(IllegalArgumentException.class,
                () -> fig.draw(FigureInputs.of(ElsRegressionFigure.INPUT, empty), out, FigureOptions.DEFAULT));
        Path bad = out.resolve("bad.csv");
        Files.writeString(bad, Files.readString(fixture()).replace("0.45", "oops"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fig.draw(FigureInputs.of(ElsRegressionFigure.INPUT, bad), out, FigureOptions.DEFAULT));
        assertTrue(e.getMessage().contains("line 5"), e.getMessage());
    }
}
