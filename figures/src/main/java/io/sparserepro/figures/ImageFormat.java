package io.sparserepro.figures;

/** The image files a figure can write (the plotted data CSV is always written). */
public enum ImageFormat {
    /** Bitmap at {@link FigureOptions#dpi()}. */
    PNG("png"),
    /** Vector, text kept as text (editable, searchable). */
    SVG("svg"),
    /** Vector for LaTeX, text drawn as outlines so that Greek letters need no embedded font. */
    PDF("pdf");

    private final String extension;

    ImageFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }
}
