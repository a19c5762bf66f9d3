package org.pcmsim.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.pcmsim.experiment.XAxis;

/**
 * One panel as an XChart chart in the published look: fonts and paddings for 150 dpi, white
 * background with horizontal grid lines, about eight y ticks, our own x ticks ({@link XTicks}),
 * mean ± 1σ as capped error bars (n_W, b_W, clip axes) or translucent bands (time axes), and the
 * curves styled by {@link SeriesStyle}.
 */
final class PanelChart {
    private static final Color GRID = new Color(0xE3E3E3);
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    private PanelChart() {
    }

    /**
     * @param axis the figure's x axis
     * @param panel the panel
     * @param width chart width, px
     * @param height chart height, px
     * @param yRange the y range shared by the figure's panels
     * @param yTitle the y-axis title, or null for none (panels after the first)
     * @param legend whether to show a legend
     * @return the chart
     */
    static XYChart of(XAxis axis, Panel panel, int width, int height, double[] yRange, String yTitle,
                      boolean legend) {
        XYChart c = new XYChart(width, height);
        c.setTitle(panel.title());
        c.setXAxisTitle(Labels.xTitle(axis));
        c.setYAxisTitle(yTitle == null ? "" : yTitle);
        boolean time = axis == XAxis.TIME;
        XYStyler s = c.getStyler();
        style(s, yRange, yTitle != null, legend);
        s.setXAxisLogarithmic(time);

        List<Double> xs = new ArrayList<>();
        for (Curve cv : panel.curves()) {
            if (cv.role() == SeriesRole.REFERENCE_LEVEL) {
                continue;
            }
            for (double x : cv.x()) {
                xs.add(x);
            }
        }
        double xMin = xs.stream().min(Comparator.naturalOrder()).orElse(1.0);
        double xMax = xs.stream().max(Comparator.naturalOrder()).orElse(1.0);
        List<XTicks.Tick> ticks = time ? XTicks.times(xMin, xMax) : XTicks.atValues(xs);
        addGridLines(c, ticks, yRange);

        List<String> used = new ArrayList<>();
        List<SeriesStyle> styles = SeriesStyle.of(axis, panel);
        // Where curves share colours and lines by factor, the legend keys the factors instead of the curves.
        List<LegendEntry> key = PeripheryKey.applies(panel) ? PeripheryKey.legend(panel, styles) : List.of();
        for (int i = 0; i < panel.curves().size(); i++) {
            Curve cv = panel.curves().get(i);
            SeriesStyle st = styles.get(i);
            String name = unique(cv.label(), used);
            if (cv.role() == SeriesRole.REFERENCE_LEVEL) {
                // A single-valued non-analog baseline (e.g. the digital accuracy of Figure 5) is a level,
                // drawn across the panel rather than as one point at n_W = 0.
                line(c, name, new double[] {xMin, xMax}, new double[] {cv.y()[0], cv.y()[0]}, st)
                        .setShowInLegend(key.isEmpty());
                continue;
            }
            if (cv.theory()) {
                line(c, name, cv.x(), cv.y(), st).setShowInLegend(key.isEmpty());
                continue;
            }
            if (time) {
                addBand(c, name, cv, st);
            } else {
                addErrorBars(c, name, cv, st.colour(), xMax - xMin);
            }
            XYSeries ser = c.addSeries(name, cv.x(), cv.y());
            ser.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            ser.setLineColor(st.colour());
            ser.setMarkerColor(st.colour());
            ser.setMarker(st.marker());
            ser.setLineStyle(st.stroke());
            ser.setShowInLegend(key.isEmpty());
        }
        for (LegendEntry e : key) {
            legendOnly(c, unique(e.label(), used), xMin, e.style());
        }
        List<String> labels = key.isEmpty() ? panel.curves().stream().map(Curve::label).toList()
                : key.stream().map(LegendEntry::label).toList();
        s.setLegendPosition(LegendPlacement.corner(panel, labels, yRange, time, xMin, xMax));
        List<Double> minor = time ? XTicks.minorLog(xMin, xMax) : List.of();
        c.addAnnotation(new XTicks(ticks, minor));
        return c;
    }

    /** The published look: fonts, paddings, grid, y range and ticks; XChart's own x ticks hidden. */
    private static void style(XYStyler s, double[] yRange, boolean yTitle, boolean legend) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.BLACK);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(FigurePlotter.FONT, Font.PLAIN, 30));
        s.setAxisTitleFont(new Font(FigurePlotter.FONT, Font.PLAIN, 28));
        s.setAxisTickLabelsFont(new Font(FigurePlotter.FONT, Font.PLAIN, 23));
        s.setLegendFont(new Font(FigurePlotter.FONT, Font.PLAIN, 20));
        s.setYAxisTitleVisible(yTitle);
        s.setChartPadding(14);
        s.setPlotContentSize(0.94);
        s.setAxisTickMarkLength(9);
        s.setAxisTickPadding(8);
        s.setAxisTitlePadding(14);
        s.setMarkerSize(15);
        s.setLegendSeriesLineLength(56);
        s.setLegendPadding(12);
        s.setLegendBorderColor(new Color(0xCCCCCC));
        s.setLegendBackgroundColor(new Color(255, 255, 255, 225));
        s.setLegendVisible(legend);
        s.setPlotGridVerticalLinesVisible(false);
        s.setPlotGridHorizontalLinesVisible(true);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1.5f));
        s.setYAxisMin(yRange[0]);
        s.setYAxisMax(yRange[1]);
        // About eight labelled y ticks, as in the published figures, rather than XChart's dense default.
        s.setYAxisTickMarkSpacingHint(85);
        // XChart's default pattern drops the leading zero (".04").
        s.setYAxisDecimalPattern(yRange[1] - yRange[0] < 2 ? "0.00#" : "0.#");
        // XChart's own x ticks only reserve room; XTicks draws the ticks we want there.
        s.setXAxisTickLabelsColor(TRANSPARENT);
        s.setXAxisTickMarksColor(TRANSPARENT);
        s.setAntiAlias(true);
    }

    /** A plain line without markers (theory curves, reference levels). */
    private static XYSeries line(XYChart c, String name, double[] x, double[] y, SeriesStyle st) {
        XYSeries ser = c.addSeries(name, x, y);
        ser.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        ser.setMarker(SeriesMarkers.NONE);
        ser.setLineColor(st.colour());
        ser.setLineStyle(st.stroke());
        return ser;
    }

    /** A series that only draws its legend line: one point with no y, so nothing in the plot. */
    private static void legendOnly(XYChart c, String name, double x, SeriesStyle st) {
        XYSeries ser = c.addSeries(name, new double[] {x}, new double[] {Double.NaN});
        ser.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        ser.setMarker(st.marker());
        ser.setMarkerColor(st.colour());
        ser.setLineColor(st.colour());
        ser.setLineStyle(st.stroke());
    }

    /** XChart needs distinct series names; a repeated label gets trailing spaces. */
    private static String unique(String label, List<String> used) {
        String name = label;
        while (used.contains(name)) {
            name = name + " ";
        }
        used.add(name);
        return name;
    }

    /** ±1σ error bars with caps, one series of NaN-separated segments (XChart's own are 1 px, capless). */
    private static void addErrorBars(XYChart c, String name, Curve cv, Color col, double xSpan) {
        double cap = 0.012 * Math.max(xSpan, 1);
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < cv.x().length; i++) {
            double e = cv.err()[i];
            if (!(e > 0)) {
                continue;
            }
            double x = cv.x()[i];
            double lo = cv.y()[i] - e;
            double hi = cv.y()[i] + e;
            pts.add(new double[] {x, lo});
            pts.add(new double[] {x, hi});
            pts.add(new double[] {x, Double.NaN});
            pts.add(new double[] {x - cap, hi});
            pts.add(new double[] {x + cap, hi});
            pts.add(new double[] {x, Double.NaN});
            pts.add(new double[] {x - cap, lo});
            pts.add(new double[] {x + cap, lo});
            pts.add(new double[] {x, Double.NaN});
        }
        if (pts.isEmpty()) {
            return;
        }
        XYSeries ser = c.addSeries(name + " \u00b1\u03c3", column(pts, 0), column(pts, 1));
        ser.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        ser.setMarker(SeriesMarkers.NONE);
        ser.setLineColor(col);
        ser.setLineStyle(new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        ser.setShowInLegend(false);
    }

    /** A translucent ±1σ band: a closed polygon along mean + σ and back along mean − σ. */
    private static void addBand(XYChart c, String name, Curve cv, SeriesStyle st) {
        int n = cv.x().length;
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double e = Double.isFinite(cv.err()[i]) ? cv.err()[i] : 0;
            x[i] = cv.x()[i];
            y[i] = cv.y()[i] + e;
            x[2 * n - 1 - i] = cv.x()[i];
            y[2 * n - 1 - i] = cv.y()[i] - e;
        }
        XYSeries ser = c.addSeries(name + " band", x, y);
        ser.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        ser.setMarker(SeriesMarkers.NONE);
        ser.setLineStyle(SeriesLines.NONE);
        ser.setFillColor(st.band());
        ser.setLineColor(st.band());
        ser.setShowInLegend(false);
    }

    /** Vertical grid lines at the chosen ticks, drawn first so data and legend cover them. */
    private static void addGridLines(XYChart c, List<XTicks.Tick> ticks, double[] yRange) {
        List<double[]> pts = new ArrayList<>();
        for (XTicks.Tick t : ticks) {
            pts.add(new double[] {t.value(), yRange[0]});
            pts.add(new double[] {t.value(), yRange[1]});
            pts.add(new double[] {t.value(), Double.NaN});
        }
        if (pts.isEmpty()) {
            return;
        }
        XYSeries ser = c.addSeries("\u200bgrid", column(pts, 0), column(pts, 1));
        ser.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        ser.setMarker(SeriesMarkers.NONE);
        ser.setLineColor(GRID);
        ser.setLineStyle(new BasicStroke(1.5f));
        ser.setShowInLegend(false);
    }

    private static double[] column(List<double[]> pts, int k) {
        return pts.stream().mapToDouble(p -> p[k]).toArray();
    }
}
