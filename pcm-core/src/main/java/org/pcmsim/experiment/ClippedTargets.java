package org.pcmsim.experiment;

import java.util.List;
import java.util.Objects;
import org.pcmsim.device.TargetRange;

/**
 * How many devices had a target conductance above G_max and were clipped to it (only under
 * {@link TargetRange#CLIPPED}; docs/model.md, "Conventions"): the total over the run, and per simulated
 * configuration where any were.
 *
 * @param targetRange the device model's target range
 * @param clippedDevices devices clipped, over every trial
 * @param programmedDevices devices programmed, over every trial
 * @param perConfiguration the configurations with clipped devices, in run order
 */
public record ClippedTargets(TargetRange targetRange, long clippedDevices, long programmedDevices,
                             List<Configuration> perConfiguration) {

    /** Copies the list; counts must be 0 ≤ clipped ≤ programmed. */
    public ClippedTargets {
        Objects.requireNonNull(targetRange, "targetRange");
        perConfiguration = List.copyOf(perConfiguration);
        if (clippedDevices < 0 || clippedDevices > programmedDevices) {
            throw new IllegalArgumentException("clippedDevices must be in [0, programmedDevices = " + programmedDevices
                    + "], got " + clippedDevices);
        }
    }

    /**
     * One configuration's clipped devices.
     *
     * @param configuration the slicing scheme, e.g. {@code max-fill-ec b2 n4}
     * @param weights the weight quantisation's id, e.g. {@code int9}
     * @param clippedDevices devices clipped, over every trial
     * @param programmedDevices devices programmed, over every trial
     * @param clippedPerTrial clipped devices per trial
     * @param clippedFraction clipped / programmed
     */
    public record Configuration(String configuration, String weights, long clippedDevices, long programmedDevices,
                                double clippedPerTrial, double clippedFraction) {

        /** Checks the names. */
        public Configuration {
            Objects.requireNonNull(configuration, "configuration");
            Objects.requireNonNull(weights, "weights");
        }
    }
}
