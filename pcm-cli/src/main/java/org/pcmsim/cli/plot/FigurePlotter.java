package org.pcmsim.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.pcmsim.cli.output.ProvenanceSummary;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.experiment.ResultRow;
import org.pcmsim.experiment.XAxis;

/**
 * Draws a {@link FigureResult} in the published layout: a figure title with the trial count, one
 * XChart panel per read time (n_W and b_W axes: t0 and one month, mean ± 1σ error bars, theory as
 * thin grey lines) or per panel group (time axes: log scale with t0 / 1 h / 1 d / 1 mo / 1 yr ticks,
 * ±1σ bands), a shared y range, a legend where the data leaves room, and a provenance line.
 *
 * <p>Works from the result alone, so any producer's figure can be drawn; the y label follows the
 * metric ({@code eta}: normalised MVM error η, {@code accuracy}: test accuracy in %).
 */
public final class FigurePlotter {
    /** Width of one panel, px; two panels make 2400 × 1000 px, 16 × 6.7 in at 150 dpi. */
    public static final int PANEL_WIDTH = 1200;
    /** Height of the whole figure, px. */
    public static final int HEIGHT = 1000;
    /** The resolution the sizes are designed for, written into the PNG. */
    public static final int DPI = 150;

    private static final int TITLE_BAND = 84;
    private static final int FOOT_BAND = 46;
    private static final String FONT = Font.SANS_SERIF;

    // matplotlib's tab10, the palette of the published figures.
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22), new Color(0x7f7f7f)};
    private static final Color BASELINE = new Color(0x4d4d4d);
    private static final Color THEORY = new Color(0x777777);
    private static final Color GRID = new Color(0xE3E3E3);
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    private FigurePlotter() {
    }

    /**
     * Lays out a figure; nothing is drawn until {@link Figure#paint} or a {@code write} method.
     *
     * @param r the result
     * @return the figure
     */
    public static Figure plot(FigureResult r) {
        List<Panel> panels = panels(r);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("figure " + r.name() + " has no points to draw");
        }
        double[] yRange = yRange(panels);
        String yTitle = yTitle(r);
        List<XYChart> charts = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            boolean legend = r.xAxis() == XAxis.TIME || r.xAxis() == XAxis.WEIGHT_CLIP || i == panels.size() - 1;
            charts.add(chart(r, panels.get(i), yRange, i == 0 ? yTitle : null, legend));
        }
        return new Figure(title(r), ProvenanceSummary.oneLine(r), charts);
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
            drawText(g, title, width(), 0, TITLE_BAND, 34, 26, 16, true, ", ");
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
            drawText(g, foot, width(), HEIGHT - FOOT_BAND, FOOT_BAND - 6, 19, 15, 11, false, " · ");
        }

        /**
         * Draws text in a horizontal band of the figure: on one line at the largest size from
         * {@code size} down to {@code oneLineMin} that fits the width, else on two lines broken at the
         * separator nearest the middle, at the largest size down to {@code twoLineMin} that fits (long
         * titles of one-panel figures, long provenance lines).
         */
        private static void drawText(Graphics2D g, String text, int width, int top, int band, int size,
                                     int oneLineMin, int twoLineMin, boolean center, String separator) {
            int room = width - 48;
            for (int s = size; s >= oneLineMin; s--) {
                g.setFont(new Font(FONT, Font.PLAIN, s));
                FontMetrics fm = g.getFontMetrics();
                if (fm.stringWidth(text) <= room || s == oneLineMin && text.indexOf(separator) < 0) {
                    float y = top + (band - fm.getHeight()) / 2f + fm.getAscent();
                    g.drawString(text, center ? (width - fm.stringWidth(text)) / 2f : 24, y);
                    return;
                }
            }
            int mid = text.length() / 2;
            int before = text.lastIndexOf(separator, mid);
            int after = text.indexOf(separator, mid);
            int at = before < 0 ? after : after < 0 ? before : mid - before <= after - mid ? before : after;
            String[] lines = {text.substring(0, at + separator.stripTrailing().length()).strip(),
                text.substring(at + separator.length()).strip()};
            for (int s = Math.min(size, oneLineMin); s >= twoLineMin; s--) {
                g.setFont(new Font(FONT, Font.PLAIN, s));
                FontMetrics fm = g.getFontMetrics();
                boolean fits = fm.stringWidth(lines[0]) <= room && fm.stringWidth(lines[1]) <= room
                        && 2 * fm.getHeight() <= band;
                if (fits || s == twoLineMin) {
                    float y = top + (band - 2 * fm.getHeight()) / 2f + fm.getAscent();
                    for (String line : lines) {
                        g.drawString(line, center ? (width - fm.stringWidth(line)) / 2f : 24, y);
                        y += fm.getHeight();
                    }
                    return;
                }
            }
        }
    }

    /** One panel: a title and its curves. */
    record Panel(String title, List<Curve> curves) {
    }

    // ---- data -> panels --------------------------------------------------------------------------

    static List<Panel> panels(FigureResult r) {
        List<Panel> panels = new ArrayList<>();
        if (r.xAxis() == XAxis.TIME || r.xAxis() == XAxis.WEIGHT_CLIP) {
            java.util.function.ToDoubleFunction<ResultRow> x =
                    r.xAxis() == XAxis.TIME ? ResultRow::timeS : ResultRow::weightClip;
            Set<String> titles = new LinkedHashSet<>(r.panels().values());
            if (titles.isEmpty()) {
                titles.add("");
            }
            for (String title : titles) {
                List<ResultRow> rows = r.rows().stream()
                        .filter(row -> title.equals(r.panels().getOrDefault(row.series(), "")))
                        .toList();
                panels.add(new Panel(title, curves(rows, x)));
            }
        } else {
            for (double t : r.times()) {
                List<ResultRow> rows = r.rows().stream().filter(row -> sameTime(row.timeS(), t)).toList();
                java.util.function.ToDoubleFunction<ResultRow> x =
                        r.xAxis() == XAxis.N_SLICES ? ResultRow::nW : ResultRow::base;
                panels.add(new Panel(timePanelTitle(t), curves(rows, x)));
            }
        }
        panels.removeIf(p -> p.curves().isEmpty());
        return panels;
    }

    private static boolean sameTime(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }

    private static List<Curve> curves(List<ResultRow> rows, java.util.function.ToDoubleFunction<ResultRow> x) {
        // Series in first-appearance order; a theory series is keyed apart from a simulated one.
        Map<String, List<ResultRow>> bySeries = new LinkedHashMap<>();
        for (ResultRow row : rows) {
            bySeries.computeIfAbsent(row.series() + "\u0000" + row.metric(), k -> new ArrayList<>()).add(row);
        }
        List<Curve> curves = new ArrayList<>();
        for (List<ResultRow> s : bySeries.values()) {
            // One point per x: a theory series is repeated once per simulated series it calibrates on.
            TreeMap<Double, ResultRow> byX = new TreeMap<>();
            for (ResultRow row : s) {
                byX.putIfAbsent(x.applyAsDouble(row), row);
            }
            double[] xs = new double[byX.size()];
            double[] ys = new double[xs.length];
            double[] es = new double[xs.length];
            int i = 0;
            for (Map.Entry<Double, ResultRow> e : byX.entrySet()) {
                xs[i] = e.getKey();
                ys[i] = e.getValue().mean();
                es[i] = e.getValue().std();
                i++;
            }
            ResultRow first = s.get(0);
            curves.add(new Curve(first.series(), first.algorithm(), first.base(), first.nW(),
                    isTheory(first.metric()), xs, ys, es));
        }
        // Theory first, as published: its thin lines then sit under the data and head the legend.
        List<Curve> ordered = new ArrayList<>(curves.stream().filter(Curve::theory)
                .sorted(Comparator.comparingInt(Curve::base)).toList());
        ordered.addAll(curves.stream().filter(c -> !c.theory()).toList());
        return ordered;
    }

    private static boolean isTheory(String metric) {
        return metric.endsWith("_theory");
    }

    // ---- text ------------------------------------------------------------------------------------

    static String title(FigureResult r) {
        Object trials = r.provenance().get("trials");
        if (trials == null && !r.rows().isEmpty()) {
            trials = r.rows().get(0).trials();
        }
        String unit = "accuracy".equals(simulatedMetric(r)) ? " chips" : " trials";
        StringBuilder t = new StringBuilder(r.title());
        if (trials != null) {
            t.append(" (").append(trials).append(unit).append(" per point");
            if (r.provenance().get("device") instanceof PcmDeviceModel d) {
                if (d.conventions().equals("published")) {
                    t.append("; published engine's conventions");
                } else if (d.readNoiseNormalization() == ReadNoiseNormalization.SLICE_MAX) {
                    t.append("; read noise normalised by slice max");
                }
            }
            t.append(')');
        }
        return t.toString();
    }

    private static String simulatedMetric(FigureResult r) {
        return r.rows().stream().map(ResultRow::metric).filter(m -> !isTheory(m)).findFirst().orElse("eta");
    }

    static String yTitle(FigureResult r) {
        String metric = simulatedMetric(r);
        return switch (metric) {
            case "eta" -> "Normalised MVM error η";
            case "eta_float" -> "MVM error η vs the real product w·x";
            case "accuracy" -> "Test accuracy (%)";
            default -> metric;
        };
    }

    static String xTitle(XAxis axis) {
        return switch (axis) {
            case N_SLICES -> "Number of slices n_W";
            case BASE -> "Base b_W";
            case TIME -> "Time after programming";
            case WEIGHT_CLIP -> "Weight clip k (σ)";
        };
    }

    static String timePanelTitle(double t) {
        if (sameTime(t, ReadTimes.T0)) {
            return "At t₀ = 20 s (programming + read noise)";
        }
        return "At " + humanTime(t) + " (+ drift)";
    }

    /**
     * @param t seconds after programming
     * @return e.g. {@code 1 month}, {@code 1 day}, {@code 2.5 h}
     */
    static String humanTime(double t) {
        if (sameTime(t, ReadTimes.YEAR)) {
            return "1 year";
        }
        if (sameTime(t, ReadTimes.MONTH)) {
            return "1 month";
        }
        if (t >= ReadTimes.DAY) {
            return trim(t / ReadTimes.DAY) + (sameTime(t, ReadTimes.DAY) ? " day" : " days");
        }
        if (t >= ReadTimes.HOUR) {
            return trim(t / ReadTimes.HOUR) + " h";
        }
        if (t >= 60) {
            return trim(t / 60) + " min";
        }
        return trim(t) + " s";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    // ---- drawing ---------------------------------------------------------------------------------

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

    private static XYChart chart(FigureResult r, Panel panel, double[] yRange, String yTitle, boolean legend) {
        XYChart c = new XYChart(PANEL_WIDTH, HEIGHT - TITLE_BAND - FOOT_BAND);
        c.setTitle(panel.title());
        c.setXAxisTitle(xTitle(r.xAxis()));
        c.setYAxisTitle(yTitle == null ? "" : yTitle);
        boolean time = r.xAxis() == XAxis.TIME;
        XYStyler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.BLACK);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(FONT, Font.PLAIN, 30));
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 28));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 23));
        s.setLegendFont(new Font(FONT, Font.PLAIN, 20));
        s.setYAxisTitleVisible(yTitle != null);
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
        s.setXAxisLogarithmic(time);
        s.setAntiAlias(true);

        List<Double> xs = new ArrayList<>();
        for (Curve cv : panel.curves()) {
            if (isReferenceLevel(cv)) {
                continue;
            }
            for (double x : cv.x()) {
                xs.add(x);
            }
        }
        double xMin = xs.stream().min(Comparator.naturalOrder()).orElse(1.0);
        double xMax = xs.stream().max(Comparator.naturalOrder()).orElse(1.0);
        List<XTicks.Tick> ticks = time ? timeTicks(xMin, xMax) : valueTicks(xs);
        addGridLines(c, ticks, yRange);

        int colour = 0;
        List<String> used = new ArrayList<>();
        List<Integer> slices = time ? slicesIfMixedAlgorithms(panel) : List.of();
        for (Curve cv : panel.curves()) {
            Color col;
            if (cv.theory()) {
                col = THEORY;
            } else if (isBaseline(cv)) {
                col = BASELINE;
            } else if (!slices.isEmpty()) {
                col = PALETTE[slices.indexOf(cv.nW()) % PALETTE.length];
            } else {
                col = PALETTE[colour++ % PALETTE.length];
            }
            String name = unique(cv.label(), used);
            if (isReferenceLevel(cv)) {
                // A single-valued non-analog baseline (e.g. the digital accuracy of Figure 5) is a level,
                // drawn across the panel rather than as one point at n_W = 0.
                XYSeries ser = c.addSeries(name, new double[] {xMin, xMax}, new double[] {cv.y()[0], cv.y()[0]});
                ser.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                ser.setMarker(SeriesMarkers.NONE);
                ser.setLineColor(Color.BLACK);
                ser.setLineStyle(stroke(2.2f, true));
                continue;
            }
            if (cv.theory()) {
                XYSeries ser = c.addSeries(name, cv.x(), cv.y());
                ser.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                ser.setMarker(SeriesMarkers.NONE);
                ser.setLineColor(col);
                ser.setLineStyle(stroke(2.2f, cv.base() != 1));
                continue;
            }
            if (time) {
                addBand(c, name, cv, col);
            } else {
                addErrorBars(c, name, cv, col, xMax - xMin);
            }
            XYSeries ser = c.addSeries(name, cv.x(), cv.y());
            ser.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            ser.setLineColor(col);
            ser.setMarkerColor(col);
            ser.setMarker(marker(cv.algorithm()));
            ser.setLineStyle(stroke(3.2f, dashed(r.xAxis(), cv, panel)));
        }
        s.setLegendPosition(legendCorner(panel, yRange, time, xMin, xMax));
        List<Double> minor = time ? minorLogTicks(xMin, xMax) : List.of();
        c.addAnnotation(new XTicks(ticks, minor));
        return c;
    }

    private static String unique(String label, List<String> used) {
        String name = label;
        while (used.contains(name)) {
            name = name + " ";
        }
        used.add(name);
        return name;
    }

    /**
     * The sorted slice counts of a panel that compares algorithms at several n_W (4c, right), or
     * empty. In such a panel colour follows n_W and line style the algorithm, so the curves that
     * cross (same n_W, other algorithm) share a colour and the crossover reads at a glance.
     */
    private static List<Integer> slicesIfMixedAlgorithms(Panel panel) {
        List<Curve> sim = panel.curves().stream().filter(c -> !c.theory() && !isBaseline(c)).toList();
        List<Integer> slices = sim.stream().map(Curve::nW).distinct().sorted().toList();
        long algorithms = sim.stream().map(Curve::algorithm).distinct().count();
        return algorithms > 1 && slices.size() > 1 && sim.size() > slices.size() ? slices : List.of();
    }

    private static boolean isReferenceLevel(Curve c) {
        return "digital".equals(c.algorithm()) && c.x().length == 1;
    }

    private static boolean isBaseline(Curve c) {
        return "positional".equals(c.algorithm()) || "digital".equals(c.algorithm())
                || c.label().contains("baseline");
    }

    private static boolean dashed(XAxis axis, Curve c, Panel panel) {
        return switch (axis) {
            // As published: b_W = 2 dashed, b_W = 1 solid.
            case N_SLICES -> c.base() >= 2 && !isBaseline(c);
            // As published: the smaller n_W dashed.
            case BASE -> c.nW() == panel.curves().stream().filter(k -> !k.theory()).mapToInt(Curve::nW).min()
                    .orElse(c.nW());
            // Where algorithms are compared at several n_W: the first algorithm solid, the others dashed.
            case TIME -> !slicesIfMixedAlgorithms(panel).isEmpty()
                    && !c.algorithm().equals(panel.curves().get(0).algorithm());
            case WEIGHT_CLIP -> false;
        };
    }

    private static Marker marker(String algorithm) {
        return switch (algorithm) {
            case "equal-fill" -> SeriesMarkers.CIRCLE;
            case "max-fill" -> SeriesMarkers.SQUARE;
            case "max-fill-ec" -> SeriesMarkers.TRIANGLE_UP;
            case "positional" -> SeriesMarkers.DIAMOND;
            default -> SeriesMarkers.CROSS;
        };
    }

    private static BasicStroke stroke(float width, boolean dashed) {
        return dashed
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {4 * width, 2.2f * width}, 0f)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
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
    private static void addBand(XYChart c, String name, Curve cv, Color col) {
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
        ser.setFillColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 40));
        ser.setLineColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 40));
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

    private static List<XTicks.Tick> valueTicks(List<Double> xs) {
        List<XTicks.Tick> ticks = new ArrayList<>();
        for (double x : new java.util.TreeSet<>(xs)) {
            ticks.add(new XTicks.Tick(x, trim(x)));
        }
        return ticks;
    }

    static List<XTicks.Tick> timeTicks(double min, double max) {
        double[] at = {ReadTimes.T0, ReadTimes.HOUR, ReadTimes.DAY, ReadTimes.MONTH, ReadTimes.YEAR};
        String[] label = {"t₀", "1h", "1d", "1mo", "1yr"};
        List<XTicks.Tick> ticks = new ArrayList<>();
        for (int i = 0; i < at.length; i++) {
            if (at[i] >= min * (1 - 1e-9) && at[i] <= max * (1 + 1e-9)) {
                ticks.add(new XTicks.Tick(at[i], label[i]));
            }
        }
        return ticks;
    }

    private static List<Double> minorLogTicks(double min, double max) {
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

    /**
     * The inside corner whose legend-sized box covers the fewest points (means, ±σ ends and points
     * along each segment), so the legend hides as little data as possible.
     */
    private static LegendPosition legendCorner(Panel panel, double[] yRange, boolean logX, double xMin,
                                               double xMax) {
        List<Curve> shown = panel.curves();
        int longest = shown.stream().mapToInt(c -> c.label().length()).max().orElse(10);
        // Box size as a fraction of the plot (about 1100 × 720 px at the fonts above).
        double w = Math.min(0.6, (longest * 11.5 + 110) / 1100.0);
        double h = Math.min(0.8, (shown.size() * 27.0 + 30) / 720.0);
        List<double[]> pts = new ArrayList<>();
        for (Curve c : shown) {
            for (int i = 0; i < c.x().length; i++) {
                double e = Double.isFinite(c.err()[i]) ? c.err()[i] : 0;
                pts.add(new double[] {c.x()[i], c.y()[i]});
                pts.add(new double[] {c.x()[i], c.y()[i] + e});
                pts.add(new double[] {c.x()[i], c.y()[i] - e});
                if (i > 0) {
                    for (int k = 1; k < 8; k++) {
                        double f = k / 8.0;
                        double x = logX ? Math.exp(Math.log(c.x()[i - 1]) * (1 - f) + Math.log(c.x()[i]) * f)
                                : c.x()[i - 1] * (1 - f) + c.x()[i] * f;
                        pts.add(new double[] {x, c.y()[i - 1] * (1 - f) + c.y()[i] * f});
                    }
                }
            }
        }
        LegendPosition[] order = logX
                ? new LegendPosition[] {LegendPosition.InsideNW, LegendPosition.InsideNE, LegendPosition.InsideSE,
                    LegendPosition.InsideSW}
                : new LegendPosition[] {LegendPosition.InsideNE, LegendPosition.InsideNW, LegendPosition.InsideSW,
                    LegendPosition.InsideSE};
        LegendPosition best = order[0];
        long bestCount = Long.MAX_VALUE;
        for (LegendPosition pos : order) {
            boolean east = pos == LegendPosition.InsideNE || pos == LegendPosition.InsideSE;
            boolean north = pos == LegendPosition.InsideNE || pos == LegendPosition.InsideNW;
            long count = pts.stream().filter(p -> {
                double xn = logX ? (Math.log(p[0]) - Math.log(xMin)) / (Math.log(xMax) - Math.log(xMin))
                        : (p[0] - xMin) / (xMax - xMin);
                xn = 0.03 + 0.94 * (Double.isFinite(xn) ? xn : 0.5);
                double yn = (p[1] - yRange[0]) / (yRange[1] - yRange[0]);
                boolean inX = east ? xn >= 1 - w : xn <= w;
                boolean inY = north ? yn >= 1 - h : yn <= h;
                return inX && inY;
            }).count();
            if (count < bestCount) {
                bestCount = count;
                best = pos;
            }
        }
        return best;
    }
}
