package org.pcmsim.nn.analog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.pcmsim.crossbar.CrossbarProgrammer;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.montecarlo.TrialStreams;
import org.pcmsim.nn.model.Networks;

/**
 * A trained DL4J network deployed on simulated PCM chips (MODEL.md §6). {@link #convert} copies
 * the network (the original is left untouched) and attaches an {@link AnalogWeights} hook to every
 * standard convolution, dense and output layer; everything else (batch norm, biases, pooling,
 * activations) stays digital.
 *
 * <p>Life cycle: {@link #program(long, long)} "programs a chip" — every analog layer is clipped,
 * quantised, sliced and programmed, and its drift exponents drawn, once; the chip's read stream is
 * reset. {@link #setDriftTime(double)} moves the chip in time (seconds after programming, ≥ t0 is
 * the physical range); every {@link #output(INDArray)} then reads all devices at that time with
 * fresh 1/f noise. Programming state survives any number of forward passes and time changes
 * until the next {@code program} call.
 *
 * <p>Random streams: chip k of seed s programs with {@code TrialStreams.stream(s, k, PROGRAMMING)}
 * and reads with {@code TrialStreams.stream(s, k, READ)}, so any chip replays alone. Not
 * thread-safe: use one instance per thread.
 */
public final class AnalogNetwork {
    private final Model network;
    private final AnalogConfig config;
    private final List<AnalogWeights> analogLayers = new ArrayList<>();
    private final List<Layer> layers = new ArrayList<>();
    private double driftTime;
    private UniformRandomProvider readRng;
    private boolean programmed;

    private AnalogNetwork(Model network, AnalogConfig config) {
        this.network = network;
        this.config = config;
        this.driftTime = config.device().t0();
    }

    /**
     * Copies a trained network and makes its convolution and dense layers analog (not yet
     * programmed).
     *
     * @param trained a {@code ComputationGraph} or {@code MultiLayerNetwork}; not modified
     * @param config the deployment
     * @return the analog copy
     */
    public static AnalogNetwork convert(Model trained, AnalogConfig config) {
        Objects.requireNonNull(trained, "trained");
        Objects.requireNonNull(config, "config");
        AnalogNetwork a = new AnalogNetwork(Networks.copy(trained), config);
        CrossbarProgrammer programmer = new CrossbarProgrammer(config.scheme(), config.device());
        for (Layer l : Networks.layers(a.network)) {
            org.deeplearning4j.nn.conf.layers.Layer conf = l.conf().getLayer();
            if (!isAnalog(conf)) {
                continue;
            }
            INDArray w = l.getParam("W");
            boolean dense = !(conf instanceof ConvolutionLayer);
            if (dense ? w.rank() != 2 : w.rank() != 4) {
                throw new IllegalArgumentException("layer " + conf.getLayerName() + " has an unexpected weight shape "
                        + java.util.Arrays.toString(w.shape()));
            }
            AnalogWeights aw = new AnalogWeights(a, programmer, w.shape(), dense);
            // Set on the instantiated layer's own configuration object: that is what its forward pass reads.
            ((BaseLayer) conf).setWeightNoise(aw);
            a.analogLayers.add(aw);
            a.layers.add(l);
        }
        if (a.analogLayers.isEmpty()) {
            throw new IllegalArgumentException("the network has no convolution or dense layer to make analog");
        }
        return a;
    }

    /**
     * @param conf a layer configuration
     * @return whether {@link #convert} makes it analog: standard 2-D convolutions (not subclasses
     *     such as depthwise or deconvolution), dense and output layers
     */
    public static boolean isAnalog(org.deeplearning4j.nn.conf.layers.Layer conf) {
        return conf.getClass() == ConvolutionLayer.class || conf.getClass() == DenseLayer.class
                || conf.getClass() == OutputLayer.class;
    }

    /**
     * Programs chip {@code chip} of seed {@code seed}: all analog layers in execution order, then
     * one calibration read per layer at t0 for GDC. Resets the drift time to t0.
     *
     * @param seed root seed
     * @param chip chip index, ≥ 0
     */
    public void program(long seed, long chip) {
        UniformRandomProvider prog = TrialStreams.stream(seed, chip, TrialStreams.PROGRAMMING);
        readRng = TrialStreams.stream(seed, chip, TrialStreams.READ);
        for (int i = 0; i < analogLayers.size(); i++) {
            analogLayers.get(i).program(layers.get(i).getParam("W"), prog, readRng);
        }
        driftTime = config.device().t0();
        programmed = true;
    }

    /**
     * @param seconds time since programming, s, &gt; 0; later forward passes read at this time
     */
    public void setDriftTime(double seconds) {
        PcmDeviceModel.checkTime(seconds);
        driftTime = seconds;
    }

    /** @return the current drift time, s */
    public double driftTime() {
        return driftTime;
    }

    UniformRandomProvider readRng() {
        return readRng;
    }

    /** @return the deployment */
    public AnalogConfig config() {
        return config;
    }

    /** @return the analog copy of the network (its conv/dense layers read the chip) */
    public Model network() {
        return network;
    }

    /** @return the analog layers, in execution order */
    public List<AnalogWeights> analogLayers() {
        return Collections.unmodifiableList(analogLayers);
    }

    /**
     * One inference pass: reads every analog layer at the drift time with fresh read noise.
     *
     * @param features input batch
     * @return network output
     */
    public INDArray output(INDArray features) {
        if (!programmed) {
            throw new IllegalStateException("program(seed, chip) must be called before inference");
        }
        return Networks.output(network, features);
    }

    /**
     * The digital twin of a deployment without device noise: a copy of {@code trained} whose
     * convolution and dense weights are replaced by their clipped, quantised values
     * (rint(clip(W, ±k σ_W) · scale) / scale) and which has no weight-noise hooks.
     *
     * @param trained a network; not modified
     * @param config gives the quantiser
     * @return the quantised digital copy
     */
    public static Model quantizedDigital(Model trained, AnalogConfig config) {
        return digitalTwin(trained, config, true);
    }

    /**
     * The floating-point network that noise-aware training actually optimised: a copy whose
     * convolution and dense weights are clipped at ±k σ_W (k = the quantiser's clipping point, as in
     * every noise-aware forward pass) but not quantised, without weight-noise hooks. This is the
     * digital baseline of a noise-aware model: its raw weights keep outliers that training never
     * used in a forward pass.
     *
     * @param trained a network; not modified
     * @param config gives the clipping point
     * @return the clipped floating-point copy
     */
    public static Model clippedDigital(Model trained, AnalogConfig config) {
        return digitalTwin(trained, config, false);
    }

    private static Model digitalTwin(Model trained, AnalogConfig config, boolean quantize) {
        AnalogNetwork a = convert(trained, config.withDevice(PcmDeviceModel.ideal()));
        for (int i = 0; i < a.analogLayers.size(); i++) {
            Layer l = a.layers.get(i);
            AnalogWeights aw = a.analogLayers.get(i);
            INDArray w = l.getParam("W");
            double[] m = aw.toMatrix(w);
            double sigma = stdOf(m);
            float[] f = new float[m.length];
            if (quantize) {
                int[] q = new int[m.length];
                double scale = config.quantizer().scale(sigma);
                config.quantizer().quantize(m, scale, q);
                for (int k = 0; k < q.length; k++) {
                    f[k] = (float) (q[k] / scale);
                }
            } else {
                double clip = config.quantizer().clipSigmas() * sigma;
                for (int k = 0; k < m.length; k++) {
                    f[k] = (float) Math.max(-clip, Math.min(clip, m[k]));
                }
            }
            l.setParam("W", aw.fromMatrix(f, w));
            ((BaseLayer) l.conf().getLayer()).setWeightNoise(null);
        }
        return a.network;
    }

    /** Population standard deviation σ_W of a weight tensor, as the 2σ_W clip uses it. */
    static double stdOf(double[] v) {
        double s = 0;
        double s2 = 0;
        for (double x : v) {
            s += x;
            s2 += x * x;
        }
        double mean = s / v.length;
        return Math.sqrt(Math.max(0, s2 / v.length - mean * mean));
    }
}
