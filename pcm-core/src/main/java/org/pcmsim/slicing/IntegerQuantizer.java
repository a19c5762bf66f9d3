package org.pcmsim.slicing;

import org.pcmsim.internal.Checks;

/**
 * Symmetric k·σ integer quantiser: W = clip(rint(w · scale), ±max) with max = 2^(bits−1) − 1 and
 * scale = max / (clipSigmas · σ). The paper's weights are 9-bit (±255) clipped at 3 σ, its inputs
 * 9-bit clipped at 4 σ (docs/model.md §1).
 *
 * @param bits signed integer width, 2 … 31
 * @param clipSigmas clipping point in standard deviations, &gt; 0
 */
public record IntegerQuantizer(int bits, double clipSigmas) {

    /** The paper's weight quantiser: 9 bits, clipped at 3 σ (scale 255 / 3). */
    public static final IntegerQuantizer WEIGHTS_9BIT_3SIGMA = new IntegerQuantizer(9, 3);
    /** The paper's input quantiser: 9 bits, clipped at 4 σ (scale 255 / 4). */
    public static final IntegerQuantizer INPUTS_9BIT_4SIGMA = new IntegerQuantizer(9, 4);

    /** Validates the width and the clipping point. */
    public IntegerQuantizer {
        if (bits < 2 || bits > 31) {
            throw new IllegalArgumentException("bits must be in 2..31, got " + bits);
        }
        Checks.positive("clipSigmas", clipSigmas);
    }

    /** @return the largest integer magnitude, 2^(bits−1) − 1 */
    public int maxLevel() {
        return (1 << (bits - 1)) - 1;
    }

    /**
     * @param sigma the standard deviation of the values to quantise (1 for standard normals)
     * @return the scale from real values to integer levels
     */
    public double scale(double sigma) {
        Checks.positive("sigma", sigma);
        return maxLevel() / (clipSigmas * sigma);
    }

    /**
     * Quantises with a given scale.
     *
     * @param values real values
     * @param scale levels per unit value
     * @param out receives the integers (same length as values)
     */
    public void quantize(double[] values, double scale, int[] out) {
        int max = maxLevel();
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) Math.max(-max, Math.min(max, Math.rint(values[i] * scale)));
        }
    }
}
