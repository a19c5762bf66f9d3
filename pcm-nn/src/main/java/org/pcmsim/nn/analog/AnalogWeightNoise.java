package org.pcmsim.nn.analog;

import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
import org.pcmsim.slicing.SlicingAlgorithm;

/**
 * Makes a DL4J convolution, dense or output layer analog (docs/model.md §6): DL4J's weight-noise hook,
 * which belongs in a network configuration, survives DL4J's JSON round trip and {@code ModelSerializer},
 * and puts the layer's weights on a simulated PCM chip. {@link AnalogLayers} has builders that attach
 * it; {@link AnalogNetwork#convert} attaches it to a copy of a trained network.
 *
 * <p>What it deploys is data, an {@link AnalogLayerSpec} (its JSON form): slicing, quantiser, device,
 * GDC, converters and periphery, chip and drift time; plus an optional hook for training forward passes.
 *
 * <p>Behaviour, per instantiated layer (its {@link LayerState}):
 * <ul>
 *   <li>Inference forward pass: on the first one, the layer programs its chip from its current
 *       weights ({@link ProgrammedLayer#program}); later passes keep that programming and only read it,
 *       each with fresh 1/f noise, at the layer's drift time, with per-layer GDC. If the weights have
 *       changed since (training, {@code setParams}), the layer re-programs from the new weights; the
 *       check is an exact comparison with the programmed copy. With converters
 *       ({@link LayerConverters}), the layer's forward pass is computed through them instead of with
 *       the read weights, once {@link AnalogLayers#attachConverters} has been called on the network.</li>
 *   <li>Training forward pass: the weights go through {@link #trainingNoise()} (e.g. noise-aware
 *       training's {@code NoiseAwareWeightNoise}), or unchanged without one.</li>
 *   <li>Biases (and every parameter other than "W") stay digital.</li>
 * </ul>
 *
 * <p>The chip, its drift time and its read position are runtime state of each instantiated layer,
 * changed through {@link AnalogLayers} ({@code setDriftTime}, {@code setChip}, {@code seekRead});
 * the spec's values are those a freshly built or loaded network starts from. The programmed state is
 * never saved: a loaded network programs again on its first inference pass, from the same seed, chip
 * and weights, and so holds the same chip. A DL4J network and its {@code clone()} share this hook
 * (DL4J does not clone weight-noise hooks), so the state is kept per layer instance.
 *
 * <p>Random streams depend only on (seed, chip, layer index) and, for reads, (time, read index):
 * see {@link ProgrammedLayer}. Thread-safety: as DL4J's networks, one network per thread; the
 * converter's replicas ({@link AnalogNetwork#replica()}) share their source's programming read-only.
 */
public final class AnalogWeightNoise implements IWeightNoise {
    private static final long serialVersionUID = 2L;

    private final transient AnalogLayerSpec spec;
    private final IWeightNoise trainingNoise;
    /** Java serialisation only: the spec's JSON. */
    @org.nd4j.shade.jackson.annotation.JsonIgnore
    private String specJson;
    private transient LayerState.Registry states = new LayerState.Registry();

    /**
     * @param spec what the layer deploys
     * @param trainingNoise hook for training forward passes, or null (weights unchanged)
     */
    public AnalogWeightNoise(AnalogLayerSpec spec, IWeightNoise trainingNoise) {
        this.spec = Objects.requireNonNull(spec, "spec");
        if (trainingNoise instanceof AnalogWeightNoise) {
            throw new IllegalArgumentException("training noise cannot itself be an AnalogWeightNoise");
        }
        this.trainingNoise = trainingNoise;
    }

    /**
     * The JSON form: {@code {"spec": {…}, "trainingNoise": …}}, or the flat form of configurations saved
     * before the spec had an object of its own (every spec property beside {@code trainingNoise}).
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static AnalogWeightNoise fromJson(JsonNode node) throws java.io.IOException {
        ObjectMapper mapper = NeuralNetConfiguration.mapper();
        JsonNode training = node.get("trainingNoise");
        IWeightNoise noise = training == null || training.isNull() ? null : mapper.treeToValue(training, IWeightNoise.class);
        JsonNode spec = node.get("spec");
        if (spec == null) {
            spec = ((ObjectNode) node.deepCopy()).without(java.util.List.of("trainingNoise", "@class"));
        }
        return new AnalogWeightNoise(mapper.treeToValue(spec, AnalogLayerSpec.class), noise);
    }

    /**
     * @param config a deployment whose device is the Nandakumar 2019 preset with any noise scales
     *     and read-noise normalisation (what the JSON form can describe)
     * @param seed root seed of the chip
     * @param chip chip index, ≥ 0
     * @return the hook reading at t0, without training noise
     * @throws IllegalArgumentException if the device is not the preset
     */
    public static AnalogWeightNoise of(AnalogConfig config, long seed, long chip) {
        return new AnalogWeightNoise(AnalogLayerSpec.of(config, seed, chip, config.device().t0()), null);
    }

    /**
     * The paper's deployment: 9-bit weights clipped at 2 σ_W, the Nandakumar 2019 device with every
     * noise on, GDC on, no converters, read at t0.
     *
     * @param algorithm slicing algorithm
     * @param nSlices n_W
     * @param base b_W
     * @param seed root seed of the chip
     * @return the hook for chip 0 of that seed
     */
    public static AnalogWeightNoise paper(SlicingAlgorithm algorithm, int nSlices, int base, long seed) {
        return of(AnalogConfig.paper(algorithm, nSlices, base), seed, 0);
    }

    /** @return what the layer deploys (JSON property {@code spec}) */
    @JsonProperty("spec")
    public AnalogLayerSpec spec() {
        return spec;
    }

    /** @return the deployment this hook describes */
    public AnalogConfig config() {
        return spec.config();
    }

    /** @return the hook of training forward passes, or null */
    @JsonProperty("trainingNoise")
    public IWeightNoise trainingNoise() {
        return trainingNoise;
    }

    /**
     * @param seed root seed
     * @param chip chip index, ≥ 0
     * @return this configuration for another chip
     */
    public AnalogWeightNoise withChip(long seed, long chip) {
        return new AnalogWeightNoise(spec.withChip(seed, chip), trainingNoise);
    }

    /**
     * @param seconds drift time, s, ≥ 0
     * @return this configuration reading at another time
     */
    public AnalogWeightNoise withDriftTime(double seconds) {
        return new AnalogWeightNoise(spec.withDriftTime(seconds), trainingNoise);
    }

    /**
     * @param p multiplier of σ_P
     * @param d multiplier of ν
     * @param r multiplier of Q_s
     * @return this configuration with other noise scales
     */
    public AnalogWeightNoise withNoiseScales(double p, double d, double r) {
        AnalogConfig c = spec.config();
        return new AnalogWeightNoise(spec.withConfig(c.withDevice(c.device().withNoiseScales(p, d, r))), trainingNoise);
    }

    /**
     * @param converters the tiles' converters and periphery
     * @return this configuration with them
     */
    public AnalogWeightNoise withConverters(LayerConverters converters) {
        return new AnalogWeightNoise(spec.withConfig(spec.config().withConverters(converters)), trainingNoise);
    }

    /**
     * @param noise hook of training forward passes (e.g. {@code NoiseAwareWeightNoise}), or null
     * @return this configuration with it
     */
    public AnalogWeightNoise withTrainingNoise(IWeightNoise noise) {
        return new AnalogWeightNoise(spec, noise);
    }

    @Override
    public INDArray getParameter(Layer layer, String paramKey, int iteration, int epoch, boolean train,
                                 LayerWorkspaceMgr workspaceMgr) {
        INDArray p = layer.getParam(paramKey);
        if (!"W".equals(paramKey)) {
            return p;
        }
        if (!ProgrammedLayer.isAnalog(layer.conf().getLayer())) {
            // Reached when the hook is set network-wide and meets a layer type it cannot map to a crossbar.
            throw new IllegalStateException("layer " + layer.conf().getLayer().getLayerName() + " is a "
                    + layer.conf().getLayer().getClass().getSimpleName()
                    + "; AnalogWeightNoise supports ConvolutionLayer, DenseLayer and OutputLayer only");
        }
        if (train) {
            return trainingNoise == null ? p
                    : trainingNoise.getParameter(layer, paramKey, iteration, epoch, true, workspaceMgr);
        }
        LayerState s = state(layer);
        ProgrammedLayer chipState = s.current(p);
        return chipState.read(s.driftTime, s.nextPass++, p.dataType(), s.buffers());
    }

    /**
     * @param layer an instantiated layer using this hook
     * @return its runtime state, created from the spec on first use
     */
    LayerState state(Layer layer) {
        return states.of(spec, layer);
    }

    /** Java serialisation keeps the spec as its JSON. */
    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        specJson = NeuralNetConfiguration.mapper().writeValueAsString(spec);
        out.defaultWriteObject();
    }

    /** Java deserialisation: rebuild the spec from its JSON, with no runtime state. */
    private Object readResolve() throws java.io.ObjectStreamException {
        try {
            AnalogLayerSpec s = NeuralNetConfiguration.mapper()
                    .readValue(specJson, AnalogLayerSpec.class);
            return new AnalogWeightNoise(s, trainingNoise);
        } catch (java.io.IOException e) {
            java.io.InvalidObjectException x = new java.io.InvalidObjectException("bad analog layer spec: " + specJson);
            x.initCause(e);
            throw x;
        }
    }

    /** A new hook with the same configuration and no runtime state. */
    @Override
    public AnalogWeightNoise clone() {
        return new AnalogWeightNoise(spec, trainingNoise == null ? null : trainingNoise.clone());
    }

    /** Equal configurations (runtime state is not compared). */
    @Override
    public boolean equals(Object o) {
        return o instanceof AnalogWeightNoise a && a.spec.equals(spec) && Objects.equals(a.trainingNoise, trainingNoise);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, trainingNoise);
    }

    @Override
    public String toString() {
        return "AnalogWeightNoise(" + spec + (trainingNoise != null ? ", training " + trainingNoise : "") + ")";
    }
}
