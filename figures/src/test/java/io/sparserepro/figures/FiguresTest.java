package io.sparserepro.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.experiments.phase.DonohoTanner;
import io.sparserepro.experiments.phase.ThresholdTable;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each figure draws from a tiny results fixture ({@code fixtures/thresholds.csv}: synthetic,
 * illustrative thresholds for 4 solvers × 5 values of ζ × 2 levels, not measured results)
 * without solving anything: the figures' only inputs are files.
 */
class FiguresTest {

    static Path fixture() {
        try {
            return Path.of(FiguresTest.class.getResource("/fixtures/thresholds.csv").toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void figure2DrawsBothPanelsFromTheFixture(@TempDir Path out) throws IOException {
        Figure fig = FigureRegistry.defaults().get("sea-fig2");
        List<Path> files = fig.draw(FigureInputs.of("thresholds", fixture()), out, FigureOptions.DEFAULT);
        assertEquals(List.of(out.resolve("sea-fig2.png"), out.resolve("sea-fig2.svg"), out.resolve("sea-fig2.pdf"),
                out.resolve("sea-fig2.csv")), files);
        BufferedImage png = ImageIO.read(out.resolve("sea-fig2.png").toFile());
        assertEquals(2 * PhaseDiagram.WIDTH, png.getWidth());
        assertTrue(png.getHeight() > PhaseDiagram.HEIGHT);
        assertTrue(Files.readString(out.resolve("sea-fig2.svg")).contains("<svg"));
        String pdf = new String(Files.readAllBytes(out.resolve("sea-fig2.pdf")), StandardCharsets.ISO_8859_1);
        assertTrue(pdf.startsWith("%PDF-"));
        // The page is the layout's size in points (VectorGraphics2D works in millimetres).
        assertTrue(pdf.contains("MediaBox [0 0 " + png.getWidth() + " " + png.getHeight()), "PDF page size");

        List<String> csv = Files.readAllLines(out.resolve("sea-fig2.csv"));
        assertEquals("panel,series,x,y,low,high", csv.get(0));
        // 4 solvers × 5 ζ per panel, plus the 100 points of the Donoho–Tanner curve on the 50% panel.
        assertEquals(1 + 20 + 20 + PhaseDiagram.DONOHO_TANNER_POINTS, csv.size());
        assertTrue(csv.contains("95%,OMP,0.5,0.148,0.148,0.152"), "a fixture row, band included");
        assertTrue(csv.contains("95%,IHT,0.5,0.104,0.096,0.112"), "the wider band of the fixture");
        assertTrue(csv.contains("95%,\"SEA_OMP (T=500, η=1)\",0.1,0.08,0.08,0.1"), "labels are quoted");
        String dtAtHalf = "50%,\"" + PhaseDiagram.DONOHO_TANNER_LABEL + "\",0.5," + DonohoTanner.weakThreshold(0.5) + ",,";
        assertTrue(csv.contains(dtAtHalf), "the computed theoretical curve, no band");
        assertEquals(20, csv.stream().filter(l -> l.startsWith("95%,")).count());
    }

    /**
     * The PDF shows the same picture as the PNG: rendered back to pixels at 72 dpi (PDFBox),
     * each cell of a 4 × 2 grid holds about as much ink as the PNG's. Anti-aliasing and font
     * hinting differ between the two renderers, hence a tolerance of 3% of a cell's pixels; a
     * picture drawn at the wrong scale or offset leaves whole cells empty (ink differences of
     * 10–30%).
     */
    @Test
    void pdfShowsWhatThePngShows(@TempDir Path out) throws IOException {
        new SeaFigure2().draw(FigureInputs.of("thresholds", fixture()), out, FigureOptions.DEFAULT);
        BufferedImage png = ImageIO.read(out.resolve("sea-fig2.png").toFile());
        BufferedImage pdf;
        try (var document = org.apache.pdfbox.Loader.loadPDF(out.resolve("sea-fig2.pdf").toFile())) {
            pdf = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 72);
        }
        assertEquals(png.getWidth(), pdf.getWidth());
        assertEquals(png.getHeight(), pdf.getHeight());
        int cw = png.getWidth() / 4;
        int ch = png.getHeight() / 2;
        for (int cx = 0; cx < 4; cx++) {
            for (int cy = 0; cy < 2; cy++) {
                double a = ink(png, cx * cw, cy * ch, cw, ch);
                double b = ink(pdf, cx * cw, cy * ch, cw, ch);
                assertEquals(a, b, 0.03, "cell (" + cx + ", " + cy + ")");
            }
        }
    }

    /** Fraction of pixels in the rectangle that are not near-white. */
    private static double ink(BufferedImage image, int x0, int y0, int w, int h) {
        int dark = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int rgb = image.getRGB(x, y);
                int sum = (rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff);
                dark += sum < 3 * 200 ? 1 : 0;
            }
        }
        return (double) dark / (w * h);
    }

    @Test
    void figure1LeftDrawsOnePanel(@TempDir Path out) throws IOException {
        Figure fig = FigureRegistry.defaults().get("sea-fig1-left");
        List<Path> files = fig.draw(FigureInputs.of("thresholds", fixture()), out,
                FigureOptions.DEFAULT.withDpi(144).withFormats(EnumSet.of(ImageFormat.PNG)));
        assertEquals(List.of(out.resolve("sea-fig1-left.png"), out.resolve("sea-fig1-left.csv")), files);
        BufferedImage png = ImageIO.read(files.get(0).toFile());
        // 144 dpi doubles the 72-dpi layout, and the file says so (pHYs: 144/0.0254 pixels per metre).
        assertEquals(2 * PhaseDiagram.WIDTH, png.getWidth());
        assertTrue(png.getHeight() > 2 * PhaseDiagram.HEIGHT, "the panel plus the header line naming the setting");
        try (var stream = ImageIO.createImageInputStream(files.get(0).toFile())) {
            var reader = ImageIO.getImageReaders(stream).next();
            reader.setInput(stream);
            var root = (org.w3c.dom.Element) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            var phys = (org.w3c.dom.Element) root.getElementsByTagName("pHYs").item(0);
            assertEquals(Math.round(144 / 0.0254), Long.parseLong(phys.getAttribute("pixelsPerUnitXAxis")));
            assertEquals("meter", phys.getAttribute("unitSpecifier"));
            reader.dispose();
        }
        List<String> csv = Files.readAllLines(files.get(1));
        assertEquals(1 + 20, csv.size());
        assertTrue(Files.notExists(out.resolve("sea-fig1-left.svg")));
    }

    @Test
    void registryListsTheFiguresAndIsOpen() {
        FigureRegistry r = FigureRegistry.defaults();
        assertEquals(Set.of("sea-fig2", "sea-fig1-left", "sea-fig1", "sea-fig3", "sea-fig4", "sea-deconv-near-misses",
                "sea-deconv-separation", "sea-deconv-wrong-k", "sea-deconv-noise", "sea-deconv-gaussian-amplitudes",
                "sea-deconv-budget", "sea-deconv-work", "sea-deconv-exploration", "els-regression", "unfolding-fig1",
                "unfolding-fig2", "unfolding-fig3"), r.ids());
        for (Figure f : r.figures()) {
            assertTrue(!f.caption().isBlank() && !f.title().isBlank() && !f.inputs().isEmpty(), f.id());
        }
        Figure base = new SeaFigure1Left();
        Figure mine = new Figure() {
            @Override
            public String id() {
                return "my-fig";
            }

            @Override
            public String title() {
                return base.title();
            }

            @Override
            public String caption() {
                return base.caption();
            }

            @Override
            public List<FigureInput> inputs() {
                return base.inputs();
            }

            @Override
            public List<Path> draw(FigureInputs inputs, Path outputDir, FigureOptions options) throws IOException {
                return base.draw(inputs, outputDir, options);
            }
        };
        assertTrue(r.with(mine).contains("my-fig"));
        assertTrue(!r.contains("my-fig"), "with() returns a copy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.get("nope"));
        assertTrue(e.getMessage().contains("sea-fig2"));
    }

    @Test
    void badInputsAreReported(@TempDir Path out) throws IOException {
        Figure fig = new SeaFigure2();
        assertMessage("input 'thresholds' is missing", () -> fig.draw(FigureInputs.empty(), out, FigureOptions.DEFAULT));
        assertMessage("must be a readable file",
                () -> fig.draw(FigureInputs.of("thresholds", out.resolve("none.csv")), out, FigureOptions.DEFAULT));
        // Only the 95% rows: the 50% panel has nothing to draw.
        Path only95 = out.resolve("only95.csv");
        List<String> lines = Files.readAllLines(fixture());
        Files.write(only95, lines.stream().filter(l -> !l.contains(",0.5,\"exact")).toList());
        assertMessage("no thresholds at level 0.5",
                () -> fig.draw(FigureInputs.of("thresholds", only95), out, FigureOptions.DEFAULT));
        Path broken = out.resolve("broken.csv");
        Files.writeString(broken, lines.get(0) + "\n" + lines.get(1).replace(",0.08,", ",zero,") + "\n");
        IOException io = assertThrows(IOException.class,
                () -> fig.draw(FigureInputs.of("thresholds", broken), out, FigureOptions.DEFAULT));
        assertTrue(io.getMessage().contains("broken.csv:2"), io.getMessage());
        assertMessage("dpi", () -> FigureOptions.DEFAULT.withDpi(10));
        assertMessage("formats", () -> new FigureOptions(72, null));
        assertMessage("x and y", () -> PlottedPoint.of("p", "s", Double.NaN, 1));
        assertMessage("both", () -> new PlottedPoint("p", "s", 0, 1, 0.5, Double.NaN));
        assertMessage("figure must not be null", () -> FigureRegistry.empty().with(null));
        assertMessage("name and path", () -> FigureInputs.empty().with("thresholds", null));
        assertMessage("lowercase identifier", () -> new FigureInput("Bad name", "x"));
        assertMessage("panels (non-empty)", () -> FigureRendering.write("x", null, List.of(), List.of(), out,
                FigureOptions.DEFAULT));
        assertMessage("no thresholds at level 0.7", () -> PhaseDiagram.panel(
                ThresholdTable.read(fixture()), 0.7, "t", "p", false,
                new java.util.ArrayList<>()));
        assertMessage("inputs, outputDir and options", () -> new SeaFigure1Left().draw(null, out, FigureOptions.DEFAULT));
    }

    interface Action {
        void run() throws Exception;
    }

    static void assertMessage(String fragment, Action action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should contain '" + fragment + "'");
    }
}
