package org.pcmsim.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.pcmsim.experiment.XAxis;

/**
 * How one curve is drawn, chosen from its {@link SeriesRole}, algorithm, b_W, n_W and periphery (never from
 * its label): colours from matplotlib's tab10 as in the published figures, one marker per
 * algorithm, and the published dash conventions of each kind of x axis. A panel that compares the
 * algorithms under several peripheries is styled by {@link PeripheryKey} instead.
 *
 * @param colour line, marker and band colour
 * @param marker the marker ({@link SeriesMarkers#NONE} for theory and levels)
 * @param width line width, px
 * @param dash the line's dash pattern
 */
record SeriesStyle(Color colour, Marker marker, float width, LineDash dash) {
    // matplotlib's tab10, the palette of the published figures.
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22), new Color(0x7f7f7f)};
    static final Color BASELINE = new Color(0x4d4d4d);
    private static final Color THEORY = new Color(0x777777);
    static final float DATA_WIDTH = 3.2f;
    private static final float THIN_WIDTH = 2.2f;
    /**
     * The digital (or other non-analog) reference: a thin black dashed line without markers, as the
     * digital accuracy level of Figure 5. Markers belong to the analog series (one per algorithm, or per
     * periphery in {@link PeripheryKey}), so the reference never shares one with them.
     */
    static final SeriesStyle REFERENCE = new SeriesStyle(Color.BLACK, SeriesMarkers.NONE, THIN_WIDTH, LineDash.DASHED);

    /** The marker of each algorithm id; any other (digital) gets a cross. */
    private static final Map<String, Marker> MARKERS = Map.of(
            "equal-fill", SeriesMarkers.CIRCLE,
            "max-fill", SeriesMarkers.SQUARE,
            "max-fill-ec", SeriesMarkers.TRIANGLE_UP,
            "positional", SeriesMarkers.DIAMOND);

    /**
     * @param axis the figure's x axis
     * @param panel a panel
     * @return the style of each of its curves, in order
     */
    static List<SeriesStyle> of(XAxis axis, Panel panel) {
        if (PeripheryKey.applies(panel)) {
            return PeripheryKey.styles(panel);
        }
        List<Integer> slices = axis == XAxis.TIME ? slicesIfMixedAlgorithms(panel) : List.of();
        List<SeriesStyle> styles = new ArrayList<>();
        int colour = 0;
        for (Curve c : panel.curves()) {
            styles.add(switch (c.role()) {
                case THEORY -> new SeriesStyle(THEORY, SeriesMarkers.NONE, THIN_WIDTH, dash(c.base() != 1));
                case REFERENCE_LEVEL -> REFERENCE;
                case BASELINE -> new SeriesStyle(BASELINE, marker(c), DATA_WIDTH, dashed(axis, c, panel));
                case ANALOG -> new SeriesStyle(slices.isEmpty() ? PALETTE[colour++ % PALETTE.length]
                        : PALETTE[slices.indexOf(c.nW()) % PALETTE.length], marker(c), DATA_WIDTH,
                        dashed(axis, c, panel));
            });
        }
        return styles;
    }

    /**
     * The colour of a slicing algorithm wherever a figure keys colour to the algorithm: the colours the
     * three algorithms have where the published layout compares them at one setting (Figure 4(a) at
     * b_W = 2, 4(b) at n_W = 2, 5(c) at b_W = 1): Equal-fill blue, Max-fill orange, Max-fill EC green.
     *
     * @param algorithm an algorithm id
     * @param order the algorithm's place among the panel's algorithms, for any other id
     * @return its colour
     */
    static Color algorithmColour(String algorithm, int order) {
        return switch (algorithm) {
            case "equal-fill" -> PALETTE[0];
            case "max-fill" -> PALETTE[1];
            case "max-fill-ec" -> PALETTE[2];
            case "positional", "digital" -> BASELINE;
            default -> PALETTE[(3 + order) % PALETTE.length];
        };
    }

    /** @return the line of this style */
    BasicStroke stroke() {
        return dash.stroke(width);
    }

    /** @return the same colour at the alpha of a ±1σ band */
    Color band() {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 40);
    }

    static Marker marker(Curve c) {
        return MARKERS.getOrDefault(c.algorithm(), SeriesMarkers.CROSS);
    }

    /**
     * The sorted slice counts of a panel that compares algorithms at several n_W (4c, right), or
     * empty. In such a panel colour follows n_W and line style the algorithm, so the curves that
     * cross (same n_W, other algorithm) share a colour and the crossover reads at a glance.
     */
    private static List<Integer> slicesIfMixedAlgorithms(Panel panel) {
        List<Curve> sim = panel.curves().stream().filter(c -> c.role() == SeriesRole.ANALOG).toList();
        List<Integer> slices = sim.stream().map(Curve::nW).distinct().sorted().toList();
        long algorithms = sim.stream().map(Curve::algorithm).distinct().count();
        return algorithms > 1 && slices.size() > 1 && sim.size() > slices.size() ? slices : List.of();
    }

    private static LineDash dash(boolean dashed) {
        return dashed ? LineDash.DASHED : LineDash.SOLID;
    }

    private static LineDash dashed(XAxis axis, Curve c, Panel panel) {
        return dash(switch (axis) {
            // As published: b_W = 2 dashed, b_W = 1 solid.
            case N_SLICES -> c.base() >= 2 && !c.baseline();
            // As published: the smaller n_W dashed.
            case BASE -> c.nW() == panel.curves().stream().filter(k -> !k.theory()).mapToInt(Curve::nW).min()
                    .orElse(c.nW());
            // Where algorithms are compared at several n_W: the first algorithm solid, the others dashed.
            case TIME -> !slicesIfMixedAlgorithms(panel).isEmpty()
                    && !c.algorithm().equals(panel.curves().get(0).algorithm());
            case WEIGHT_CLIP -> false;
        });
    }
}
