package io.sparserepro.figures;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.VectorHints;
import de.erichseifert.vectorgraphics2d.intermediate.CommandSequence;
import de.erichseifert.vectorgraphics2d.intermediate.MutableCommandSequence;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.intermediate.commands.CreateCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DisposeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetColorCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetFontCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetPaintCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetStrokeCommand;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a figure: XChart panels laid side by side under an optional header line naming the
 * setting, as {@code <id>.png} (at the options' dpi), {@code <id>.svg} and {@code <id>.pdf}
 * (VectorGraphics2D, the vector back end XChart uses), plus {@code <id>.csv}, the plotted data
 * in tidy form ({@code panel,series,x,y,low,high}, one row per plotted point, empty low/high
 * where no band is drawn). All formats are painted by the same code, so they show the same
 * picture. Headless: the class sets {@code java.awt.headless=true} unless the caller chose
 * otherwise before AWT started.
 */
public final class FigureRendering {
    static {
        ensureHeadless();
    }

    /**
     * Sets {@code java.awt.headless=true} unless the caller chose a value. Called before any
     * chart is built (building one already measures fonts): it only takes effect if AWT has not
     * started yet, which is why figures call it first.
     */
    public static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The header's font size in layout points. */
    static final int HEADER_FONT_SIZE = 17;
    private static final int HEADER_HEIGHT = 36;

    /** The CSV columns. */
    public static final List<String> CSV_COLUMNS = List.of("panel", "series", "x", "y", "low", "high");

    private FigureRendering() {
    }

    /**
     * Writes the figure {@code id} into {@code outputDir} (created if needed).
     *
     * @param header one line above the panels naming the setting, or null for none
     * @param panels the charts, left to right, each painted at its own width and height
     * @param data   the plotted points, in the order they should appear in the CSV
     * @return the files written
     */
    public static List<Path> write(String id, String header, List<? extends Chart<?, ?>> panels,
                                   List<PlottedPoint> data, Path outputDir, FigureOptions options) throws IOException {
        if (panels == null || panels.isEmpty()) {
            throw new IllegalArgumentException("id, panels (non-empty), data, outputDir and options must be given");
        }
        return writeRows(id, header, List.of(panels), data, outputDir, options);
    }

    /**
     * As {@link #write}, with the panels in rows: each row left to right, the rows top to
     * bottom (a figure with one row of panels per data set).
     */
    public static List<Path> writeRows(String id, String header, List<? extends List<? extends Chart<?, ?>>> rows,
                                       List<PlottedPoint> data, Path outputDir, FigureOptions options)
            throws IOException {
        if (id == null || id.isBlank() || rows == null || rows.isEmpty() || rows.stream().anyMatch(
                r -> r == null || r.isEmpty()) || data == null || outputDir == null || options == null) {
            throw new IllegalArgumentException("id, rows of panels (non-empty), data, outputDir and options must be given");
        }
        Files.createDirectories(outputDir);
        int width = 0;
        int height = 0;
        for (List<? extends Chart<?, ?>> row : rows) {
            int rowWidth = 0;
            int rowHeight = 0;
            for (Chart<?, ?> c : row) {
                rowWidth += c.getWidth();
                rowHeight = Math.max(rowHeight, c.getHeight());
            }
            width = Math.max(width, rowWidth);
            height += rowHeight;
        }
        int top = header == null ? 0 : HEADER_HEIGHT;
        Layout layout = new Layout(header, rows, width, height + top, top);
        List<Path> written = new ArrayList<>();
        for (ImageFormat format : ImageFormat.values()) {
            if (!options.formats().contains(format)) {
                continue;
            }
            Path file = outputDir.resolve(id + "." + format.extension());
            if (format == ImageFormat.PNG) {
                writePng(layout, file, options.dpi());
            } else {
                writeVector(layout, file, format);
            }
            written.add(file);
        }
        Path csv = outputDir.resolve(id + ".csv");
        Files.writeString(csv, csv(data), StandardCharsets.UTF_8);
        written.add(csv);
        return written;
    }

    /** The CSV text of {@code data}. Numbers with {@link Double#toString} (exact round trip). */
    public static String csv(List<PlottedPoint> data) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            printer.printRecord(CSV_COLUMNS);
            for (PlottedPoint p : data) {
                printer.printRecord(p.panel(), p.series(), Double.toString(p.x()), Double.toString(p.y()),
                        p.hasBand() ? Double.toString(p.low()) : "", p.hasBand() ? Double.toString(p.high()) : "");
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    private record Layout(String header, List<? extends List<? extends Chart<?, ?>>> rows, int width, int height,
                          int top) {
        void paint(Graphics2D g) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            if (header != null) {
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, HEADER_FONT_SIZE));
                g.setColor(Color.BLACK);
                FontMetrics fm = g.getFontMetrics();
                g.drawString(header, Math.max(4, (width - fm.stringWidth(header)) / 2),
                        (top + fm.getAscent() - fm.getDescent()) / 2 + 2);
            }
            int y = top;
            for (List<? extends Chart<?, ?>> row : rows) {
                int x = 0;
                int rowHeight = 0;
                for (Chart<?, ?> c : row) {
                    Graphics2D sub = (Graphics2D) g.create(x, y, c.getWidth(), c.getHeight());
                    try {
                        c.paint(sub, c.getWidth(), c.getHeight());
                    } finally {
                        sub.dispose();
                    }
                    x += c.getWidth();
                    rowHeight = Math.max(rowHeight, c.getHeight());
                }
                y += rowHeight;
            }
        }
    }

    private static void writePng(Layout layout, Path file, int dpi) throws IOException {
        double scale = dpi / 72.0;
        BufferedImage image = new BufferedImage((int) Math.ceil(layout.width() * scale),
                (int) Math.ceil(layout.height() * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            layout.paint(g);
        } finally {
            g.dispose();
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer in this JVM");
        }
        ImageWriter writer = writers.next();
        try (OutputStream out = Files.newOutputStream(file);
             ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(
                    ImageTypeSpecifier.createFromRenderedImage(image), param);
            setResolution(metadata, dpi);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    /**
     * Records the resolution in the PNG's pHYs chunk (pixels per metre) so that LaTeX and
     * viewers size the image correctly. Written through the PNG plugin's native metadata: the
     * standard-format pixel size is read inverted by some JDKs (JDK-5106305).
     */
    private static void setResolution(IIOMetadata metadata, int dpi) throws IOException {
        String pixelsPerMetre = Long.toString(Math.round(dpi / 0.0254));
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        phys.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
        phys.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        metadata.mergeTree("javax_imageio_png_1.0", root);
    }

    /**
     * Drawing units per layout point. VectorGraphics2D's PDF back end reads the page and the
     * drawing in millimetres (it scales both by 72/25.4 into PDF points); the layout is in
     * points, so a PDF is drawn at 25.4/72 mm per point and its page is the layout's size in
     * points. The SVG back end uses the layout's units as they are.
     */
    private static double unit(ImageFormat format) {
        return format == ImageFormat.PDF ? 25.4 / 72 : 1;
    }

    /**
     * The commands without the stroke, font and colour settings that repeat the current one. XChart
     * sets the stroke before every marker and line, and VectorGraphics2D's PDF back end writes a
     * graphics state for each setting, resolving the physical font anew every time (a text
     * layout, ~10 µs): a figure with thousands of markers took 16 s to write as PDF. The state
     * is tracked per nested graphics (Create/Dispose), so nothing that changes the drawing is
     * dropped.
     */
    static CommandSequence withoutRepeatedState(CommandSequence commands) {
        MutableCommandSequence out = new MutableCommandSequence();
        Deque<Object[]> saved = new ArrayDeque<>();
        Object[] current = new Object[3]; // stroke, font, paint (a colour is a paint: one slot)
        for (Command<?> c : commands) {
            if (c instanceof CreateCommand) {
                saved.push(current.clone());
            } else if (c instanceof DisposeCommand && !saved.isEmpty()) {
                current = saved.pop();
            } else if (c instanceof SetStrokeCommand || c instanceof SetFontCommand || c instanceof SetColorCommand
                    || c instanceof SetPaintCommand) {
                int slot = c instanceof SetStrokeCommand ? 0 : c instanceof SetFontCommand ? 1 : 2;
                if (c.getValue().equals(current[slot])) {
                    continue;
                }
                current[slot] = c.getValue();
            }
            out.add(c);
        }
        return out;
    }

    private static PageSize pageSize(Layout layout, ImageFormat format) {
        return new PageSize(0, 0, layout.width() * unit(format), layout.height() * unit(format));
    }

    private static void writeVector(Layout layout, Path file, ImageFormat format) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        if (format == ImageFormat.PDF) {
            // The PDF back end only knows the 14 standard fonts, which lack ζ, ρ and ℓ: draw
            // text as outlines of the Java font instead (readable, not selectable).
            g.setRenderingHint(VectorHints.KEY_TEXT, VectorHints.VALUE_TEXT_VECTOR);
        }
        g.scale(unit(format), unit(format));
        layout.paint(g);
        Processor processor = Processors.get(format.extension());
        Document document = processor.getDocument(withoutRepeatedState(g.getCommands()), pageSize(layout, format));
        try (OutputStream out = Files.newOutputStream(file)) {
            document.writeTo(out);
        }
    }
}
