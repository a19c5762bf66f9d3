package org.pcmsim.device;

/**
 * Which target conductances a device may be asked to hold. A real PCM device holds
 * 0 ≤ |G| ≤ G_max; an algorithm may nevertheless compute a larger target: with Max-fill error
 * correction the least significant slice takes whatever the earlier slices' programming errors
 * left, and at b_W ≥ 4, n_W = 4 that reaches tens of G_max (docs/model.md, "Conventions").
 */
public enum TargetRange {
    /**
     * |G_T| ≤ G_max: a larger target is programmed at G_max with the sign it had (one active device of
     * an ideal differential pair), and counted as clipped. The physical choice, and the default.
     */
    CLIPPED,
    /** Any target is programmed as computed: the published reference engine's choice. */
    UNBOUNDED;

    /**
     * @param gMax largest target conductance of a device, µS
     * @return the largest |G_T| this range lets a device hold, µS (+∞ when unbounded)
     */
    public double limit(double gMax) {
        return this == CLIPPED ? gMax : Double.POSITIVE_INFINITY;
    }
}
