package org.pcmsim.cli.plot;

import java.util.Locale;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.experiment.ResultRow;
import org.pcmsim.experiment.XAxis;

/** The words of a figure: its title, axis titles, panel titles and times in human units. */
final class Labels {
    private Labels() {
    }

    /**
     * @param r a result
     * @return its title with the trials (or chips) per point and any non-default conventions
     */
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
        return r.rows().stream().map(ResultRow::metric).filter(m -> !Panel.isTheory(m)).findFirst().orElse("eta");
    }

    /**
     * @param r a result
     * @return the y-axis title of its metric
     */
    static String yTitle(FigureResult r) {
        String metric = simulatedMetric(r);
        return switch (metric) {
            case "eta" -> "Normalised MVM error η";
            case "eta_float" -> "MVM error η vs the real product w·x";
            case "accuracy" -> "Test accuracy (%)";
            default -> metric;
        };
    }

    /**
     * @param axis the x axis
     * @return its title
     */
    static String xTitle(XAxis axis) {
        return switch (axis) {
            case N_SLICES -> "Number of slices n_W";
            case BASE -> "Base b_W";
            case TIME -> "Time after programming";
            case WEIGHT_CLIP -> "Weight clip k (σ)";
        };
    }

    /**
     * @param t read time, s
     * @return the title of the panel of that read time
     */
    static String timePanelTitle(double t) {
        if (Panel.sameTime(t, ReadTimes.T0)) {
            return "At t₀ = 20 s (programming + read noise)";
        }
        return "At " + humanTime(t) + " (+ drift)";
    }

    /**
     * @param t seconds after programming
     * @return e.g. {@code 1 month}, {@code 1 day}, {@code 2.5 h}
     */
    static String humanTime(double t) {
        if (Panel.sameTime(t, ReadTimes.YEAR)) {
            return "1 year";
        }
        if (Panel.sameTime(t, ReadTimes.MONTH)) {
            return "1 month";
        }
        if (t >= ReadTimes.DAY) {
            return trim(t / ReadTimes.DAY) + (Panel.sameTime(t, ReadTimes.DAY) ? " day" : " days");
        }
        if (t >= ReadTimes.HOUR) {
            return trim(t / ReadTimes.HOUR) + " h";
        }
        if (t >= 60) {
            return trim(t / 60) + " min";
        }
        return trim(t) + " s";
    }

    /**
     * @param v a value
     * @return it with one decimal, without a trailing {@code .0}
     */
    static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
