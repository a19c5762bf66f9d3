package org.pcmsim.internal;

import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.pcmsim.crossbar.ChipPeriphery;
import org.pcmsim.crossbar.CrossbarProgrammer;
import org.pcmsim.crossbar.CrossbarReader;
import org.pcmsim.crossbar.ProgrammedCrossbar;

/**
 * The crossbar package's operations that the Monte Carlo engine's trial needs but that are not
 * API (registered in {@link Access}): a trial programs its chip slice by slice from supplied
 * normals into storage it reuses, reads each slice at every time right after programming it (while
 * its devices are in cache), and lets configurations that program the same chip share one read.
 */
public interface CrossbarAccess {
    /**
     * An unprogrammed crossbar of the programmer's scheme that stores its slices in the arrays of
     * {@code storage} (at least as many slices, any scheme): programming one overwrites the other, so
     * the configurations of a trial all work in the same memory.
     *
     * @param programmer the scheme and device model
     * @param storage a crossbar whose storage is lent, with at least n_W slices
     * @return the empty crossbar
     */
    ProgrammedCrossbar allocateIn(CrossbarProgrammer programmer, ProgrammedCrossbar storage);

    /**
     * Lets the programming of {@code pc} from supplied normals store dense slices column-major, for
     * the ideal read with aggregated read noise, which reads them vectorised across output lines (the same
     * numbers as the sparse read, sooner); other reads cannot read such a slice.
     *
     * @param pc a crossbar from {@link #allocateIn}
     * @param reads the read times per programming of each slice (how much a faster read saves); 0: never
     */
    void allowColumnReads(ProgrammedCrossbar pc, int reads);

    /**
     * Programs a weight matrix from supplied normals (one pair (ξ_P, ξ_ν) per weight position and
     * slice), slice by slice from the most significant, telling {@code afterSlice} each finished slice.
     *
     * @param programmer the scheme and device model
     * @param pc a crossbar of the same scheme and model
     * @param weights signed integers, row-major
     * @param normals for slice j, at least 2·rows·cols standard normals: ξ_P of weight i at 2i, ξ_ν at 2i + 1
     * @param afterSlice told the index j of each finished slice, or {@code null}
     */
    void programInto(CrossbarProgrammer programmer, ProgrammedCrossbar pc, int[] weights,
                     IntFunction<double[]> normals, IntConsumer afterSlice);

    /**
     * Whether two programmers program the same chip (to the bit) from the same weights and normals
     * (Equal-fill at any b_W with the same n_W): a trial then reads that chip once for both.
     *
     * @param a a programmer
     * @param b another
     * @return true if the chips are identical
     */
    boolean programSameChip(CrossbarProgrammer a, CrossbarProgrammer b);

    /**
     * Reads one slice at several times: its ADC outputs a_j(t) before the shift by b^j, through the
     * chip's periphery (null: the ideal one).
     *
     * @param reader the reader
     * @param pc the programmed crossbar
     * @param slice j
     * @param times read times, s
     * @param x integer inputs, length cols
     * @param normal the read-noise generator
     * @param chip the chip's periphery with this tile's inputs converted, or null
     * @param tile which of the chip's tiles this is
     * @param y per time, receives a_j
     * @param cal per time, receives the calibration outputs
     */
    void readSlice(CrossbarReader reader, ProgrammedCrossbar pc, int slice, double[] times, int[] x,
                   NormalizedGaussianSampler normal, ChipPeriphery chip, int tile, double[][] y, double[][] cal);

    /**
     * @param reader the reader
     * @param cal calibration outputs Σ_j b^j a_cal,j,i
     * @return c = Σ_i |cal_i|, or 0 when GDC is off
     */
    double calibrationSum(CrossbarReader reader, double[] cal);
}
