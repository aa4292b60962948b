package io.sparserepro.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One figure of a paper. An implementation reads result files only — it never runs a solver
 * (issue 11) — and writes {@code <id>.png/.svg/.pdf/.csv} into the output directory, usually
 * through {@link FigureRendering}. Implementations are stateless and thread-safe.
 */
public interface Figure {

    /** Stable id, also the file stem: {@code sea-fig2}, {@code sea-fig1-left}, … */
    String id();

    /** A one-line title for {@code list figures} and the report. */
    String title();

    /** The paper's caption of the figure (verbatim where the paper is quoted). */
    String caption();

    /** The result files the figure reads. */
    List<FigureInput> inputs();

    /**
     * Draws the figure.
     *
     * @return the files written (images in the order of {@link ImageFormat}, then the CSV)
     * @throws IllegalArgumentException if an input is missing or its content does not fit the figure
     * @throws IOException              if an input cannot be read (a malformed file names its line)
     *                                  or an output cannot be written
     */
    List<Path> draw(FigureInputs inputs, Path outputDir, FigureOptions options) throws IOException;
}
