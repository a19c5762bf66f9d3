package org.pcmsim.device;

/**
 * The conductance that normalises a device's target before the read-noise amplitude Q_s(g) is
 * evaluated.
 */
public enum ReadNoiseNormalization {
    /** g = |G_T| / G_max: the physical law, and the default. */
    G_MAX,
    /**
     * g = |G_T| / max |G_T| over the devices of the same slice: the published reference engine's
     * choice. It equals {@link #G_MAX} whenever a slice reaches G_max (every Figure 4 configuration),
     * and lowers the read noise of arrays that never do (ternary weights).
     */
    SLICE_MAX
}
