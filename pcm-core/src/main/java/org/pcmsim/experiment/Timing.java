package org.pcmsim.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a computation started and how long it took.
 *
 * @param started when it started (UTC)
 * @param wallTimeS its wall time, s, to the millisecond; ≥ 0
 */
public record Timing(Instant started, double wallTimeS) {

    /** Checks the wall time. */
    public Timing {
        Objects.requireNonNull(started, "started");
        if (!(wallTimeS >= 0) || Double.isInfinite(wallTimeS)) {
            throw new IllegalArgumentException("wallTimeS must be >= 0 and finite, got " + wallTimeS);
        }
    }

    /**
     * @param started when the computation started
     * @param startNanos {@link System#nanoTime()} at that moment
     * @return its timing up to now
     */
    public static Timing since(Instant started, long startNanos) {
        return new Timing(started, Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0);
    }
}
