package org.pcmsim.slicing;

import org.pcmsim.internal.Checks;

/**
 * BitNet b1.58 ternary quantiser (Ma et al. 2024, arXiv:2402.17764), placed before slicing
 * (docs/model.md §3.5): τ = thresholdFactor · mean|w|; w_t = sign(w) where |w| &gt; τ, else 0;
 * α = mean(|w| over |w| &gt; τ) (1 if none); W = clip(rint(w_t · α · scale), ±max).
 *
 * @param thresholdFactor the factor of mean|w| below which a weight becomes 0 (0.7)
 */
public record TernaryQuantizer(double thresholdFactor) {

    /** The threshold of the reference study, τ = 0.7 · mean|w|. */
    public static final TernaryQuantizer BITNET = new TernaryQuantizer(0.7);

    /** Validates the threshold factor. */
    public TernaryQuantizer {
        Checks.nonNegative("thresholdFactor", thresholdFactor);
    }

    /**
     * @param values real weights
     * @param scale integer levels per unit weight (255 / 3 in the paper)
     * @param maxLevel the largest integer magnitude (255)
     * @param out receives the ternary integer weights, each 0 or ±rint(α · scale)
     */
    public void quantize(double[] values, double scale, int maxLevel, int[] out) {
        double meanAbs = 0;
        for (double v : values) {
            meanAbs += Math.abs(v);
        }
        meanAbs /= values.length;
        double tau = thresholdFactor * meanAbs;
        double sum = 0;
        int count = 0;
        for (double v : values) {
            if (Math.abs(v) > tau) {
                sum += Math.abs(v);
                count++;
            }
        }
        double alpha = count > 0 ? sum / count : 1.0;
        int level = (int) Math.min(maxLevel, Math.rint(alpha * scale));
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.abs(values[i]) > tau ? (values[i] > 0 ? level : -level) : 0;
        }
    }
}
