package org.pcmsim.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.pcmsim.Build;
import org.pcmsim.montecarlo.ErrorReference;
import org.pcmsim.montecarlo.ProgressListener;
import org.pcmsim.periphery.IrDropModel;
import org.pcmsim.periphery.Periphery;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;
import org.pcmsim.slicing.WeightQuantization;

/**
 * Does the paper's ranking of slicing algorithms survive a real periphery (docs/model.md §9)? η vs n_W
 * ∈ {1, 2, 4, 8} at t0 and one month for Equal-fill, Max-fill and Max-fill EC (b_W = 1), each under the
 * ideal periphery, ADC noise alone, IR drop alone and both:
 * <ul>
 *   <li>ADC noise σ = 1 LSB per conversion ({@link Periphery#ADC_NOISE_ONE_LSB}: the order of aihwkit's
 *       default {@code out_noise}, 1.28 LSB of its 9-bit ADC);</li>
 *   <li>IR drop with 0.35 Ω per cell segment against the 25 µS devices, first order
 *       ({@link Periphery#IR_DROP_AIHWKIT}: the wire behind aihwkit's default {@code ir_drop_g_ratio});
 *       on the paper's 128 × 128 array that is a 2.6 % drop of the column currents (docs/model.md §9).</li>
 * </ul>
 * A user's own non-ideal periphery (the run settings') is added as a fifth condition.
 */
public final class PeripheryStudy {
    /** Default trials per point: the figure runs in well under a minute on 2 busy cores (docs/performance.md). */
    public static final int DEFAULT_TRIALS = 100;
    private static final int[] SLICES = {1, 2, 4, 8};
    private static final SlicingAlgorithm[] ALGORITHMS = {
        SlicingAlgorithm.EQUAL_FILL, SlicingAlgorithm.MAX_FILL, SlicingAlgorithm.MAX_FILL_EC};

    /** ADC noise and IR drop together. */
    public static final Periphery BOTH = Periphery.ADC_NOISE_ONE_LSB.withIrDrop(
            Periphery.IR_DROP_AIHWKIT.wireResistanceOhm(), IrDropModel.FIRST_ORDER);

    private PeripheryStudy() {
    }

    /**
     * @param extra the run's own periphery, added when it is not ideal and not one of the four
     * @return the conditions of the study, in legend order, with their labels
     */
    public static Map<String, Periphery> conditions(Periphery extra) {
        Map<String, Periphery> c = new LinkedHashMap<>();
        c.put("ideal", Periphery.IDEAL);
        c.put("ADC noise 1 LSB", Periphery.ADC_NOISE_ONE_LSB);
        c.put("IR drop 0.35 Ω", Periphery.IR_DROP_AIHWKIT);
        c.put("both", BOTH);
        if (extra != null && !extra.isIdeal() && !c.containsValue(extra)) {
            c.put(extra.describe(), extra);
        }
        return c;
    }

    private static String label(SlicingAlgorithm a) {
        return switch (a) {
            case EQUAL_FILL -> "Equal-fill";
            case MAX_FILL -> "Max-fill";
            default -> "Max-fill EC";
        };
    }

    /** The three series under one condition. */
    static ExperimentSpec spec(String condition) {
        List<SeriesSpec> series = new ArrayList<>();
        for (SlicingAlgorithm a : ALGORITHMS) {
            List<SlicingScheme> schemes = new ArrayList<>();
            for (int n : SLICES) {
                schemes.add(SlicingScheme.of(a, n, 1));
            }
            series.add(new SeriesSpec(label(a) + ", " + condition, WeightQuantization.INT9, schemes, false, ""));
        }
        return new ExperimentSpec("periphery", "periphery",
                "η vs n_W under a real periphery: ADC noise and IR drop (b_W = 1)", "", XAxis.N_SLICES,
                new double[] {ReadTimes.T0, ReadTimes.MONTH}, DEFAULT_TRIALS, series);
    }

    /**
     * Runs every condition.
     *
     * @param settings trials, seed, threads and model; its periphery, if not ideal, is a fifth condition
     * @param listener told of progress over the whole study
     * @return the figure: x n_W, one panel per read time, one curve per algorithm and condition
     */
    public static FigureResult run(RunSettings settings, ProgressListener listener) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        Map<String, Periphery> conditions = conditions(settings.periphery());
        List<ResultRow> rows = new ArrayList<>();
        Map<String, String> panels = new LinkedHashMap<>();
        long perRun = (long) ExperimentRunner.configurations(spec("ideal"), settings).size() * settings.trials();
        long total = perRun * conditions.size();
        int r = 0;
        double[] times = null;
        for (Map.Entry<String, Periphery> c : conditions.entrySet()) {
            long offset = r++ * perRun;
            ExperimentSpec spec = spec(c.getKey());
            times = spec.times();
            FigureResult f = ExperimentRunner.run(spec, settings.withPeriphery(c.getValue()), ErrorReference.QUANTIZED,
                    (done, all) -> listener.progress(offset + done, total));
            rows.addAll(f.rows());
            panels.putAll(f.panels());
        }
        PeripheryStudyProvenance provenance = new PeripheryStudyProvenance(Build.current(),
                MonteCarloRun.of("periphery", settings), conditions, DoubleStream.of(times).boxed().toList(),
                Timing.since(start, t0));
        return new FigureResult("periphery", "periphery", spec("ideal").title(), XAxis.N_SLICES, times, panels, rows,
                provenance);
    }
}
