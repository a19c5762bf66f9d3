package org.pcmsim.device;

import org.pcmsim.internal.Checks;

/**
 * Programming-noise law of a PCM device: the standard deviation, in µS, of the conductance reached
 * when a target is programmed, as a quadratic in the normalised target g = |G_T| / G_max
 * (Nandakumar et al. 2019, as in IBM aihwkit's {@code PCMLikeNoiseModel}):
 * σ_P(g) = scale · (c2·g² + c1·g + c0).
 *
 * @param c0 constant term, µS
 * @param c1 linear term, µS
 * @param c2 quadratic term, µS
 * @param scale multiplier of σ_P (0 switches programming noise off)
 */
public record ProgrammingNoise(double c0, double c1, double c2, double scale) {

    /** The fitted law of Nandakumar et al. 2019: σ_P(g) = −1.1731 g² + 1.9650 g + 0.2635 µS. */
    public static final ProgrammingNoise NANDAKUMAR_2019 = new ProgrammingNoise(0.2635, 1.9650, -1.1731, 1.0);

    /** Validates that every coefficient is finite and the scale is non-negative. */
    public ProgrammingNoise {
        Checks.finite("programming c0", c0);
        Checks.finite("programming c1", c1);
        Checks.finite("programming c2", c2);
        Checks.nonNegative("programming noise scale", scale);
    }

    /**
     * Standard deviation of the programmed conductance.
     *
     * @param g normalised target conductance |G_T| / G_max
     * @return σ_P in µS, never negative
     */
    public double sigma(double g) {
        return Math.max(0.0, scale * ((c2 * g + c1) * g + c0));
    }

    /**
     * @param newScale the new multiplier of σ_P
     * @return this law with another scale
     */
    public ProgrammingNoise withScale(double newScale) {
        return new ProgrammingNoise(c0, c1, c2, newScale);
    }
}
