package org.pcmsim.experiment;

import java.util.Objects;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.ReadNoiseSampling;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.periphery.Periphery;

/**
 * What every Monte Carlo figure records about its run: the experiment, seed, trials per point,
 * threads, the read-noise sampler, and the full model (crossbar, device and its conventions,
 * periphery). The same seed, trials and model give the same numbers whatever the thread count.
 *
 * @param experiment the experiment's name, e.g. {@code figure-4a}
 * @param seed the root seed
 * @param trials Monte Carlo trials per point, ≥ 1
 * @param threads worker threads, ≥ 1 (recorded, not a cause of the numbers)
 * @param readNoiseSampling how read noise was sampled
 * @param crossbar the crossbar: size, converter bits, clips, global drift compensation
 * @param device the PCM device model (docs/model.md §2)
 * @param conventions the device's conventions in one word ({@link PcmDeviceModel#conventions()})
 * @param periphery the periphery in one line ({@link Periphery#describe()})
 * @param peripheryParameters the periphery's parameters
 */
public record MonteCarloRun(String experiment, long seed, int trials, int threads, ReadNoiseSampling readNoiseSampling,
                            CrossbarConfig crossbar, PcmDeviceModel device, String conventions, String periphery,
                            Periphery peripheryParameters) {

    /** Checks the counts, and that the one-word conventions and periphery agree with the model. */
    public MonteCarloRun {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(readNoiseSampling, "readNoiseSampling");
        Objects.requireNonNull(crossbar, "crossbar");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(peripheryParameters, "peripheryParameters");
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (!device.conventions().equals(conventions)) {
            throw new IllegalArgumentException("conventions '" + conventions + "' disagree with the device model's '"
                    + device.conventions() + "'");
        }
        if (!peripheryParameters.describe().equals(periphery)) {
            throw new IllegalArgumentException("periphery '" + periphery + "' disagrees with its parameters ('"
                    + peripheryParameters.describe() + "')");
        }
    }

    /**
     * @param experiment the experiment's name
     * @param settings the run's settings
     * @return the record of that run
     */
    public static MonteCarloRun of(String experiment, RunSettings settings) {
        return new MonteCarloRun(experiment, settings.seed(), settings.trials(), settings.threads(),
                settings.sampling(), settings.crossbar(), settings.device(), settings.device().conventions(),
                settings.periphery().describe(), settings.periphery());
    }
}
