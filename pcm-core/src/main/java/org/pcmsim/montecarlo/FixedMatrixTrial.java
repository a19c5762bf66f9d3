package org.pcmsim.montecarlo;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.crossbar.ChipPeriphery;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.CrossbarProgrammer;
import org.pcmsim.crossbar.TiledCrossbar;
import org.pcmsim.crossbar.TiledReader;
import org.pcmsim.random.PeripheryStreams;
import org.pcmsim.random.TrialStream;
import org.pcmsim.random.TrialStreams;
import org.pcmsim.slicing.IntegerQuantizer;
import org.pcmsim.slicing.TernaryQuantizer;
import org.pcmsim.weights.WeightMatrix;

/**
 * One Monte Carlo trial of an analog MVM of a fixed user matrix for one configuration: the
 * weights are quantised once (at the configuration's k·σ clip, σ their RMS); every trial draws
 * standard normal inputs from its data stream, programs the tiles from its programming stream and
 * reads them at every time from its read stream, η = ‖ŷ − y_ref‖₂ / ‖y_ref‖₂ against the exact
 * product of the quantised weights and inputs (or of the real ones, {@link ErrorReference#FLOAT}), drift compensation referenced to the first read
 * (docs/model.md §4, with tiling). The streams are those of {@link TrialStreams}, so a trial depends on
 * (seed, trial) alone and configurations share inputs and programming normals.
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class FixedMatrixTrial {
    private final MvmTrialConfig config;
    private final int rows;
    private final int cols;
    private final int[] w;
    /** The real weights over their RMS (the units of the quantised ones), for the float reference. */
    private final double[] wUnit;
    private final CrossbarProgrammer programmer;
    private final TiledCrossbar crossbar;
    private final TiledReader reader;
    private final IntegerQuantizer inputs;
    private final double[] xReal;
    private final int[] x;
    private final double[] yRef;
    private final double[] y;
    private final List<double[]> normals = new ArrayList<>();
    private NormalizedGaussianSampler programmingStream;
    private int normalsDrawn;
    private TiledReader.Readout readout;

    FixedMatrixTrial(MvmTrialConfig config, FixedMatrix matrix) {
        this.config = config;
        CrossbarConfig cb = config.crossbar();
        WeightMatrix m = matrix.weights();
        this.rows = m.rows();
        this.cols = m.cols();
        this.w = switch (config.weights()) {
            case INT9 -> m.quantize(new IntegerQuantizer(cb.weightBits(), cb.weightClipSigmas()));
            case TERNARY -> ternary(m, cb);
        };
        this.wUnit = m.toArray();
        double sigma = m.rms();
        for (int i = 0; i < wUnit.length; i++) {
            wUnit[i] = sigma > 0 ? wUnit[i] / sigma : 0.0;
        }
        this.programmer = new CrossbarProgrammer(config.slicing(), config.device());
        this.crossbar = TiledCrossbar.allocate(programmer, matrix.array(), rows, cols);
        this.reader = new TiledReader(cb, matrix.array(), config.sampling(), matrix.driftScope());
        this.inputs = new IntegerQuantizer(cb.inputBits(), cb.inputClipSigmas());
        this.xReal = new double[cols];
        this.x = new int[cols];
        this.yRef = new double[rows];
        this.y = new double[rows];
    }

    private static int[] ternary(WeightMatrix m, CrossbarConfig cb) {
        double[] v = m.toArray();
        double sigma = m.rms();
        int[] out = new int[v.length];
        if (sigma > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= sigma;
            }
            TernaryQuantizer.BITNET.quantize(v, cb.weightScale(), cb.weightMax(), out);
        }
        return out;
    }

    /**
     * @param seed root seed
     * @param trial trial index
     * @param times read times, s
     * @param eta receives η per time
     */
    void run(long seed, long trial, double[] times, double[] eta) {
        CrossbarConfig cb = config.crossbar();
        NormalizedGaussianSampler data =
                ZigguratSampler.NormalizedGaussian.of(TrialStreams.stream(seed, trial, TrialStream.DATA));
        for (int k = 0; k < cols; k++) {
            xReal[k] = data.sample();
        }
        inputs.quantize(xReal, cb.inputScale(), x);
        double refScale = 1.0 / (cb.inputScale() * cb.weightScale());
        double norm = 0;
        boolean exactFloat = config.reference() == ErrorReference.FLOAT;
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            if (exactFloat) {
                double acc = 0;
                for (int k = 0; k < cols; k++) {
                    acc += wUnit[base + k] * xReal[k];
                }
                yRef[i] = acc;
            } else {
                long acc = 0;
                for (int k = 0; k < cols; k++) {
                    acc += (long) w[base + k] * x[k];
                }
                yRef[i] = acc * refScale;
            }
            norm += yRef[i] * yRef[i];
        }
        double refNorm = Math.sqrt(norm);
        programmingStream = ZigguratSampler.NormalizedGaussian.of(
                TrialStreams.stream(seed, trial, TrialStream.PROGRAMMING));
        normalsDrawn = 0;
        crossbar.programInto(programmer, w, this::programmingNormals);
        if (readout == null) {
            readout = reader.newReadout(crossbar, times.length);
        }
        NormalizedGaussianSampler read =
                ZigguratSampler.NormalizedGaussian.of(TrialStreams.stream(seed, trial, TrialStream.READ));
        ChipPeriphery chip = null;
        if (!config.periphery().isIdeal()) {
            PeripheryStreams streams = TrialStreams.periphery(seed, trial);
            chip = ChipPeriphery.draw(config.periphery(), crossbar.tileCount(), config.slicing().nSlices(),
                    crossbar.array().rows(), streams.chip(), streams.conversions());
        }
        reader.read(crossbar, times, x, read, chip, readout);
        double[] reference = readout.calibration(0);
        double toReal = reader.outputScale(crossbar) / (cb.inputScale() * cb.weightScale());
        for (int t = 0; t < times.length; t++) {
            reader.combine(readout, t, reference, y);
            double err = 0;
            for (int i = 0; i < rows; i++) {
                double d = y[i] * toReal - yRef[i];
                err += d * d;
            }
            eta[t] = refNorm > 0 ? Math.sqrt(err) / refNorm : Double.NaN;
        }
    }

    /** Slice j's normals over the whole matrix, drawn in slice order 0, 1, … as the engine's own trials. */
    private double[] programmingNormals(int slice) {
        while (normalsDrawn <= slice) {
            if (normals.size() == normalsDrawn) {
                normals.add(new double[2 * rows * cols]);
            }
            double[] xi = normals.get(normalsDrawn);
            for (int i = 0; i < xi.length; i++) {
                xi[i] = programmingStream.sample();
            }
            normalsDrawn++;
        }
        return normals.get(slice);
    }
}
