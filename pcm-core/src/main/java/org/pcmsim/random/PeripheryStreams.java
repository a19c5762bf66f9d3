package org.pcmsim.random;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The two generators of a trial's periphery ({@link TrialStreams#periphery}).
 *
 * @param chip the chip's static errors (ADC gain and offset mismatch), drawn once
 * @param conversions the per-conversion noise of the DAC and the ADC, in read order
 */
public record PeripheryStreams(UniformRandomProvider chip, UniformRandomProvider conversions) {
    /** Checks that both generators are present. */
    public PeripheryStreams {
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(conversions, "conversions");
    }
}
