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
 * <p>This is the hot loop of the Monte Carlo engine. A reader keeps drift factors between reads of
 * the same programmed crossbar: when successive reads are equally spaced in log time (as in every
 * published experiment) the step factor (t_k / t_{k−1})^(−ν) is computed once per device and reused,
 * one multiply per device per read instead of a power. Not thread-safe: one reader per thread.
 */
public final class CrossbarReader {
    private static final double SAME_STEP_TOLERANCE = 1e-12;

    private final CrossbarConfig config;
    private final ReadNoiseSampling sampling;
    private double[][] drift;
    private double[][] step;
    private ProgrammedCrossbar cached;
    private long cachedGeneration;
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
        for (int j = pc.nSlices() - 1; j >= 0; j--) {
            double sig = pc.scheme().significance(j);
            double[] gp = pc.programmed[j];
            double[] q = pc.qs[j];
            double[] d = unity ? null : drift[j];
            for (int i = 0; i < rows; i++) {
                int base = i * cols;
                double id;
                double ic;
                if (sampling == ReadNoiseSampling.AGGREGATED) {
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    double s4 = 0;
                    double s5 = 0;
                    for (int k = 0; k < cols; k++) {
                        double g = d == null ? gp[base + k] : gp[base + k] * d[base + k];
                        double xk = xd[k];
                        double gx = g * xk;
                        s1 += gx;
                        s2 += g;
                        double a = g * q[base + k];
                        double a2 = a * a;
                        s5 += a2;
                        double a2x = a2 * xk;
                        s4 += a2x;
                        s3 += a2x * xk;
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
                    for (int k = 0; k < cols; k++) {
                        double g = gp[base + k];
                        if (g != 0.0) {
                            if (d != null) {
                                g *= d[base + k];
                            }
                            double gr = g + g * q[base + k] * f * normal.sample();
                            s1 += gr * xd[k];
                            s2 += gr;
                        }
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

    /** Brings the per-device drift factors to time t; returns true if they are all 1 (t ≤ t0). */
    private boolean updateDrift(ProgrammedCrossbar pc, double t) {
        double log = t > pc.model().t0() ? Math.log(t / pc.model().t0()) : 0.0;
        if (cached != pc || cachedGeneration != pc.generation) {
            cached = pc;
            cachedGeneration = pc.generation;
            int n = pc.nSlices();
            int size = pc.rows() * pc.cols();
            if (drift == null || drift.length != n || drift[0].length != size) {
                drift = new double[n][size];
                step = new double[n][size];
            }
            lastLog = 0.0;
            stepValid = false;
            for (double[] row : drift) {
                java.util.Arrays.fill(row, 1.0);
            }
        }
        if (log == 0.0) {
            if (lastLog != 0.0) {
                for (double[] row : drift) {
                    java.util.Arrays.fill(row, 1.0);
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
        for (int j = 0; j < drift.length; j++) {
            double[] v = pc.nu[j];
            double[] gp = pc.programmed[j];
            double[] d = drift[j];
            double[] s = step[j];
            if (reuse) {
                for (int i = 0; i < d.length; i++) {
                    d[i] *= s[i];
                }
            } else {
                for (int i = 0; i < d.length; i++) {
                    // Unprogrammed devices keep a unit step so that stale factors never grow.
                    s[i] = gp[i] != 0.0 ? Math.exp(-v[i] * delta) : 1.0;
                    d[i] *= s[i];
                }
            }
        }
        lastDelta = delta;
        stepValid = true;
        lastLog = log;
        return false;
    }
}
