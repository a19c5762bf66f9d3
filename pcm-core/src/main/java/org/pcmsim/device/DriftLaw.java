package org.pcmsim.device;

import org.pcmsim.internal.Checks;
import org.pcmsim.internal.DeviceLaws;

/**
 * Conductance-drift law of a PCM device, G(t) = G_P · (t / t0)^(−ν) (Nandakumar et al. 2019).
 * The exponent is drawn once per device at programming time as ν = scale · |μ_ν(g) + σ_ν(g)·ξ| with
 * μ_ν(g) = clip(muSlope·ln g + muIntercept, muMin, muMax) and
 * σ_ν(g) = clip(sigmaSlope·ln g + sigmaIntercept, sigmaMin, sigmaMax), g = |G_T| / G_max.
 *
 * @param muSlope slope of μ_ν in ln g
 * @param muIntercept μ_ν at g = 1
 * @param muMin lower clip of μ_ν
 * @param muMax upper clip of μ_ν
 * @param sigmaSlope slope of σ_ν in ln g
 * @param sigmaIntercept σ_ν at g = 1 before clipping
 * @param sigmaMin lower clip of σ_ν
 * @param sigmaMax upper clip of σ_ν
 * @param scale multiplier of ν (0 switches drift off)
 */
public record DriftLaw(double muSlope, double muIntercept, double muMin, double muMax,
                       double sigmaSlope, double sigmaIntercept, double sigmaMin, double sigmaMax,
                       double scale) {

    /** The fitted law of Nandakumar et al. 2019 (as in IBM aihwkit's {@code PCMLikeNoiseModel}). */
    public static final DriftLaw NANDAKUMAR_2019 =
            new DriftLaw(-0.0155, 0.0244, 0.049, 0.1, -0.0125, -0.0059, 0.008, 0.045, 1.0);

    /** Validates finiteness, clip order and a non-negative scale. */
    public DriftLaw {
        Checks.finite("muSlope", muSlope);
        Checks.finite("muIntercept", muIntercept);
        Checks.finite("muMin", muMin);
        Checks.finite("muMax", muMax);
        Checks.finite("sigmaSlope", sigmaSlope);
        Checks.finite("sigmaIntercept", sigmaIntercept);
        Checks.finite("sigmaMin", sigmaMin);
        Checks.finite("sigmaMax", sigmaMax);
        if (!(muMin <= muMax)) {
            throw new IllegalArgumentException("muMin must be <= muMax, got " + muMin + " > " + muMax);
        }
        if (!(sigmaMin >= 0 && sigmaMin <= sigmaMax)) {
            throw new IllegalArgumentException(
                    "need 0 <= sigmaMin <= sigmaMax, got sigmaMin=" + sigmaMin + ", sigmaMax=" + sigmaMax);
        }
        Checks.nonNegative("drift scale", scale);
    }

    /**
     * @param g normalised target conductance (a tiny offset is added before the log)
     * @return mean drift exponent μ_ν(g), before the scale
     */
    public double mean(double g) {
        return DeviceLaws.driftMean(this, Math.log(g + DeviceLaws.G_EPSILON));
    }

    /**
     * @param g normalised target conductance
     * @return standard deviation σ_ν(g) of the drift exponent, before the scale
     */
    public double sigma(double g) {
        return DeviceLaws.driftSigma(this, Math.log(g + DeviceLaws.G_EPSILON));
    }

    /**
     * @param newScale the new multiplier of ν
     * @return this law with another scale
     */
    public DriftLaw withScale(double newScale) {
        return new DriftLaw(muSlope, muIntercept, muMin, muMax, sigmaSlope, sigmaIntercept, sigmaMin, sigmaMax,
                newScale);
    }

}
