package org.pcmsim.slicing;

import java.util.Objects;
import org.pcmsim.internal.Checks;

/**
 * A weight-slicing configuration: the algorithm, the number of slices n_W and the base b_W, for
 * integer weight magnitudes of {@code magnitudeBits} bits (8 for the paper's signed 9-bit weights,
 * |W| ≤ 255). Slice j has significance b_W^j; S_0 is the least significant.
 *
 * @param algorithm the slicing algorithm
 * @param nSlices n_W ≥ 1
 * @param base b_W ≥ 1; for {@link SlicingAlgorithm#POSITIONAL} it must be 2^k with
 *     k = ceil(magnitudeBits / n_W) (use {@link #positional})
 * @param magnitudeBits bits of the weight magnitude, 1 … 30
 */
public record SlicingScheme(SlicingAlgorithm algorithm, int nSlices, int base, int magnitudeBits) {

    /** Bits of the weight magnitude for the paper's signed 9-bit weights. */
    public static final int DEFAULT_MAGNITUDE_BITS = 8;

    /** Validates the parameters; messages name the bad value. */
    public SlicingScheme {
        Objects.requireNonNull(algorithm, "algorithm");
        Checks.atLeast("nSlices", nSlices, 1);
        Checks.atLeast("base", base, 1);
        if (magnitudeBits < 1 || magnitudeBits > 30) {
            throw new IllegalArgumentException("magnitudeBits must be in 1..30, got " + magnitudeBits);
        }
        if (algorithm == SlicingAlgorithm.POSITIONAL) {
            int k = bitsPerSlice(magnitudeBits, nSlices);
            if (k >= 31 || base != (1 << k)) {
                throw new IllegalArgumentException("positional slicing of " + magnitudeBits + " bits over " + nSlices
                        + " slices has base 2^" + k + ", got base " + base);
            }
        } else if (Math.pow(base, nSlices - 1) > 1e15) {
            throw new IllegalArgumentException("base^(nSlices-1) too large: base " + base + ", nSlices " + nSlices);
        }
    }

    /**
     * @param algorithm an analog algorithm (not positional)
     * @param nSlices n_W
     * @param base b_W
     * @return the scheme for 8-bit magnitudes
     */
    public static SlicingScheme of(SlicingAlgorithm algorithm, int nSlices, int base) {
        if (algorithm == SlicingAlgorithm.POSITIONAL) {
            return positional(nSlices);
        }
        return new SlicingScheme(algorithm, nSlices, base, DEFAULT_MAGNITUDE_BITS);
    }

    /**
     * @param nSlices n_W
     * @return digital slicing of 8-bit magnitudes into n_W slices of k = ceil(8 / n_W) bits
     */
    public static SlicingScheme positional(int nSlices) {
        Checks.atLeast("nSlices", nSlices, 1);
        return new SlicingScheme(SlicingAlgorithm.POSITIONAL, nSlices,
                1 << bitsPerSlice(DEFAULT_MAGNITUDE_BITS, nSlices), DEFAULT_MAGNITUDE_BITS);
    }

    private static int bitsPerSlice(int bits, int nSlices) {
        return (bits + nSlices - 1) / nSlices;
    }

    /** @return the largest weight magnitude, 2^magnitudeBits − 1 (255) */
    public int maxMagnitude() {
        return (1 << magnitudeBits) - 1;
    }

    /**
     * The value range r of one slice: a slice value S maps to the conductance S · G_max / r.
     *
     * @return r = max/n_W for b_W = 1, max·(b_W − 1)/(b_W^n_W − 1) for b_W &gt; 1, 2^k − 1 for
     *     positional slicing
     */
    public double range() {
        if (algorithm == SlicingAlgorithm.POSITIONAL) {
            return base - 1;
        }
        if (base == 1) {
            return (double) maxMagnitude() / nSlices;
        }
        return maxMagnitude() * (base - 1.0) / (Math.pow(base, nSlices) - 1.0);
    }

    /**
     * @param slice j, 0 = least significant
     * @return b_W^j
     */
    public double significance(int slice) {
        return Math.pow(base, slice);
    }

    /** @return a compact label such as {@code max-fill-ec b1 n4} */
    @Override
    public String toString() {
        return algorithm.id() + " b" + base + " n" + nSlices;
    }
}
