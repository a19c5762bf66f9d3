package org.pcmsim.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.AxesChartStyler;
import org.pcmsim.experiment.ReadTimes;

/**
 * Tick marks and labels of the x axis at values we choose (t0 / 1 h / 1 d / 1 mo / 1 yr on a log
 * time axis, 1 / 2 / 4 / 8 slices), drawn below the plot area.
 *
 * <p>Why an annotation: XChart 4.0.3 places ticks where its own calculator wants them (decades on
 * a log axis) and offers no way to set positions. The chart keeps its own x tick labels, drawn in a
 * transparent colour, so that it still reserves the room below the plot; this annotation then
 * draws the real ticks there, mapping values through the chart's own axis so they line up with the
 * data exactly. Vertical grid lines are drawn as a series instead (see {@link PanelChart}),
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

    /**
     * @param xs the x values of a panel's points
     * @return one labelled tick at each distinct value (n_W, b_W, weight clip)
     */
    static List<Tick> atValues(List<Double> xs) {
        List<Tick> ticks = new ArrayList<>();
        for (double x : new TreeSet<>(xs)) {
            ticks.add(new Tick(x, Labels.trim(x)));
        }
        return ticks;
    }

    /**
     * @param min smallest time drawn, s
     * @param max largest time drawn, s
     * @return the ticks t0, 1 h, 1 d, 1 mo, 1 yr that fall in the range
     */
    static List<Tick> times(double min, double max) {
        double[] at = {ReadTimes.T0, ReadTimes.HOUR, ReadTimes.DAY, ReadTimes.MONTH, ReadTimes.YEAR};
        String[] label = {"t₀", "1h", "1d", "1mo", "1yr"};
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < at.length; i++) {
            if (at[i] >= min * (1 - 1e-9) && at[i] <= max * (1 + 1e-9)) {
                ticks.add(new Tick(at[i], label[i]));
            }
        }
        return ticks;
    }

    /**
     * @param min smallest x drawn
     * @param max largest x drawn
     * @return the minor ticks of a log axis (1 … 9 × each power of ten) in the range
     */
    static List<Double> minorLog(double min, double max) {
        List<Double> minor = new ArrayList<>();
        for (int e = (int) Math.floor(Math.log10(min)); e <= (int) Math.ceil(Math.log10(max)); e++) {
            for (int m = 1; m <= 9; m++) {
                double v = m * Math.pow(10, e);
                if (v >= min && v <= max) {
                    minor.add(v);
                }
            }
        }
        return minor;
    }
}
