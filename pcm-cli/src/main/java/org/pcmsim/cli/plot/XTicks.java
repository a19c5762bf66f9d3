package org.pcmsim.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * Tick marks and labels of the x axis at values we choose (t0 / 1 h / 1 d / 1 mo / 1 yr on a log
 * time axis, 1 / 2 / 4 / 8 slices), drawn below the plot area.
 *
 * <p>Why an annotation: XChart 4.0.3 places ticks where its own calculator wants them (decades on
 * a log axis) and offers no way to set positions. The chart keeps its own x tick labels, drawn in a
 * transparent colour, so that it still reserves the room below the plot; this annotation then
 * draws the real ticks there, mapping values through the chart's own axis so they line up with the
 * data exactly. Vertical grid lines are drawn as a series instead (see {@link FigurePlotter}),
 * because annotations are painted after the legend and would cross it.
 */
final class XTicks extends Annotation {
    private final List<Tick> major;
    private final List<Double> minor;

    /**
     * @param value x in data units
     * @param label the text below the tick
     */
    record Tick(double value, String label) {
    }

    /**
     * @param major labelled ticks
     * @param minor short unlabelled ticks
     */
    XTicks(List<Tick> major, List<Double> minor) {
        super(false);
        this.major = List.copyOf(major);
        this.minor = List.copyOf(minor);
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        AxesChartStyler s = (AxesChartStyler) styler;
        int left = getXAxisScreenValueForMin();
        int right = getXAxisScreenValueForMax();
        int bottom = getYAxisScreenValueForMax();
        int len = s.getAxisTickMarkLength();
        Color oldColor = g.getColor();
        Stroke oldStroke = g.getStroke();
        Object oldAa = g.getRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(s.getAxisTickMarksColor() == null ? Color.BLACK : Color.DARK_GRAY);
        g.setStroke(new BasicStroke(2f));
        for (double v : minor) {
            int x = getXAxisScreenValue(v);
            if (x >= left && x <= right) {
                g.drawLine(x, bottom, x, bottom + len / 2);
            }
        }
        g.setFont(s.getAxisTickLabelsFont());
        FontMetrics fm = g.getFontMetrics();
        for (Tick t : major) {
            int x = getXAxisScreenValue(t.value());
            if (x < left - 1 || x > right + 1) {
                continue;
            }
            g.setColor(Color.DARK_GRAY);
            g.drawLine(x, bottom, x, bottom + len);
            g.setColor(Color.BLACK);
            int w = fm.stringWidth(t.label());
            g.drawString(t.label(), x - w / 2f, bottom + len + s.getAxisTickPadding() + fm.getAscent());
        }
        g.setColor(oldColor);
        g.setStroke(oldStroke);
        if (oldAa != null) {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, oldAa);
        }
    }
}
