package org.pcmsim.experiment;

import java.util.List;
import java.util.Objects;

/**
 * A published Monte Carlo MVM experiment as data (docs/model.md §5): its series, x axis, read times and
 * default trial count.
 *
 * @param name command-line name, e.g. {@code figure-4a}
 * @param figure short figure code used in CSV files, e.g. {@code 4a}
 * @param title the figure title
 * @param description what the figure shows, in one sentence
 * @param xAxis what varies along x
 * @param times read times, s, increasing (panels for n_W / b_W axes, x values for a time axis)
 * @param defaultTrials the published trial count
 * @param series the curves
 */
public record ExperimentSpec(String name, String figure, String title, String description, XAxis xAxis,
                             double[] times, int defaultTrials, List<SeriesSpec> series) {

    /** Validates and copies. */
    public ExperimentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(xAxis, "xAxis");
        times = times.clone();
        series = List.copyOf(series);
        if (defaultTrials < 1) {
            throw new IllegalArgumentException("defaultTrials must be >= 1, got " + defaultTrials);
        }
    }

    /** @return a copy of the read times, s */
    @Override
    public double[] times() {
        return times.clone();
    }

    /** @return the number of (series, point) configurations that are simulated */
    public int configurations() {
        return series.stream().mapToInt(s -> s.schemes().size()).sum();
    }
}
