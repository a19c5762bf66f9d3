package org.pcmsim.montecarlo;

import java.util.Objects;

/**
 * The relative error η of one configuration at every read time: mean and sample standard deviation
 * (divisor T − 1) over the trials, and, only if the engine was asked to keep them
 * ({@link MonteCarloEngine#keepingTrials()}), every trial's values. The statistics are computed as
 * the trials stream in, so a result needs memory independent of the trial count.
 */
public final class MonteCarloResult {
    private final MvmTrialConfig config;
    private final double[] times;
    private final int trials;
    private final double[] mean;
    private final double[] std;
    private final double[][] eta;
    private final long seed;
    private final long programmedDevices;
    private final long clippedDevices;

    /**
     * @param config the configuration
     * @param times read times, s
     * @param trials T
     * @param mean mean η per time
     * @param std sample standard deviation of η per time
     * @param eta η per trial (first index) and time (second index), or null if not kept; kept, not copied
     * @param seed the root seed
     * @param programmedDevices programmed devices summed over the trials
     * @param clippedDevices devices whose target was clipped to G_max, summed over the trials
     */
    MonteCarloResult(MvmTrialConfig config, double[] times, int trials, double[] mean, double[] std, double[][] eta,
                     long seed, long programmedDevices, long clippedDevices) {
        this.config = Objects.requireNonNull(config);
        this.programmedDevices = programmedDevices;
        this.clippedDevices = clippedDevices;
        this.times = times.clone();
        this.trials = trials;
        this.mean = mean.clone();
        this.std = std.clone();
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

    /** @return programmed devices (targets ≠ 0), summed over every trial's chip (0 in runs over a fixed matrix) */
    public long programmedDevices() {
        return programmedDevices;
    }

    /**
     * @return devices whose target exceeded G_max and was clipped to it, summed over every trial's
     *     chip (0 unless the target range is {@link org.pcmsim.device.TargetRange#CLIPPED}; not counted, so
     *     0, in runs over a fixed matrix)
     */
    public long clippedDevices() {
        return clippedDevices;
    }

    /** @return the number of trials */
    public int trials() {
        return trials;
    }

    /** @return the read times, s */
    public double[] times() {
        return times.clone();
    }

    /** @return whether every trial's values were kept ({@link #trial}, {@link #etaAt}) */
    public boolean hasTrialValues() {
        return eta != null;
    }

    /**
     * @param trial trial index
     * @return η of that trial at every time
     * @throws IllegalStateException if the per-trial values were not kept
     */
    public double[] trial(int trial) {
        return values()[trial].clone();
    }

    /**
     * @param timeIndex index into {@link #times()}
     * @return η of every trial at that time
     * @throws IllegalStateException if the per-trial values were not kept
     */
    public double[] etaAt(int timeIndex) {
        double[][] e = values();
        double[] v = new double[e.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = e[i][timeIndex];
        }
        return v;
    }

    private double[][] values() {
        if (eta == null) {
            throw new IllegalStateException("the per-trial values of " + config.slicing()
                    + " were not kept; run with MonteCarloEngine.keepingTrials()");
        }
        return eta;
    }

    /**
     * @param timeIndex index into {@link #times()}
     * @return mean η over trials
     */
    public double mean(int timeIndex) {
        return mean[timeIndex];
    }

    /**
     * @param timeIndex index into {@link #times()}
     * @return sample standard deviation of η over trials (0 for a single trial)
     */
    public double std(int timeIndex) {
        return std[timeIndex];
    }

    /**
     * @param timeIndex index into {@link #times()}
     * @return standard error of the mean, std / sqrt(T)
     */
    public double standardError(int timeIndex) {
        return std(timeIndex) / Math.sqrt(trials);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(config.slicing().toString()).append(':');
        for (int t = 0; t < times.length; t++) {
            b.append(String.format(" t=%.3g s eta=%.5f±%.5f", times[t], mean(t), std(t)));
        }
        return b.toString();
    }
}
