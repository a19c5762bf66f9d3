package org.pcmsim.crossbar;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.periphery.Periphery;

/**
 * One slice of a programmed tile, read again and again through a periphery exactly as the Monte Carlo
 * engine reads it (all read times of a figure in one call, GDC calibration included): the unit of work
 * that {@code pcm bench --slice-reads} times against the ideal read (docs/performance.md, "Periphery").
 * The slice kernel itself stays package-private; this class only repeats it.
 *
 * <p>Every {@link #read()} draws fresh read noise (and converter noise); the chip's converter mismatch is
 * drawn once, at construction. Not thread-safe: one probe per thread.
 */
public final class SliceReadProbe {
    private final ProgrammedCrossbar pc;
    private final int slice;
    private final int[] x;
    private final double[] times;
    private final CrossbarReader reader;
    private final NormalizedGaussianSampler normal;
    private final ChipPeriphery chip;
    private final double[][] y;
    private final double[][] cal;

    /**
     * @param config the tile's configuration (input scale, calibration input)
     * @param sampling how read noise is drawn
     * @param pc the programmed tile
     * @param slice the slice to read, 0 ≤ slice &lt; pc.nSlices()
     * @param x the integer input levels, one per tile column
     * @param times the read times of one call, s (from t0)
     * @param periphery the periphery; {@link Periphery#IDEAL} reads as the ideal engine does
     * @param seed seed of the probe's noise and of the chip's converter mismatch
     */
    public SliceReadProbe(CrossbarConfig config, ReadNoiseSampling sampling, ProgrammedCrossbar pc, int slice,
            int[] x, double[] times, Periphery periphery, long seed) {
        if (slice < 0 || slice >= pc.nSlices()) {
            throw new IllegalArgumentException("slice must be in [0, " + pc.nSlices() + "), got " + slice);
        }
        if (x.length != pc.cols()) {
            throw new IllegalArgumentException("x must have " + pc.cols() + " entries, got " + x.length);
        }
        this.pc = pc;
        this.slice = slice;
        this.x = x.clone();
        this.times = times.clone();
        this.reader = new CrossbarReader(config, sampling);
        this.normal = ZigguratSampler.NormalizedGaussian.of(new XoRoShiRo128PlusPlus(seed, 7));
        this.y = new double[times.length][pc.rows()];
        this.cal = new double[times.length][pc.rows()];
        if (periphery.isIdeal()) {
            chip = null;
        } else {
            chip = ChipPeriphery.draw(periphery, 1, pc.nSlices(), config.size(), new XoRoShiRo128PlusPlus(seed, 1),
                    new XoRoShiRo128PlusPlus(seed, 2));
            chip.convertInputs(this.x, config.calibrationInput(), config.inputMax(), times.length);
        }
    }

    /** Reads the slice once at every read time, with fresh noise. */
    public void read() {
        reader.readSlice(pc, slice, times, x, normal, chip, 0, y, cal);
    }

    /** @return the number of read times of one {@link #read()} */
    public int timesPerRead() {
        return times.length;
    }
}
