package org.pcmsim.montecarlo;

import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.CrossbarProgrammer;
import org.pcmsim.crossbar.ProgrammedCrossbar;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.random.TrialStream;
import org.pcmsim.random.TrialStreams;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;
import org.pcmsim.slicing.IntegerQuantizer;
import org.pcmsim.slicing.TernaryQuantizer;
import org.pcmsim.slicing.WeightQuantization;
import org.pcmsim.weights.WeightDistribution;

/**
 * The data of one trial (docs/model.md §4.1–4.2): Gaussian (or another unit-variance distribution's) weights
 * w (N × N, row-major) then standard normal inputs x,
 * drawn from the trial's data stream, their integer versions and the exact result
 * y_ref = W·X / (scale_in · scale_w). The data depend only on (seed, trial, crossbar), so every
 * configuration of a run shares them; the quantised weights are kept per quantisation.
 *
 * <p>Not thread-safe: one instance per thread, refilled for each trial.
 */
final class TrialData {
    /** Quantised weights, exact output and its norm, for one weight quantisation. */
    static final class Quantized {
        final int[] w;
        final double[] yRef;
        double refNorm;

        Quantized(int size, int n) {
            w = new int[size];
            yRef = new double[n];
        }
    }

    private final CrossbarConfig crossbar;
    private final WeightDistribution distribution;
    private final int n;
    private final double[] wReal;
    private final double[] xReal;
    final int[] x;
    /** The exact product of the real weights and inputs, w·x, and its norm; computed on demand. */
    private final double[] yFloat;
    private double floatNorm = -1;
    private final Map<WeightQuantization, Quantized> quantized = new EnumMap<>(WeightQuantization.class);
    private final Map<WeightQuantization, Boolean> fresh = new EnumMap<>(WeightQuantization.class);
    /** Programming normals per slice, shared by every configuration of the trial; drawn on demand. */
    private final java.util.List<double[]> programming = new java.util.ArrayList<>();
    private int programmingDrawn;
    private NormalizedGaussianSampler programmingStream;
    private ProgrammedCrossbar storage;
    private long seed;
    private long trial;

    TrialData(CrossbarConfig crossbar) {
        this(crossbar, WeightDistribution.GAUSSIAN);
    }

    /** With weights from another unit-variance distribution (the inputs stay standard normal). */
    TrialData(CrossbarConfig crossbar, WeightDistribution distribution) {
        this.crossbar = crossbar;
        this.distribution = distribution;
        this.n = crossbar.size();
        this.wReal = new double[n * n];
        this.xReal = new double[n];
        this.x = new int[n];
        this.yFloat = new double[n];
    }

    /** @return w·x of the real weights and inputs (the {@link ErrorReference#FLOAT} reference) */
    double[] floatReference() {
        if (floatNorm < 0) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double acc = 0;
                for (int k = 0; k < n; k++) {
                    acc += wReal[i * n + k] * xReal[k];
                }
                yFloat[i] = acc;
                norm += acc * acc;
            }
            floatNorm = Math.sqrt(norm);
        }
        return yFloat;
    }

    /** @return ‖w·x‖₂ */
    double floatNorm() {
        floatReference();
        return floatNorm;
    }

    CrossbarConfig crossbar() {
        return crossbar;
    }

    /** Draws the trial's weights and inputs; quantised weights are recomputed on demand. */
    void draw(long seed, long trial) {
        org.apache.commons.rng.UniformRandomProvider stream = TrialStreams.stream(seed, trial, TrialStream.DATA);
        NormalizedGaussianSampler data = ZigguratSampler.NormalizedGaussian.of(stream);
        if (distribution.equals(WeightDistribution.GAUSSIAN)) {
            for (int i = 0; i < wReal.length; i++) {
                wReal[i] = data.sample();
            }
        } else {
            // The weights from their own sampler on the same stream, then the inputs as always.
            org.apache.commons.rng.sampling.distribution.ContinuousSampler w = distribution.sampler(stream);
            for (int i = 0; i < wReal.length; i++) {
                wReal[i] = w.sample();
            }
        }
        for (int k = 0; k < n; k++) {
            xReal[k] = data.sample();
        }
        new IntegerQuantizer(crossbar.inputBits(), crossbar.inputClipSigmas())
                .quantize(xReal, crossbar.inputScale(), x);
        fresh.clear();
        floatNorm = -1;
        this.seed = seed;
        this.trial = trial;
        programmingDrawn = 0;
        programmingStream = null;
    }

    /**
     * Crossbar storage with at least {@code slices} slices, lent in turn to every configuration of
     * the trial (they are programmed one after the other): one working set instead of one per
     * configuration, which keeps it in cache.
     */
    ProgrammedCrossbar storage(int slices) {
        if (storage == null || storage.nSlices() < slices) {
            storage = new CrossbarProgrammer(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, slices, 1),
                    PcmDeviceModel.nandakumar2019()).allocate(n, n);
        }
        return storage;
    }

    /**
     * The programming normals of slice j for this trial: ξ_P of weight i at 2i, ξ_ν at 2i + 1.
     * Slices are drawn in order 0, 1, … from the trial's programming stream, so slice j has the
     * same normals whichever configurations ask for it (common random numbers).
     */
    double[] programmingNormals(int slice) {
        if (programmingStream == null) {
            programmingStream = ZigguratSampler.NormalizedGaussian.of(
                    TrialStreams.stream(seed, trial, TrialStream.PROGRAMMING));
        }
        while (programmingDrawn <= slice) {
            if (programming.size() == programmingDrawn) {
                programming.add(new double[2 * n * n]);
            }
            double[] xi = programming.get(programmingDrawn);
            for (int i = 0; i < xi.length; i++) {
                xi[i] = programmingStream.sample();
            }
            programmingDrawn++;
        }
        return programming.get(slice);
    }

    /** @return the quantised weights and exact result of this trial for a weight quantisation */
    Quantized quantized(WeightQuantization kind) {
        Quantized q = quantized.computeIfAbsent(kind, k -> new Quantized(n * n, n));
        if (fresh.putIfAbsent(kind, Boolean.TRUE) == null) {
            double scaleW = crossbar.weightScale();
            switch (kind) {
                case INT9 -> new IntegerQuantizer(crossbar.weightBits(), crossbar.weightClipSigmas())
                        .quantize(wReal, scaleW, q.w);
                case TERNARY -> TernaryQuantizer.BITNET.quantize(wReal, scaleW, crossbar.weightMax(), q.w);
                default -> throw new AssertionError(kind);
            }
            double refScale = 1.0 / (crossbar.inputScale() * scaleW);
            double norm = 0;
            for (int i = 0; i < n; i++) {
                long acc = 0;
                int base = i * n;
                for (int k = 0; k < n; k++) {
                    acc += (long) q.w[base + k] * x[k];
                }
                q.yRef[i] = acc * refScale;
                norm += q.yRef[i] * q.yRef[i];
            }
            q.refNorm = Math.sqrt(norm);
        }
        return q;
    }
}
