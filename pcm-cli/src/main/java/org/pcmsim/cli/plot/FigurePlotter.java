package org.pcmsim.cli.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.pcmsim.cli.output.ProvenanceSummary;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.XAxis;

/**
 * Draws a {@link FigureResult} in the published layout: a figure title with the trial count, one
 * XChart panel per read time (n_W and b_W axes: t0 and one month, mean ± 1σ error bars, theory as
 * thin grey lines) or per panel group (time axes: log scale with t0 / 1 h / 1 d / 1 mo / 1 yr ticks,
 * ±1σ bands), a shared y range, a legend where the data leaves room, and a provenance line.
 *
 * <p>Works from the result alone, so any producer's figure can be drawn; the y label follows the
 * metric ({@code eta}: normalised MVM error η, {@code accuracy}: test accuracy in %). The parts:
 * {@link Panel} (rows to panels and curves), {@link Labels} (the words), {@link SeriesStyle} (curve
 * to colour, marker and line), {@link PanelChart} (the XChart chart of a panel), {@link XTicks} and
 * {@link LegendPlacement}; {@link TextBand} draws the title and the foot.
 */
public final class FigurePlotter {
    /** Width of one panel, px; two panels make 2400 × 1000 px, 16 × 6.7 in at 150 dpi. */
    public static final int PANEL_WIDTH = 1200;
    /** Height of the whole figure, px. */
    public static final int HEIGHT = 1000;
    /** The resolution the sizes are designed for, written into the PNG. */
    public static final int DPI = 150;

    static final String FONT = Font.SANS_SERIF;
    private static final int TITLE_BAND = 84;
    private static final int FOOT_BAND = 46;
    private static final TextBand TITLE = new TextBand(0, TITLE_BAND, 34, 26, 16, true, ", ");
    private static final TextBand FOOT = new TextBand(HEIGHT - FOOT_BAND, FOOT_BAND - 6, 19, 15, 11, false, " · ");

    private FigurePlotter() {
    }

    /**
     * Lays out a figure; nothing is drawn until {@link Figure#paint} or a {@code write} method.
     *
     * @param r the result
     * @return the figure
     */
    public static Figure plot(FigureResult r) {
        List<Panel> panels = Panel.of(r);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("figure " + r.name() + " has no points to draw");
        }
        double[] yRange = yRange(panels);
        String yTitle = Labels.yTitle(r);
        List<XYChart> charts = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            boolean legend = r.xAxis() == XAxis.TIME || r.xAxis() == XAxis.WEIGHT_CLIP || i == panels.size() - 1;
            charts.add(PanelChart.of(r.xAxis(), panels.get(i), PANEL_WIDTH, HEIGHT - TITLE_BAND - FOOT_BAND, yRange,
                    i == 0 ? yTitle : null, legend));
        }
        return new Figure(Labels.title(r), ProvenanceSummary.oneLine(r), charts);
    }

    /** A laid-out figure: panels side by side under a title, a provenance line at the foot. */
    public static final class Figure {
        private final String title;
        private final String foot;
        private final List<XYChart> charts;

        Figure(String title, String foot, List<XYChart> charts) {
            this.title = title;
            this.foot = foot;
            this.charts = List.copyOf(charts);
        }

        /** @return width, px */
        public int width() {
            return PANEL_WIDTH * charts.size();
        }

        /** @return height, px */
        public int height() {
            return HEIGHT;
        }

        /** @return the figure title */
        public String title() {
            return title;
        }

        /** @return the provenance line drawn at the foot */
        public String foot() {
            return foot;
        }

        /**
         * Paints the whole figure at (0, 0).
         *
         * @param g a graphics of at least {@link #width()} × {@link #height()}
         */
        public void paint(Graphics2D g) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width(), height());
            g.setColor(Color.BLACK);
            TITLE.draw(g, title, width());
            int panelHeight = HEIGHT - TITLE_BAND - FOOT_BAND;
            for (int i = 0; i < charts.size(); i++) {
                AffineTransform t = g.getTransform();
                Shape clip = g.getClip();
                g.translate(i * PANEL_WIDTH, TITLE_BAND);
                g.clipRect(0, 0, PANEL_WIDTH, panelHeight);
                charts.get(i).paint(g, PANEL_WIDTH, panelHeight);
                g.setTransform(t);
                g.setClip(clip);
            }
            g.setColor(new Color(0x555555));
            FOOT.draw(g, foot, width());
        }
    }

    /** One y range for every panel: the data ± 1σ with 5 % room, or ±1 around a single value. */
    private static double[] yRange(List<Panel> panels) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Panel p : panels) {
            for (Curve c : p.curves()) {
                for (int i = 0; i < c.y().length; i++) {
                    double e = Double.isFinite(c.err()[i]) ? c.err()[i] : 0;
                    if (Double.isFinite(c.y()[i])) {
                        lo = Math.min(lo, c.y()[i] - e);
                        hi = Math.max(hi, c.y()[i] + e);
                    }
                }
            }
        }
        if (!(hi > lo)) {
            double mid = Double.isFinite(lo) ? lo : 0;
            return new double[] {mid - 1, mid + 1};
        }
        double pad = 0.05 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }
}
