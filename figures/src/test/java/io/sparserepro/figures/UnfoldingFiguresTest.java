package io.sparserepro.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unfolding figures draw from tiny committed fixtures without solving anything:
 * {@code unfolding-softsort.csv} (Fig. 1 experiment, 4 scores, τ ∈ {0.5, 0.05}, seed 7) and
 * {@code unfolding-fig2-summary.csv} (Fig. 2 experiment at m = 30, N = 60, s = 4, 3 trials,
 * 7 values of τ: the shape of the file, not the paper's numbers) and {@code unfolding-fig3/}
 * (Fig. 3 experiment at N = 32, m = 12, hidden set 6, s = 3, 64/32/16 samples, 5 epochs, seed
 * 11: the files of both networks).
 */
class UnfoldingFiguresTest {

    static Path fixture(String name) {
        try {
            return Path.of(UnfoldingFiguresTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void figure1DrawsTheArgsortAndSoftsortHeatMaps(@TempDir Path out) throws IOException {
        Figure fig = FigureRegistry.defaults().get("unfolding-fig1");
        List<Path> files = fig.draw(FigureInputs.of("softsort", fixture("unfolding-softsort.csv")), out,
                FigureOptions.DEFAULT);
        assertEquals(List.of(out.resolve("unfolding-fig1.png"), out.resolve("unfolding-fig1.svg"),
                out.resolve("unfolding-fig1.pdf"), out.resolve("unfolding-fig1.csv")), files);
        BufferedImage png = ImageIO.read(files.get(0).toFile());
        assertEquals(3 * UnfoldingFigure1.PANEL, png.getWidth(), "argsort + two τ");
        assertTrue(new String(Files.readAllBytes(files.get(2)), StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        List<String> csv = Files.readAllLines(files.get(3));
        assertEquals(1 + 3 * 16, csv.size());
        long ones = csv.stream().filter(l -> l.startsWith("argsort,") && l.split(",")[3].equals("1.0")).count();
        assertEquals(4, ones, "a permutation matrix");
    }

    @Test
    void figure2DrawsFourPanelsWithBands(@TempDir Path out) throws IOException {
        Figure fig = FigureRegistry.defaults().get("unfolding-fig2");
        List<Path> files = fig.draw(FigureInputs.of("summary", fixture("unfolding-fig2-summary.csv")), out,
                FigureOptions.DEFAULT);
        BufferedImage png = ImageIO.read(files.get(0).toFile());
        assertEquals(4 * UnfoldingFigure2.WIDTH, png.getWidth());
        List<String> csv = Files.readAllLines(files.get(files.size() - 1));
        // Panels a and b: per σ (3) an exact flat line and a soft curve over 7 τ; c and d: 2 n × 7 τ each.
        assertEquals(1 + 2 * 3 * 2 * 7 + 2 * 2 * 7, csv.size());
        assertTrue(csv.stream().allMatch(l -> l.startsWith("panel") || !l.endsWith(",,")), "bands everywhere");
        // A flat exact line: the same y at every τ.
        // (The label holds a comma, so y is the fifth comma-separated field.)
        assertEquals(1, csv.stream().filter(l -> l.startsWith("a,\"OMP, σ=1e-03\""))
                .map(l -> l.split(",")[4]).distinct().count(), "flat");
        assertEquals(7, csv.stream().filter(l -> l.startsWith("a,\"OMP, σ=1e-03\"")).count());
    }

    @Test
    void figure3DrawsFourPanelsPerNetwork(@TempDir Path out) throws IOException {
        Figure fig = FigureRegistry.defaults().get("unfolding-fig3");
        FigureInputs both = FigureInputs.of("omp-net", fixture("unfolding-fig3/omp-net/summary.csv"))
                .with("iht-net", fixture("unfolding-fig3/iht-net/summary.csv"));
        List<Path> files = fig.draw(both, out, FigureOptions.DEFAULT);
        BufferedImage png = ImageIO.read(files.get(0).toFile());
        assertEquals(4 * UnfoldingFigure3.WIDTH, png.getWidth());
        assertTrue(png.getHeight() > 2 * UnfoldingFigure3.HEIGHT, "two rows: " + png.getHeight());
        List<String> csv = Files.readAllLines(files.get(files.size() - 1));
        // Per network: 5 epochs × 2 curves + 2 reference lines, 32 oracle + 2 × 32 weight stems,
        // 4 boxes × (box + whiskers).
        assertEquals(1 + 2 * (5 * 2 + 2 + 32 + 2 * 32 + 4 * 2), csv.size());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("IHT-Net box,IHT-Net,")), "the net's box");

        List<Path> one = fig.draw(FigureInputs.of("omp-net", fixture("unfolding-fig3/omp-net/summary.csv")), out,
                FigureOptions.DEFAULT);
        assertEquals(4 * UnfoldingFigure3.WIDTH, ImageIO.read(one.get(0).toFile()).getWidth());
    }

    @Test
    void figure3NamesWhatIsMissing(@TempDir Path dir) throws IOException {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new UnfoldingFigure3()
                .draw(FigureInputs.empty(), dir, FigureOptions.DEFAULT));
        assertTrue(none.getMessage().contains("omp-net"), none.getMessage());
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Files.copy(fixture("unfolding-fig3/omp-net/summary.csv"), run.resolve("summary.csv"));
        IOException missing = assertThrows(IOException.class, () -> new UnfoldingFigure3().draw(
                FigureInputs.of("omp-net", run.resolve("summary.csv")), dir, FigureOptions.DEFAULT));
        assertTrue(missing.getMessage().contains("losses.csv"), missing.getMessage());
        Files.copy(fixture("unfolding-fig3/omp-net/losses.csv"), run.resolve("losses.csv"));
        Files.copy(fixture("unfolding-fig3/omp-net/errors.csv"), run.resolve("errors.csv"));
        Files.writeString(run.resolve("weights.csv"), "index,hidden,oracle,learned,frequency\n0,1,1.0,x,0.5\n");
        IOException bad = assertThrows(IOException.class, () -> new UnfoldingFigure3().draw(
                FigureInputs.of("omp-net", run.resolve("summary.csv")), dir, FigureOptions.DEFAULT));
        assertTrue(bad.getMessage().contains("line 2"), bad.getMessage());
    }

    @Test
    void malformedInputsAreNamed(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("summary.csv");
        Files.writeString(bad, "panel,algorithm,sigma,iteration,tau,mean_log10,std_log10,trials\na,OMP,x,1,,0,0,1\n");
        IOException e = assertThrows(IOException.class, () -> new UnfoldingFigure2().draw(
                FigureInputs.of("summary", bad), dir, FigureOptions.DEFAULT));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        Files.writeString(bad, "nope\n");
        assertThrows(IOException.class, () -> new UnfoldingFigure1().draw(FigureInputs.of("softsort", bad), dir,
                FigureOptions.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> new UnfoldingFigure2().draw(FigureInputs.empty(), dir,
                FigureOptions.DEFAULT));
    }
}
