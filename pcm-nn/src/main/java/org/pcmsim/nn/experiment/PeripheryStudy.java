package org.pcmsim.nn.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.pcmsim.Build;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.experiment.ResultRow;
import org.pcmsim.experiment.XAxis;
import org.pcmsim.montecarlo.ProgressListener;
import org.pcmsim.nn.OneDnn;
import org.pcmsim.nn.analog.AnalogConfig;
import org.pcmsim.nn.analog.LayerConverters;
import org.pcmsim.nn.training.ChunkedEvaluator;
import org.pcmsim.periphery.IrDropModel;
import org.pcmsim.periphery.Periphery;
import org.pcmsim.slicing.SlicingAlgorithm;

/**
 * Does the DNN's accuracy survive a real periphery (docs/dnn.md, "Beyond the ideal periphery")? Test
 * accuracy at one month of Figure 5(a)'s configuration, Max-fill b_W = 1 at n_W ∈ {1, 2, 4, 8}, on the
 * chips of 5(a) (the same seed and chip indices, so the programming is the same in every setting and
 * the settings are paired comparisons), under a list of {@link Setting}s: by default no converters
 * (the paper's path), the MVM path's converters with the ideal periphery, ADC noise alone, IR drop
 * alone, and both.
 *
 * <p>Why Max-fill b_W = 1 over n_W rather than the three algorithms at one n_W: every slice has its own
 * ADC, so a periphery effect that acts per conversion (ADC noise, rounding) grows with n_W while the
 * device errors shrink with it; the n_W axis shows where the two cross, which is the question a
 * designer choosing n_W asks. The algorithms at fixed n_W are the MVM figure's panel.
 */
public final class PeripheryStudy {
    /** The study's read time: one month, the time of Figure 5(c)'s right panel. */
    public static final double TIME = ReadTimes.MONTH;

    private PeripheryStudy() {
    }

    /**
     * One periphery of the study.
     *
     * @param label the series name in tables and plots
     * @param converters the tiles' converters and periphery
     */
    public record Setting(String label, LayerConverters converters) {
        /** Non-null values. */
        public Setting {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(converters, "converters");
        }
    }

    /**
     * The default settings, at values a circuit designer would recognise (docs/model.md §9):
     * <ol>
     *   <li>{@code no converters}: the paper's DNN path (today's Figure 5 numbers);</li>
     *   <li>{@code converters}: 9-bit DAC at 4 σ, 8-bit ADC per slice, ideal periphery;</li>
     *   <li>{@code ADC noise 1 LSB}: the order of aihwkit's default {@code out_noise};</li>
     *   <li>{@code IR drop 1 ohm}: 1 Ω per cell segment against 25 µS devices, first order;</li>
     *   <li>{@code ADC noise + IR drop}: both.</li>
     * </ol>
     *
     * @return the five settings
     */
    public static List<Setting> defaultSettings() {
        Periphery both = Periphery.ADC_NOISE_ONE_LSB.withIrDrop(1.0, IrDropModel.FIRST_ORDER);
        return List.of(new Setting("no converters", LayerConverters.NONE),
                new Setting("converters", LayerConverters.PAPER),
                new Setting("ADC noise 1 LSB", LayerConverters.paper(Periphery.ADC_NOISE_ONE_LSB)),
                new Setting("IR drop 1 ohm", LayerConverters.paper(Periphery.IR_DROP_ONE_OHM)),
                new Setting("ADC noise + IR drop", LayerConverters.paper(both)));
    }

    /**
     * Runs the study with the trained model of {@code o} (loaded from {@link DnnOptions#resolvedModelFile()},
     * or trained and saved there as Figure 5 does). {@code o.converters()} is ignored: each setting
     * brings its own.
     *
     * @param o data, model, seed, chips per point, noise scales, threads
     * @param settings the peripheries, in series order
     * @param listener progress: training steps if the model is trained, then chip evaluations
     * @param notes one-line messages for the user
     * @return rows: one per (setting, n_W) with the mean ± std of accuracy (percent) over
     *     {@code o.chips()} chips at {@link #TIME}, series = the setting's label, x = n_W; and a
     *     {@code Digital baseline} row per n_W (float weights clipped at 2 σ_W)
     * @throws IOException if the data or the model cannot be read or written
     */
    public static FigureResult run(DnnOptions o, List<Setting> settings, ProgressListener listener,
                                   Consumer<String> notes) throws IOException {
        if (settings.isEmpty()) {
            throw new IllegalArgumentException("the periphery study needs at least one setting");
        }
        long start = System.nanoTime();
        DnnData data = DnnExperiments.prepareData(o);
        DnnExperiments.TrainedModel m = DnnExperiments.obtainModel(o, data, listener);
        PcmDeviceModel device = PcmDeviceModel.nandakumar2019().withNoiseScales(o.programmingNoiseScale(),
                o.driftScale(), o.readNoiseScale());
        double[] times = {TIME};
        List<ResultRow> rows = new ArrayList<>();
        long total = (long) settings.size() * DnnExperiments.FIG5_SLICES.length * o.chips();
        long[] done = {0};
        Map<String, String> described = new LinkedHashMap<>();
        try (ChunkedEvaluator ev = new ChunkedEvaluator(o.threads())) {
            for (Setting s : settings) {
                described.put(s.label(), s.converters().describe());
                for (int n : DnnExperiments.FIG5_SLICES) {
                    SliceConfig c = new SliceConfig(s.label(), SlicingAlgorithm.MAX_FILL, 1, n);
                    AnalogConfig ac = AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, n, 1).withDevice(device)
                            .withConverters(s.converters());
                    long t0 = System.nanoTime();
                    double[][] acc = ChipEvaluation.chipAccuracies(ev, m.network(), ac, c, times, data.test(),
                            m.normalization(), o, () -> listener.progress(++done[0], total));
                    rows.add(new ResultRow("periphery-dnn", s.label(), "int9", SlicingAlgorithm.MAX_FILL.id(), 1, n,
                            TIME, o.chips(), "accuracy", ChipEvaluation.mean(acc[0]), ChipEvaluation.std(acc[0]), "", "",
                            Double.NaN, s.converters().csvId()));
                    notes.accept(String.format(java.util.Locale.ROOT, "%s, n_W = %d: %.2f ± %.2f %% (%.0f s)",
                            s.label(), n, ChipEvaluation.mean(acc[0]), ChipEvaluation.std(acc[0]),
                            (System.nanoTime() - t0) / 1e9));
                }
            }
        }
        for (int n : DnnExperiments.FIG5_SLICES) {
            rows.add(new ResultRow("periphery-dnn", "Digital baseline", "float32", "digital", 0, n, TIME, 1, "accuracy",
                    m.clippedAccuracy(), 0.0));
        }
        DnnPeripheryProvenance prov = new DnnPeripheryProvenance(o.dataset().label(), o.dataset().id(),
                data.test().count(), o.network().toString(), m.file().toString(), o.seed(), o.chips(),
                "n_W * 10^6 + k, as Figure 5: the same chips in every setting", TIME,
                "Max-fill, b_W = 1, int9 weights clipped at 2 sigma_W, GDC per tile", described,
                "per tile and slice, full scale at 4 sigma of the column current of inputs at the DAC's reference "
                        + "RMS, from the programmed conductances (docs/model.md section 9)",
                "per input vector and tile: inputClipSigmas x its RMS = full scale", m.clippedAccuracy(),
                "nandakumar2019", device, DnnProvenance.noiseScales(o), o.evalBatchSize(), o.threads(),
                OneDnn.helpersEnabled(), (System.nanoTime() - start) / 1e9, Build.current());
        Map<String, String> panels = new LinkedHashMap<>();
        String title = "DNN accuracy at one month under a non-ideal periphery: Max-fill (b_W = 1), "
                + o.network().name() + " on " + o.dataset().label();
        return new FigureResult("periphery-dnn", "periphery-dnn", title, XAxis.N_SLICES, times, panels, rows, prov);
    }
}
