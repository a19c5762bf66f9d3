package org.pcmsim.cli.figures;

import java.time.Duration;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.RunSettings;
import org.pcmsim.experiment.WeightSource;
import org.pcmsim.experiment.WeightStudy;
import org.pcmsim.montecarlo.ProgressListener;

/**
 * The heavy-tailed-weights study ({@link WeightStudy}) as two figures: η over time
 * ({@code weights-time}) and η against the weight clip at t0 ({@code weights-clip}); {@code pcm run
 * weights} runs both. A user's {@code --weights FILE.npy} (or a non-Gaussian
 * {@code --weight-distribution}) is added as a fourth source.
 */
public final class WeightsFigureProducer implements FigureProducer {
    /** The name that runs both figures. */
    public static final String GROUP = "weights";

    /*
     * Core-seconds per trial and configuration (programming, 4 slices of a 128 x 128 matrix) and per
     * read, fitted to the committed run (weights-time 39 s and weights-clip 120 s of compute on 2
     * threads, 30 Nov 2026) while other builds shared the 2 cores: an overestimate on an idle machine.
     * Only for the rough estimate of `pcm list`.
     */
    private static final double SECONDS_PER_CONFIG_TRIAL = 9e-3;
    private static final double SECONDS_PER_READ = 2e-3;

    private final boolean overClip;

    private WeightsFigureProducer(boolean overClip) {
        this.overClip = overClip;
    }

    /** @return the figure of η over time */
    public static WeightsFigureProducer overTime() {
        return new WeightsFigureProducer(false);
    }

    /** @return the figure of η against the weight clip */
    public static WeightsFigureProducer overClip() {
        return new WeightsFigureProducer(true);
    }

    @Override
    public String name() {
        return overClip ? "weights-clip" : "weights-time";
    }

    @Override
    public String description() {
        return overClip
                ? "eta at t0 vs the weight clip (2..6 sigma) for Gaussian, Laplace, Student-t(3) weights (and --weights): "
                        + "Max-fill EC, Max-fill, Equal-fill at n_W = 4, b_W = 1"
                : "eta vs time (t0 .. 1 year) for Gaussian, Laplace, Student-t(3) weights (and --weights): "
                        + "Max-fill EC, Max-fill, Equal-fill at n_W = 4, b_W = 1";
    }

    @Override
    public int defaultTrials() {
        return WeightStudy.DEFAULT_TRIALS;
    }

    @Override
    public boolean inAll() {
        return false;
    }

    @Override
    public Duration estimate(RunSettings settings) {
        int sources = WeightStudy.sources(extra(settings)).size();
        int points = overClip ? WeightStudy.CLIPS.length : 1;
        int reads = overClip ? 1 : 12;
        double n = settings.crossbar().size() / 128.0;
        double seconds = sources * points * 3.0 * settings.trials() * (SECONDS_PER_CONFIG_TRIAL + reads * SECONDS_PER_READ)
                * n * n / settings.threads();
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static WeightSource extra(RunSettings settings) {
        return settings.weights().equals(WeightSource.GAUSSIAN) ? null : settings.weights();
    }

    @Override
    public FigureResult produce(RunSettings settings, ProgressListener progress) {
        var sources = WeightStudy.sources(extra(settings));
        return overClip ? WeightStudy.overClip(settings, sources, progress)
                : WeightStudy.overTime(settings, sources, progress);
    }
}
