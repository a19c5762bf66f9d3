package org.pcmsim.device;

import java.util.Objects;
import org.pcmsim.internal.Checks;

/**
 * Programming-noise law of a PCM device: the standard deviation, in µS, of the conductance reached
 * when a target is programmed, as a quadratic in the normalised target g = |G_T| / G_max
 * (Nandakumar et al. 2019, as in IBM aihwkit's {@code PCMLikeNoiseModel}):
 * σ_P(g) = scale · (c2·g² + c1·g + c0), fitted on 0 ≤ g ≤ 1.
 *
 * @param c0 constant term, µS
 * @param c1 linear term, µS
 * @param c2 quadratic term, µS
 * @param scale multiplier of σ_P (0 switches programming noise off)
 * @param extrapolation how σ_P is evaluated above g = 1 (only unbounded targets get there)
 */
public record ProgrammingNoise(double c0, double c1, double c2, double scale,
                               ProgrammingNoiseExtrapolation extrapolation) {

    /**
     * The fitted law of Nandakumar et al. 2019, σ_P(g) = −1.1731 g² + 1.9650 g + 0.2635 µS, held at
     * σ_P(1) above g = 1.
     */
    public static final ProgrammingNoise NANDAKUMAR_2019 =
            new ProgrammingNoise(0.2635, 1.9650, -1.1731, 1.0, ProgrammingNoiseExtrapolation.SATURATED);

    /** Validates that every coefficient is finite and the scale is non-negative. */
    public ProgrammingNoise {
        Checks.finite("programming c0", c0);
        Checks.finite("programming c1", c1);
        Checks.finite("programming c2", c2);
        Checks.nonNegative("programming noise scale", scale);
        Objects.requireNonNull(extrapolation, "extrapolation");
    }

    /**
     * The spread of the programmed conductance: |σ_P| at g, or at min(g, 1) when saturated. A normal
     * draw times a negative σ has the spread |σ|, which is what the published engine applies above
     * g ≈ 1.79, where the quadratic turns negative.
     *
     * @param g normalised target conductance |G_T| / G_max
     * @return σ_P in µS, never negative
     */
    public double sigma(double g) {
        double x = extrapolation == ProgrammingNoiseExtrapolation.SATURATED ? Math.min(g, 1.0) : g;
        return Math.abs(scale * ((c2 * x + c1) * x + c0));
    }

    /**
     * @param newScale the new multiplier of σ_P
     * @return this law with another scale
     */
    public ProgrammingNoise withScale(double newScale) {
        return new ProgrammingNoise(c0, c1, c2, newScale, extrapolation);
    }

    /**
     * @param e how σ_P is evaluated above g = 1
     * @return this law with another extrapolation
     */
    public ProgrammingNoise withExtrapolation(ProgrammingNoiseExtrapolation e) {
        return new ProgrammingNoise(c0, c1, c2, scale, e);
    }
}
