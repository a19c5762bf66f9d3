package org.pcmsim.montecarlo;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.crossbar.ChipPeriphery;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.CrossbarProgrammer;
import org.pcmsim.crossbar.CrossbarReader;
import org.pcmsim.crossbar.ProgrammedCrossbar;
import org.pcmsim.crossbar.ReadNoiseSampling;
import org.pcmsim.internal.Access;
import org.pcmsim.internal.CrossbarAccess;
import org.pcmsim.random.PeripheryStreams;
import org.pcmsim.random.TrialStream;
import org.pcmsim.random.TrialStreams;

/**
 * One Monte Carlo trial of an analog MVM for one configuration (docs/model.md §4), with buffers reused
 * across trials: slice and program the trial's weights once, read them at every time with fresh
 * read noise, and return η = ‖ŷ − y_ref‖₂ / ‖y_ref‖₂ per time. Global drift compensation is
 * referenced to the first read. The ADC digitises each slice separately, so each slice is read at
 * all times right after it is programmed (the outputs are sums over slices), which keeps its
 * devices in cache. The slice outputs are kept, so that a configuration that programs the same
 * chip (see {@link #readsLike}) only shifts and adds them with its own b^j.
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class MvmTrial {
    private final MvmTrialConfig config;
    private final CrossbarProgrammer programmer;
    private final CrossbarReader reader;
    /** Per slice, time and output line: the slice's ADC outputs a_j(t) and calibration outputs. */
    private double[][][] sliceOut;
    private double[][][] sliceCal;
    private double[] y;
    private double[] cal;
    /** Devices of the last trial's chip that were programmed, and those whose target was clipped to G_max. */
    private long programmedDevices;
    private long clippedDevices;

    MvmTrial(MvmTrialConfig config) {
        this.config = config;
        this.programmer = new CrossbarProgrammer(config.slicing(), config.device());
        this.reader = new CrossbarReader(config.crossbar(), config.sampling());
    }

    MvmTrialConfig config() {
        return config;
    }

    /** @return programmed devices (targets ≠ 0) of the chip of the last {@link #run} */
    long programmedDevices() {
        return programmedDevices;
    }

    /** @return devices of the chip of the last {@link #run} whose target was clipped to G_max */
    long clippedDevices() {
        return clippedDevices;
    }

    /**
     * Whether this configuration's trial reads exactly the slice outputs of {@code other}'s: the same
     * data, the same chip from the same normals (e.g. Equal-fill at any b_W with the same n_W) and the
     * same reads. Its trial then only recombines those outputs with its own b^j.
     *
     * @param other a configuration run earlier in the same trial
     * @return true if the slice outputs can be reused
     */
    boolean readsLike(MvmTrial other) {
        return config.crossbar().equals(other.config.crossbar()) && config.weights() == other.config.weights()
                && config.sampling() == other.config.sampling() && config.periphery().equals(other.config.periphery())
                && Access.crossbar().programSameChip(programmer, other.programmer);
    }

    /**
     * @param data the trial's data, drawn for this configuration's crossbar
     * @param seed root seed
     * @param trial trial index
     * @param times read times, s
     * @param eta receives η per time
     * @param sameReads a configuration run earlier in this trial for which {@link #readsLike} holds, or
     *                  null
     */
    void run(TrialData data, long seed, long trial, double[] times, double[] eta, MvmTrial sameReads) {
        CrossbarConfig cb = config.crossbar();
        int n = cb.size();
        int slices = config.slicing().nSlices();
        TrialData.Quantized q = data.quantized(config.weights());
        if (y == null) {
            y = new double[n];
            cal = new double[n];
        }
        double[][][] out;
        double[][][] outCal;
        if (sameReads != null) {
            out = sameReads.sliceOut;
            outCal = sameReads.sliceCal;
            programmedDevices = sameReads.programmedDevices;
            clippedDevices = sameReads.clippedDevices;
        } else {
            if (sliceOut == null || sliceOut[0].length != times.length) {
                sliceOut = new double[slices][times.length][n];
                sliceCal = new double[slices][times.length][n];
            }
            CrossbarAccess engine = Access.crossbar();
            ProgrammedCrossbar crossbar = engine.allocateIn(programmer, data.storage(slices));
            // The ideal read with aggregated read noise reads dense slices column-major, vectorised.
            boolean columnReads = config.periphery().isIdeal() && config.sampling() == ReadNoiseSampling.AGGREGATED;
            engine.allowColumnReads(crossbar, columnReads ? times.length : 0);
            NormalizedGaussianSampler read =
                    ZigguratSampler.NormalizedGaussian.of(TrialStreams.stream(seed, trial, TrialStream.READ));
            ChipPeriphery chip = null;
            if (!config.periphery().isIdeal()) {
                PeripheryStreams streams = TrialStreams.periphery(seed, trial);
                chip = ChipPeriphery.draw(config.periphery(), 1, slices, n, streams.chip(), streams.conversions());
                chip.convertInputs(data.x, cb.calibrationInput(), cb.inputMax(), times.length);
            }
            ChipPeriphery periphery = chip;
            // Each slice is read at every time as soon as it is programmed, while its devices are in cache.
            engine.programInto(programmer, crossbar, q.w, data::programmingNormals, j -> engine.readSlice(reader,
                    crossbar, j, times, data.x, read, periphery, 0, sliceOut[j], sliceCal[j]));
            out = sliceOut;
            outCal = sliceCal;
            programmedDevices = 0;
            for (int j = 0; j < slices; j++) {
                programmedDevices += crossbar.programmedDevices(j);
            }
            clippedDevices = crossbar.clippedDevices();
        }
        double toReal = reader.outputScale(config.slicing(), config.device()) / (cb.inputScale() * cb.weightScale());
        boolean exactFloat = config.reference() == ErrorReference.FLOAT;
        double[] yRef = exactFloat ? data.floatReference() : q.yRef;
        double refNorm = exactFloat ? data.floatNorm() : q.refNorm;
        double cRef = 0;
        for (int t = 0; t < times.length; t++) {
            // Shift and add, from the most significant slice (the order the outputs were once summed in).
            java.util.Arrays.fill(y, 0.0);
            java.util.Arrays.fill(cal, 0.0);
            for (int j = slices - 1; j >= 0; j--) {
                double sig = config.slicing().significance(j);
                double[] a = out[j][t];
                double[] ac = outCal[j][t];
                for (int i = 0; i < n; i++) {
                    y[i] += sig * a[i];
                    cal[i] += sig * ac[i];
                }
            }
            double c = Access.crossbar().calibrationSum(reader, cal);
            if (t == 0) {
                cRef = c;
            }
            // A zero calibration sum (no programmed device) leaves the output uncompensated.
            double gdc = cb.driftCompensation() && c > 0 && cRef > 0 ? cRef / c : 1.0;
            double err = 0;
            for (int i = 0; i < n; i++) {
                double d = y[i] * gdc * toReal - yRef[i];
                err += d * d;
            }
            eta[t] = refNorm > 0 ? Math.sqrt(err) / refNorm : Double.NaN;
        }
    }
}
