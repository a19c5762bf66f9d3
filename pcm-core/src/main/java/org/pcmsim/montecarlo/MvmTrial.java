package org.pcmsim.montecarlo;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.CrossbarProgrammer;
import org.pcmsim.crossbar.CrossbarReader;
import org.pcmsim.crossbar.ProgrammedCrossbar;

/**
 * One Monte Carlo trial of an analog MVM for one configuration (MODEL.md §4), with buffers reused
 * across trials: slice and program the trial's weights once, then read at every time in order with
 * fresh read noise, and return η = ‖ŷ − y_ref‖₂ / ‖y_ref‖₂ per time. Global drift compensation is
 * referenced to the first read.
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class MvmTrial {
    private final MvmTrialConfig config;
    private final CrossbarProgrammer programmer;
    private final CrossbarReader reader;
    private final double[] y;
    private ProgrammedCrossbar crossbar;

    MvmTrial(MvmTrialConfig config) {
        this.config = config;
        this.programmer = new CrossbarProgrammer(config.slicing(), config.device());
        this.reader = new CrossbarReader(config.crossbar(), config.sampling());
        this.y = new double[config.crossbar().size()];
    }

    MvmTrialConfig config() {
        return config;
    }

    /**
     * @param data the trial's data, drawn for this configuration's crossbar
     * @param seed root seed
     * @param trial trial index
     * @param times read times, s, increasing
     * @param eta receives η per time
     */
    void run(TrialData data, long seed, long trial, double[] times, double[] eta) {
        CrossbarConfig cb = config.crossbar();
        int n = cb.size();
        TrialData.Quantized q = data.quantized(config.weights());
        if (crossbar == null) {
            crossbar = programmer.program(q.w, n, n, TrialStreams.stream(seed, trial, TrialStreams.PROGRAMMING));
        } else {
            programmer.programInto(crossbar, q.w, TrialStreams.stream(seed, trial, TrialStreams.PROGRAMMING));
        }
        NormalizedGaussianSampler read =
                ZigguratSampler.NormalizedGaussian.of(TrialStreams.stream(seed, trial, TrialStreams.READ));
        double toReal = reader.outputScale(crossbar) / (cb.inputScale() * cb.weightScale());
        double cRef = 0;
        for (int tIdx = 0; tIdx < times.length; tIdx++) {
            double c = reader.read(crossbar, times[tIdx], data.x, read, y);
            if (tIdx == 0) {
                cRef = c;
            }
            // A zero calibration sum (no programmed device) leaves the output uncompensated.
            double gdc = cb.driftCompensation() && c > 0 && cRef > 0 ? cRef / c : 1.0;
            double err = 0;
            for (int i = 0; i < n; i++) {
                double d = y[i] * gdc * toReal - q.yRef[i];
                err += d * d;
            }
            eta[tIdx] = q.refNorm > 0 ? Math.sqrt(err) / q.refNorm : Double.NaN;
        }
    }
}
