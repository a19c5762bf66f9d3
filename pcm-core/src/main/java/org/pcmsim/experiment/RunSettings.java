package org.pcmsim.experiment;

import java.util.Objects;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.ReadNoiseSampling;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.periphery.Periphery;

/**
 * How to run an experiment: trials, seed, threads and the model.
 *
 * @param trials Monte Carlo trials per point, ≥ 1
 * @param seed root seed
 * @param threads worker threads, ≥ 1
 * @param crossbar crossbar periphery
 * @param device PCM device model
 * @param sampling read-noise sampler
 * @param weights where the weights come from (the paper's fresh Gaussian weights by default)
 * @param periphery converters and wires beyond the paper's ideal ones (docs/model.md §9; ideal by default)
 */
public record RunSettings(int trials, long seed, int threads, CrossbarConfig crossbar, PcmDeviceModel device,
                          ReadNoiseSampling sampling, WeightSource weights, Periphery periphery) {

    /** The documented default root seed of every published figure. */
    public static final long DEFAULT_SEED = 20220401L;

    /** Validates. */
    public RunSettings {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Objects.requireNonNull(crossbar, "crossbar");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(periphery, "periphery");
    }

    /**
     * Settings with the ideal periphery.
     *
     * @param trials Monte Carlo trials per point, ≥ 1
     * @param seed root seed
     * @param threads worker threads, ≥ 1
     * @param crossbar crossbar periphery
     * @param device PCM device model
     * @param sampling read-noise sampler
     * @param weights where the weights come from
     */
    public RunSettings(int trials, long seed, int threads, CrossbarConfig crossbar, PcmDeviceModel device,
                       ReadNoiseSampling sampling, WeightSource weights) {
        this(trials, seed, threads, crossbar, device, sampling, weights, Periphery.IDEAL);
    }

    /**
     * Settings with the paper's fresh Gaussian weights.
     *
     * @param trials Monte Carlo trials per point, ≥ 1
     * @param seed root seed
     * @param threads worker threads, ≥ 1
     * @param crossbar crossbar periphery
     * @param device PCM device model
     * @param sampling read-noise sampler
     */
    public RunSettings(int trials, long seed, int threads, CrossbarConfig crossbar, PcmDeviceModel device,
                       ReadNoiseSampling sampling) {
        this(trials, seed, threads, crossbar, device, sampling, WeightSource.GAUSSIAN);
    }

    /**
     * The paper's model, aggregated read-noise sampling, the default seed, all cores.
     *
     * @param trials trials per point
     * @return the settings
     */
    public static RunSettings paper(int trials) {
        return new RunSettings(trials, DEFAULT_SEED, Runtime.getRuntime().availableProcessors(),
                CrossbarConfig.paper(), PcmDeviceModel.nandakumar2019(), ReadNoiseSampling.AGGREGATED);
    }

    /**
     * @param t trials per point
     * @return these settings with another trial count
     */
    public RunSettings withTrials(int t) {
        return new RunSettings(t, seed, threads, crossbar, device, sampling, weights, periphery);
    }

    /**
     * @param s root seed
     * @return these settings with another seed
     */
    public RunSettings withSeed(long s) {
        return new RunSettings(trials, s, threads, crossbar, device, sampling, weights, periphery);
    }

    /**
     * @param t worker threads
     * @return these settings with another thread count
     */
    public RunSettings withThreads(int t) {
        return new RunSettings(trials, seed, t, crossbar, device, sampling, weights, periphery);
    }

    /**
     * @param d device model
     * @return these settings with another device model
     */
    public RunSettings withDevice(PcmDeviceModel d) {
        return new RunSettings(trials, seed, threads, crossbar, d, sampling, weights, periphery);
    }

    /**
     * @param c crossbar periphery
     * @return these settings with another crossbar
     */
    public RunSettings withCrossbar(CrossbarConfig c) {
        return new RunSettings(trials, seed, threads, c, device, sampling, weights, periphery);
    }

    /**
     * @param s read-noise sampler
     * @return these settings with another sampler
     */
    public RunSettings withSampling(ReadNoiseSampling s) {
        return new RunSettings(trials, seed, threads, crossbar, device, s, weights, periphery);
    }

    /**
     * @param w where the weights come from
     * @return these settings with it
     */
    public RunSettings withWeights(WeightSource w) {
        return new RunSettings(trials, seed, threads, crossbar, device, sampling, w, periphery);
    }

    /**
     * @param p the periphery
     * @return these settings with it
     */
    public RunSettings withPeriphery(Periphery p) {
        return new RunSettings(trials, seed, threads, crossbar, device, sampling, weights, p);
    }
}
