package org.pcmsim.device;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Programs devices one at a time from a generator: the single place where programming noise and
 * drift exponents are drawn, shared by {@link ProgrammedDevices}, the crossbar and the analog DNN
 * layers so that they all run the same physics.
 *
 * <p>Each programmed device (target ≠ 0) consumes exactly two standard normals, in this order:
 * the programming noise ξ_P, then the drift-exponent noise ξ_ν. Unprogrammed devices consume none.
 */
public final class DeviceProgrammer {
    private final PcmDeviceModel model;
    private final NormalizedGaussianSampler normal;
    private final double invGMax;
    private final double[] laws = new double[4];
    /** The normalised target whose laws are in {@code laws}: error correction repeats targets. */
    private double lawsFor = Double.NaN;
    /** Normals drawn ahead by {@link #prepare}, consumed in order before the sampler is asked again. */
    private double[] ahead = new double[0];
    private int cursor;
    private int available;

    /**
     * @param model the device model
     * @param rng the generator of this programming event
     */
    public DeviceProgrammer(PcmDeviceModel model, UniformRandomProvider rng) {
        this.model = Objects.requireNonNull(model, "model");
        this.normal = ZigguratSampler.NormalizedGaussian.of(Objects.requireNonNull(rng, "rng"));
        this.invGMax = 1.0 / model.gMax();
    }

    /** @return the device model */
    public PcmDeviceModel model() {
        return model;
    }

    /**
     * Draws the normals of the next {@code devices} programmed devices at once. The sequence is the
     * same as without it; drawing in a tight loop lets the JIT inline the sampler, which it declines
     * to do inside the larger programming loops.
     *
     * @param devices devices about to be programmed
     */
    public void prepare(int devices) {
        int count = 2 * devices;
        if (ahead.length < count) {
            ahead = new double[count];
        }
        // Normals already drawn but not used stay first, so that the sequence is unchanged.
        int left = available - cursor;
        System.arraycopy(ahead, cursor, ahead, 0, left);
        for (int i = left; i < count; i++) {
            ahead[i] = normal.sample();
        }
        cursor = 0;
        available = Math.max(count, left);
    }

    private double next() {
        return cursor < available ? ahead[cursor++] : normal.sample();
    }

    /**
     * Programs one device.
     *
     * @param target target conductance, µS, signed
     * @param nu where to store the drawn drift exponent
     * @param index index into {@code nu}
     * @return the programmed conductance G_P, µS (0 if the target is 0)
     */
    public double program(double target, double[] nu, int index) {
        if (target == 0.0) {
            nu[index] = 0.0;
            return 0.0;
        }
        lawsAt(target);
        return program(target, laws[0], laws[1], laws[2], nu, index);
    }

    /** Evaluates the device laws at |target| / G_max unless they are already there. */
    private void lawsAt(double target) {
        double g = Math.abs(target) * invGMax;
        if (g != lawsFor) {
            model.deviceLaws(g, laws);
            lawsFor = g;
        }
    }

    /**
     * Programs one device and also reports its raw read-noise amplitude.
     *
     * @param target target conductance, µS, signed
     * @param nu where to store the drawn drift exponent
     * @param rawQ where to store {@link ReadNoise#rawFromLog} of the target (0 for a zero target)
     * @param index index into {@code nu} and {@code rawQ}
     * @return the programmed conductance G_P, µS
     */
    public double program(double target, double[] nu, double[] rawQ, int index) {
        if (target == 0.0) {
            nu[index] = 0.0;
            rawQ[index] = 0.0;
            return 0.0;
        }
        lawsAt(target);
        rawQ[index] = laws[3];
        return program(target, laws[0], laws[1], laws[2], nu, index);
    }

    /**
     * Programs one device whose device-law values were computed beforehand (the same target level
     * recurs in quantised arrays, and the laws cost a log and a power each).
     *
     * @param target target conductance, µS, signed, non-zero
     * @param sigmaP σ_P(g), µS
     * @param muNu μ_ν(g)
     * @param sigmaNu σ_ν(g)
     * @param nu where to store the drawn drift exponent
     * @param index index into {@code nu}
     * @return the programmed conductance G_P, µS
     */
    public double program(double target, double sigmaP, double muNu, double sigmaNu, double[] nu, int index) {
        double gp = target + sigmaP * next();
        nu[index] = model.drift().scale() * Math.abs(muNu + sigmaNu * next());
        return gp;
    }
}
