package org.pcmsim.crossbar;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.slicing.SlicingScheme;

/**
 * A signed integer weight matrix (rows × cols, y = W·x) after slicing and programming onto PCM
 * devices: one device per weight per slice, holding the target G_T, the programmed conductance G_P
 * and the drift exponent ν, drawn once (MODEL.md §3, §2). Create one with
 * {@link CrossbarProgrammer}; read it with {@link CrossbarReader} (the MVM) or
 * {@link #effectiveWeights} (the weights it represents at a time t).
 *
 * <p>Slice arrays are row-major, index {@code i * cols + k}. Conductances are in µS.
 */
public final class ProgrammedCrossbar {
    private final SlicingScheme scheme;
    private final PcmDeviceModel model;
    private final int rows;
    private final int cols;
    final double[][] target;
    final double[][] programmed;
    final double[][] nu;
    final double[][] qs;
    /** Changes at every programming so that readers drop cached drift factors. */
    long generation;

    ProgrammedCrossbar(SlicingScheme scheme, PcmDeviceModel model, int rows, int cols) {
        this.scheme = scheme;
        this.model = model;
        this.rows = rows;
        this.cols = cols;
        int n = scheme.nSlices();
        int size = Math.multiplyExact(rows, cols);
        target = new double[n][size];
        programmed = new double[n][size];
        nu = new double[n][size];
        qs = new double[n][size];
    }

    /** @return the slicing scheme */
    public SlicingScheme scheme() {
        return scheme;
    }

    /** @return the device model */
    public PcmDeviceModel model() {
        return model;
    }

    /** @return output lines (rows of W) */
    public int rows() {
        return rows;
    }

    /** @return input lines (columns of W) */
    public int cols() {
        return cols;
    }

    /** @return n_W */
    public int nSlices() {
        return scheme.nSlices();
    }

    /**
     * @param slice j
     * @return target conductances of slice j, µS, rows × cols
     */
    public INDArray targets(int slice) {
        return matrix(target[slice]);
    }

    /**
     * @param slice j
     * @return programmed conductances G_P of slice j, µS, rows × cols
     */
    public INDArray programmed(int slice) {
        return matrix(programmed[slice]);
    }

    /**
     * @param slice j
     * @return drift exponents ν of slice j, rows × cols
     */
    public INDArray driftExponents(int slice) {
        return matrix(nu[slice]);
    }

    /**
     * The weights the crossbar holds at time t, read with fresh 1/f noise on every device:
     * W_eff = sign · Σ_j b^j · G_j,read(t) · r / G_max, in integer weight units (comparable to the
     * programmed integers). This is what an analog DNN layer multiplies by.
     *
     * @param t seconds after programming
     * @param rng the generator of this read
     * @param out receives rows × cols values, row-major
     */
    public void effectiveWeights(double t, UniformRandomProvider rng, double[] out) {
        double f = model.readNoiseTimeFactor(t);
        NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(Objects.requireNonNull(rng, "rng"));
        double unit = scheme.range() / model.gMax();
        java.util.Arrays.fill(out, 0, rows * cols, 0.0);
        double logT = t > model.t0() ? Math.log(t / model.t0()) : 0.0;
        for (int j = nSlices() - 1; j >= 0; j--) {
            double w = scheme.significance(j) * unit;
            double[] gp = programmed[j];
            double[] v = nu[j];
            double[] q = qs[j];
            for (int i = 0; i < gp.length; i++) {
                double g = gp[i];
                if (g != 0.0) {
                    if (logT != 0.0) {
                        g *= Math.exp(-v[i] * logT);
                    }
                    out[i] += w * (g + g * q[i] * f * normal.sample());
                }
            }
        }
    }

    /**
     * ND4J form of {@link #effectiveWeights(double, UniformRandomProvider, double[])}.
     *
     * @param t seconds after programming
     * @param rng the generator of this read
     * @return rows × cols effective weights, integer weight units
     */
    public INDArray effectiveWeights(double t, UniformRandomProvider rng) {
        double[] out = new double[rows * cols];
        effectiveWeights(t, rng, out);
        return matrix(out);
    }

    private INDArray matrix(double[] data) {
        return Nd4j.create(data.clone(), new long[] {rows, cols}, 'c');
    }
}
