package io.sparserepro.figures;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * The house style of the suite's line charts: white background, a dark plot border, light
 * grid lines, readable sans-serif fonts, and the legend outside the plot on the right, where
 * it never covers a curve. Figures differ only in their font and marker sizes.
 */
final class ChartStyle {
    private ChartStyle() {
    }

    /** Applies the house style with these sizes (points; marker size in pixels at 72 dpi). */
    static void apply(XYChart chart, int titlePt, int legendPt, int axisTitlePt, int tickPt, int markerSize) {
        Styler s = chart.getStyler();
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, titlePt));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, legendPt));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.DARK_GRAY);
        s.setChartTitleBoxVisible(false);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setAntiAlias(true);
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, axisTitlePt));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, tickPt));
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setMarkerSize(markerSize);
    }
}
