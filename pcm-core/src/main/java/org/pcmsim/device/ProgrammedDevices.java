package org.pcmsim.device;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.internal.Checks;
import org.pcmsim.internal.DeviceLaws;
import org.pcmsim.internal.DeviceProgrammer;

/**
 * An array of PCM devices after programming: the programmed conductances G_P and drift exponents ν,
 * drawn once. Reads are cheap and may be repeated at any time with fresh 1/f noise; the programmed
 * state never changes ("program once, read many").
 *
 * <p>The devices are a flat array in the order of the targets given to
 * {@link PcmDeviceModel#program(double[], UniformRandomProvider)}; every accessor returns a fresh
 * array of {@link #size()} values in that order, so a caller keeps whatever shape it gave them.
 */
public final class ProgrammedDevices {
    private final PcmDeviceModel model;
    private final double[] targets;
    private final double[] programmed;
    private final double[] nu;
    private final double[] qs;
    private final int clipped;

    private ProgrammedDevices(PcmDeviceModel model, double[] targets, double[] programmed, double[] nu,
                              int clipped) {
        this.model = model;
        this.clipped = clipped;
        this.targets = targets;
        this.programmed = programmed;
        this.nu = nu;
        this.qs = DeviceLaws.readNoiseAmplitudes(model, targets);
    }

    /** Programs {@code targets} in place (clipping overwrites them): the caller passes its own copy. */
    static ProgrammedDevices program(PcmDeviceModel model, double[] targets, UniformRandomProvider rng) {
        for (int i = 0; i < targets.length; i++) {
            if (!Double.isFinite(targets[i])) {
                throw new IllegalArgumentException("target conductance " + i + " must be finite, got " + targets[i]);
            }
        }
        // Under the clipped target range a device cannot be asked for more than G_max (sign kept).
        double limit = model.targetLimit();
        int clipped = 0;
        for (int i = 0; i < targets.length; i++) {
            if (Math.abs(targets[i]) > limit) {
                targets[i] = Math.copySign(limit, targets[i]);
                clipped++;
            }
        }
        DeviceProgrammer p = new DeviceProgrammer(model, rng);
        double[] gp = new double[targets.length];
        double[] nu = new double[targets.length];
        for (int i = 0; i < targets.length; i++) {
            gp[i] = p.program(targets[i], nu, i);
        }
        return new ProgrammedDevices(model, targets, gp, nu, clipped);
    }

    /** @return the device model */
    public PcmDeviceModel model() {
        return model;
    }

    /** @return the number of devices */
    public int size() {
        return targets.length;
    }

    /**
     * @return how many targets exceeded G_max and were clipped to it ({@link TargetRange#CLIPPED});
     *     0 under {@link TargetRange#UNBOUNDED}
     */
    public int clippedDevices() {
        return clipped;
    }

    /** @return the target conductances as programmed (after clipping), µS */
    public double[] targets() {
        return targets.clone();
    }

    /** @return the programmed conductances G_P, µS */
    public double[] programmed() {
        return programmed.clone();
    }

    /** @return the drift exponents ν */
    public double[] driftExponents() {
        return nu.clone();
    }

    /**
     * Conductances at time t without read noise, G_P · (t / t0)^(−ν).
     *
     * @param t seconds after programming
     * @return drifted conductances, µS
     */
    public double[] conductances(double t) {
        Checks.readTime(t);
        double[] out = new double[programmed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = programmed[i] * model.driftFactor(nu[i], t);
        }
        return out;
    }

    /**
     * One read at time t: drifted conductances with fresh 1/f read noise, one normal per device.
     *
     * @param t seconds after programming
     * @param rng the generator of this read
     * @return read conductances, µS, in the order of the targets
     */
    public double[] read(double t, UniformRandomProvider rng) {
        double f = model.readNoiseTimeFactor(t);
        NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(Objects.requireNonNull(rng, "rng"));
        double[] out = new double[programmed.length];
        for (int i = 0; i < out.length; i++) {
            double g = programmed[i] * model.driftFactor(nu[i], t);
            out[i] = g + g * qs[i] * f * normal.sample();
        }
        return out;
    }
}
