package org.pcmsim.periphery;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.internal.Checks;

/**
 * The static errors of one chip's ADCs, one ADC per column and weight slice: a gain factor 1 + σ_g ξ
 * and an offset σ_o ξ (LSB), drawn once when the chip is made and applied at every conversion. Immutable.
 */
public final class AdcMismatch {
    private final int slices;
    private final int columns;
    private final double[] gain;
    private final double[] offset;

    private AdcMismatch(int slices, int columns, double[] gain, double[] offset) {
        this.slices = slices;
        this.columns = columns;
        this.gain = gain;
        this.offset = offset;
    }

    /**
     * @param slices number of weight slices (ADCs per column)
     * @param columns number of columns
     * @return perfectly matched ADCs (gain 1, offset 0)
     */
    public static AdcMismatch none(int slices, int columns) {
        Checks.atLeast("slices", slices, 1);
        Checks.atLeast("columns", columns, 1);
        return new AdcMismatch(slices, columns, null, null);
    }

    /**
     * Draws the ADCs of one chip: slice by slice, column by column, the gain normal then the offset
     * normal, each drawn only if its σ is positive (so an ideal periphery consumes no random numbers).
     *
     * @param periphery σ_g ({@code adcGainMismatch}) and σ_o ({@code adcOffsetMismatchLsb})
     * @param slices number of weight slices
     * @param columns number of columns
     * @param rng the chip's generator
     * @return the drawn mismatch; {@link #none} if both σ are 0
     */
    public static AdcMismatch draw(Periphery periphery, int slices, int columns, UniformRandomProvider rng) {
        Checks.atLeast("slices", slices, 1);
        Checks.atLeast("columns", columns, 1);
        double sg = periphery.adcGainMismatch();
        double so = periphery.adcOffsetMismatchLsb();
        if (sg == 0 && so == 0) {
            return none(slices, columns);
        }
        NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] gain = new double[slices * columns];
        double[] offset = new double[slices * columns];
        for (int k = 0; k < gain.length; k++) {
            gain[k] = sg > 0 ? 1 + sg * normal.sample() : 1;
            offset[k] = so > 0 ? so * normal.sample() : 0;
        }
        return new AdcMismatch(slices, columns, gain, offset);
    }

    /** @return whether every ADC is perfectly matched */
    public boolean isNone() {
        return gain == null;
    }

    /** @return number of weight slices */
    public int slices() {
        return slices;
    }

    /** @return number of columns */
    public int columns() {
        return columns;
    }

    /**
     * @param slice weight slice
     * @param column column
     * @return the gain factor of that ADC (1 when matched)
     */
    public double gain(int slice, int column) {
        return gain == null ? 1 : gain[index(slice, column)];
    }

    /**
     * @param slice weight slice
     * @param column column
     * @return the offset of that ADC, LSB (0 when matched)
     */
    public double offset(int slice, int column) {
        return offset == null ? 0 : offset[index(slice, column)];
    }

    private int index(int slice, int column) {
        if (slice < 0 || slice >= slices || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("ADC (slice " + slice + ", column " + column + ") outside "
                    + slices + " slices × " + columns + " columns");
        }
        return slice * columns + column;
    }
}
