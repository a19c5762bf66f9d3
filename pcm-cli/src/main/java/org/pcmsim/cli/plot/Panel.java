package org.pcmsim.cli.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.ResultRow;
import org.pcmsim.experiment.XAxis;

/**
 * One panel of a figure: a title and its curves. Figures over time or weight clip have one panel
 * per panel group of the result; figures over n_W or b_W have one panel per read time.
 *
 * @param title panel title
 * @param curves theory curves first (as published: thin lines under the data, heading the legend)
 */
record Panel(String title, List<Curve> curves) {

    /**
     * @param r a result
     * @return its panels, those without curves left out
     */
    static List<Panel> of(FigureResult r) {
        List<Panel> panels = new ArrayList<>();
        if (r.xAxis() == XAxis.TIME || r.xAxis() == XAxis.WEIGHT_CLIP) {
            ToDoubleFunction<ResultRow> x = r.xAxis() == XAxis.TIME ? ResultRow::timeS : ResultRow::weightClip;
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
                ToDoubleFunction<ResultRow> x = r.xAxis() == XAxis.N_SLICES ? ResultRow::nW : ResultRow::base;
                panels.add(new Panel(Labels.timePanelTitle(t), curves(rows, x)));
            }
        }
        panels.removeIf(p -> p.curves().isEmpty());
        return panels;
    }

    /** @return whether two read times are the same up to rounding */
    static boolean sameTime(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }

    /** @return whether a metric is an analytical one ({@code eta_theory}) */
    static boolean isTheory(String metric) {
        return metric.endsWith("_theory");
    }

    private static List<Curve> curves(List<ResultRow> rows, ToDoubleFunction<ResultRow> x) {
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
            curves.add(new Curve(first.series(), first.algorithm(), first.base(), first.nW(), role(first, xs.length),
                    first.periphery(), xs, ys, es));
        }
        curves = singleSliceReference(curves);
        // Theory first, as published: its thin lines then sit under the data and head the legend.
        List<Curve> ordered = new ArrayList<>(curves.stream().filter(Curve::theory)
                .sorted(Comparator.comparingInt(Curve::base)).toList());
        ordered.addAll(curves.stream().filter(c -> !c.theory()).toList());
        return ordered;
    }

    private static SeriesRole role(ResultRow first, int points) {
        if (isTheory(first.metric())) {
            return SeriesRole.THEORY;
        }
        boolean digital = "digital".equals(first.algorithm());
        if (digital && points == 1) {
            return SeriesRole.REFERENCE_LEVEL;
        }
        return digital || "positional".equals(first.algorithm()) ? SeriesRole.BASELINE : SeriesRole.ANALOG;
    }

    /**
     * In a panel that compares algorithms at one n_W > 1, a lone single-slice series is what they
     * are compared with (the BitNet figure's "n_W = 1"): it is drawn as the baseline.
     */
    private static List<Curve> singleSliceReference(List<Curve> curves) {
        List<Curve> analog = curves.stream().filter(c -> c.role() == SeriesRole.ANALOG).toList();
        List<Curve> single = analog.stream().filter(c -> c.nW() == 1).toList();
        List<Integer> others = analog.stream().filter(c -> c.nW() != 1).map(Curve::nW).distinct().toList();
        if (single.size() != 1 || others.size() != 1 || analog.size() < 3) {
            return curves;
        }
        return curves.stream().map(c -> c == single.get(0) ? c.withRole(SeriesRole.BASELINE) : c).toList();
    }
}
