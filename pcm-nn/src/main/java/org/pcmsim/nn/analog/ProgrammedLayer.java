package org.pcmsim.nn.analog;

import java.util.Arrays;
import java.util.Objects;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.pcmsim.crossbar.CrossbarProgrammer;
import org.pcmsim.crossbar.ProgrammedCrossbar;

/**
 * The PCM chip of one convolution or dense layer (MODEL.md §6): the one implementation behind both
 * {@link AnalogNetwork#convert the converter} and the stand-alone {@link AnalogWeightNoise analog
 * layers}. All physics is pcm-core's: {@link #program} clips the weights at k σ_W, quantises them with
 * the configuration's quantiser, and programs them with {@link CrossbarProgrammer} (slicing, G_P, ν,
 * drawn once), then reads once at t0 for the GDC reference c_ref; {@link #read} is one read of
 * {@link ProgrammedCrossbar#effectiveWeights} at a time t with fresh 1/f noise, scaled by
 * c_ref / c(t) (c = Σ_i |Σ_k W_ik|, the crossbar's response to an all-ones calibration input) and
 * divided by the quantiser scale to give real weights again.
 *
 * <p>The crossbar is rows = output channels × cols = fan-in: a kernel [out, in, kh, kw] is
 * flattened to [out, in·kh·kw]; a dense [nIn, nOut] weight is transposed. Biases stay digital.
 *
 * <p>Random streams depend only on (seed, chip, layer index) for programming and on (seed, chip,
 * layer index, t, read index) for a read, so programming a layer alone or in a network, and reading
 * it on any thread, gives the same numbers. Programming is not thread-safe; {@link #read} only reads
 * the programmed state and may run on several threads at once while nobody programs.
 */
public final class ProgrammedLayer {
    private final AnalogConfig config;
    private final CrossbarProgrammer programmer;
    private final int layerIndex;
    private final boolean dense;
    private final long[] paramShape;
    private final int rows;
    private final int cols;
    private ProgrammedCrossbar crossbar;
    /** The weights last programmed, crossbar layout: what {@link #holds} compares against. */
    private double[] weights;
    private int[] quantized;
    private double scale = Double.NaN;
    private double cRef = Double.NaN;
    private long seed;
    private long chip = -1;
    private long programmings;

    /**
     * An unprogrammed chip for one layer.
     *
     * @param layer the layer's configuration: a standard {@link ConvolutionLayer}, {@link DenseLayer}
     *     or {@link OutputLayer}
     * @param layerIndex the layer's index in its network ({@code Layer.getIndex()}), ≥ 0; selects its
     *     random streams
     * @param weightShape shape of the layer's "W" parameter
     * @param config the deployment
     * @throws IllegalArgumentException naming the layer if its type or weight shape is not supported
     */
    public ProgrammedLayer(Layer layer, int layerIndex, long[] weightShape, AnalogConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        if (!isAnalog(layer)) {
            throw new IllegalArgumentException("layer " + layer.getLayerName() + " is a "
                    + layer.getClass().getSimpleName() + "; only ConvolutionLayer, DenseLayer and OutputLayer "
                    + "(not subclasses such as depthwise or deconvolution) can be analog");
        }
        if (layerIndex < 0) {
            throw new IllegalArgumentException("layerIndex must be >= 0, got " + layerIndex);
        }
        this.layerIndex = layerIndex;
        this.dense = !(layer instanceof ConvolutionLayer);
        if (dense ? weightShape.length != 2 : weightShape.length != 4) {
            throw new IllegalArgumentException("layer " + layer.getLayerName() + " has an unexpected weight shape "
                    + Arrays.toString(weightShape));
        }
        this.paramShape = weightShape.clone();
        if (dense) {
            rows = Math.toIntExact(weightShape[1]);
            cols = Math.toIntExact(weightShape[0]);
        } else {
            rows = Math.toIntExact(weightShape[0]);
            cols = Math.toIntExact(weightShape[1] * weightShape[2] * weightShape[3]);
        }
        this.programmer = new CrossbarProgrammer(config.scheme(), config.device());
    }

    /**
     * @param conf a layer configuration
     * @return whether it can be analog: standard 2-D convolutions (not subclasses such as depthwise or
     *     deconvolution), dense and output layers
     */
    public static boolean isAnalog(Layer conf) {
        return conf.getClass() == ConvolutionLayer.class || conf.getClass() == DenseLayer.class
                || conf.getClass() == OutputLayer.class;
    }

    /** @return the deployment */
    public AnalogConfig config() {
        return config;
    }

    /** @return the layer index that selects the random streams */
    public int layerIndex() {
        return layerIndex;
    }

    /** @return output lines of the crossbar */
    public int rows() {
        return rows;
    }

    /** @return input lines of the crossbar */
    public int cols() {
        return cols;
    }

    /** @return whether {@link #program} has run */
    public boolean programmed() {
        return crossbar != null;
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
        if (quantized == null) {
            throw new IllegalStateException("layer " + layerIndex + " has not been programmed");
        }
        return quantized.clone();
    }

    /** @return the root seed of the last programming */
    public long seed() {
        return seed;
    }

    /** @return the chip index of the last programming, −1 before the first */
    public long chip() {
        return chip;
    }

    /** @return how many times this layer has been programmed */
    public long programmings() {
        return programmings;
    }

    /**
     * The weights as a crossbar matrix (rows = outputs), row-major.
     *
     * @param w the layer's weight parameter
     * @return rows × cols values
     */
    double[] toMatrix(INDArray w) {
        if (!Arrays.equals(w.shape(), paramShape)) {
            throw new IllegalArgumentException("layer " + layerIndex + ": weight shape " + Arrays.toString(w.shape())
                    + " differs from " + Arrays.toString(paramShape));
        }
        INDArray m = dense ? w.transpose() : w;
        return m.dup('c').data().asDouble();
    }

    /** Converts a row-major crossbar matrix back to the parameter's shape and type. */
    INDArray fromMatrix(float[] m, DataType type) {
        INDArray a = Nd4j.create(m, new long[] {rows, cols}, 'c');
        a = dense ? a.transpose().dup('f') : a.reshape('c', paramShape);
        return a.castTo(type);
    }

    /**
     * @param w the layer's current weights
     * @param seed a root seed
     * @param chip a chip index
     * @return whether this layer holds exactly these weights programmed as chip (seed, chip)
     */
    public boolean holds(INDArray w, long seed, long chip) {
        return crossbar != null && this.seed == seed && this.chip == chip && Arrays.equals(weights, toMatrix(w));
    }

    /**
     * Programs chip (seed, chip) of this layer: clip at k σ_W, quantise, slice, program, draw ν; then
     * measures c_ref at t0. Reuses the crossbar's buffers from an earlier programming.
     *
     * @param w the layer's weights
     * @param seed root seed
     * @param chip chip index, ≥ 0
     */
    public void program(INDArray w, long seed, long chip) {
        double[] m = toMatrix(w);
        double sd = AnalogNetwork.stdOf(m);
        if (!(sd > 0)) {
            throw new IllegalStateException("layer " + layerIndex + ": a weight tensor with zero spread (σ_W = " + sd
                    + ") cannot be quantised");
        }
        int[] q = new int[m.length];
        double s = config.quantizer().scale(sd);
        config.quantizer().quantize(m, s, q);
        if (crossbar == null) {
            crossbar = programmer.program(q, rows, cols, AnalogStreams.programming(seed, chip, layerIndex));
        } else {
            programmer.programInto(crossbar, q, AnalogStreams.programming(seed, chip, layerIndex));
        }
        double[] read = new double[rows * cols];
        crossbar.effectiveWeights(config.device().t0(), AnalogStreams.calibration(seed, chip, layerIndex), read);
        weights = m;
        quantized = q;
        scale = s;
        cRef = calibration(read);
        this.seed = seed;
        this.chip = chip;
        programmings++;
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

    /**
     * One read with fresh 1/f noise: the real-valued weights the chip holds at time t.
     *
     * @param t seconds after programming, ≥ 0
     * @param pass read index: reads with the same (t, pass) draw the same noise
     * @param type data type of the result
     * @return the weights in the layer's parameter shape
     */
    public INDArray read(double t, long pass, DataType type) {
        if (crossbar == null) {
            throw new IllegalStateException("layer " + layerIndex + " has not been programmed");
        }
        double[] read = new double[rows * cols];
        crossbar.effectiveWeights(t, AnalogStreams.read(seed, chip, layerIndex, t, pass), read);
        double gdc = 1.0;
        if (config.driftCompensation()) {
            double c = calibration(read);
            gdc = c > 0 ? cRef / c : 1.0;
        }
        double f = gdc / scale;
        float[] real = new float[read.length];
        for (int i = 0; i < read.length; i++) {
            real[i] = (float) (read[i] * f);
        }
        return fromMatrix(real, type);
    }
}
