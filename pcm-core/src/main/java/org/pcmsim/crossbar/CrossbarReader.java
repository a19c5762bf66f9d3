package org.pcmsim.crossbar;

import java.util.Objects;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.slicing.SlicingScheme;

/**
 * The analog matrix-vector multiplication of a programmed crossbar (MODEL.md §4.4–4.6): each slice's
 * devices are read at time t (drift and fresh 1/f noise), multiplied by the integer input, converted
 * by a per-slice ADC (round to nearest, clip at ±adcMax) and shifted and added, y = Σ_j b^j · a_j.
 * The same read also applies the calibration input (every entry {@link CrossbarConfig#calibrationInput})
 * and returns c(t) = Σ_i |Σ_j b^j a_cal,j,i| for global drift compensation.
 *
 * <p>This is the hot loop of the Monte Carlo engine. It visits only programmed devices (the crossbar
 * stores them row by row), so reads skip the unprogrammed majority of Max-fill slices. It keeps drift
 * factors between reads: when successive reads are equally spaced in log time (as in every
 * published experiment) the step factor (t_k / t_{k−1})^(−ν) is computed once per device and reused,
 * one multiply per device per read instead of a power. Not thread-safe: one reader per thread.
 */
public final class CrossbarReader {
    private static final double SAME_STEP_TOLERANCE = 1e-12;

    private final CrossbarConfig config;
    private final ReadNoiseSampling sampling;
    private ProgrammedCrossbar cached;
    private long cachedGeneration;
    /** Drift factor (t / t0)^(−ν) and last step factor of each programmed device, per slice. */
    private double[][] drift;
    private double[][] step;
    private double lastLog;
    private double lastDelta;
    private boolean stepValid;
    private double[] xd;
    private double[] cal;

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
        SlicingScheme s = pc.scheme();
        return s.range() / (pc.model().gMax() * config.adcGain(pc.model().gMax(), s.nSlices()));
    }

    /**
     * One analog MVM at time t.
     *
     * @param pc the programmed crossbar
     * @param t seconds after programming; successive calls on the same crossbar are fastest when
     *     the times increase with a constant ratio
     * @param x integer inputs, length cols
     * @param normal the read-noise generator
     * @param y receives the digital outputs Σ_j b^j a_j, length rows
     * @return c(t), the calibration sum for drift compensation (0 when GDC is off)
     */
    public double read(ProgrammedCrossbar pc, double t, int[] x, NormalizedGaussianSampler normal, double[] y) {
        PcmDeviceModel.checkTime(t);
        int rows = pc.rows();
        int cols = pc.cols();
        if (x.length != cols || y.length != rows) {
            throw new IllegalArgumentException("expected " + cols + " inputs and " + rows + " outputs, got "
                    + x.length + " and " + y.length);
        }
        if (cached != pc || cachedGeneration != pc.generation) {
            reset(pc);
        }
        PcmDeviceModel model = pc.model();
        boolean unity = updateDrift(pc, t);
        if (xd == null || xd.length != cols) {
            xd = new double[cols];
        }
        if (cal == null || cal.length != rows) {
            cal = new double[rows];
        }
        for (int k = 0; k < cols; k++) {
            xd[k] = x[k];
        }
        java.util.Arrays.fill(y, 0.0);
        java.util.Arrays.fill(cal, 0.0);
        boolean gdc = config.driftCompensation();
        double xc = config.calibrationInput();
        double f = model.readNoiseTimeFactor(t);
        double gain = config.adcGain(model.gMax(), pc.nSlices());
        double adcMax = config.adcMax();
        boolean aggregated = sampling == ReadNoiseSampling.AGGREGATED;
        for (int j = pc.nSlices() - 1; j >= 0; j--) {
            double sig = pc.scheme().significance(j);
            int[] start = pc.rowStart[j];
            int[] col = pc.column[j];
            double[] g0 = pc.programmed[j];
            double[] a0 = pc.amplitude[j];
            double[] d = drift[j];
            for (int i = 0; i < rows; i++) {
                int from = start[i];
                int to = start[i + 1];
                double id;
                double ic;
                if (aggregated) {
                    // Sums for the signal (s1, s2) and the joint read-noise covariance (s3, s4, s5).
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    double s4 = 0;
                    double s5 = 0;
                    if (unity) {
                        for (int p = from; p < to; p++) {
                            double g = g0[p];
                            double a = a0[p];
                            double xk = xd[col[p]];
                            s1 += g * xk;
                            s2 += g;
                            double a2 = a * a;
                            s5 += a2;
                            double a2x = a2 * xk;
                            s4 += a2x;
                            s3 += a2x * xk;
                        }
                    } else {
                        for (int p = from; p < to; p++) {
                            double dp = d[p];
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
                    }
                    double z1 = normal.sample();
                    double z2 = normal.sample();
                    double sd = Math.sqrt(s3);
                    id = s1 + f * sd * z1;
                    double nc;
                    if (sd > 0) {
                        double along = xc * s4 / sd;
                        double across = Math.sqrt(Math.max(0.0, xc * xc * s5 - along * along));
                        nc = along * z1 + across * z2;
                    } else {
                        nc = xc * Math.sqrt(s5) * z2;
                    }
                    ic = xc * s2 + f * nc;
                } else {
                    double s1 = 0;
                    double s2 = 0;
                    for (int p = from; p < to; p++) {
                        double dp = unity ? 1.0 : d[p];
                        double g = g0[p] * dp;
                        double gr = g + a0[p] * dp * f * normal.sample();
                        s1 += gr * xd[col[p]];
                        s2 += gr;
                    }
                    id = s1;
                    ic = xc * s2;
                }
                y[i] += sig * adc(gain * id, adcMax);
                if (gdc) {
                    cal[i] += sig * adc(gain * ic, adcMax);
                }
            }
        }
        if (!gdc) {
            return 0.0;
        }
        double c = 0;
        for (int i = 0; i < rows; i++) {
            c += Math.abs(cal[i]);
        }
        return c;
    }

    private static double adc(double v, double max) {
        return Math.max(-max, Math.min(max, Math.rint(v)));
    }

    /** Starts drift bookkeeping for a newly programmed crossbar. */
    private void reset(ProgrammedCrossbar pc) {
        cached = pc;
        cachedGeneration = pc.generation;
        int n = pc.nSlices();
        int size = pc.rows() * pc.cols();
        if (drift == null || drift.length != n || drift[0].length != size) {
            drift = new double[n][size];
            step = new double[n][size];
        }
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(drift[j], 0, pc.programmedDevices(j), 1.0);
        }
        lastLog = 0.0;
        stepValid = false;
    }

    /** Brings the packed drift factors to time t; returns true if they are all 1 (t ≤ t0). */
    private boolean updateDrift(ProgrammedCrossbar pc, double t) {
        double log = t > pc.model().t0() ? Math.log(t / pc.model().t0()) : 0.0;
        int n = pc.nSlices();
        if (log == 0.0) {
            if (lastLog != 0.0) {
                for (int j = 0; j < n; j++) {
                    java.util.Arrays.fill(drift[j], 0, pc.programmedDevices(j), 1.0);
                }
                lastLog = 0.0;
                stepValid = false;
            }
            return true;
        }
        double delta = log - lastLog;
        if (delta == 0.0) {
            return false;
        }
        boolean reuse = stepValid && Math.abs(delta - lastDelta) <= SAME_STEP_TOLERANCE * Math.abs(delta);
        for (int j = 0; j < n; j++) {
            int count = pc.programmedDevices(j);
            double[] v = pc.nu[j];
            double[] d = drift[j];
            double[] s = step[j];
            if (reuse) {
                for (int p = 0; p < count; p++) {
                    d[p] *= s[p];
                }
            } else {
                for (int p = 0; p < count; p++) {
                    double sp = Math.exp(-v[p] * delta);
                    s[p] = sp;
                    d[p] *= sp;
                }
            }
        }
        lastDelta = delta;
        stepValid = true;
        lastLog = log;
        return false;
    }
}
