package org.pcmsim.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.pcmsim.Build;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.montecarlo.ErrorReference;
import org.pcmsim.montecarlo.ProgressListener;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;
import org.pcmsim.slicing.WeightQuantization;
import org.pcmsim.weights.WeightDistribution;

/**
 * Does the paper's ranking of slicing algorithms survive heavier-tailed weights than its Gaussian
 * ones (the paper's first stated limitation)? Max-fill EC, Max-fill and Equal-fill (b_W = 1,
 * n_W = 4), for Gaussian, Laplace and Student-t(3) weights (each of unit variance) and optionally a
 * user's matrix: η over time (t0 … one year, as Figure 4(c); the paper's η, against the quantised
 * product), and η at t0 against the weights' clip k (2 σ … 6 σ) measured against the real product
 * w·x ({@link ErrorReference#FLOAT}), because with heavy tails the clip decides the quantisation error.
 */
public final class WeightStudy {
    /** Clip points k of the sweep, σ. */
    public static final double[] CLIPS = {2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6};
    /** Default trials per point. */
    public static final int DEFAULT_TRIALS = 200;
    private static final SlicingAlgorithm[] ALGORITHMS = {
        SlicingAlgorithm.MAX_FILL_EC, SlicingAlgorithm.MAX_FILL, SlicingAlgorithm.EQUAL_FILL};

    private WeightStudy() {
    }

    /**
     * The study's weight sources: Gaussian, Laplace, Student-t(3), then {@code extra} if it is
     * not one of them.
     *
     * @param extra a user's source (a matrix or another distribution), or null
     * @return the sources, in panel order
     */
    public static List<WeightSource> sources(WeightSource extra) {
        List<WeightSource> s = new ArrayList<>(List.of(WeightSource.GAUSSIAN, WeightSource.of(WeightDistribution.LAPLACE),
                WeightSource.of(WeightDistribution.studentT(3))));
        if (extra != null && !s.contains(extra)) {
            s.add(extra);
        }
        return s;
    }

    /** The three series of one source, on one panel named after it. */
    private static ExperimentSpec spec(WeightSource source, double[] times, XAxis axis) {
        List<SeriesSpec> series = new ArrayList<>();
        for (SlicingAlgorithm a : ALGORITHMS) {
            String name = switch (a) {
                case MAX_FILL_EC -> "Max-fill EC";
                case MAX_FILL -> "Max-fill";
                default -> "Equal-fill";
            };
            series.add(new SeriesSpec(source.label() + ": " + name + " n_W=4", WeightQuantization.INT9,
                    List.of(SlicingScheme.of(a, 4, 1)), false, source.label()));
        }
        return new ExperimentSpec("weights", "weights", "Heavy-tailed weights", "", axis, times, DEFAULT_TRIALS,
                series);
    }

    /**
     * η over time for every source.
     *
     * @param settings trials, seed, threads and model (its weight source is replaced by each source's)
     * @param sources the weight sources ({@link #sources})
     * @param listener told of progress over the whole study
     * @return the figure: one panel per source
     */
    public static FigureResult overTime(RunSettings settings, List<WeightSource> sources, ProgressListener listener) {
        double[] times = ReadTimes.figure4c();
        List<Run> runs = new ArrayList<>();
        for (WeightSource s : sources) {
            runs.add(new Run(spec(s, times, XAxis.TIME), settings.withWeights(s), ErrorReference.QUANTIZED));
        }
        return combine("weights-time", "weights", "Slicing with heavy-tailed weights over time (b_W = 1, n_W = 4)",
                XAxis.TIME, times, runs, settings, sources, listener);
    }

    /**
     * η at t0 against the weights' clip k for every source.
     *
     * @param settings trials, seed, threads and model (its weight clip and source are replaced)
     * @param sources the weight sources ({@link #sources})
     * @param listener told of progress over the whole study
     * @return the figure: one panel per source, x the clip in σ
     */
    public static FigureResult overClip(RunSettings settings, List<WeightSource> sources, ProgressListener listener) {
        double[] times = {ReadTimes.T0};
        List<Run> runs = new ArrayList<>();
        for (WeightSource s : sources) {
            for (double k : CLIPS) {
                CrossbarConfig c = settings.crossbar();
                CrossbarConfig clipped = new CrossbarConfig(c.size(), c.inputBits(), c.inputClipSigmas(), c.weightBits(),
                        k, c.adcBits(), c.driftCompensation());
                // Against the real product: what the clip and the rounding lose is the point here.
                runs.add(new Run(spec(s, times, XAxis.WEIGHT_CLIP), settings.withWeights(s).withCrossbar(clipped),
                        ErrorReference.FLOAT));
            }
        }
        return combine("weights-clip", "weights-clip",
                "Slicing with heavy-tailed weights against the weight clip at t0 (b_W = 1, n_W = 4)",
                XAxis.WEIGHT_CLIP, times, runs, settings, sources, listener);
    }

    private record Run(ExperimentSpec spec, RunSettings settings, ErrorReference reference) {
    }

    private static FigureResult combine(String name, String figure, String title, XAxis axis, double[] times,
                                        List<Run> runs, RunSettings settings, List<WeightSource> sources,
                                        ProgressListener listener) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        List<ResultRow> rows = new ArrayList<>();
        Map<String, String> panels = new LinkedHashMap<>();
        long perRun = (long) ALGORITHMS.length * settings.trials();
        long total = perRun * runs.size();
        for (int r = 0; r < runs.size(); r++) {
            long offset = r * perRun;
            FigureResult f = ExperimentRunner.run(runs.get(r).spec(), runs.get(r).settings(), runs.get(r).reference(),
                    (done, all) -> listener.progress(offset + done, total));
            for (ResultRow row : f.rows()) {
                rows.add(new ResultRow(figure, row.series(), row.weights(), row.algorithm(), row.base(), row.nW(),
                        row.timeS(), row.trials(), row.metric(), row.mean(), row.std(), row.weightSource(), row.array(),
                        row.weightClip(), row.periphery()));
            }
            panels.putAll(f.panels());
        }
        String scaling = "each scaled to unit variance; Laplace scale 1/sqrt(2), Student-t times sqrt((nu - 2) / nu), "
                + "a user's matrix quantised at k times its RMS";
        WeightStudyProvenance provenance = new WeightStudyProvenance(Build.current(), MonteCarloRun.of(name, settings),
                sources.stream().map(WeightSource::id).toList(), scaling,
                axis == XAxis.WEIGHT_CLIP ? DoubleStream.of(CLIPS).boxed().toList() : null,
                DoubleStream.of(times).boxed().toList(), Timing.since(start, t0));
        return new FigureResult(name, figure, title, axis, times, panels, rows, provenance);
    }
}
