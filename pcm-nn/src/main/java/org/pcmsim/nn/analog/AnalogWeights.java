package org.pcmsim.nn.analog;

import org.apache.commons.rng.UniformRandomProvider;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.pcmsim.crossbar.CrossbarProgrammer;
import org.pcmsim.crossbar.ProgrammedCrossbar;

/**
 * The analog weights of one convolution or dense layer, attached to the layer as a DL4J
 * weight-noise hook: DL4J asks it for the weight tensor on every forward pass, and it answers with
 * what the programmed PCM crossbar holds at the owning {@link AnalogNetwork}'s drift time.
 *
 * <p>The crossbar is rows = output channels × cols = fan-in (a convolution kernel
 * [out, in, kh, kw] is flattened to [out, in·kh·kw]; a dense [nIn, nOut] weight is transposed).
 * Programming (clip, quantise, slice, program, draw ν) happens in {@link #program}; each
 * {@link #getParameter} call is one read with fresh 1/f noise, scaled back to real weight units by
 * the quantiser scale and, with GDC, by c_ref / c(t) where c = Σ_i |Σ_k W_ik| is the response of
 * the crossbar to an all-ones calibration input and c_ref was measured at t0 just after programming.
 * Biases stay digital.
 *
 * <p>Not serialisable in any meaningful way: an analog network is a simulation object, never saved.
 */
public final class AnalogWeights implements IWeightNoise {
    private static final long serialVersionUID = 1L;

    private final transient AnalogNetwork owner;
    private final transient CrossbarProgrammer programmer;
    private final long[] paramShape;
    private final boolean dense;
    private final int rows;
    private final int cols;
    private transient ProgrammedCrossbar crossbar;
    private double scale = Double.NaN;
    private double cRef = Double.NaN;
    private final double[] read;
    private final float[] real;
    private int[] quantized;

    AnalogWeights(AnalogNetwork owner, CrossbarProgrammer programmer, long[] paramShape, boolean dense) {
        this.owner = owner;
        this.programmer = programmer;
        this.paramShape = paramShape.clone();
        this.dense = dense;
        if (dense) {
            rows = (int) paramShape[1];
            cols = (int) paramShape[0];
        } else {
            rows = (int) paramShape[0];
            cols = (int) (java.util.Arrays.stream(paramShape).reduce(1, (a, b) -> a * b) / rows);
        }
        read = new double[rows * cols];
        real = new float[rows * cols];
    }

    /** @return output lines of the crossbar */
    public int rows() {
        return rows;
    }

    /** @return input lines of the crossbar */
    public int cols() {
        return cols;
    }

    /** @return the programmed crossbar, or null before programming */
    public ProgrammedCrossbar crossbar() {
        return crossbar;
    }

    /** @return integer levels per unit weight of the last programming */
    public double scale() {
        return scale;
    }

    /** @return the clipped, quantised integer weights of the last programming (rows × cols, row-major) */
    public int[] quantized() {
        return quantized.clone();
    }

    /**
     * The weights as a crossbar matrix (rows = outputs), row-major.
     *
     * @param w the layer's weight parameter
     * @return rows × cols values
     */
    double[] toMatrix(INDArray w) {
        INDArray m = dense ? w.transpose() : w;
        return m.dup('c').data().asDouble();
    }

    /** Converts a row-major crossbar matrix back to the parameter's shape. */
    INDArray fromMatrix(float[] m, INDArray like) {
        INDArray a = Nd4j.create(m, new long[] {rows, cols}, 'c');
        a = dense ? a.transpose().dup('f') : a.reshape('c', paramShape);
        return a.castTo(like.dataType());
    }

    /** Programs this layer's chip: clip at k σ_W, quantise, slice, program, draw ν; then measures c_ref at t0. */
    void program(INDArray w, UniformRandomProvider programming, UniformRandomProvider readRng) {
        double[] m = toMatrix(w);
        quantized = new int[m.length];
        scale = owner.config().quantizer().scale(std(m));
        owner.config().quantizer().quantize(m, scale, quantized);
        if (crossbar == null) {
            crossbar = programmer.program(quantized, rows, cols, programming);
        } else {
            programmer.programInto(crossbar, quantized, programming);
        }
        crossbar.effectiveWeights(programmer.model().t0(), readRng, read);
        cRef = calibration(read);
    }

    private static double std(double[] v) {
        double sd = AnalogNetwork.stdOf(v);
        if (!(sd > 0)) {
            throw new IllegalStateException("a weight tensor with zero spread (σ_W = " + sd + ") cannot be quantised");
        }
        return sd;
    }

    /** c = Σ_i |Σ_k W_ik|: the crossbar's response to an all-ones input, summed in magnitude. */
    private double calibration(double[] m) {
        double c = 0;
        for (int i = 0; i < rows; i++) {
            double r = 0;
            int base = i * cols;
            for (int k = 0; k < cols; k++) {
                r += m[base + k];
            }
            c += Math.abs(r);
        }
        return c;
    }

    /** One read at time t with fresh read noise: real-valued weights in crossbar layout. */
    float[] readReal(double t, UniformRandomProvider rng) {
        crossbar.effectiveWeights(t, rng, read);
        double gdc = 1.0;
        if (owner.config().driftCompensation()) {
            double c = calibration(read);
            gdc = c > 0 ? cRef / c : 1.0;
        }
        double f = gdc / scale;
        for (int i = 0; i < read.length; i++) {
            real[i] = (float) (read[i] * f);
        }
        return real;
    }

    @Override
    public INDArray getParameter(Layer layer, String paramKey, int iteration, int epoch, boolean train,
                                 LayerWorkspaceMgr workspaceMgr) {
        INDArray p = layer.getParam(paramKey);
        if (!"W".equals(paramKey)) {
            return p;
        }
        if (crossbar == null) {
            throw new IllegalStateException("analog layer " + layer.conf().getLayer().getLayerName()
                    + " has not been programmed: call AnalogNetwork.program(seed, chip) first");
        }
        return fromMatrix(readReal(owner.driftTime(), owner.readRng()), p);
    }

    /** Shares this object: the programming state belongs to one chip and must not be duplicated. */
    @Override
    public IWeightNoise clone() {
        return this;
    }
}
