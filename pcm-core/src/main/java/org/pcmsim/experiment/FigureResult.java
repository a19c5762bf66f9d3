package org.pcmsim.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The numbers behind one figure, with their provenance: what the CLI writes as CSV and JSON and
 * draws. Rows are in series order, then x order, then time order.
 *
 * @param name command-line name, e.g. {@code figure-4a}
 * @param figure figure code, e.g. {@code 4a}
 * @param title figure title
 * @param xAxis what varies along x
 * @param times read times, s (panels for n_W / b_W axes)
 * @param panels for a time axis: panel title of each series label, in drawing order (empty otherwise)
 * @param rows the points
 * @param provenance where the numbers come from: software, seed, trials or chips, the full model, timing
 */
public record FigureResult(String name, String figure, String title, XAxis xAxis, double[] times,
                           Map<String, String> panels, List<ResultRow> rows, Provenance provenance) {

    /** Copies every collection; the provenance is an immutable record. */
    public FigureResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xAxis, "xAxis");
        times = times.clone();
        panels = Collections.unmodifiableMap(new LinkedHashMap<>(panels));
        rows = List.copyOf(rows);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** @return a copy of the read times, s */
    @Override
    public double[] times() {
        return times.clone();
    }
}
