package org.pcmsim.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.pcmsim.Build;
import org.pcmsim.crossbar.ArrayShape;
import org.pcmsim.crossbar.DriftCompensationScope;
import org.pcmsim.montecarlo.ErrorReference;
import org.pcmsim.montecarlo.FixedMatrix;
import org.pcmsim.montecarlo.MonteCarloEngine;
import org.pcmsim.montecarlo.MonteCarloResult;
import org.pcmsim.montecarlo.MvmTrialConfig;
import org.pcmsim.montecarlo.ProgressListener;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;
import org.pcmsim.theory.EqualFillTheory;

/**
 * Runs a published experiment and turns the Monte Carlo results into figure rows, with the eq. 8
 * theory where the figure shows it.
 *
 * <p>With one slice every algorithm and base gives the same slices (docs/model.md §3, the n_W = 1 law,
 * which the tests check to the last digit), so all n_W = 1 points of a figure are simulated once; so
 * is any configuration that appears in several series.
 */
public final class ExperimentRunner {
    private ExperimentRunner() {
    }

    /**
     * @param spec the experiment
     * @param settings trials, seed, threads and model
     * @param listener told of progress over all the experiment's trials
     * @return the figure's rows and provenance
     */
    public static FigureResult run(ExperimentSpec spec, RunSettings settings, ProgressListener listener) {
        return run(spec, settings, ErrorReference.QUANTIZED, listener);
    }

    /**
     * As {@link #run(ExperimentSpec, RunSettings, ProgressListener)}, with η against another reference
     * (its rows' metric is {@link ErrorReference#metric}).
     *
     * @param spec the experiment
     * @param settings trials, seed, threads and model
     * @param reference what η compares the analog output with
     * @param listener told of progress over all the experiment's trials
     * @return the figure's rows and provenance
     */
    static FigureResult run(ExperimentSpec spec, RunSettings settings, ErrorReference reference,
                            ProgressListener listener) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        Map<MvmTrialConfig, Integer> unique = new LinkedHashMap<>();
        List<List<MvmTrialConfig>> perSeries = plan(spec, settings, reference, unique);
        double[] times = spec.times();
        MonteCarloEngine engine = new MonteCarloEngine(settings.threads());
        WeightSource source = settings.weights();
        ArrayShape array = ArrayShape.of(settings.crossbar());
        List<MonteCarloResult> results = source.matrix() != null
                ? engine.runAll(new ArrayList<>(unique.keySet()), FixedMatrix.of(source.matrix(), settings.crossbar()),
                        times, settings.trials(), settings.seed(), listener)
                : engine.runAll(new ArrayList<>(unique.keySet()), source.distribution(), times, settings.trials(),
                        settings.seed(), listener);
        RowTags tags = new RowTags(source.id(), array.toString(), settings.crossbar().weightClipSigmas(),
                settings.periphery().describe());

        List<ResultRow> rows = new ArrayList<>();
        Map<String, String> panels = new LinkedHashMap<>();
        for (int si = 0; si < spec.series().size(); si++) {
            SeriesSpec s = spec.series().get(si);
            panels.put(s.label(), s.panel());
            List<MonteCarloResult> pts = new ArrayList<>();
            for (MvmTrialConfig c : perSeries.get(si)) {
                pts.add(results.get(unique.get(c)));
            }
            for (int p = 0; p < pts.size(); p++) {
                SlicingScheme scheme = s.schemes().get(p);
                for (int t = 0; t < times.length; t++) {
                    rows.add(new ResultRow(spec.figure(), s.label(), s.weights().id(), scheme.algorithm().id(),
                            scheme.base(), scheme.nSlices(), times[t], settings.trials(), reference.metric(),
                            pts.get(p).mean(t), pts.get(p).std(t), tags.source, tags.array, tags.clip,
                            tags.periphery));
                }
            }
            if (s.theory()) {
                rows.addAll(theoryRows(spec, s, pts, times, settings.trials(), tags));
            }
        }
        MatrixSource matrix = source.matrix() == null ? null
                : new MatrixSource(source.matrix().rows() + "x" + source.matrix().cols(), source.matrix().rms(),
                        array.toString(), DriftCompensationScope.PER_TILE);
        MvmProvenance provenance = new MvmProvenance(Build.current(), MonteCarloRun.of(spec.name(), settings),
                source.id(), matrix, clippedTargets(results, settings), DoubleStream.of(times).boxed().toList(),
                unique.size(), Timing.since(start, t0));
        return new FigureResult(spec.name(), spec.figure(), spec.title(), spec.xAxis(), times, panels, rows,
                provenance);
    }

    /** The devices whose target was clipped to G_max: the total, and per configuration where any were. */
    private static ClippedTargets clippedTargets(List<MonteCarloResult> results, RunSettings settings) {
        long clipped = 0;
        long programmed = 0;
        List<ClippedTargets.Configuration> per = new ArrayList<>();
        for (MonteCarloResult r : results) {
            clipped += r.clippedDevices();
            programmed += r.programmedDevices();
            if (r.clippedDevices() > 0) {
                per.add(new ClippedTargets.Configuration(r.config().slicing().toString(), r.config().weights().id(),
                        r.clippedDevices(), r.programmedDevices(), (double) r.clippedDevices() / settings.trials(),
                        (double) r.clippedDevices() / r.programmedDevices()));
            }
        }
        return new ClippedTargets(settings.device().targetRange(), clipped, programmed, per);
    }

    /**
     * The distinct configurations an experiment simulates (n_W = 1 points and repeated
     * configurations collapse), in the order they are run.
     *
     * @param spec the experiment
     * @param settings the model settings
     * @return the simulated configurations
     */
    public static List<MvmTrialConfig> configurations(ExperimentSpec spec, RunSettings settings) {
        Map<MvmTrialConfig, Integer> unique = new LinkedHashMap<>();
        plan(spec, settings, ErrorReference.QUANTIZED, unique);
        return new ArrayList<>(unique.keySet());
    }

    /** Maps every series point to its simulated configuration, filling {@code unique} in run order. */
    private static List<List<MvmTrialConfig>> plan(ExperimentSpec spec, RunSettings settings, ErrorReference reference,
                                                   Map<MvmTrialConfig, Integer> unique) {
        int magnitudeBits = settings.crossbar().weightBits() - 1;
        List<List<MvmTrialConfig>> perSeries = new ArrayList<>();
        for (SeriesSpec s : spec.series()) {
            List<MvmTrialConfig> configs = new ArrayList<>();
            for (SlicingScheme scheme : s.schemes()) {
                MvmTrialConfig c = new MvmTrialConfig(settings.crossbar(), settings.device(),
                        simulated(scheme, magnitudeBits), s.weights(), settings.sampling(), reference,
                        settings.periphery());
                unique.putIfAbsent(c, unique.size());
                configs.add(c);
            }
            perSeries.add(configs);
        }
        return perSeries;
    }

    /** The scheme actually simulated: n_W = 1 schemes all collapse to one (the n_W = 1 law). */
    private static SlicingScheme simulated(SlicingScheme s, int magnitudeBits) {
        if (s.nSlices() == 1) {
            return new SlicingScheme(SlicingAlgorithm.EQUAL_FILL, 1, 1, magnitudeBits);
        }
        if (s.algorithm() == SlicingAlgorithm.POSITIONAL) {
            int k = (magnitudeBits + s.nSlices() - 1) / s.nSlices();
            return new SlicingScheme(SlicingAlgorithm.POSITIONAL, s.nSlices(), 1 << k, magnitudeBits);
        }
        return new SlicingScheme(s.algorithm(), s.nSlices(), s.base(), magnitudeBits);
    }

    /** The columns every row of one run shares: weight source, array and weight clip. */
    private record RowTags(String source, String array, double clip, String periphery) {
    }

    private static List<ResultRow> theoryRows(ExperimentSpec spec, SeriesSpec s, List<MonteCarloResult> pts,
                                              double[] times, int trials, RowTags tags) {
        int single = -1;
        for (int p = 0; p < s.schemes().size(); p++) {
            if (s.schemes().get(p).nSlices() == 1) {
                single = p;
            }
        }
        if (single < 0) {
            throw new IllegalStateException("series '" + s.label() + "' needs an n_W = 1 point to calibrate eq. 8");
        }
        List<ResultRow> rows = new ArrayList<>();
        for (SlicingScheme scheme : s.schemes()) {
            for (int t = 0; t < times.length; t++) {
                double eta = EqualFillTheory.eta(pts.get(single).mean(t), scheme.nSlices(), scheme.base());
                rows.add(new ResultRow(spec.figure(), "Theory b_W=" + scheme.base(), s.weights().id(),
                        scheme.algorithm().id(), scheme.base(), scheme.nSlices(), times[t], trials, "eta_theory",
                        eta, Double.NaN, tags.source, tags.array, tags.clip, tags.periphery));
            }
        }
        return rows;
    }
}
