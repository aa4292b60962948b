package io.sparserepro.figures;

/**
 * One plotted point, a row of a figure's CSV ({@code panel,series,x,y,low,high}): a reader
 * re-plots the figure in their own style from these rows alone.
 *
 * @param panel  which panel of the figure (e.g. {@code 95%}), one value for single-panel figures
 * @param series the legend text of the curve
 * @param x      abscissa
 * @param y      ordinate
 * @param low    lower end of the band drawn around the point, NaN if none
 * @param high   upper end of the band, NaN if none
 */
public record PlottedPoint(String panel, String series, double x, double y, double low, double high) {
    public PlottedPoint {
        if (panel == null || series == null) {
            throw new IllegalArgumentException("panel and series must not be null");
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("x and y must be finite: " + x + ", " + y);
        }
        if (Double.isNaN(low) != Double.isNaN(high)) {
            throw new IllegalArgumentException("low and high must both be given or both be NaN: " + low + ", " + high);
        }
    }

    /** A point without a band. */
    public static PlottedPoint of(String panel, String series, double x, double y) {
        return new PlottedPoint(panel, series, x, y, Double.NaN, Double.NaN);
    }

    public boolean hasBand() {
        return !Double.isNaN(low);
    }
}
