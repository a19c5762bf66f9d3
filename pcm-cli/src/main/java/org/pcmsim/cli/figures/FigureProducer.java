package org.pcmsim.cli.figures;

import java.time.Duration;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.RunSettings;
import org.pcmsim.montecarlo.ProgressListener;

/**
 * Something {@code pcm run <name>} can produce: a named figure whose numbers come back as a
 * {@link FigureResult}. The writers and the plotter work from that result alone, so a new figure
 * (for example the DNN accuracy figures 5a and 5c) needs only a producer registered in
 * {@link FigureRegistry}.
 */
public interface FigureProducer {

    /** @return the command-line name, e.g. {@code figure-4a} */
    String name();

    /** @return what the figure shows, in one sentence */
    String description();

    /** @return the published trial (or chip) count, the default of {@code --trials} */
    int defaultTrials();

    /**
     * @return whether {@code pcm run all} includes this figure (figures that need external data
     *     or hours of compute can opt out)
     */
    default boolean inAll() {
        return true;
    }

    /**
     * A rough run time, shown by {@code pcm list}; it need not be accurate, only of the right order.
     *
     * @param settings the settings the figure would run with
     * @return the expected wall time
     */
    Duration estimate(RunSettings settings);

    /**
     * Runs the figure.
     *
     * @param settings trials, seed, threads and model
     * @param progress told of progress from worker threads
     * @return the points and their provenance
     */
    FigureResult produce(RunSettings settings, ProgressListener progress);
}
