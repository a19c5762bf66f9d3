package org.pcmsim.device;

import org.pcmsim.internal.Checks;
import org.pcmsim.internal.DeviceLaws;

/**
 * 1/f read-noise law of a PCM device (Nandakumar et al. 2019): a read at time t returns
 * G(t) + G(t) · Q_s(g) · sqrt(ln((t + t_read) / (2 t_read))) · ξ with
 * Q_s(g) = scale · min(coefficient / g^exponent, max).
 *
 * @param coefficient Q_s at g = 1
 * @param exponent power of g in the denominator
 * @param max cap of Q_s
 * @param scale multiplier of Q_s (0 switches read noise off)
 */
public record ReadNoise(double coefficient, double exponent, double max, double scale) {

    /** The fitted law of Nandakumar et al. 2019: Q_s(g) = min(0.0088 / g^0.65, 0.2). */
    public static final ReadNoise NANDAKUMAR_2019 = new ReadNoise(0.0088, 0.65, 0.2, 1.0);

    /** Validates that the coefficients are finite and non-negative. */
    public ReadNoise {
        Checks.nonNegative("read-noise coefficient", coefficient);
        Checks.finite("read-noise exponent", exponent);
        Checks.nonNegative("read-noise max", max);
        Checks.nonNegative("read-noise scale", scale);
    }

    /**
     * @param g normalised conductance (a tiny offset is added before the power)
     * @return relative read-noise amplitude Q_s(g), scale included
     */
    public double qs(double g) {
        double raw = DeviceLaws.readNoiseRaw(this, Math.log(g + DeviceLaws.G_EPSILON));
        return DeviceLaws.readNoiseFromRaw(this, raw, 1.0);
    }

    /**
     * @param newScale the new multiplier of Q_s
     * @return this law with another scale
     */
    public ReadNoise withScale(double newScale) {
        return new ReadNoise(coefficient, exponent, max, newScale);
    }
}
