package org.pcmsim.cli.plot;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.style.Styler.LegendPosition;

/** Where a panel's legend goes: the inside corner where it hides the least data. */
final class LegendPlacement {
    private LegendPlacement() {
    }

    /**
     * The inside corner whose legend-sized box covers the fewest points (means, ±σ ends and points
     * along each segment), so the legend hides as little data as possible.
     *
     * @param panel the panel
     * @param labels the legend's labels (it has one line per label)
     * @param yRange the y range drawn
     * @param logX whether the x axis is logarithmic
     * @param xMin smallest x drawn
     * @param xMax largest x drawn
     * @return the corner
     */
    static LegendPosition corner(Panel panel, List<String> labels, double[] yRange, boolean logX, double xMin,
                                 double xMax) {
        List<Curve> shown = panel.curves();
        int longest = labels.stream().mapToInt(String::length).max().orElse(10);
        // Box size as a fraction of the plot (about 1100 × 720 px at the fonts PanelChart sets).
        double w = Math.min(0.6, (longest * 11.5 + 110) / 1100.0);
        double h = Math.min(0.8, (labels.size() * 27.0 + 30) / 720.0);
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
