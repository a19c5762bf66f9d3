package org.pcmsim.crossbar;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.internal.Checks;
import org.pcmsim.periphery.AdcMismatch;
import org.pcmsim.periphery.Converters;
import org.pcmsim.periphery.Periphery;

/**
 * The non-ideal periphery of one chip (docs/model.md §9, "Wiring"): the {@link Periphery} parameters,
 * the ADC mismatch of every tile drawn once when the chip is made (one ADC per output column and
 * weight slice), and the source of per-conversion noise (ADC and DAC). It also holds the DAC's output
 * for the tile being read: every input line has one DAC that drives all the slices' arrays of its
 * tile, so the input of one read time is converted once and every slice sees the same analog inputs.
 *
 * <p>Not thread-safe: one per chip being read.
 */
public final class ChipPeriphery {
    private final Periphery periphery;
    private final AdcMismatch[] mismatch;
    private final NormalizedGaussianSampler noise;
    /** Per read time: the DAC outputs of the inputs and of the calibration input, LSB. */
    private double[][] dacX = new double[0][];
    private double[][] dacCal = new double[0][];
    private int lines;

    private ChipPeriphery(Periphery periphery, AdcMismatch[] mismatch, NormalizedGaussianSampler noise) {
        this.periphery = periphery;
        this.mismatch = mismatch;
        this.noise = noise;
    }

    /**
     * Makes a chip's periphery: the mismatch of every tile (tile by tile, then as {@link AdcMismatch#draw})
     * from {@code chip}; per-conversion noise later from {@code conversions}. With an ideal ADC no
     * number is drawn from {@code chip}, with no converter noise none from {@code conversions}.
     *
     * @param periphery the parameters
     * @param tiles how many tiles (arrays) the chip has
     * @param slices weight slices per tile (one ADC per slice and column)
     * @param adcsPerSlice output columns per array (the array's size, whatever part of it is used)
     * @param chip the generator of the chip's static errors
     * @param conversions the generator of per-conversion noise
     * @return the chip's periphery
     */
    public static ChipPeriphery draw(Periphery periphery, int tiles, int slices, int adcsPerSlice,
                                     UniformRandomProvider chip, UniformRandomProvider conversions) {
        Objects.requireNonNull(periphery, "periphery");
        Checks.atLeast("tiles", tiles, 1);
        AdcMismatch[] m = new AdcMismatch[tiles];
        for (int t = 0; t < tiles; t++) {
            m[t] = AdcMismatch.draw(periphery, slices, adcsPerSlice, Objects.requireNonNull(chip, "chip"));
        }
        boolean noisy = periphery.adcNoiseLsb() > 0 || periphery.dacNoiseLsb() > 0;
        NormalizedGaussianSampler n = noisy
                ? ZigguratSampler.NormalizedGaussian.of(Objects.requireNonNull(conversions, "conversions")) : null;
        return new ChipPeriphery(periphery, m, n);
    }

    /** @return the parameters */
    public Periphery periphery() {
        return periphery;
    }

    /**
     * @param tile tile index (row-major)
     * @return that tile's ADC mismatch
     */
    public AdcMismatch mismatch(int tile) {
        return mismatch[tile];
    }

    /** @return the per-conversion noise source (null when neither converter is noisy) */
    NormalizedGaussianSampler noise() {
        return noise;
    }

    /**
     * Converts a tile's inputs and its calibration input with the DAC, once per read time, time by time
     * (inputs, then calibration input): the analog values every slice of the tile then sees.
     *
     * @param x integer inputs of the tile
     * @param calibrationInput every entry of the calibration input (rint(scale_in))
     * @param fullScale the DAC's largest level (255 for 9 bits)
     * @param times how many read times
     */
    public void convertInputs(int[] x, int calibrationInput, int fullScale, int times) {
        int n = x.length;
        if (dacX.length < times || (times > 0 && dacX[0].length < n)) {
            // Kept at the widest tile seen, so the tiles of a matrix reuse one buffer.
            dacX = new double[times][n];
            dacCal = new double[times][n];
        }
        lines = n;
        for (int t = 0; t < times; t++) {
            double[] v = dacX[t];
            double[] c = dacCal[t];
            for (int k = 0; k < n; k++) {
                v[k] = x[k];
                c[k] = calibrationInput;
            }
            Converters.dac(v, v, n, fullScale, periphery, noise);
            Converters.dac(c, c, n, fullScale, periphery, noise);
        }
    }

    /** @return the DAC outputs of the inputs at read time index t, from {@link #convertInputs} ({@link #lines} used) */
    double[] inputs(int t) {
        return dacX[t];
    }

    /** @return the DAC outputs of the calibration input at read time index t */
    double[] calibrationInputs(int t) {
        return dacCal[t];
    }

    /** @return how many input lines were converted last */
    int lines() {
        return lines;
    }
}
