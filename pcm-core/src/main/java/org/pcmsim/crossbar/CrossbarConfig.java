package org.pcmsim.crossbar;

import org.pcmsim.internal.Checks;

/**
 * The periphery of one analog crossbar (docs/model.md §1, §4): its size, the input DAC, the per-slice
 * ADC and global drift compensation. One input slice (n_in = 1) is simulated.
 *
 * @param size N, rows = columns of the crossbar
 * @param inputBits signed input width (9: ±255)
 * @param inputClipSigmas inputs are clipped at this many σ (4)
 * @param weightBits signed weight width (9: ±255)
 * @param weightClipSigmas weights are clipped at this many σ (3)
 * @param adcBits signed ADC width per weight slice (8: ±127)
 * @param driftCompensation whether calibration-based global drift compensation (GDC) is applied
 */
public record CrossbarConfig(int size, int inputBits, double inputClipSigmas, int weightBits,
                             double weightClipSigmas, int adcBits, boolean driftCompensation) {

    /** Validates every parameter; messages name the bad value. */
    public CrossbarConfig {
        Checks.atLeast("size (N)", size, 1);
        if (inputBits < 2 || inputBits > 24) {
            throw new IllegalArgumentException("inputBits must be in 2..24, got " + inputBits);
        }
        if (weightBits < 2 || weightBits > 24) {
            throw new IllegalArgumentException("weightBits must be in 2..24, got " + weightBits);
        }
        if (adcBits < 2 || adcBits > 24) {
            throw new IllegalArgumentException("adcBits must be in 2..24, got " + adcBits);
        }
        Checks.positive("inputClipSigmas", inputClipSigmas);
        Checks.positive("weightClipSigmas", weightClipSigmas);
    }

    /** @return the paper's crossbar: 128 × 128, 9-bit inputs (4 σ) and weights (3 σ), 8-bit ADC, GDC on */
    public static CrossbarConfig paper() {
        return new CrossbarConfig(128, 9, 4, 9, 3, 8, true);
    }

    /**
     * @param n the crossbar size
     * @return this configuration with another size
     */
    public CrossbarConfig withSize(int n) {
        return new CrossbarConfig(n, inputBits, inputClipSigmas, weightBits, weightClipSigmas, adcBits,
                driftCompensation);
    }

    /**
     * @param bits the ADC width
     * @return this configuration with another ADC width
     */
    public CrossbarConfig withAdcBits(int bits) {
        return new CrossbarConfig(size, inputBits, inputClipSigmas, weightBits, weightClipSigmas, bits,
                driftCompensation);
    }

    /**
     * @param on whether to apply global drift compensation
     * @return this configuration with GDC switched
     */
    public CrossbarConfig withDriftCompensation(boolean on) {
        return new CrossbarConfig(size, inputBits, inputClipSigmas, weightBits, weightClipSigmas, adcBits, on);
    }

    /** @return the largest input magnitude, 2^(inputBits−1) − 1 */
    public int inputMax() {
        return (1 << (inputBits - 1)) - 1;
    }

    /** @return the largest weight magnitude, 2^(weightBits−1) − 1 */
    public int weightMax() {
        return (1 << (weightBits - 1)) - 1;
    }

    /** @return the largest ADC output magnitude, 2^(adcBits−1) − 1 */
    public int adcMax() {
        return (1 << (adcBits - 1)) - 1;
    }

    /** @return scale_in = inputMax / inputClipSigmas (255 / 4) */
    public double inputScale() {
        return inputMax() / inputClipSigmas;
    }

    /** @return scale_w = weightMax / weightClipSigmas (255 / 3) */
    public double weightScale() {
        return weightMax() / weightClipSigmas;
    }

    /**
     * The ADC gain s_out per µS·input-level (docs/model.md §4.4, with n_in = 1):
     * (adcMax / inClip) / (weightMax · G_max · sqrt(N)) · ((inClip − 1.5) + 1.5) · ((wClip − 1.5) / n_W + 1.5).
     *
     * @param gMaxMicroSiemens G_max, µS
     * @param nSlices n_W
     * @return the gain that turns Σ G·X (µS × input levels) into ADC levels
     */
    public double adcGain(double gMaxMicroSiemens, int nSlices) {
        return (adcMax() / inputClipSigmas) / (weightMax() * gMaxMicroSiemens * Math.sqrt(size))
                * ((inputClipSigmas - 1.5) / 1 + 1.5)
                * ((weightClipSigmas - 1.5) / nSlices + 1.5);
    }

    /** @return the value of every entry of the calibration input, rint(1 · scale_in) (64) */
    public int calibrationInput() {
        return (int) Math.rint(inputScale());
    }
}
