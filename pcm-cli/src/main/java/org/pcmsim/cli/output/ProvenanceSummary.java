package org.pcmsim.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.experiment.FigureResult;

/**
 * Short human-readable provenance of a {@link FigureResult}: the line at the foot of every plot
 * (the full provenance is in the JSON). Works from the result's provenance map alone, so results from
 * any producer can be summarised; model records it knows (crossbar, device) are spelled out.
 */
public final class ProvenanceSummary {
    private ProvenanceSummary() {
    }

    /**
     * @param r a result
     * @return e.g. {@code pcm-sim 0.1.0 · seed 20220401 · 200 trials}
     */
    public static String run(FigureResult r) {
        Map<String, Object> p = r.provenance();
        List<String> parts = new ArrayList<>();
        parts.add(p.getOrDefault("project", "pcm-sim") + " " + p.getOrDefault("version", "unknown"));
        if (p.containsKey("seed")) {
            parts.add("seed " + p.get("seed"));
        }
        if (p.containsKey("trials")) {
            parts.add(p.get("trials") + " trials");
        }
        if (p.containsKey("chips")) {
            parts.add(p.get("chips") + " chips");
        }
        return String.join(" · ", parts);
    }

    /**
     * @param r a result
     * @return the model in one line, e.g. {@code N = 128, 8-bit ADC, GDC on, G_max = 25 µS, …}; empty
     *     if the provenance names no model
     */
    public static String model(FigureResult r) {
        Map<String, Object> p = r.provenance();
        List<String> parts = new ArrayList<>();
        if (p.get("crossbar") instanceof CrossbarConfig c) {
            parts.add("N = " + c.size());
            parts.add(c.adcBits() + "-bit ADC");
            parts.add("GDC " + (c.driftCompensation() ? "on" : "off"));
        }
        if (p.get("device") instanceof PcmDeviceModel d) {
            parts.add("G_max = " + fmt(d.gMax()) + " µS");
            double prog = d.programming().scale();
            double drift = d.drift().scale();
            double read = d.readNoise().scale();
            if (prog != 1 || drift != 1 || read != 1) {
                parts.add("noise scales prog/drift/read = " + fmt(prog) + "/" + fmt(drift) + "/" + fmt(read));
            }
            parts.add("read noise normalised by "
                    + (d.readNoiseNormalization() == ReadNoiseNormalization.G_MAX ? "G_max" : "slice max"));
            parts.add("targets " + d.targetRange().name().toLowerCase(Locale.ROOT) + ", sigma_P beyond fit "
                    + d.programming().extrapolation().name().toLowerCase(Locale.ROOT)
                    + " (" + d.conventions() + " conventions)");
        }
        if (p.containsKey("dataset")) {
            // A DNN figure (pcm-nn): which images and network, and the digital baseline.
            String network = String.valueOf(p.getOrDefault("network", "?")).split(" ", 2)[0];
            parts.add(network + " on " + p.get("dataset"));
            if (p.containsKey("train_images") && p.containsKey("test_images")) {
                parts.add(p.get("train_images") + " training / " + p.get("test_images") + " test images");
            }
            if (p.containsKey("epochs") && p.containsKey("noise_aware_epochs")) {
                parts.add(p.get("epochs") + " digital + " + p.get("noise_aware_epochs") + " noise-aware epochs");
            }
            if (p.get("digital_accuracy_percent") instanceof Number acc) {
                parts.add(String.format(Locale.ROOT, "digital %.2f %%", acc.doubleValue()));
            }
            if (p.containsKey("noise_scales") && !String.valueOf(p.get("noise_scales"))
                    .equals("programming=1.0, drift=1.0, read=1.0")) {
                parts.add("noise scales " + p.get("noise_scales"));
            }
        }
        if (p.containsKey("readNoiseSampling")) {
            parts.add(String.valueOf(p.get("readNoiseSampling")).toLowerCase(Locale.ROOT).replace('_', '-')
                    + " read-noise sampling");
        }
        return String.join(", ", parts);
    }

    /**
     * @param r a result
     * @return the run and the model in one line
     */
    public static String oneLine(FigureResult r) {
        String m = model(r);
        return m.isEmpty() ? run(r) : run(r) + " · " + m;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
