package org.pcmsim.device;

/**
 * How the programming-noise law σ_P(g) is evaluated beyond the range it was fitted on. The quadratic
 * of Nandakumar et al. 2019 was fitted on 0 ≤ g ≤ 1 and turns negative above g ≈ 1.79; targets
 * beyond G_max only arise when the target range is {@link TargetRange#UNBOUNDED}.
 */
public enum ProgrammingNoiseExtrapolation {
    /**
     * σ_P(min(g, 1)): a device asked for more than G_max is as noisy as one at G_max. The physical
     * choice, and the default.
     */
    SATURATED,
    /**
     * |σ_P(g)|: the quadratic continued as it is. The published reference engine multiplies a normal
     * draw by the (negative) σ_P, so the spread it applies is |σ_P(g)| ≈ 1.17 g² µS for large g.
     */
    ABSOLUTE
}
