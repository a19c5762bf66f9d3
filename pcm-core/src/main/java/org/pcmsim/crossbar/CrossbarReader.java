package org.pcmsim.crossbar;

import java.util.Objects;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.internal.Checks;
import org.pcmsim.internal.FastExp;
import org.pcmsim.slicing.SlicingScheme;

/**
 * The analog matrix-vector multiplication of a programmed crossbar (docs/model.md §4.4–4.6): each slice's
 * devices are read at time t (drift and fresh 1/f noise), multiplied by the integer input, converted
 * by a per-slice ADC (round to nearest, clip at ±adcMax) and shifted and added, y = Σ_j b^j · a_j.
 * The same read also applies the calibration input (every entry {@link CrossbarConfig#calibrationInput})
 * and yields c(t) = Σ_i |Σ_j b^j a_cal,j,i| for global drift compensation.
 *
 * <p>This is the hot loop of the Monte Carlo engine. It visits only programmed devices (the crossbar
 * stores them row by row), so reads skip the unprogrammed majority of Max-fill slices. Because the
 * ADC digitises each slice on its own, a slice can be read at all times of a trial at once,
 * right after it is programmed and while it is in cache. Across those times
 * the drift factors are carried forward: when successive reads are equally spaced in log time (as in
 * every published experiment) the step (t_k / t_{k−1})^(−ν) is computed once per device and reused,
 * one multiply per device per read instead of a power. Not thread-safe: one reader per thread.
 */
public final class CrossbarReader {
    /**
     * Relative difference of two log-time steps below which the last step factor is reused (also in
     * {@link ColumnRead}).
     */
    static final double SAME_STEP_TOLERANCE = 1e-12;

    private final CrossbarConfig config;
    private final ReadNoiseSampling sampling;
    /** Drift factor (t / t0)^(−ν) and last step factor of each programmed device of one slice. */
    private double[] drift = new double[0];
    private double[] step = new double[0];
    private double[] xd = new double[0];
    /** The later read's five sums per line while {@link TwoTimeRead} finishes the first read. */
    private double[] later = new double[0];
    /** The read through a non-ideal periphery, made on first use. */
    private NonIdealRead nonIdealRead;
    /** The read of column-major slices, made on first use. */
    private ColumnRead columnRead;

    /**
     * @param config the crossbar periphery
     * @param sampling how read noise is drawn
     */
    public CrossbarReader(CrossbarConfig config, ReadNoiseSampling sampling) {
        this.config = Objects.requireNonNull(config, "config");
        this.sampling = Objects.requireNonNull(sampling, "sampling");
    }

    /** @return the crossbar periphery */
    public CrossbarConfig config() {
        return config;
    }

    /**
     * The factor that turns a digital output y into W·X in integer units (weight levels × input
     * levels): r / (G_max · s_out).
     *
     * @param pc the programmed crossbar
     * @return the output scale
     */
    public double outputScale(ProgrammedCrossbar pc) {
        return outputScale(pc.scheme(), pc.model());
    }

    /**
     * @param scheme the slicing scheme of a crossbar
     * @param model its device model
     * @return as {@link #outputScale(ProgrammedCrossbar)}
     */
    public double outputScale(SlicingScheme scheme, PcmDeviceModel model) {
        return scheme.range() / (model.gMax() * config.adcGain(model.gMax(), scheme.nSlices()));
    }

    /**
     * One analog MVM at time t.
     *
     * @param pc the programmed crossbar
     * @param t seconds after programming
     * @param x integer inputs, length cols
     * @param normal the read-noise generator
     * @param y receives the digital outputs Σ_j b^j a_j, length rows
     * @return c(t), the calibration sum for drift compensation (0 when GDC is off)
     */
    public double read(ProgrammedCrossbar pc, double t, int[] x, NormalizedGaussianSampler normal, double[] y) {
        if (y.length != pc.rows()) {
            throw new IllegalArgumentException("expected " + pc.rows() + " outputs, got " + y.length);
        }
        int rows = pc.rows();
        double[][] slice = {new double[rows]};
        double[][] sliceCal = {new double[rows]};
        double[] cal = new double[rows];
        java.util.Arrays.fill(y, 0.0);
        double[] times = {t};
        for (int j = pc.nSlices() - 1; j >= 0; j--) {
            readSlice(pc, j, times, x, normal, slice, sliceCal);
            double sig = pc.scheme().significance(j);
            for (int i = 0; i < rows; i++) {
                y[i] += sig * slice[0][i];
                cal[i] += sig * sliceCal[0][i];
            }
        }
        return calibrationSum(cal);
    }

    /**
     * c = Σ_i |cal_i|, or 0 when GDC is off.
     *
     * @param cal calibration outputs Σ_j b^j a_cal,j,i accumulated by {@link #readSlice}
     * @return the calibration sum
     */
    double calibrationSum(double[] cal) {
        if (!config.driftCompensation()) {
            return 0.0;
        }
        double c = 0;
        for (double v : cal) {
            c += Math.abs(v);
        }
        return c;
    }

    /**
     * Reads one slice at several times: its ADC outputs a_j(t), before the shift by b^j (the
     * outputs of a full MVM are Σ_j b^j a_j). Read noise is drawn time by time, row by row.
     *
     * @param pc the programmed crossbar
     * @param slice j
     * @param times read times, s (fastest when increasing with a constant ratio)
     * @param x integer inputs, length cols
     * @param normal the read-noise generator
     * @param y per time, receives a_j (length rows each)
     * @param cal per time, receives the calibration outputs a_cal,j (length rows each; untouched when GDC
     *            is off)
     */
    void readSlice(ProgrammedCrossbar pc, int slice, double[] times, int[] x, NormalizedGaussianSampler normal,
                   double[][] y, double[][] cal) {
        readSlice(pc, slice, times, x, normal, null, 0, y, cal);
    }

    /**
     * As {@link #readSlice(ProgrammedCrossbar, int, double[], int[], NormalizedGaussianSampler, double[][],
     * double[][])}, through the chip's non-ideal periphery (docs/model.md §9, "Wiring"): the DAC's analog
     * inputs, IR drop on the slice's G+ and G− arrays, the tile's ADCs with their mismatch and noise.
     * With {@code chip} null or ideal this is the ideal read to the bit (the choice is made once per
     * read, outside the loops over devices).
     *
     * @param pc the programmed crossbar
     * @param slice j
     * @param times read times, s
     * @param x integer inputs, length cols
     * @param normal the read-noise generator
     * @param chip the chip's periphery with this tile's inputs converted ({@link ChipPeriphery#convertInputs}),
     *             or null for the ideal periphery
     * @param tile which of the chip's tiles this is (its ADCs)
     * @param y per time, receives a_j
     * @param cal per time, receives the calibration outputs
     */
    void readSlice(ProgrammedCrossbar pc, int slice, double[] times, int[] x, NormalizedGaussianSampler normal,
                   ChipPeriphery chip, int tile, double[][] y, double[][] cal) {
        ChipPeriphery nonIdeal = chip == null || chip.periphery().isIdeal() ? null : chip;
        if (nonIdeal != null && nonIdealRead == null) {
            nonIdealRead = new NonIdealRead(config, sampling);
        }
        int cols = pc.cols();
        if (cols > config.size()) {
            // The ADC gain assumes at most N inputs per output line: more would saturate it silently.
            throw new IllegalArgumentException("a " + pc.rows() + "x" + cols + " matrix has " + cols
                    + " inputs but the " + config.size() + "x" + config.size() + " array has " + config.size()
                    + " input lines: tile it (TiledCrossbar, TiledReader)");
        }
        if (x.length != cols) {
            throw new IllegalArgumentException("a " + pc.rows() + "x" + cols + " matrix needs " + cols
                    + " inputs, got " + x.length);
        }
        if (xd.length != cols) {
            xd = new double[cols];
        }
        for (int k = 0; k < cols; k++) {
            xd[k] = x[k];
        }
        if (pc.columnMajor[slice]) {
            // Only the engine stores slices so, and only for this read (ProgrammedCrossbar#columnReads).
            if (nonIdeal != null || sampling != ReadNoiseSampling.AGGREGATED) {
                throw new IllegalStateException("slice " + slice + " is stored column-major, which only the ideal"
                        + " read with aggregated read noise reads");
            }
            if (columnRead == null) {
                columnRead = new ColumnRead();
            }
            columnRead.read(this, pc, slice, times, xd, normal, y, cal);
            return;
        }
        int count = pc.programmedDevices(slice);
        if (drift.length < count) {
            drift = new double[pc.rows() * cols];
            step = new double[pc.rows() * cols];
        }
        PcmDeviceModel model = pc.model();
        double[] v = pc.nu[slice];
        if (nonIdeal == null && sampling == ReadNoiseSampling.AGGREGATED && times.length == 2
                && times[0] >= 0 && times[0] <= model.t0() && times[1] > model.t0()
                && times[1] < Double.POSITIVE_INFINITY) {
            // t0 and one later time (Figures 4a and 4b): the factors of the later read are the step
            // from t0 itself, as below, and both reads share one pass over the devices.
            FastExp.exp(v, -Math.log(times[1] / model.t0()), step, count);
            if (later.length != 5 * pc.rows()) {
                later = new double[5 * pc.rows()];
            }
            TwoTimeRead.accumulate(this, pc, slice, xd, step, later, model.readNoiseTimeFactor(times[0]),
                    model.readNoiseTimeFactor(times[1]), normal, y, cal);
            return;
        }
        double lastLog = 0.0;
        double lastDelta = 0.0;
        boolean stepValid = false;
        for (int ti = 0; ti < times.length; ti++) {
            double t = times[ti];
            Checks.readTime(t);
            double log = t > model.t0() ? Math.log(t / model.t0()) : 0.0;
            double[] d = null;
            if (log != 0.0) {
                double delta = log - lastLog;
                if (delta != 0.0) {
                    boolean reuse = stepValid
                            && Math.abs(delta - lastDelta) <= SAME_STEP_TOLERANCE * Math.abs(delta);
                    if (reuse) {
                        for (int p = 0; p < count; p++) {
                            drift[p] *= step[p];
                        }
                    } else {
                        FastExp.exp(v, -delta, step, count);
                        if (lastLog == 0.0) {
                            // From t0 every factor is 1, so the new factor is the step itself.
                            System.arraycopy(step, 0, drift, 0, count);
                        } else {
                            for (int p = 0; p < count; p++) {
                                drift[p] *= step[p];
                            }
                        }
                    }
                    lastDelta = delta;
                    stepValid = true;
                }
                d = drift;
            } else {
                stepValid = false;
            }
            lastLog = log;
            if (nonIdeal == null) {
                accumulate(pc, slice, d, model.readNoiseTimeFactor(t), normal, y[ti], cal[ti]);
            } else {
                nonIdealRead.accumulate(pc, slice, d, model.readNoiseTimeFactor(t), normal, nonIdeal, tile, ti,
                        y[ti], cal[ti]);
            }
        }
    }

    /** Writes ADC(slice current) of every output line into y (and cal), for drift factors d (null: all 1). */
    private void accumulate(ProgrammedCrossbar pc, int j, double[] d, double f, NormalizedGaussianSampler normal,
                            double[] y, double[] cal) {
        int rows = pc.rows();
        boolean gdc = config.driftCompensation();
        double xc = config.calibrationInput();
        double gain = config.adcGain(pc.model().gMax(), pc.nSlices());
        double adcMax = config.adcMax();
        int[] start = pc.rowStart[j];
        int[] col = pc.column[j];
        double[] g0 = pc.programmed[j];
        double[] a0 = pc.amplitude[j];
        boolean aggregated = sampling == ReadNoiseSampling.AGGREGATED;
        for (int i = 0; i < rows; i++) {
            int from = start[i];
            int to = start[i + 1];
            if (aggregated) {
                // Sums for the signal (s1, s2) and the joint read-noise covariance (s3, s4, s5).
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                double s4 = 0;
                double s5 = 0;
                for (int p = from; p < to; p++) {
                    // d is loop-invariant, so the JIT unswitches this test; 1.0 · g is exact.
                    double dp = d == null ? 1.0 : d[p];
                    double g = g0[p] * dp;
                    double a = a0[p] * dp;
                    double xk = xd[col[p]];
                    s1 += g * xk;
                    s2 += g;
                    double a2 = a * a;
                    s5 += a2;
                    double a2x = a2 * xk;
                    s4 += a2x;
                    s3 += a2x * xk;
                }
                convert(i, s1, s2, s3, s4, s5, f, gain, normal, y, cal);
            } else {
                double s1 = 0;
                double s2 = 0;
                for (int p = from; p < to; p++) {
                    double dp = d == null ? 1.0 : d[p];
                    double g = g0[p] * dp;
                    double gr = g + a0[p] * dp * f * normal.sample();
                    s1 += gr * xd[col[p]];
                    s2 += gr;
                }
                y[i] = adc(gain * s1, adcMax);
                if (gdc) {
                    cal[i] = adc(gain * (xc * s2), adcMax);
                }
            }
        }
    }

    /**
     * Line i of the aggregated read from its sums (signal Σ G x, Σ G; read-noise covariance Σ A² x²,
     * Σ A² x, Σ A²): its pair of read-noise normals, drawn now, and the ADC conversions of its
     * current and calibration current into y[i] and cal[i].
     */
    void convert(int i, double s1, double s2, double s3, double s4, double s5, double f, double gain,
                 NormalizedGaussianSampler normal, double[] y, double[] cal) {
        double xc = config.calibrationInput();
        double adcMax = config.adcMax();
        double z1 = normal.sample();
        double z2 = normal.sample();
        double sd = Math.sqrt(s3);
        double id = s1 + f * sd * z1;
        double nc;
        if (sd > 0) {
            double along = xc * s4 / sd;
            double across = Math.sqrt(Math.max(0.0, xc * xc * s5 - along * along));
            nc = along * z1 + across * z2;
        } else {
            nc = xc * Math.sqrt(s5) * z2;
        }
        double ic = xc * s2 + f * nc;
        y[i] = adc(gain * id, adcMax);
        if (config.driftCompensation()) {
            cal[i] = adc(gain * ic, adcMax);
        }
    }

    private static double adc(double v, double max) {
        return Math.max(-max, Math.min(max, Math.rint(v)));
    }
}
