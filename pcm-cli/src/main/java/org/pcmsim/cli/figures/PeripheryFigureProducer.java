package org.pcmsim.cli.figures;

import java.time.Duration;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.PeripheryStudy;
import org.pcmsim.experiment.RunSettings;
import org.pcmsim.montecarlo.ProgressListener;

/**
 * {@code pcm run periphery}: does the paper's ranking survive ADC noise and IR drop
 * ({@link PeripheryStudy}; docs/figures.md, "Does the ranking survive a real periphery?").
 */
public final class PeripheryFigureProducer implements FigureProducer {
    /*
     * Core-seconds per trial of the whole study (4 conditions x 10 configurations, 2 reads each, the
     * first-order IR drop on half of them): the committed run took 19 s of CPU for 100 trials on 2 cores
     * shared with other jobs. Only for the rough estimate of `pcm list`.
     */
    private static final double SECONDS_PER_TRIAL = 0.2;

    @Override
    public String name() {
        return "periphery";
    }

    @Override
    public String description() {
        return "eta vs n_W at t0 and one month for Equal-fill, Max-fill, Max-fill EC (b_W = 1) under the ideal "
                + "periphery, ADC noise 1 LSB, IR drop 0.35 ohm per cell (first order) and both";
    }

    @Override
    public int defaultTrials() {
        return PeripheryStudy.DEFAULT_TRIALS;
    }

    /** Not in {@code pcm run all}: it would double that run's time; CI runs it on its own. */
    @Override
    public boolean inAll() {
        return false;
    }

    @Override
    public Duration estimate(RunSettings settings) {
        double n = settings.crossbar().size() / 128.0;
        double seconds = SECONDS_PER_TRIAL * settings.trials() * n * n / settings.threads();
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    @Override
    public FigureResult produce(RunSettings settings, ProgressListener progress) {
        return PeripheryStudy.run(settings, progress);
    }
}
