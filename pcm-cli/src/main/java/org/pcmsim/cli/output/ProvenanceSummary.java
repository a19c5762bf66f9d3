package org.pcmsim.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.MonteCarloProvenance;
import org.pcmsim.experiment.Provenance;
import org.pcmsim.nn.experiment.DnnPeripheryProvenance;
import org.pcmsim.nn.experiment.DnnProvenance;

/**
 * Short human-readable provenance of a {@link FigureResult}: the line at the foot of every plot
 * (the full provenance is in the JSON). Reads the typed provenance record: the Monte Carlo figures'
 * crossbar and device, the DNN figures' data, network and baseline.
 */
public final class ProvenanceSummary {
    private static final String UNIT_NOISE_SCALES = "programming=1.0, drift=1.0, read=1.0";

    private ProvenanceSummary() {
    }

    /**
     * @param r a result
     * @return e.g. {@code pcm-sim 0.1.0 · seed 20220401 · 200 trials}
     */
    public static String run(FigureResult r) {
        Provenance p = r.provenance();
        List<String> parts = new ArrayList<>();
        parts.add(p.build().project() + " " + p.build().version());
        parts.add("seed " + p.seed());
        if (p instanceof MonteCarloProvenance mc) {
            parts.add(mc.run().trials() + " trials");
        } else if (p instanceof DnnProvenance d) {
            parts.add(d.chips() + " chips");
        } else if (p instanceof DnnPeripheryProvenance d) {
            parts.add(d.chips() + " chips");
        }
        return String.join(" · ", parts);
    }

    /**
     * @param r a result
     * @return the model in one line, e.g. {@code N = 128, 8-bit ADC, GDC on, G_max = 25 µS, …}
     */
    public static String model(FigureResult r) {
        List<String> parts = new ArrayList<>();
        Provenance p = r.provenance();
        if (p instanceof MonteCarloProvenance mc) {
            CrossbarConfig c = mc.run().crossbar();
            parts.add("N = " + c.size());
            parts.add(c.adcBits() + "-bit ADC");
            parts.add("GDC " + (c.driftCompensation() ? "on" : "off"));
            device(mc.run().device(), parts);
            parts.add(mc.run().readNoiseSampling().name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + " read-noise sampling");
        } else if (p instanceof DnnProvenance d) {
            // Which images and network, and the digital baseline.
            parts.add(shortName(d.network().network()) + " on " + d.data().dataset());
            parts.add(d.data().trainImages() + " training / " + d.data().testImages() + " test images");
            parts.add(d.network().epochs() + " digital + " + d.network().noiseAwareEpochs() + " noise-aware epochs");
            parts.add(String.format(Locale.ROOT, "digital %.2f %%", d.baseline().digitalAccuracyPercent()));
            noiseScales(d.hardware().noiseScales(), parts);
        } else if (p instanceof DnnPeripheryProvenance d) {
            parts.add(shortName(d.network()) + " on " + d.dataset());
            parts.add(String.format(Locale.ROOT, "digital %.2f %%", d.digitalAccuracyPercent()));
            noiseScales(d.noiseScales(), parts);
        }
        return String.join(", ", parts);
    }

    private static void device(PcmDeviceModel d, List<String> parts) {
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

    private static void noiseScales(String scales, List<String> parts) {
        if (!scales.equals(UNIT_NOISE_SCALES)) {
            parts.add("noise scales " + scales);
        }
    }

    /** {@code resnet8-ci (1 blocks/stage, …)} as {@code resnet8-ci}. */
    private static String shortName(String network) {
        return network.split(" ", 2)[0];
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
