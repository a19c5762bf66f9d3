package org.pcmsim.cli.plot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.pcmsim.experiment.ResultRow;

/**
 * The styles of a panel that compares slicing algorithms under several peripheries (the
 * {@code periphery} figure: 3 algorithms × 4 conditions). Twelve curves in twelve colours cannot be
 * read, so the two factors get two channels, both from the rows' typed fields: colour is the
 * algorithm ({@link SeriesStyle#algorithmColour}, as in the other figures) and line and marker are the
 * periphery (ideal solid with circles, then dashed with squares, dotted with triangles, dash-dot
 * with diamonds, in order of appearance). The legend is the key to the two channels, one entry per
 * algorithm and one per periphery, rather than one per curve. A non-analog curve (the digital
 * reference of the DNN panel) is drawn as {@link SeriesStyle#REFERENCE}, without a marker, so it
 * shares no marker with a periphery.
 */
final class PeripheryKey {
    private static final LineDash[] DASHES = {
        LineDash.SOLID, LineDash.DASHED, LineDash.DOTTED, LineDash.DASH_DOT, LineDash.LONG_DASH};
    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.DIAMOND,
        SeriesMarkers.CROSS};

    private PeripheryKey() {
    }

    /**
     * @param panel a panel
     * @return whether its simulated curves were run under more than one periphery
     */
    static boolean applies(Panel panel) {
        return peripheries(panel).size() > 1;
    }

    /**
     * @param panel a panel for which {@link #applies} holds
     * @return the style of each of its curves, in order
     */
    static List<SeriesStyle> styles(Panel panel) {
        List<String> peripheries = peripheries(panel);
        List<String> algorithms = algorithms(panel);
        List<SeriesStyle> styles = new ArrayList<>();
        for (Curve c : panel.curves()) {
            if (c.role() != SeriesRole.ANALOG) {
                // Not SeriesStyle.marker(c): the digital reference's cross is also a periphery marker.
                styles.add(SeriesStyle.REFERENCE);
                continue;
            }
            int k = peripheries.indexOf(c.periphery());
            styles.add(new SeriesStyle(SeriesStyle.algorithmColour(c.algorithm(), algorithms.indexOf(c.algorithm())),
                    MARKERS[k % MARKERS.length], SeriesStyle.DATA_WIDTH, DASHES[k % DASHES.length]));
        }
        return styles;
    }

    /**
     * The legend: first the algorithms (their colour, a solid line, no marker), then the peripheries
     * (their line and marker, in dark grey), then any curve that is neither (a baseline) as itself.
     *
     * @param panel a panel for which {@link #applies} holds
     * @param styles its curves' styles, from {@link #styles}
     * @return the legend entries, in order
     */
    static List<LegendEntry> legend(Panel panel, List<SeriesStyle> styles) {
        List<LegendEntry> entries = new ArrayList<>();
        List<String> algorithms = algorithms(panel);
        for (int i = 0; i < algorithms.size(); i++) {
            entries.add(new LegendEntry(Labels.algorithm(algorithms.get(i)), new SeriesStyle(
                    SeriesStyle.algorithmColour(algorithms.get(i), i), SeriesMarkers.NONE, SeriesStyle.DATA_WIDTH,
                    LineDash.SOLID)));
        }
        List<String> peripheries = peripheries(panel);
        for (int k = 0; k < peripheries.size(); k++) {
            entries.add(new LegendEntry(Labels.periphery(peripheries.get(k)), new SeriesStyle(SeriesStyle.BASELINE,
                    MARKERS[k % MARKERS.length], SeriesStyle.DATA_WIDTH, DASHES[k % DASHES.length])));
        }
        for (int i = 0; i < panel.curves().size(); i++) {
            Curve c = panel.curves().get(i);
            if (c.role() != SeriesRole.ANALOG) {
                entries.add(new LegendEntry(c.label(), styles.get(i)));
            }
        }
        return entries;
    }

    /** The distinct peripheries of the simulated curves, the ideal one first, then in order of appearance. */
    private static List<String> peripheries(Panel panel) {
        Set<String> seen = new LinkedHashSet<>();
        List<Curve> sim = panel.curves().stream().filter(c -> c.role() == SeriesRole.ANALOG).toList();
        if (sim.stream().anyMatch(c -> ResultRow.IDEAL_PERIPHERY.equals(c.periphery()))) {
            seen.add(ResultRow.IDEAL_PERIPHERY);
        }
        sim.forEach(c -> seen.add(c.periphery()));
        return List.copyOf(seen);
    }

    private static List<String> algorithms(Panel panel) {
        return panel.curves().stream().filter(c -> c.role() == SeriesRole.ANALOG).map(Curve::algorithm).distinct()
                .toList();
    }
}
