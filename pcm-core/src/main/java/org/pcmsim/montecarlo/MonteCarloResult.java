package org.pcmsim.montecarlo;

import java.util.Arrays;
import java.util.Objects;

/**
 * The relative errors η of every trial of one configuration at every read time, with their mean and
 * sample standard deviation (divisor T − 1) per time.
 */
public final class MonteCarloResult {
    private final MvmTrialConfig config;
    private final double[] times;
    private final double[][] eta;
    private final long seed;
    private final long programmedDevices;
    private final long clippedDevices;

    /**
     * @param config the configuration
     * @param times read times, s
     * @param eta η per trial (first index) and time (second index); kept, not copied
     * @param seed the root seed
     * @param programmedDevices programmed devices summed over the trials
     * @param clippedDevices devices whose target was clipped to G_max, summed over the trials
     */
    MonteCarloResult(MvmTrialConfig config, double[] times, double[][] eta, long seed, long programmedDevices,
                     long clippedDevices) {
        this.config = Objects.requireNonNull(config);
        this.programmedDevices = programmedDevices;
        this.clippedDevices = clippedDevices;
        this.times = times.clone();
        this.eta = eta;
        this.seed = seed;
    }

    /** @return the configuration */
    public MvmTrialConfig config() {
        return config;
    }

    /** @return the root seed */
    public long seed() {
        return seed;
    }

    /** @return programmed devices (targets ≠ 0), summed over every trial's chip */
    public long programmedDevices() {
        return programmedDevices;
    }

    /**
     * @return devices whose target exceeded G_max and was clipped to it, summed over every trial's
     *     chip (0 unless the target range is {@link org.pcmsim.device.TargetRange#CLIPPED})
     */
    public long clippedDevices() {
        return clippedDevices;
    }

    /** @return the number of trials */
    public int trials() {
        return eta.length;
    }

    /** @return the read times, s */
    public double[] times() {
        return times.clone();
    }

    /**
     * @param trial trial index
     * @return η of that trial at every time
     */
    public double[] trial(int trial) {
        return eta[trial].clone();
    }

    /**
     * @param timeIndex index into {@link #times()}
     * @return η of every trial at that time
     */
    public double[] etaAt(int timeIndex) {
        double[] v = new double[eta.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = eta[i][timeIndex];
        }
        return v;
    }

    /**
     * @param timeIndex index into {@link #times()}
     * @return mean η over trials
     */
    public double mean(int timeIndex) {
        double s = 0;
        for (double[] e : eta) {
            s += e[timeIndex];
        }
        return s / eta.length;
    }

    /**
     * @param timeIndex index into {@link #times()}
     * @return sample standard deviation of η over trials (0 for a single trial)
     */
    public double std(int timeIndex) {
        if (eta.length < 2) {
            return 0.0;
        }
        double m = mean(timeIndex);
        double s = 0;
        for (double[] e : eta) {
            double d = e[timeIndex] - m;
            s += d * d;
        }
        return Math.sqrt(s / (eta.length - 1));
    }

    /**
     * @param timeIndex index into {@link #times()}
     * @return standard error of the mean, std / sqrt(T)
     */
    public double standardError(int timeIndex) {
        return std(timeIndex) / Math.sqrt(eta.length);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(config.slicing().toString()).append(':');
        for (int t = 0; t < times.length; t++) {
            b.append(String.format(" t=%.3g s eta=%.5f±%.5f", times[t], mean(t), std(t)));
        }
        return b.toString();
    }

    /** @return a deep copy of the per-trial values */
    double[][] values() {
        return Arrays.stream(eta).map(double[]::clone).toArray(double[][]::new);
    }
}
