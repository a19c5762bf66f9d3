package org.pcmsim.nn.analog;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.slicing.IntegerQuantizer;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/**
 * Makes a DL4J convolution, dense or output layer analog (docs/model.md §6): a weight-noise hook that
 * belongs in a network configuration, survives DL4J's JSON round trip and {@code ModelSerializer},
 * and puts the layer's weights on a simulated PCM chip. {@link AnalogLayers} has builders that attach
 * it; {@link AnalogNetwork#convert} attaches it to a copy of a trained network.
 *
 * <p>The configuration (all of it in the JSON): slicing algorithm, n_W, b_W, the weight quantiser
 * (bits, clipping point in σ_W), the device preset ({@code nandakumar2019}) with its programming,
 * drift and read-noise scales and read-noise normalisation, per-layer GDC on or off, the chip (root
 * seed and chip index), the drift time in seconds, and an optional hook for training forward passes.
 *
 * <p>Behaviour, per instantiated layer:
 * <ul>
 *   <li>Inference forward pass: on the first one, the layer programs its chip from its current
 *       weights ({@link ProgrammedLayer#program}); later passes keep that programming and only read it,
 *       each with fresh 1/f noise, at the layer's drift time, with per-layer GDC. If the weights have
 *       changed since (training, {@code setParams}), the layer re-programs from the new weights; the
 *       check is an exact comparison with the programmed copy.</li>
 *   <li>Training forward pass: the weights go through {@link #trainingNoise()} (e.g. noise-aware
 *       training's {@code NoiseAwareWeightNoise}), or unchanged without one.</li>
 *   <li>Biases (and every parameter other than "W") stay digital.</li>
 * </ul>
 *
 * <p>The chip, its drift time and its read position are runtime state of each instantiated layer,
 * changed through {@link AnalogLayers} ({@code setDriftTime}, {@code setChip}, {@code seekRead});
 * the values here are those a freshly built or loaded network starts from. The programmed state is
 * never saved: a loaded network programs again on its first inference pass, from the same seed, chip
 * and weights, and so holds the same chip. A DL4J network and its {@code clone()} share this
 * configuration object (DL4J does not clone weight-noise hooks), so the state is kept per layer
 * instance, never per configuration.
 *
 * <p>Random streams depend only on (seed, chip, layer index) and, for reads, (time, read index):
 * see {@link ProgrammedLayer}. Thread-safety: as DL4J's networks, one network per thread; the
 * converter's replicas ({@link AnalogNetwork#replica()}) share their source's programming read-only.
 */
public final class AnalogWeightNoise implements IWeightNoise {
    private static final long serialVersionUID = 1L;
    /** The only device preset: Nandakumar et al. 2019 (G_max 25 µS, t0 20 s). */
    public static final String NANDAKUMAR_2019 = "nandakumar2019";

    private final SlicingAlgorithm algorithm;
    private final int slices;
    private final int base;
    private final int weightBits;
    private final double clipSigmas;
    private final String device;
    private final double programmingNoiseScale;
    private final double driftScale;
    private final double readNoiseScale;
    private final ReadNoiseNormalization readNoiseNormalization;
    private final boolean driftCompensation;
    private final long seed;
    private final long chip;
    private final double driftTime;
    private final IWeightNoise trainingNoise;
    private final transient AnalogConfig config;
    /** Runtime state of each layer instance this hook serves, keyed by identity, weakly. */
    private transient List<StateRef> states;

    /**
     * The JSON form; see the class description for the meaning of each value.
     *
     * @param algorithm slicing algorithm id ({@code equal-fill}, {@code max-fill}, {@code max-fill-ec})
     * @param slices n_W, ≥ 1
     * @param base b_W, ≥ 1
     * @param weightBits signed width of the weight quantiser (9 in the paper)
     * @param clipSigmas clipping point of the quantiser, in σ_W (2 in the paper)
     * @param device device preset, {@value #NANDAKUMAR_2019}
     * @param programmingNoiseScale multiplier of σ_P, ≥ 0
     * @param driftScale multiplier of ν, ≥ 0
     * @param readNoiseScale multiplier of Q_s, ≥ 0
     * @param readNoiseNormalization {@code g-max} or {@code slice-max}
     * @param driftCompensation per-layer GDC
     * @param seed root seed of the chip's random streams
     * @param chip chip index, ≥ 0
     * @param driftTime seconds after programming at which inference reads, ≥ 0 (t0 = 20 s)
     * @param trainingNoise hook for training forward passes, or null (weights unchanged)
     */
    @JsonCreator
    public AnalogWeightNoise(@JsonProperty("algorithm") String algorithm, @JsonProperty("slices") int slices,
                             @JsonProperty("base") int base, @JsonProperty("weightBits") int weightBits,
                             @JsonProperty("clipSigmas") double clipSigmas, @JsonProperty("device") String device,
                             @JsonProperty("programmingNoiseScale") double programmingNoiseScale,
                             @JsonProperty("driftScale") double driftScale,
                             @JsonProperty("readNoiseScale") double readNoiseScale,
                             @JsonProperty("readNoiseNormalization") String readNoiseNormalization,
                             @JsonProperty("driftCompensation") boolean driftCompensation,
                             @JsonProperty("seed") long seed, @JsonProperty("chip") long chip,
                             @JsonProperty("driftTime") double driftTime,
                             @JsonProperty("trainingNoise") IWeightNoise trainingNoise) {
        this.algorithm = SlicingAlgorithm.fromId(Objects.requireNonNull(algorithm, "algorithm"));
        if (this.algorithm == SlicingAlgorithm.POSITIONAL) {
            throw new IllegalArgumentException("positional (digital) slicing is not an analog layer option; "
                    + "expected equal-fill, max-fill or max-fill-ec");
        }
        if (!NANDAKUMAR_2019.equals(device)) {
            throw new IllegalArgumentException("unknown device preset '" + device + "', expected " + NANDAKUMAR_2019);
        }
        if (chip < 0) {
            throw new IllegalArgumentException("chip must be >= 0, got " + chip);
        }
        PcmDeviceModel.checkTime(driftTime);
        this.slices = slices;
        this.base = base;
        this.weightBits = weightBits;
        this.clipSigmas = clipSigmas;
        this.device = device;
        this.programmingNoiseScale = programmingNoiseScale;
        this.driftScale = driftScale;
        this.readNoiseScale = readNoiseScale;
        this.readNoiseNormalization = normalization(readNoiseNormalization);
        this.driftCompensation = driftCompensation;
        this.seed = seed;
        this.chip = chip;
        this.driftTime = driftTime;
        this.trainingNoise = trainingNoise;
        // The records validate the rest (n_W, b_W, bits, scales) with messages that name the value.
        SlicingScheme scheme = new SlicingScheme(this.algorithm, slices, base, weightBits - 1);
        this.config = new AnalogConfig(scheme, PcmDeviceModel.nandakumar2019()
                .withNoiseScales(programmingNoiseScale, driftScale, readNoiseScale)
                .withReadNoiseNormalization(this.readNoiseNormalization),
                new IntegerQuantizer(weightBits, clipSigmas), driftCompensation);
    }

    /**
     * @param config a deployment whose device is the {@value #NANDAKUMAR_2019} preset with any noise
     *     scales and read-noise normalisation (what the JSON form can describe)
     * @param seed root seed of the chip
     * @param chip chip index, ≥ 0
     * @return the hook reading at t0, without training noise
     * @throws IllegalArgumentException if the device is not the preset
     */
    public static AnalogWeightNoise of(AnalogConfig config, long seed, long chip) {
        PcmDeviceModel d = config.device();
        PcmDeviceModel preset = PcmDeviceModel.nandakumar2019().withNoiseScales(d.programming().scale(),
                d.drift().scale(), d.readNoise().scale()).withReadNoiseNormalization(d.readNoiseNormalization());
        if (!preset.equals(d)) {
            throw new IllegalArgumentException("analog layers support the " + NANDAKUMAR_2019 + " device with noise "
                    + "scales only (what their JSON form describes), got " + d);
        }
        SlicingScheme s = config.scheme();
        return new AnalogWeightNoise(s.algorithm().id(), s.nSlices(), s.base(), config.quantizer().bits(),
                config.quantizer().clipSigmas(), NANDAKUMAR_2019, d.programming().scale(), d.drift().scale(),
                d.readNoise().scale(), id(d.readNoiseNormalization()), config.driftCompensation(), seed, chip,
                d.t0(), null);
    }

    /**
     * The paper's deployment: 9-bit weights clipped at 2 σ_W, the Nandakumar 2019 device with every
     * noise on, GDC on, read at t0.
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

    private static ReadNoiseNormalization normalization(String id) {
        if (id == null) {
            return ReadNoiseNormalization.G_MAX;
        }
        for (ReadNoiseNormalization n : ReadNoiseNormalization.values()) {
            if (id(n).equals(id)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown read-noise normalisation '" + id + "', expected g-max or slice-max");
    }

    private static String id(ReadNoiseNormalization n) {
        return n.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the deployment this hook describes */
    public AnalogConfig config() {
        return config;
    }

    /** @return the slicing algorithm's id */
    @JsonProperty("algorithm")
    public String getAlgorithm() {
        return algorithm.id();
    }

    /** @return n_W */
    @JsonProperty("slices")
    public int getSlices() {
        return slices;
    }

    /** @return b_W */
    @JsonProperty("base")
    public int getBase() {
        return base;
    }

    /** @return the quantiser's signed width, bits */
    @JsonProperty("weightBits")
    public int getWeightBits() {
        return weightBits;
    }

    /** @return the quantiser's clipping point, in σ_W */
    @JsonProperty("clipSigmas")
    public double getClipSigmas() {
        return clipSigmas;
    }

    /** @return the device preset */
    @JsonProperty("device")
    public String getDevice() {
        return device;
    }

    /** @return multiplier of σ_P */
    @JsonProperty("programmingNoiseScale")
    public double getProgrammingNoiseScale() {
        return programmingNoiseScale;
    }

    /** @return multiplier of ν */
    @JsonProperty("driftScale")
    public double getDriftScale() {
        return driftScale;
    }

    /** @return multiplier of Q_s */
    @JsonProperty("readNoiseScale")
    public double getReadNoiseScale() {
        return readNoiseScale;
    }

    /** @return {@code g-max} or {@code slice-max} */
    @JsonProperty("readNoiseNormalization")
    public String getReadNoiseNormalization() {
        return id(readNoiseNormalization);
    }

    /** @return whether per-layer GDC is on */
    @JsonProperty("driftCompensation")
    public boolean isDriftCompensation() {
        return driftCompensation;
    }

    /** @return the root seed a new layer instance programs with */
    @JsonProperty("seed")
    public long getSeed() {
        return seed;
    }

    /** @return the chip index a new layer instance programs */
    @JsonProperty("chip")
    public long getChip() {
        return chip;
    }

    /** @return the drift time a new layer instance reads at, s */
    @JsonProperty("driftTime")
    public double getDriftTime() {
        return driftTime;
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
        return new AnalogWeightNoise(getAlgorithm(), slices, base, weightBits, clipSigmas, device,
                programmingNoiseScale, driftScale, readNoiseScale, getReadNoiseNormalization(), driftCompensation, seed,
                chip, driftTime, trainingNoise);
    }

    /**
     * @param seconds drift time, s, ≥ 0
     * @return this configuration reading at another time
     */
    public AnalogWeightNoise withDriftTime(double seconds) {
        return new AnalogWeightNoise(getAlgorithm(), slices, base, weightBits, clipSigmas, device,
                programmingNoiseScale, driftScale, readNoiseScale, getReadNoiseNormalization(), driftCompensation, seed,
                chip, seconds, trainingNoise);
    }

    /**
     * @param p multiplier of σ_P
     * @param d multiplier of ν
     * @param r multiplier of Q_s
     * @return this configuration with other noise scales
     */
    public AnalogWeightNoise withNoiseScales(double p, double d, double r) {
        return new AnalogWeightNoise(getAlgorithm(), slices, base, weightBits, clipSigmas, device, p, d, r,
                getReadNoiseNormalization(), driftCompensation, seed, chip, driftTime, trainingNoise);
    }

    /**
     * @param noise hook of training forward passes (e.g. {@code NoiseAwareWeightNoise}), or null
     * @return this configuration with it
     */
    public AnalogWeightNoise withTrainingNoise(IWeightNoise noise) {
        if (noise instanceof AnalogWeightNoise) {
            throw new IllegalArgumentException("training noise cannot itself be an AnalogWeightNoise");
        }
        return new AnalogWeightNoise(getAlgorithm(), slices, base, weightBits, clipSigmas, device,
                programmingNoiseScale, driftScale, readNoiseScale, getReadNoiseNormalization(), driftCompensation, seed,
                chip, driftTime, noise);
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
        State s = state(layer);
        ProgrammedLayer chipState = s.current(p);
        return chipState.read(s.driftTime, s.nextPass++, p.dataType());
    }

    /** The runtime state of one instantiated layer. */
    static final class State {
        private final AnalogWeightNoise owner;
        private final org.deeplearning4j.nn.conf.layers.Layer conf;
        private final int layerIndex;
        long seed;
        long chip;
        double driftTime;
        long nextPass;
        /** This layer's own chip, or null while it follows {@link #source}. */
        private ProgrammedLayer programmed;
        /** A replica's source: its chip is used, read-only, while it holds this layer's weights. */
        private State source;

        private State(AnalogWeightNoise owner, Layer layer) {
            this.owner = owner;
            this.conf = layer.conf().getLayer();
            this.layerIndex = layer.getIndex();
            this.seed = owner.seed;
            this.chip = owner.chip;
            this.driftTime = owner.driftTime;
        }

        /** The chip holding these weights as (seed, chip), programming it if it does not. */
        ProgrammedLayer current(INDArray w) {
            if (source != null) {
                ProgrammedLayer shared = source.programmed;
                if (shared != null && shared.holds(w, source.seed, source.chip)) {
                    return shared;
                }
                // The replica's weights differ from its source's: it programs its own chip (the one
                // the source would program from these weights: the streams are keyed, not sequential).
                detach();
            }
            if (programmed == null) {
                programmed = new ProgrammedLayer(conf, layerIndex, w.shape(), owner.config);
            }
            if (!programmed.holds(w, seed, chip)) {
                programmed.program(w, seed, chip);
            }
            return programmed;
        }

        /** @return the chip this layer reads (its own or its source's), or null before programming */
        ProgrammedLayer programmed() {
            return source != null ? source.programmed : programmed;
        }

        /** Shares the source's chip, whatever it programs next, while this layer's weights agree with it. */
        void follow(State s) {
            if (s.source != null) {
                throw new IllegalArgumentException("a replica cannot be the source of another replica");
            }
            source = s;
            programmed = null;
            driftTime = s.driftTime;
        }

        /** Stops following: this layer keeps the source's current (seed, chip) and programs its own chip. */
        void detach() {
            if (source != null) {
                seed = source.seed;
                chip = source.chip;
                source = null;
            }
        }

        /** Selects the chip this layer programs on its next inference pass. */
        void setChip(long newSeed, long newChip) {
            if (newChip < 0) {
                throw new IllegalArgumentException("chip must be >= 0, got " + newChip);
            }
            source = null;
            seed = newSeed;
            chip = newChip;
        }

        /** Programs now if the layer does not hold its weights as its chip; returns the chip read. */
        ProgrammedLayer program(INDArray w) {
            return current(w);
        }
    }

    /**
     * @param layer an instantiated layer using this hook
     * @return its runtime state, created from this configuration on first use
     */
    synchronized State state(Layer layer) {
        if (states == null) {
            states = new ArrayList<>();
        }
        for (Iterator<StateRef> it = states.iterator(); it.hasNext(); ) {
            StateRef r = it.next();
            Layer l = r.get();
            if (l == null) {
                it.remove();
            } else if (l == layer) {
                return r.state;
            }
        }
        State s = new State(this, layer);
        states.add(new StateRef(layer, s));
        return s;
    }

    /** A layer (weakly: a discarded network frees its chips) and its state. */
    private static final class StateRef extends WeakReference<Layer> {
        final State state;

        StateRef(Layer layer, State state) {
            super(layer);
            this.state = state;
        }
    }

    /** Java deserialisation: the derived configuration is transient, so rebuild through the constructor. */
    private Object readResolve() {
        return clone();
    }

    /** A new hook with the same configuration and no runtime state. */
    @Override
    public AnalogWeightNoise clone() {
        return new AnalogWeightNoise(getAlgorithm(), slices, base, weightBits, clipSigmas, device,
                programmingNoiseScale, driftScale, readNoiseScale, getReadNoiseNormalization(), driftCompensation, seed,
                chip, driftTime, trainingNoise == null ? null : trainingNoise.clone());
    }

    /** Equal configurations (runtime state is not compared). */
    @Override
    public boolean equals(Object o) {
        return o instanceof AnalogWeightNoise a && a.algorithm == algorithm && a.slices == slices && a.base == base
                && a.weightBits == weightBits && a.clipSigmas == clipSigmas && a.device.equals(device)
                && a.programmingNoiseScale == programmingNoiseScale && a.driftScale == driftScale
                && a.readNoiseScale == readNoiseScale && a.readNoiseNormalization == readNoiseNormalization
                && a.driftCompensation == driftCompensation && a.seed == seed && a.chip == chip
                && a.driftTime == driftTime && Objects.equals(a.trainingNoise, trainingNoise);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, slices, base, weightBits, clipSigmas, device, programmingNoiseScale, driftScale,
                readNoiseScale, readNoiseNormalization, driftCompensation, seed, chip, driftTime, trainingNoise);
    }

    @Override
    public String toString() {
        return "AnalogWeightNoise(" + config.scheme() + ", int" + weightBits + " clipped at " + clipSigmas + " sigma_W, "
                + device + " noise scales " + programmingNoiseScale + "/" + driftScale + "/" + readNoiseScale + ", "
                + getReadNoiseNormalization() + ", GDC " + (driftCompensation ? "on" : "off") + ", seed " + seed
                + ", chip " + chip + ", t " + driftTime + " s" + (trainingNoise != null ? ", training " + trainingNoise
                : "") + ")";
    }
}
