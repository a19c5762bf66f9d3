package org.pcmsim.periphery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.pcmsim.random.TrialStream;
import org.pcmsim.random.TrialStreams;

/**
 * ADC and DAC effects. Statistical tests use fixed seeds; each tolerance is 5 standard errors of the
 * estimate, computed from the sample, so a fresh seed would fail with probability about 6e-7 per check
 * (normal approximation, which the 10⁵-sample means satisfy).
 */
class ConvertersTest {
    private static final int ADC_MAX = 127;
    private static final int N = 200_000;

    private static double[] analogValues(long seed) {
        UniformRandomProvider rng = TrialStreams.stream(seed, 0, TrialStream.DATA);
        double[] x = new double[N];
        for (int k = 0; k < N; k++) {
            x[k] = rng.nextDouble(-100, 100);
        }
        return x;
    }

    @Test
    void idealConvertersAreThePapersAndDrawNothing() {
        double[] x = analogValues(1);
        double[] expected = new double[N];
        for (int k = 0; k < N; k++) {
            expected[k] = Math.max(-ADC_MAX, Math.min(ADC_MAX, Math.rint(x[k] * 2)));
            x[k] *= 2;
        }
        UniformRandomProvider rng = TrialStreams.stream(5, 0, TrialStream.DATA);
        AdcMismatch m = AdcMismatch.draw(Periphery.IDEAL, 3, N, rng);
        assertTrue(m.isNone());
        double[] out = new double[N];
        // A null noise source proves that nothing is drawn.
        Converters.adc(x, out, N, ADC_MAX, Periphery.IDEAL, m, 2, null);
        assertArrayEquals(expected, out);
        // Switching the IR-drop model without resistance changes nothing in the converters either.
        Converters.adc(x, out, N, ADC_MAX, Periphery.IDEAL.withIrDrop(0, IrDropModel.EXACT), m, 0, null);
        assertArrayEquals(expected, out);

        double[] codes = {-255, -100, -1, 0, 1, 37, 255};
        double[] dacOut = new double[codes.length];
        Converters.dac(codes, dacOut, codes.length, 255, Periphery.IDEAL, null);
        assertArrayEquals(codes, dacOut);
        // The generator is untouched: its next number is the one a fresh copy gives first.
        assertEquals(TrialStreams.stream(5, 0, TrialStream.DATA).nextLong(), rng.nextLong());
    }

    /**
     * With analog values whose fractional parts are uniform, the rounding error q is uniform and
     * independent of the noise n, so E[(a − x)²] = 1/12 + σ²: the noise adds exactly σ² to the output
     * variance. Checked paired (same x, with and without noise) for σ = 0.5 and 1 LSB.
     */
    @Test
    void adcNoiseAddsItsVariance() {
        double[] x = analogValues(2);
        double[] ideal = new double[N];
        Converters.adc(x, ideal, N, 1000, Periphery.IDEAL, AdcMismatch.none(1, N), 0, null);
        for (double sigma : new double[] {0.5, 1.0}) {
            NormalizedGaussianSampler noise =
                    ZigguratSampler.NormalizedGaussian.of(TrialStreams.stream(3, 0, TrialStream.DATA));
            double[] noisy = new double[N];
            Converters.adc(x, noisy, N, 1000, Periphery.IDEAL.withAdcNoise(sigma), AdcMismatch.none(1, N), 0,
                    noise);
            double sum = 0;
            double sumSq = 0;
            double meanError = 0;
            for (int k = 0; k < N; k++) {
                double eNoisy = noisy[k] - x[k];
                double eIdeal = ideal[k] - x[k];
                double d = eNoisy * eNoisy - eIdeal * eIdeal;
                sum += d;
                sumSq += d * d;
                meanError += eNoisy;
            }
            double mean = sum / N;
            double se = Math.sqrt((sumSq / N - mean * mean) / (N - 1));
            assertEquals(sigma * sigma, mean, 5 * se, "σ = " + sigma + ": added variance " + mean + " ± " + se);
            // The noise is unbiased: the mean error stays 0 within 5 SE (SD ≤ sqrt(1/12 + σ²)).
            assertEquals(0, meanError / N, 5 * Math.sqrt((1.0 / 12 + sigma * sigma) / N));
        }
    }

    @Test
    void adcClipsAfterNoiseAndMismatch() {
        double[] x = {126.9, -126.9, 500, -500};
        double[] out = new double[4];
        NormalizedGaussianSampler noise =
                ZigguratSampler.NormalizedGaussian.of(TrialStreams.stream(4, 0, TrialStream.DATA));
        Converters.adc(x, out, 4, ADC_MAX, Periphery.IDEAL.withAdcNoise(3), AdcMismatch.none(1, 4), 0, noise);
        for (double a : out) {
            assertTrue(Math.abs(a) <= ADC_MAX && a == Math.rint(a), "output " + a);
        }
        assertEquals(ADC_MAX, out[2]);
        assertEquals(-ADC_MAX, out[3]);
    }

    /**
     * Mismatch is drawn once: the same chip converts the same value the same way every time, ADCs differ
     * from each other, and the drawn gains and offsets have the requested σ (sample SD within 5 SE,
     * SE = σ / sqrt(2(n − 1)) for a normal sample).
     */
    @Test
    void mismatchIsPerChipPerColumnAndSlice() {
        int slices = 4;
        int cols = 5000;
        Periphery p = Periphery.IDEAL.withAdcMismatch(0.02, 0.7);
        AdcMismatch m = AdcMismatch.draw(p, slices, cols, TrialStreams.stream(6, 0, TrialStream.DATA));
        AdcMismatch again = AdcMismatch.draw(p, slices, cols, TrialStreams.stream(6, 0, TrialStream.DATA));
        double[] gains = new double[slices * cols];
        double[] offsets = new double[slices * cols];
        for (int s = 0; s < slices; s++) {
            for (int c = 0; c < cols; c++) {
                gains[s * cols + c] = m.gain(s, c) - 1;
                offsets[s * cols + c] = m.offset(s, c);
                assertEquals(m.gain(s, c), again.gain(s, c));
                assertEquals(m.offset(s, c), again.offset(s, c));
            }
        }
        assertNotEquals(m.gain(0, 0), m.gain(1, 0));
        assertNotEquals(m.offset(0, 0), m.offset(0, 1));
        int n = gains.length;
        assertEquals(0.02, sd(gains), 5 * 0.02 / Math.sqrt(2.0 * (n - 1)));
        assertEquals(0.7, sd(offsets), 5 * 0.7 / Math.sqrt(2.0 * (n - 1)));

        double[] x = new double[cols];
        java.util.Arrays.fill(x, 50.3);
        double[] first = new double[cols];
        double[] second = new double[cols];
        Converters.adc(x, first, cols, ADC_MAX, p, m, 3, null);
        Converters.adc(x, second, cols, ADC_MAX, p, m, 3, null);
        assertArrayEquals(first, second);
        for (int c = 0; c < cols; c++) {
            assertEquals(Math.rint(m.gain(3, c) * 50.3 + m.offset(3, c)), first[c]);
        }
    }

    /** DAC noise adds σ² to the variance of the analog input (5 SE, SE from the sample). */
    @Test
    void dacNoiseAddsItsVariance() {
        int n = N;
        double[] codes = new double[n];
        UniformRandomProvider rng = TrialStreams.stream(7, 0, TrialStream.DATA);
        for (int k = 0; k < n; k++) {
            codes[k] = rng.nextInt(511) - 255;
        }
        double sigma = 0.8;
        double[] out = new double[n];
        Converters.dac(codes, out, n, 255, Periphery.IDEAL.withDac(sigma, 0),
                ZigguratSampler.NormalizedGaussian.of(TrialStreams.stream(8, 0, TrialStream.DATA)));
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < n; k++) {
            double e2 = (out[k] - codes[k]) * (out[k] - codes[k]);
            sum += e2;
            sumSq += e2 * e2;
        }
        double mean = sum / n;
        double se = Math.sqrt((sumSq / n - mean * mean) / (n - 1));
        assertEquals(sigma * sigma, mean, 5 * se);
    }

    @Test
    void dacInlIsAnOddEndpointCorrectedBow() {
        double a = 0.5;
        assertEquals(0, Converters.dacInl(0, 255, a));
        assertEquals(0, Converters.dacInl(255, 255, a), 1e-15);
        assertEquals(0, Converters.dacInl(-255, 255, a), 1e-15);
        double peak = 255 / Math.sqrt(3);
        assertEquals(a, Converters.dacInl(peak, 255, a), 1e-12);
        assertEquals(-a, Converters.dacInl(-peak, 255, a), 1e-12);
        for (int x = -255; x <= 255; x++) {
            assertTrue(Math.abs(Converters.dacInl(x, 255, a)) <= a + 1e-12);
            assertEquals(-Converters.dacInl(x, 255, a), Converters.dacInl(-x, 255, a), 1e-15);
        }
        double[] codes = {-200, 0, 147};
        double[] out = new double[3];
        Converters.dac(codes, out, 3, 255, Periphery.IDEAL.withDac(0, a), null);
        for (int k = 0; k < 3; k++) {
            assertEquals(codes[k] + Converters.dacInl(codes[k], 255, a), out[k]);
        }
    }

    private static double sd(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
