/**
 * The figures of the papers: one {@link io.sparserepro.figures.Figure} class per figure, listed
 * by {@link io.sparserepro.figures.FigureRegistry}. A figure reads result files only (never
 * solves) and writes {@code <id>.png}, {@code <id>.svg}, {@code <id>.pdf} and the plotted data
 * {@code <id>.csv} through {@link io.sparserepro.figures.FigureRendering}, headless.
 */
package io.sparserepro.figures;
