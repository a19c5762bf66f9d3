package org.pcmsim.periphery;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.pcmsim.internal.Checks;

/**
 * The ADC and DAC of a tile as pure functions of their inputs, the {@link Periphery} and a noise
 * source. With an ideal periphery they draw no random numbers and return exactly the paper's
 * conversions (ADC: round to nearest, clip at ±adcMax; DAC: the input level itself).
 *
 * <p>Per-conversion noise comes from a {@link NormalizedGaussianSampler} built by the caller on one of
 * its named streams (e.g. {@code ZigguratSampler.NormalizedGaussian.of(rng)}); one normal is drawn per
 * converted value, in index order, and only when the σ concerned is positive.
 */
public final class Converters {
    /** 3√3/2: scales u(1 − u²), whose peak on [−1, 1] is 2/(3√3) at |u| = 1/√3, to a peak of 1. */
    private static final double INL_NORM = 1.5 * Math.sqrt(3);

    private Converters() {
    }

    /**
     * One ADC conversion of every column of a slice: a_c = clip(rint(g_c · x_c + o_c + σ ξ_c), ±adcMax),
     * with g_c, o_c the chip's mismatch for (slice, c) and σ the ADC noise (input-referred, LSB).
     *
     * @param analog the analog values in ADC LSBs (s_out · I), one per column
     * @param out receives the output levels (may be {@code analog})
     * @param n number of columns converted (from index 0)
     * @param adcMax the largest output magnitude (127 for 8 bits)
     * @param periphery ADC noise σ
     * @param mismatch the chip's ADC mismatch (its columns ≥ n)
     * @param slice which weight slice's ADCs convert
     * @param noise the per-conversion noise source; unused (may be null) when σ = 0
     */
    public static void adc(double[] analog, double[] out, int n, double adcMax, Periphery periphery,
                           AdcMismatch mismatch, int slice, NormalizedGaussianSampler noise) {
        double sigma = periphery.adcNoiseLsb();
        boolean matched = mismatch.isNone();
        for (int c = 0; c < n; c++) {
            double x = analog[c];
            if (!matched) {
                x = mismatch.gain(slice, c) * x + mismatch.offset(slice, c);
            }
            if (sigma > 0) {
                x += sigma * noise.sample();
            }
            out[c] = Math.max(-adcMax, Math.min(adcMax, Math.rint(x)));
        }
    }

    /**
     * One DAC conversion of every input line: v_k = X_k + INL(X_k) + σ ξ_k, in DAC LSBs (the analog
     * value the row sees, before any IR drop). Noise is not clipped: it is analog.
     *
     * @param codes the input levels X_k (integers within ±fullScale)
     * @param out receives the analog inputs, LSB (may be {@code codes})
     * @param n number of lines converted (from index 0)
     * @param fullScale the largest input magnitude (255 for 9 bits)
     * @param periphery DAC noise σ and peak INL
     * @param noise the per-conversion noise source; unused (may be null) when σ = 0
     */
    public static void dac(double[] codes, double[] out, int n, int fullScale, Periphery periphery,
                           NormalizedGaussianSampler noise) {
        Checks.atLeast("fullScale", fullScale, 1);
        double sigma = periphery.dacNoiseLsb();
        double inl = periphery.dacInlLsb();
        for (int k = 0; k < n; k++) {
            double x = codes[k];
            if (inl > 0) {
                x += dacInl(x, fullScale, inl);
            }
            if (sigma > 0) {
                x += sigma * noise.sample();
            }
            out[k] = x;
        }
    }

    /**
     * The DAC's integral nonlinearity, an odd cubic bow INL(X) = A · (3√3/2) · u (1 − u²) with
     * u = X / fullScale: zero at 0 and at both ends of the range (INL measured against the end-point
     * line, as datasheets do), peak ±A at |u| = 1/√3 and ±0.97 A at half scale. Odd: with A &gt; 0 it
     * pushes both halves of the bipolar range outwards alike, and it adds no offset.
     *
     * @param code the input level X
     * @param fullScale the largest input magnitude
     * @param peakLsb A, the peak INL, LSB
     * @return INL(X), LSB
     */
    public static double dacInl(double code, int fullScale, double peakLsb) {
        double u = code / fullScale;
        return peakLsb * INL_NORM * u * (1 - u * u);
    }
}
