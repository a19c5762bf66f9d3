package org.pcmsim.internal;

import org.pcmsim.device.DriftLaw;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ReadNoise;
import org.pcmsim.device.ReadNoiseNormalization;

/**
 * The device laws of docs/model.md §2 in the form the programming kernels need: every law from one
 * logarithm of the normalised target (the same levels recur, and a log plus a power per device was
 * the largest cost of programming), Q_s split into a raw amplitude and its normalisation (the
 * slice-maximum normalisation needs the whole slice first). The public laws
 * ({@link DriftLaw#mean}, {@link DriftLaw#sigma}, {@link ReadNoise#qs}) are these functions at
 * ln(g + {@value #G_EPSILON}), so both agree to the bit. Not part of the public API.
 */
public final class DeviceLaws {
    /** Offset added to a normalised conductance before a log or negative power is taken (docs/model.md §2). */
    public static final double G_EPSILON = 1e-15;

    private DeviceLaws() {
    }

    /**
     * @param law the drift law
     * @param lnG ln(g + 1e-15), shared with the other laws so that one log serves them all
     * @return mean drift exponent μ_ν, before the scale
     */
    public static double driftMean(DriftLaw law, double lnG) {
        return clip(law.muSlope() * lnG + law.muIntercept(), law.muMin(), law.muMax());
    }

    /**
     * @param law the drift law
     * @param lnG ln(g + 1e-15)
     * @return standard deviation σ_ν of the drift exponent, before the scale
     */
    public static double driftSigma(DriftLaw law, double lnG) {
        return clip(law.sigmaSlope() * lnG + law.sigmaIntercept(), law.sigmaMin(), law.sigmaMax());
    }

    /**
     * The uncapped, unscaled read-noise amplitude coefficient · g^(−exponent), from ln g.
     *
     * @param law the read-noise law
     * @param lnG ln(g + 1e-15)
     * @return coefficient · exp(−exponent · lnG)
     */
    public static double readNoiseRaw(ReadNoise law, double lnG) {
        return law.coefficient() * Math.exp(-law.exponent() * lnG);
    }

    /**
     * Q_s from a raw amplitude. Renormalising g by another conductance G_n (the slice maximum instead
     * of G_max) multiplies the raw amplitude by (G_n / G_max)^exponent, which is {@code factor}.
     *
     * @param law the read-noise law
     * @param raw {@link #readNoiseRaw} of the G_max-normalised target
     * @param factor normalisation factor, 1 for G_max
     * @return scale · min(raw · factor, max)
     */
    public static double readNoiseFromRaw(ReadNoise law, double raw, double factor) {
        return law.scale() * Math.min(raw * factor, law.max());
    }

    /**
     * Evaluates every device law at one normalised target with a single logarithm.
     *
     * @param model the device model
     * @param g normalised target |G_T| / G_max
     * @param out receives σ_P (µS), μ_ν, σ_ν and the raw read-noise amplitude ({@link #readNoiseRaw})
     *     at indices 0 … 3
     */
    public static void evaluate(PcmDeviceModel model, double g, double[] out) {
        double lnG = Math.log(g + G_EPSILON);
        out[0] = model.programming().sigma(g);
        out[1] = driftMean(model.drift(), lnG);
        out[2] = driftSigma(model.drift(), lnG);
        out[3] = readNoiseRaw(model.readNoise(), lnG);
    }

    /**
     * {@link #evaluate(PcmDeviceModel, double, double[])} with ln g and g^(−exponent) from {@link LawTable}
     * (relative error below 2 × 10⁻⁷) instead of a logarithm and an exponential.
     *
     * @param model the device model
     * @param g normalised target |G_T| / G_max
     * @param table the table for the model's read-noise exponent
     * @param scratch two doubles of scratch space
     * @param out as for {@link #evaluate(PcmDeviceModel, double, double[])}
     */
    static void evaluate(PcmDeviceModel model, double g, LawTable table, double[] scratch, double[] out) {
        table.evaluate(g + G_EPSILON, scratch);
        double lnG = scratch[0];
        out[0] = model.programming().sigma(g);
        out[1] = driftMean(model.drift(), lnG);
        out[2] = driftSigma(model.drift(), lnG);
        out[3] = model.readNoise().coefficient() * scratch[1];
    }

    /**
     * Read-noise amplitudes Q_s of an array of devices that form one slice, under the model's
     * normalisation (G_max, or the largest |target| of the slice).
     *
     * @param model the device model
     * @param targets target conductances of the slice, µS
     * @return Q_s per device (0 where the target is 0)
     */
    public static double[] readNoiseAmplitudes(PcmDeviceModel model, double[] targets) {
        double[] q = new double[targets.length];
        double invGMax = 1.0 / model.gMax();
        ReadNoise law = model.readNoise();
        for (int i = 0; i < targets.length; i++) {
            q[i] = targets[i] == 0.0 ? 0.0
                    : readNoiseRaw(law, Math.log(Math.abs(targets[i]) * invGMax + G_EPSILON));
        }
        normalizeReadNoise(model, targets, q, q.length);
        return q;
    }

    /**
     * Turns raw read-noise amplitudes ({@link #readNoiseRaw} of |G_T| / G_max) of one slice into Q_s
     * under the model's normalisation, in place.
     *
     * @param model the device model
     * @param targets target conductances of the slice, µS
     * @param q raw amplitudes in (0 where the target is 0), Q_s out
     * @param count number of devices (a prefix of both arrays)
     */
    public static void normalizeReadNoise(PcmDeviceModel model, double[] targets, double[] q, int count) {
        double factor = 1.0;
        if (model.readNoiseNormalization() == ReadNoiseNormalization.SLICE_MAX) {
            double max = 0;
            for (int i = 0; i < count; i++) {
                max = Math.max(max, Math.abs(targets[i]));
            }
            if (max > 0) {
                factor = Math.pow(max / model.gMax(), model.readNoise().exponent());
            }
        }
        ReadNoise law = model.readNoise();
        // Branch-free: a zero target has a zero raw amplitude, and readNoiseFromRaw(0) = 0.
        for (int i = 0; i < count; i++) {
            q[i] = readNoiseFromRaw(law, q[i], factor);
        }
    }

    private static double clip(double v, double lo, double hi) {
        return Math.min(hi, Math.max(lo, v));
    }
}
