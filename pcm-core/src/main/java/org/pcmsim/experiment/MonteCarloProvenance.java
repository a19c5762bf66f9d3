package org.pcmsim.experiment;

/**
 * The provenance of a crossbar Monte Carlo figure: its records all share the run's settings
 * ({@link MonteCarloRun}).
 */
public interface MonteCarloProvenance extends Provenance {
    /** @return the experiment, seed, trials, threads and the full model of the run */
    MonteCarloRun run();

    @Override
    default long seed() {
        return run().seed();
    }
}
