package org.pcmsim.montecarlo;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.CrossbarProgrammer;
import org.pcmsim.crossbar.CrossbarReader;
import org.pcmsim.crossbar.ProgrammedCrossbar;
import org.pcmsim.slicing.IntegerQuantizer;
import org.pcmsim.slicing.TernaryQuantizer;

/**
 * One Monte Carlo trial of an analog MVM (MODEL.md §4), with buffers reused across trials. A trial
 * draws its data (weights w ~ N(0,1), N × N, row-major, then inputs x ~ N(0,1)), quantises it,
 * programs once, then reads at every time in order with fresh read noise, and returns
 * η = ‖ŷ − y_ref‖₂ / ‖y_ref‖₂ per time. Global drift compensation is referenced to the first read.
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class MvmTrial {
    private final MvmTrialConfig config;
    private final CrossbarProgrammer programmer;
    private final CrossbarReader reader;
    private final int n;
    private final double[] wReal;
    private final double[] xReal;
    private final int[] w;
    private final int[] x;
    private final double[] yRef;
    private final double[] y;
    private ProgrammedCrossbar crossbar;

    MvmTrial(MvmTrialConfig config) {
        this.config = config;
        this.programmer = new CrossbarProgrammer(config.slicing(), config.device());
        this.reader = new CrossbarReader(config.crossbar(), config.sampling());
        this.n = config.crossbar().size();
        this.wReal = new double[n * n];
        this.xReal = new double[n];
        this.w = new int[n * n];
        this.x = new int[n];
        this.yRef = new double[n];
        this.y = new double[n];
    }

    MvmTrialConfig config() {
        return config;
    }

    /**
     * @param seed root seed
     * @param trial trial index
     * @param times read times, s, increasing
     * @param eta receives η per time
     */
    void run(long seed, long trial, double[] times, double[] eta) {
        CrossbarConfig cb = config.crossbar();
        NormalizedGaussianSampler data =
                ZigguratSampler.NormalizedGaussian.of(TrialStreams.stream(seed, trial, TrialStreams.DATA));
        for (int i = 0; i < wReal.length; i++) {
            wReal[i] = data.sample();
        }
        for (int k = 0; k < n; k++) {
            xReal[k] = data.sample();
        }
        IntegerQuantizer wq = new IntegerQuantizer(cb.weightBits(), cb.weightClipSigmas());
        double scaleW = cb.weightScale();
        switch (config.weights()) {
            case INT9 -> wq.quantize(wReal, scaleW, w);
            case TERNARY -> TernaryQuantizer.BITNET.quantize(wReal, scaleW, cb.weightMax(), w);
            default -> throw new AssertionError(config.weights());
        }
        new IntegerQuantizer(cb.inputBits(), cb.inputClipSigmas()).quantize(xReal, cb.inputScale(), x);

        double refScale = 1.0 / (cb.inputScale() * scaleW);
        double refNorm = 0;
        for (int i = 0; i < n; i++) {
            long acc = 0;
            int base = i * n;
            for (int k = 0; k < n; k++) {
                acc += (long) w[base + k] * x[k];
            }
            yRef[i] = acc * refScale;
            refNorm += yRef[i] * yRef[i];
        }
        refNorm = Math.sqrt(refNorm);

        UniformRandomProvider prog = TrialStreams.stream(seed, trial, TrialStreams.PROGRAMMING);
        if (crossbar == null) {
            crossbar = programmer.program(w, n, n, prog);
        } else {
            programmer.programInto(crossbar, w, prog);
        }

        NormalizedGaussianSampler read =
                ZigguratSampler.NormalizedGaussian.of(TrialStreams.stream(seed, trial, TrialStreams.READ));
        double toReal = reader.outputScale(crossbar) * refScale;
        double cRef = 0;
        for (int tIdx = 0; tIdx < times.length; tIdx++) {
            double c = reader.read(crossbar, times[tIdx], x, read, y);
            if (tIdx == 0) {
                cRef = c;
            }
            // A zero calibration sum (no programmed device) leaves the output uncompensated.
            double gdc = cb.driftCompensation() && c > 0 && cRef > 0 ? cRef / c : 1.0;
            double err = 0;
            for (int i = 0; i < n; i++) {
                double d = y[i] * gdc * toReal - yRef[i];
                err += d * d;
            }
            eta[tIdx] = refNorm > 0 ? Math.sqrt(err) / refNorm : Double.NaN;
        }
    }
}
