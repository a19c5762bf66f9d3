package org.pcmsim.nn.analog;

import java.util.List;
import java.util.Objects;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.pcmsim.nn.model.Networks;

/**
 * A trained DL4J network deployed on simulated PCM chips (docs/model.md §6). {@link #convert} copies
 * the network (the original is left untouched) and attaches an {@link AnalogWeightNoise} to every
 * standard convolution, dense and output layer; everything else (batch norm, biases, pooling,
 * activations) stays digital. The analog layers are the same as those a DL4J user puts in a
 * configuration with {@link AnalogLayers}; this class adds the converter and chip-level controls.
 *
 * <p>Life cycle: {@link #program(long, long)} "programs a chip" — every analog layer is clipped,
 * quantised, sliced and programmed, and its drift exponents drawn, once. {@link #setDriftTime(double)}
 * moves the chip in time (seconds after programming, ≥ t0 is the physical range); every
 * {@link #output(INDArray)} then reads all devices at that time with fresh 1/f noise. Programming
 * state survives any number of forward passes and time changes until the next {@code program} call.
 *
 * <p>Random streams: layer l of chip k of seed s programs with a stream keyed by (s, k, l), and the
 * read of a forward pass with a stream keyed by (s, k, l, t, read index), the read index counting
 * forward passes from 0 after {@code program} (or set by {@link #seekRead}). So any chip, and any
 * read, replays alone. Not thread-safe: use one instance per thread, e.g. {@link #replica()}s, which
 * share the programmed chip read-only.
 */
public final class AnalogNetwork {
    private final Model network;
    private final AnalogConfig config;
    /** The network whose chip a replica reads, or null. */
    private final AnalogNetwork source;
    private boolean programmed;

    private AnalogNetwork(Model network, AnalogConfig config, AnalogNetwork source) {
        this.network = network;
        this.config = config;
        this.source = source;
    }

    /**
     * Copies a trained network and makes its convolution and dense layers analog (not yet
     * programmed).
     *
     * @param trained a {@code ComputationGraph} or {@code MultiLayerNetwork}; not modified
     * @param config the deployment; its device must be the Nandakumar 2019 preset with any noise
     *     scales (see {@link AnalogWeightNoise#of})
     * @return the analog copy
     */
    public static AnalogNetwork convert(Model trained, AnalogConfig config) {
        Objects.requireNonNull(trained, "trained");
        AnalogWeightNoise hook = AnalogWeightNoise.of(Objects.requireNonNull(config, "config"), 0, 0);
        AnalogNetwork a = new AnalogNetwork(Networks.copy(trained), config, null);
        int analog = 0;
        for (Layer l : Networks.layers(a.network)) {
            org.deeplearning4j.nn.conf.layers.Layer conf = l.conf().getLayer();
            if (isAnalog(conf)) {
                // Validates the layer's weight shape now rather than at the first forward pass.
                new ProgrammedLayer(conf, l.getIndex(), l.getParam("W").shape(), config);
                // The instantiated layer's own configuration object: that is what its forward pass reads.
                ((BaseLayer) conf).setWeightNoise(hook.clone());
                analog++;
            }
        }
        if (analog == 0) {
            throw new IllegalArgumentException("the network has no convolution or dense layer to make analog");
        }
        ConverterLayers.attach(a.network);
        return a;
    }

    /**
     * @param conf a layer configuration
     * @return whether {@link #convert} makes it analog: standard 2-D convolutions (not subclasses
     *     such as depthwise or deconvolution), dense and output layers
     */
    public static boolean isAnalog(org.deeplearning4j.nn.conf.layers.Layer conf) {
        return ProgrammedLayer.isAnalog(conf);
    }

    /**
     * Programs chip {@code chip} of seed {@code seed}: every analog layer, then one calibration read
     * per layer at t0 for GDC. Resets the drift time to t0 and the read index to 0. Replicas follow.
     *
     * @param seed root seed
     * @param chip chip index, ≥ 0
     */
    public void program(long seed, long chip) {
        if (source != null) {
            throw new IllegalStateException("a replica reads its source's chip; program the source");
        }
        AnalogLayers.setChip(network, seed, chip);
        AnalogLayers.program(network);
        AnalogLayers.setDriftTime(network, config.device().t0());
        AnalogLayers.seekRead(network, 0);
        programmed = true;
    }

    /**
     * A copy of this analog network for another thread: its own DL4J network, drift time and read
     * index, reading this network's programmed chips (shared read-only, never copied or programmed
     * again); a later {@link #program} of this network is seen by the replica too. Program only while
     * no replica runs a forward pass.
     *
     * @return the replica, at this network's drift time
     */
    public AnalogNetwork replica() {
        AnalogNetwork root = source != null ? source : this;
        AnalogNetwork r = new AnalogNetwork(Networks.copy(root.network), config, root);
        ConverterLayers.attach(r.network);
        AnalogLayers.follow(r.network, root.network);
        AnalogLayers.setDriftTime(r.network, driftTime());
        return r;
    }

    /**
     * @param seconds time since programming, s, ≥ 0; later forward passes read at this time
     */
    public void setDriftTime(double seconds) {
        AnalogLayers.setDriftTime(network, seconds);
    }

    /** @return the current drift time, s */
    public double driftTime() {
        return AnalogLayers.driftTime(network);
    }

    /**
     * @param pass read index of the next forward pass, ≥ 0 (later ones count up from it)
     */
    public void seekRead(long pass) {
        AnalogLayers.seekRead(network, pass);
    }

    /** @return the deployment */
    public AnalogConfig config() {
        return config;
    }

    /** @return the analog copy of the network (its conv/dense layers read the chip) */
    public Model network() {
        return network;
    }

    /** @return the chip of every analog layer, in execution order (null entries before programming) */
    public List<ProgrammedLayer> analogLayers() {
        return AnalogLayers.programmed(network);
    }

    /**
     * One inference pass: reads every analog layer at the drift time with fresh read noise.
     *
     * @param features input batch
     * @return network output
     */
    public INDArray output(INDArray features) {
        if (!(source != null ? source.programmed : programmed)) {
            throw new IllegalStateException("program(seed, chip) must be called before inference");
        }
        return Networks.output(network, features);
    }

    /**
     * The digital twin of a deployment without device noise: a copy of {@code trained} whose
     * convolution and dense weights are replaced by their clipped, quantised values
     * (rint(clip(W, ±k σ_W) · scale) / scale) and which has no weight-noise hooks on them.
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
     * every noise-aware forward pass) but not quantised, without weight-noise hooks on them. This is
     * the digital baseline of a noise-aware model: its raw weights keep outliers that training never
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
        Model copy = Networks.copy(trained);
        for (Layer l : Networks.layers(copy)) {
            org.deeplearning4j.nn.conf.layers.Layer conf = l.conf().getLayer();
            if (!isAnalog(conf)) {
                continue;
            }
            INDArray w = l.getParam("W");
            // Only the crossbar layout of ProgrammedLayer is used here; nothing is programmed.
            ProgrammedLayer layout = new ProgrammedLayer(conf, l.getIndex(), w.shape(), config);
            double[] m = layout.toMatrix(w);
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
            l.setParam("W", layout.fromMatrix(f, w.dataType()));
            ((BaseLayer) conf).setWeightNoise(null);
        }
        return copy;
    }

    /** Population standard deviation σ_W of a weight tensor (divisor n), as the 2σ_W clip uses it. */
    static double stdOf(double[] v) {
        return StandardDeviation.of(v).setBiased(true).getAsDouble();
    }
}
