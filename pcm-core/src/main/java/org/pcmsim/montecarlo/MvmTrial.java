package org.pcmsim.montecarlo;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.CrossbarProgrammer;
import org.pcmsim.crossbar.CrossbarReader;
import org.pcmsim.crossbar.ProgrammedCrossbar;

/**
 * One Monte Carlo trial of an analog MVM for one configuration (MODEL.md §4), with buffers reused
 * across trials: slice and program the trial's weights once, read them at every time with fresh
 * read noise, and return η = ‖ŷ − y_ref‖₂ / ‖y_ref‖₂ per time. Global drift compensation is
 * referenced to the first read. The ADC digitises each slice separately, so each slice is read at
 * all times right after it is programmed (the outputs are sums over slices), which keeps its
 * devices in cache.
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class MvmTrial {
    private final MvmTrialConfig config;
    private final CrossbarProgrammer programmer;
    private final CrossbarReader reader;
    private double[][] y;
    private double[][] cal;
    private ProgrammedCrossbar crossbar;

    MvmTrial(MvmTrialConfig config) {
        this.config = config;
        this.programmer = new CrossbarProgrammer(config.slicing(), config.device());
        this.reader = new CrossbarReader(config.crossbar(), config.sampling());
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
        if (y == null || y.length != times.length) {
            y = new double[times.length][n];
            cal = new double[times.length][n];
        }
        for (int t = 0; t < times.length; t++) {
            java.util.Arrays.fill(y[t], 0.0);
            java.util.Arrays.fill(cal[t], 0.0);
        }
        if (crossbar == null) {
            crossbar = programmer.allocate(n, n);
        }
        NormalizedGaussianSampler read =
                ZigguratSampler.NormalizedGaussian.of(TrialStreams.stream(seed, trial, TrialStreams.READ));
        // Each slice is read at every time as soon as it is programmed, while its devices are in cache.
        programmer.programInto(crossbar, q.w, data::programmingNormals,
                j -> reader.readSlice(crossbar, j, times, data.x, read, y, cal));
        double toReal = reader.outputScale(crossbar) / (cb.inputScale() * cb.weightScale());
        double cRef = reader.calibrationSum(cal[0]);
        for (int t = 0; t < times.length; t++) {
            double c = reader.calibrationSum(cal[t]);
            // A zero calibration sum (no programmed device) leaves the output uncompensated.
            double gdc = cb.driftCompensation() && c > 0 && cRef > 0 ? cRef / c : 1.0;
            double err = 0;
            for (int i = 0; i < n; i++) {
                double d = y[t][i] * gdc * toReal - q.yRef[i];
                err += d * d;
            }
            eta[t] = q.refNorm > 0 ? Math.sqrt(err) / q.refNorm : Double.NaN;
        }
    }
}
