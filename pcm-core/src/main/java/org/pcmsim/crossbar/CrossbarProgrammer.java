package org.pcmsim.crossbar;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.pcmsim.device.DeviceProgrammer;
import org.pcmsim.device.DriftLaw;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ProgrammedDevices;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.Slicer;
import org.pcmsim.slicing.SlicingScheme;

/**
 * Slices integer weights and programs the slices onto PCM devices ("programming a chip").
 *
 * <p>Weights are visited in row-major order and, for each weight, slices from the most significant
 * down; each programmed device draws its programming noise, then its drift-exponent noise
 * ({@link DeviceProgrammer}). With {@link SlicingAlgorithm#MAX_FILL_EC} each slice is programmed
 * before the next is computed, and the actual programmed value (G_P · r / G_max, with the weight's
 * sign) is subtracted from the remainder.
 *
 * <p>Without error correction every slice value depends only on |W|, so the slices and the device
 * laws are tabulated once per integer magnitude. An instance is not thread-safe; it is cheap to
 * reuse across trials.
 */
public final class CrossbarProgrammer {
    private final SlicingScheme scheme;
    private final PcmDeviceModel model;
    private final Slicer slicer;
    private final int n;
    /** Conductance per slice unit, G_max / r (µS). */
    private final double unit;
    /** Per (|W|, j): slice target magnitude (µS), σ_P, μ_ν, σ_ν; null for error correction. */
    private final double[] levelTarget;
    private final double[] levelSigmaP;
    private final double[] levelMuNu;
    private final double[] levelSigmaNu;
    private final double[] sliceBuffer;

    /**
     * @param scheme the slicing scheme
     * @param model the device model
     */
    public CrossbarProgrammer(SlicingScheme scheme, PcmDeviceModel model) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.model = Objects.requireNonNull(model, "model");
        this.slicer = new Slicer(scheme);
        this.n = scheme.nSlices();
        this.unit = model.gMax() / scheme.range();
        this.sliceBuffer = new double[n];
        if (scheme.algorithm() == SlicingAlgorithm.MAX_FILL_EC) {
            levelTarget = levelSigmaP = levelMuNu = levelSigmaNu = null;
        } else {
            int levels = scheme.maxMagnitude() + 1;
            levelTarget = new double[levels * n];
            levelSigmaP = new double[levels * n];
            levelMuNu = new double[levels * n];
            levelSigmaNu = new double[levels * n];
            double invGMax = 1.0 / model.gMax();
            DriftLaw drift = model.drift();
            for (int m = 0; m < levels; m++) {
                slicer.slice(m, sliceBuffer);
                for (int j = 0; j < n; j++) {
                    double t = sliceBuffer[j] * unit;
                    double g = Math.abs(t) * invGMax;
                    int at = m * n + j;
                    levelTarget[at] = t;
                    levelSigmaP[at] = model.programming().sigma(g);
                    levelMuNu[at] = drift.mean(g);
                    levelSigmaNu[at] = drift.sigma(g);
                }
            }
        }
    }

    /** @return the slicing scheme */
    public SlicingScheme scheme() {
        return scheme;
    }

    /** @return the device model */
    public PcmDeviceModel model() {
        return model;
    }

    /**
     * Programs a weight matrix.
     *
     * @param weights signed integers, |W| ≤ 2^bits − 1, row-major rows × cols
     * @param rows output lines
     * @param cols input lines
     * @param rng the generator of this programming event
     * @return the programmed crossbar
     */
    public ProgrammedCrossbar program(int[] weights, int rows, int cols, UniformRandomProvider rng) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows and cols must be >= 1, got " + rows + " x " + cols);
        }
        ProgrammedCrossbar pc = new ProgrammedCrossbar(scheme, model, rows, cols);
        programInto(pc, weights, rng);
        return pc;
    }

    /**
     * Programs a weight matrix given as an ND4J array of integer-valued numbers.
     *
     * @param weights rows × cols matrix of integers, |W| ≤ 2^bits − 1
     * @param rng the generator of this programming event
     * @return the programmed crossbar
     */
    public ProgrammedCrossbar program(INDArray weights, UniformRandomProvider rng) {
        if (weights.rank() != 2) {
            throw new IllegalArgumentException("weights must be a matrix, got shape "
                    + java.util.Arrays.toString(weights.shape()));
        }
        double[] d = weights.dup('c').data().asDouble();
        int[] w = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            if (d[i] != Math.rint(d[i])) {
                throw new IllegalArgumentException("weight " + i + " must be an integer, got " + d[i]);
            }
            w[i] = (int) d[i];
        }
        return program(w, (int) weights.rows(), (int) weights.columns(), rng);
    }

    /**
     * Programs a weight matrix into an existing crossbar of the same scheme and shape, reusing its
     * buffers.
     *
     * @param pc a crossbar made by this programmer (or one of the same scheme and model)
     * @param weights signed integers, row-major
     * @param rng the generator of this programming event
     */
    public void programInto(ProgrammedCrossbar pc, int[] weights, UniformRandomProvider rng) {
        if (!pc.scheme().equals(scheme) || !pc.model().equals(model)) {
            throw new IllegalArgumentException("crossbar was made for " + pc.scheme() + ", not " + scheme);
        }
        int size = pc.rows() * pc.cols();
        if (weights.length != size) {
            throw new IllegalArgumentException("expected " + size + " weights, got " + weights.length);
        }
        int max = scheme.maxMagnitude();
        DeviceProgrammer device = new DeviceProgrammer(model, rng);
        if (levelTarget != null) {
            for (int i = 0; i < size; i++) {
                int w = weights[i];
                int m = Math.abs(w);
                if (m > max) {
                    throw new IllegalArgumentException("weight " + i + " must be in -" + max + ".." + max + ", got " + w);
                }
                for (int j = n - 1; j >= 0; j--) {
                    int at = m * n + j;
                    double t = w < 0 ? -levelTarget[at] : levelTarget[at];
                    pc.target[j][i] = t;
                    if (t == 0.0) {
                        pc.programmed[j][i] = 0.0;
                        pc.nu[j][i] = 0.0;
                    } else {
                        pc.programmed[j][i] = device.program(t, levelSigmaP[at], levelMuNu[at], levelSigmaNu[at],
                                pc.nu[j], i);
                    }
                }
            }
        } else {
            ErrorCorrectingProgrammer ec = new ErrorCorrectingProgrammer(pc, device);
            for (int i = 0; i < size; i++) {
                int w = weights[i];
                int m = Math.abs(w);
                if (m > max) {
                    throw new IllegalArgumentException("weight " + i + " must be in -" + max + ".." + max + ", got " + w);
                }
                ec.index = i;
                ec.negative = w < 0;
                slicer.slice(m, sliceBuffer, ec);
            }
        }
        for (int j = 0; j < n; j++) {
            double[] q = ProgrammedDevices.readNoiseAmplitudes(model, pc.target[j]);
            System.arraycopy(q, 0, pc.qs[j], 0, q.length);
        }
        pc.generation++;
    }

    /** Programs each slice of one weight as the slicer asks and reports the value reached. */
    private final class ErrorCorrectingProgrammer implements Slicer.SliceProgrammer {
        private final ProgrammedCrossbar pc;
        private final DeviceProgrammer device;
        int index;
        boolean negative;

        ErrorCorrectingProgrammer(ProgrammedCrossbar pc, DeviceProgrammer device) {
            this.pc = pc;
            this.device = device;
        }

        @Override
        public double program(int slice, double value) {
            double t = value * unit;
            if (negative) {
                t = -t;
            }
            pc.target[slice][index] = t;
            double gp = device.program(t, pc.nu[slice], index);
            pc.programmed[slice][index] = gp;
            double reached = gp / unit;
            return negative ? -reached : reached;
        }
    }
}
