package org.pcmsim.montecarlo;

/**
 * Receives progress from a Monte Carlo run. Called from worker threads, possibly concurrently; an
 * implementation must be thread-safe and fast.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * @param done trials finished so far in this run
     * @param total trials in this run
     */
    void progress(long done, long total);
}
