package io.sparserepro.figures;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a figure is written.
 *
 * @param dpi     resolution of the PNG: 72 draws one pixel per point of the layout (the
 *                default, for screens); 300 is print quality (the image is 300/72 times larger
 *                and carries its resolution in its pHYs chunk). SVG and PDF are resolution-free.
 * @param formats the image files to write; the CSV of the plotted data is always written
 */
public record FigureOptions(int dpi, Set<ImageFormat> formats) {
    public static final int MIN_DPI = 72;
    public static final int MAX_DPI = 1200;

    /** 72 dpi, PNG, SVG and PDF. */
    public static final FigureOptions DEFAULT = new FigureOptions(72, EnumSet.allOf(ImageFormat.class));

    public FigureOptions {
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            throw new IllegalArgumentException("dpi must be in [" + MIN_DPI + ", " + MAX_DPI + "]: " + dpi);
        }
        if (formats == null) {
            throw new IllegalArgumentException("formats must not be null");
        }
        EnumSet<ImageFormat> copy = EnumSet.noneOf(ImageFormat.class);
        for (ImageFormat f : formats) {
            if (f == null) {
                throw new IllegalArgumentException("formats must not contain null: " + formats);
            }
            copy.add(f);
        }
        // Unmodifiable, iterating in enum order (PNG, SVG, PDF) whatever the caller passed.
        formats = java.util.Collections.unmodifiableSet(copy);
    }

    public FigureOptions withDpi(int value) {
        return new FigureOptions(value, formats);
    }

    public FigureOptions withFormats(Set<ImageFormat> value) {
        return new FigureOptions(dpi, value);
    }

    /** PNG scale factor: pixels per layout point. */
    public double scale() {
        return dpi / 72.0;
    }
}
