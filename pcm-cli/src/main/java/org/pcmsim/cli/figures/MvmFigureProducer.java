package org.pcmsim.cli.figures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pcmsim.crossbar.ReadNoiseSampling;
import org.pcmsim.experiment.ExperimentRunner;
import org.pcmsim.experiment.ExperimentSpec;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.RunSettings;
import org.pcmsim.experiment.SeriesSpec;
import org.pcmsim.montecarlo.MvmTrialConfig;
import org.pcmsim.montecarlo.RunCost;
import org.pcmsim.montecarlo.ProgressListener;
import org.pcmsim.slicing.SlicingScheme;

/** A Monte Carlo MVM figure (4a, 4b, 4c, BitNet): a published {@link ExperimentSpec} run by pcm-core. */
public final class MvmFigureProducer implements FigureProducer {

    /*
     * Core-seconds to program one slice of a 128 x 128 crossbar, and to read it once, with the
     * aggregated read-noise sampler: fitted to `pcm bench` runs of 4a, 4b, 4c and BitNet on the
     * idle development machine (2 cores, 27 Nov 2026; all four within 10 %). Only used for the rough
     * estimate of `pcm list`.
     */
    private static final double PROGRAM_SECONDS = 1.5e-4;
    private static final double READ_SECONDS = 1.1e-5;

    private final ExperimentSpec spec;

    /** @param spec the experiment this producer runs */
    public MvmFigureProducer(ExperimentSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** @return the experiment this producer runs */
    public ExperimentSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String description() {
        return spec.description();
    }

    @Override
    public int defaultTrials() {
        return spec.defaultTrials();
    }

    /**
     * What a run simulates, for the benchmark.
     *
     * @param trials Monte Carlo trials over all simulated configurations
     * @param devicesProgrammed devices programmed over all trials (non-zero targets, estimated from
     *     the first trial of each configuration)
     * @param deviceReads programmed-device reads over all trials (data reads; the calibration input
     *     reads the same conductances)
     * @param normals standard normals drawn over all trials: the data, the programming normals
     *     (two per weight and slice, shared by every configuration of a trial) and the read noise
     *     (two per output line, slice and read with aggregated sampling)
     */
    public record Workload(long trials, long devicesProgrammed, long deviceReads, long normals) {
    }

    /**
     * @param settings the settings of the run
     * @return what the run simulates, over the configurations the runner actually simulates; a
     *     configuration that reuses another's chip (Equal-fill at several b_W) programs and reads nothing
     */
    public Workload workload(RunSettings settings) {
        List<MvmTrialConfig> configs = ExperimentRunner.configurations(spec, settings);
        boolean[] own = RunCost.readsOwnChip(configs);
        long n = settings.crossbar().size();
        long times = spec.times().length;
        long programmed = 0;
        long readNormals = 0;
        int deepest = 0;
        for (int c = 0; c < configs.size(); c++) {
            MvmTrialConfig config = configs.get(c);
            deepest = Math.max(deepest, config.slicing().nSlices());
            if (!own[c]) {
                continue;
            }
            long devices = RunCost.programmedDevices(config, settings.seed(), 0);
            programmed += devices;
            readNormals += config.sampling() == ReadNoiseSampling.AGGREGATED
                    ? 2 * n * config.slicing().nSlices() * times : devices * times;
        }
        long t = settings.trials();
        long normals = t * ((n * n + n) + 2 * n * n * deepest + readNormals);
        return new Workload((long) configs.size() * t, programmed * t, programmed * times * t, normals);
    }

    /**
     * The heap the run's per-trial results take: the engine keeps every trial's η at every read
     * time (a {@code double[times]} per configuration and trial, plus the arrays that hold them).
     *
     * @param settings the settings of the run
     * @return bytes, assuming compressed object references
     */
    public long resultBytes(RunSettings settings) {
        long configs = ExperimentRunner.configurations(spec, settings).size();
        long perTrial = 16 + 8L * spec.times().length + 4;
        return configs * (16 + 4L * settings.trials() + perTrial * settings.trials());
    }

    @Override
    public Duration estimate(RunSettings settings) {
        double coreSeconds = 0;
        int reads = spec.times().length;
        List<MvmTrialConfig> configs = ExperimentRunner.configurations(spec, settings);
        boolean[] own = RunCost.readsOwnChip(configs);
        for (int c = 0; c < configs.size(); c++) {
            // Programming once plus every read, each over all slices of the crossbar; a configuration
            // that reuses another's chip costs next to nothing.
            coreSeconds += own[c] ? configs.get(c).slicing().nSlices() * (PROGRAM_SECONDS + READ_SECONDS * reads) : 0;
        }
        double n = settings.crossbar().size() / 128.0;
        double seconds = coreSeconds * settings.trials() * n * n / settings.threads();
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /**
     * The same experiment with another slice count for its multi-slice series (the BitNet sweep's
     * n_W = 4); single-slice baselines are kept. Labels and description follow the new count.
     *
     * @param slices n_W for every series that has more than one slice, 2 … 8
     * @return a producer of the varied experiment
     */
    public MvmFigureProducer withMultiSliceCount(int slices) {
        List<SeriesSpec> series = new ArrayList<>();
        for (SeriesSpec s : spec.series()) {
            boolean multi = s.schemes().stream().anyMatch(sc -> sc.nSlices() > 1);
            List<SlicingScheme> schemes = s.schemes().stream()
                    .map(sc -> sc.nSlices() > 1 ? SlicingScheme.of(sc.algorithm(), slices, sc.base()) : sc)
                    .toList();
            String label = multi ? s.label().replaceAll("n_W=\\d+", "n_W=" + slices) : s.label();
            series.add(new SeriesSpec(label, s.weights(), schemes, s.theory(), s.panel()));
        }
        String description = spec.description().replaceAll("n_W = \\d+ \\(", "n_W = " + slices + " (");
        return new MvmFigureProducer(new ExperimentSpec(spec.name(), spec.figure(), spec.title(), description,
                spec.xAxis(), spec.times(), spec.defaultTrials(), series));
    }

    @Override
    public FigureResult produce(RunSettings settings, ProgressListener progress) {
        return ExperimentRunner.run(spec, settings, progress);
    }
}
