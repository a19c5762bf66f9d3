package org.pcmsim.cli.plot;

import java.util.Locale;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.MonteCarloProvenance;
import org.pcmsim.experiment.MonteCarloRun;
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
        MonteCarloRun run = r.provenance() instanceof MonteCarloProvenance mc ? mc.run() : null;
        Integer trials = run != null ? Integer.valueOf(run.trials())
                : r.rows().isEmpty() ? null : Integer.valueOf(r.rows().get(0).trials());
        String unit = "accuracy".equals(simulatedMetric(r)) ? " chips" : " trials";
        StringBuilder t = new StringBuilder(r.title());
        if (trials != null) {
            t.append(" (").append(trials).append(unit).append(" per point");
            if (run != null) {
                PcmDeviceModel d = run.device();
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

    /**
     * @param id a slicing algorithm id ({@code equal-fill}, ...)
     * @return its name in the paper's words
     */
    static String algorithm(String id) {
        return switch (id) {
            case "equal-fill" -> "Equal-fill";
            case "max-fill" -> "Max-fill";
            case "max-fill-ec" -> "Max-fill EC";
            case "positional" -> "Digital slicing";
            case "digital" -> "Digital";
            default -> id;
        };
    }

    /**
     * The periphery column in words: each effect of {@code Periphery.describe()} (effects separated
     * by {@code ;}, each {@code name=value}) spelled out, e.g. {@code adc-noise=1lsb;ir-drop=0.35ohm/first-order}
     * as {@code ADC noise 1 LSB + IR drop 0.35 Ω}. An effect this does not know is kept as written.
     *
     * @param periphery the row's periphery column
     * @return the words for a legend
     */
    static String periphery(String periphery) {
        if (periphery.equals(ResultRow.IDEAL_PERIPHERY)) {
            return "ideal periphery";
        }
        StringBuilder b = new StringBuilder();
        for (String effect : periphery.split(";")) {
            if (b.length() > 0) {
                b.append(" + ");
            }
            int eq = effect.indexOf('=');
            String name = eq < 0 ? effect : effect.substring(0, eq);
            String value = eq < 0 ? "" : effect.substring(eq + 1)
                    .replace("/first-order", "")
                    .replace("/exact", " (exact solve)")
                    .replaceFirst("lsb$", " LSB")
                    .replace("ohm", " Ω")
                    .replaceFirst("@(.*)uS", " at $1 µS");
            String words = switch (name) {
                case "adc-noise" -> "ADC noise";
                case "adc-gain-mismatch" -> "ADC gain mismatch";
                case "adc-offset-mismatch" -> "ADC offset mismatch";
                case "dac-noise" -> "DAC noise";
                case "dac-inl" -> "DAC INL";
                case "ir-drop" -> "IR drop";
                default -> null;
            };
            b.append(words == null ? effect : value.isEmpty() ? words : words + " " + value);
        }
        return b.toString();
    }
}
