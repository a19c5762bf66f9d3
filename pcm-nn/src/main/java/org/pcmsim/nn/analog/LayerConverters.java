package org.pcmsim.nn.analog;

import java.util.Objects;
import org.pcmsim.periphery.Periphery;

/**
 * The converters of every tile of an analog layer (docs/model.md §9, "The DNN layers"): a DAC of
 * {@code dacBits} signed bits on each input line, one ADC of {@code adcBits} signed bits per column and
 * weight slice, and the non-ideal periphery they and the wires add. {@link #NONE} (both widths 0) is the
 * DNN path of the paper and of every earlier version of pcm-sim: the layer multiplies its input by the
 * read weights in floating point, with no conversion at all; it requires the ideal periphery.
 *
 * <p>With converters, a layer's forward pass is computed tile by tile and slice by slice: each input
 * vector's part on a tile is scaled so that {@code inputClipSigmas} times its own RMS is the DAC's full
 * scale, rounded and clipped (pcm-core's rule for real-valued inputs, docs/model.md §4b), the DAC adds its noise and INL, the read
 * conductances of every slice (optionally through IR drop) give the column currents, the per-slice
 * ADC scales, adds its mismatch and noise, rounds and clips them, and the digital periphery sums
 * Σ_j b^j a_j over the slices and the tiles. The ADC's range is calibrated once per chip from the
 * programmed conductances (see {@link ConverterChip}).
 *
 * @param dacBits signed width of the DAC (9 in the MVM path: ±255), or 0 for no converters
 * @param adcBits signed width of each ADC (8 in the MVM path: ±127), or 0 for no converters
 * @param inputClipSigmas the DAC's full scale in RMS of the input vector it converts (4 in the MVM path)
 * @param periphery the non-ideal effects; {@link Periphery#IDEAL} without converters
 */
public record LayerConverters(int dacBits, int adcBits, double inputClipSigmas, Periphery periphery) {
    /** The MVM path's input clip: 4 σ of the input vector (docs/model.md §4, §4b). */
    public static final double PAPER_INPUT_CLIP = 4;
    /** No converters: the floating-point product of the read weights and the input. */
    public static final LayerConverters NONE = new LayerConverters(0, 0, PAPER_INPUT_CLIP, Periphery.IDEAL);
    /** The MVM path's converters (9-bit DAC at 4 σ, 8-bit ADC per slice) with the ideal periphery. */
    public static final LayerConverters PAPER = new LayerConverters(9, 8, PAPER_INPUT_CLIP, Periphery.IDEAL);

    /** Both widths 0, or both in 2 … 24; a non-ideal periphery needs converters. */
    public LayerConverters {
        Objects.requireNonNull(periphery, "periphery");
        if (!(inputClipSigmas > 0) || Double.isInfinite(inputClipSigmas)) {
            throw new IllegalArgumentException("inputClipSigmas must be positive and finite, got " + inputClipSigmas);
        }
        if ((dacBits == 0) != (adcBits == 0)) {
            throw new IllegalArgumentException("dacBits and adcBits must both be 0 (no converters) or both >= 2, got "
                    + dacBits + " and " + adcBits);
        }
        if (dacBits != 0 && (dacBits < 2 || dacBits > 24)) {
            throw new IllegalArgumentException("dacBits must be in 2..24, got " + dacBits);
        }
        if (adcBits != 0 && (adcBits < 2 || adcBits > 24)) {
            throw new IllegalArgumentException("adcBits must be in 2..24, got " + adcBits);
        }
        if (dacBits == 0 && !periphery.isIdeal()) {
            throw new IllegalArgumentException("the periphery " + periphery.describe() + " needs converters "
                    + "(dacBits and adcBits >= 2), got none");
        }
    }

    /**
     * @param periphery the non-ideal effects
     * @return the MVM path's converters (9-bit DAC, 8-bit ADC) with that periphery
     */
    public static LayerConverters paper(Periphery periphery) {
        return new LayerConverters(9, 8, PAPER_INPUT_CLIP, periphery);
    }

    /** @return whether the layer has converters */
    public boolean enabled() {
        return dacBits != 0;
    }

    /** @return the DAC's largest input level, 2^(dacBits−1) − 1 (255 for 9 bits) */
    public int dacMax() {
        return (1 << (dacBits - 1)) - 1;
    }

    /** @return the ADC's largest output level, 2^(adcBits−1) − 1 (127 for 8 bits) */
    public int adcMax() {
        return (1 << (adcBits - 1)) - 1;
    }

    /**
     * @return {@code none}, or e.g. {@code dac9 adc8 ideal}, {@code dac9 adc8 adc-noise=1lsb}: for
     *     tables and provenance
     */
    public String describe() {
        return enabled() ? "dac" + dacBits + " adc" + adcBits
                + (inputClipSigmas == PAPER_INPUT_CLIP ? "" : " clip" + inputClipSigmas) + " " + periphery.describe()
                : "none";
    }

    /**
     * @return the value of a result's {@code periphery} CSV column: {@code ideal} without converters
     *     (the paper's DNN path), else {@link #describe()} with ';' between its parts, e.g.
     *     {@code dac9;adc8;ideal} or {@code dac9;adc8;adc-noise=1lsb}
     */
    public String csvId() {
        return enabled() ? describe().replace(' ', ';') : "ideal";
    }
}
