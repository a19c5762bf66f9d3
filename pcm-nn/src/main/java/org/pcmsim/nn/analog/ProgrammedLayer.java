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
import org.pcmsim.crossbar.ArrayShape;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.CrossbarProgrammer;
import org.pcmsim.crossbar.ProgrammedCrossbar;
import org.pcmsim.crossbar.TiledCrossbar;

/**
 * The PCM chip of one convolution or dense layer (docs/model.md §6): the one implementation behind both
 * {@link AnalogNetwork#convert the converter} and the stand-alone {@link AnalogWeightNoise analog
 * layers}. All physics is pcm-core's: {@link #program} clips the weights at k σ_W, quantises them with
 * the configuration's quantiser, and programs them with {@link CrossbarProgrammer} (slicing, G_P, ν,
 * drawn once), then reads once at t0 for the GDC reference c_ref of every tile; {@link #read} is one
 * read of {@link ProgrammedCrossbar#effectiveWeights} at a time t with fresh 1/f noise, each tile
 * scaled by its c_ref / c(t) (c = Σ_i |Σ_k W_ik| over the tile, its response to an all-ones
 * calibration input) and divided by the quantiser scale to give real weights again.
 *
 * <p>One orientation for users: every method that takes or returns weights ({@link #program},
 * {@link #read}, {@link #quantized}, {@link #holds}) uses the layer's own parameter shape, as DL4J
 * holds it — [nIn, nOut] for a dense layer, [out, in, kh, kw] for a convolution. Only the crossbar
 * itself ({@link #crossbar}) is laid out as rows = output channels × cols = fan-in (the kernel
 * flattened to [out, in·kh·kw], the dense weight transposed). Biases stay digital.
 *
 * <p>Tiling: the crossbar matrix is tiled over arrays of {@link #ARRAY} (the paper's 128 × 128), as
 * every matrix in pcm-core ({@link TiledCrossbar}): a 3 × 3 × 64 convolution has 576 inputs, five
 * tiles across. Each tile has its own drift calibration c_tile (per-tile GDC). A layer that fits one
 * array is programmed and read exactly as a single crossbar.
 *
 * <p>Random streams depend only on (seed, chip, layer index) for programming and on (seed, chip,
 * layer index, t, read index) for a read, so programming a layer alone or in a network, and reading
 * it on any thread, gives the same numbers. Programming is not thread-safe; {@link #read} only reads
 * the programmed state and may run on several threads at once while nobody programs.
 */
public final class ProgrammedLayer {
    /** The array size layers are tiled on: the paper's 128 × 128. */
    public static final ArrayShape ARRAY = ArrayShape.of(CrossbarConfig.paper());

    private final AnalogConfig config;
    private final CrossbarProgrammer programmer;
    private final int layerIndex;
    private final boolean dense;
    private final long[] paramShape;
    private final int rows;
    private final int cols;
    private TiledCrossbar crossbar;
    /** The weights last programmed: what {@link #holds} compares against. */
    private ProgrammedWeights weights;
    private int[] quantized;
    private double scale = Double.NaN;
    /** Per tile, the t0 calibration sum. */
    private double[] cRef;
    private long seed;
    private long chip = -1;
    private long programmings;
    /** The converters of the last programming, or null without converters. */
    private ConverterChip converterChip;

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

    /** @return the programmed tiles (crossbar layout, rows = outputs × cols = fan-in), or null before programming */
    public TiledCrossbar crossbar() {
        return crossbar;
    }

    /** @return integer levels per unit weight of the last programming */
    public double scale() {
        return scale;
    }

    /**
     * @return the clipped, quantised integer weights of the last programming, in the layer's parameter
     *     shape (as {@link #read}), integer levels (divide by {@link #scale} for real weights)
     */
    public INDArray quantized() {
        if (quantized == null) {
            throw new IllegalStateException("layer " + layerIndex + " has not been programmed");
        }
        float[] f = new float[quantized.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = quantized[i];
        }
        return fromMatrix(f, DataType.FLOAT);
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
        return crossbar != null && this.seed == seed && this.chip == chip && weights.sameAs(w, this);
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
            crossbar = TiledCrossbar.program(programmer, ARRAY, q, rows, cols,
                    AnalogStreams.programming(seed, chip, layerIndex));
        } else {
            crossbar.programInto(programmer, q, AnalogStreams.programming(seed, chip, layerIndex));
        }
        double[] read = new double[rows * cols];
        crossbar.effectiveWeights(config.device().t0(), AnalogStreams.calibration(seed, chip, layerIndex), read);
        weights = ProgrammedWeights.of(w, m);
        quantized = q;
        scale = s;
        cRef = calibration(read);
        converterChip = config.converters().enabled()
                ? ConverterChip.calibrate(crossbar, config, AnalogStreams.adcMismatch(seed, chip, layerIndex),
                        AnalogStreams.calibration(seed, chip, layerIndex),
                        AnalogStreams.converterCalibration(seed, chip, layerIndex))
                : null;
        this.seed = seed;
        this.chip = chip;
        programmings++;
    }

    /**
     * Per tile, c = Σ_i |Σ_k W_ik| over its rows and columns: each array's response to an all-ones
     * input, summed in magnitude.
     */
    private double[] calibration(double[] m) {
        double[] c = new double[crossbar.tileCount()];
        for (int a = 0; a < crossbar.tilesDown(); a++) {
            for (int b = 0; b < crossbar.tilesAcross(); b++) {
                double sum = 0;
                int from = crossbar.colOffset(b);
                int to = from + crossbar.tileCols(b);
                for (int i = crossbar.rowOffset(a), end = i + crossbar.tileRows(a); i < end; i++) {
                    double r = 0;
                    int base = i * cols;
                    for (int k = from; k < to; k++) {
                        r += m[base + k];
                    }
                    sum += Math.abs(r);
                }
                c[a * crossbar.tilesAcross() + b] = sum;
            }
        }
        return c;
    }

    /**
     * One forward pass through the tiles' converters (docs/model.md §9): the product of the weights
     * read at time t with fresh 1/f noise and a batch of input vectors, computed per tile and slice
     * with DAC, ADC and the periphery of the configuration.
     *
     * @param x input vectors, row-major n × {@link #cols()} (fan-in order: in · kh · kw for a
     *     convolution), real units
     * @param n number of vectors
     * @param t seconds after programming, ≥ 0
     * @param pass read index: reads with the same (t, pass) draw the same noise
     * @return y = W x, row-major n × {@link #rows()}, without the bias
     * @throws IllegalStateException before programming or without converters
     */
    public double[] forward(double[] x, int n, double t, long pass) {
        if (crossbar == null) {
            throw new IllegalStateException("layer " + layerIndex + " has not been programmed");
        }
        if (converterChip == null) {
            throw new IllegalStateException("layer " + layerIndex + " has no converters (LayerConverters.NONE)");
        }
        if (x.length < (long) n * cols) {
            throw new IllegalArgumentException("layer " + layerIndex + ": " + n + " input vectors of " + cols
                    + " need " + (long) n * cols + " values, got " + x.length);
        }
        return forward((from, count) -> Arrays.copyOfRange(x, from * cols, (from + count) * cols), n, t, pass);
    }

    /** As {@link #forward(double[], int, double, long)}, with the input vectors handed out in blocks. */
    double[] forward(ConverterChip.Inputs x, int n, double t, long pass) {
        if (converterChip == null) {
            throw new IllegalStateException("layer " + layerIndex + " has no converters (LayerConverters.NONE)");
        }
        return converterChip.forward(x, n, t, AnalogStreams.read(seed, chip, layerIndex, t, pass),
                AnalogStreams.converterRead(seed, chip, layerIndex, t, pass), scale);
    }

    /** @return [tile][slice] ADC gains of the last programming (LSB per µS × DAC level), or null without converters */
    public double[][] adcGains() {
        return converterChip == null ? null : converterChip.adcGains();
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
        float[] real = new float[rows * cols];
        readInto(t, pass, new double[rows * cols], real);
        return fromMatrix(real, type);
    }

    /**
     * {@link #read(double, long, DataType)} into a reader's own buffers: the same values, without
     * allocating arrays the size of the layer. A float result is the buffers' tensor, overwritten by
     * their next read.
     *
     * @param t seconds after programming, ≥ 0
     * @param pass read index
     * @param type data type of the result
     * @param buffers the reader's buffers (one reader, one thread)
     * @return the weights in the layer's parameter shape
     */
    INDArray read(double t, long pass, DataType type, ReadBuffers buffers) {
        float[] real = buffers.real(rows * cols);
        readInto(t, pass, buffers.effective(rows * cols), real);
        if (type != DataType.FLOAT) {
            return fromMatrix(real, type);
        }
        // The crossbar matrix, row-major [outputs, fan-in], is a convolution kernel [out, in, kh, kw]
        // in 'c' order and a dense weight [nIn, nOut] in 'f' order: the layouts fromMatrix returns.
        return buffers.weights(real, paramShape, dense ? 'f' : 'c');
    }

    /** One read at t into {@code read} (integer weight units), then GDC and the scale into {@code real}. */
    private void readInto(double t, long pass, double[] read, float[] real) {
        if (crossbar == null) {
            throw new IllegalStateException("layer " + layerIndex + " has not been programmed");
        }
        crossbar.effectiveWeights(t, AnalogStreams.read(seed, chip, layerIndex, t, pass), read);
        double[] c = config.driftCompensation() ? calibration(read) : null;
        for (int a = 0; a < crossbar.tilesDown(); a++) {
            for (int b = 0; b < crossbar.tilesAcross(); b++) {
                int tile = a * crossbar.tilesAcross() + b;
                double gdc = c != null && c[tile] > 0 ? cRef[tile] / c[tile] : 1.0;
                double f = gdc / scale;
                int from = crossbar.colOffset(b);
                int to = from + crossbar.tileCols(b);
                for (int i = crossbar.rowOffset(a), end = i + crossbar.tileRows(a); i < end; i++) {
                    for (int k = from; k < to; k++) {
                        real[i * cols + k] = (float) (read[i * cols + k] * f);
                    }
                }
            }
        }
    }
}
