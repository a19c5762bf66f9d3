package org.pcmsim.nn.analog;

import java.util.Locale;
import java.util.Objects;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.pcmsim.device.DevicePreset;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.periphery.IrDropModel;
import org.pcmsim.periphery.Periphery;
import org.pcmsim.slicing.IntegerQuantizer;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/**
 * What an analog layer's configuration says about its chip, as data: the deployment
 * ({@link AnalogConfig}: slicing, weight quantiser, device preset and noise scales, GDC, converters and
 * periphery), the chip (root seed and chip index) and the drift time a new layer instance reads at.
 * Immutable; this is the JSON form of {@link AnalogWeightNoise} inside a DL4J configuration, flat, one
 * property per value, so a saved configuration reads as what it deploys.
 *
 * <p>Only the {@link #DEVICE_PRESET} device preset with noise scales and read-noise normalisation can
 * be described (the JSON names the preset, not every law); {@link #of} refuses other devices. The
 * converter properties were added with the converters: a configuration saved before them reads back
 * without converters, as it was.
 */
public final class AnalogLayerSpec {
    /** The only device preset: Nandakumar et al. 2019 (G_max 25 µS, t0 20 s). */
    public static final DevicePreset DEVICE_PRESET = DevicePreset.NANDAKUMAR_2019;

    private final transient AnalogConfig config;
    private final long seed;
    private final long chip;
    private final double driftTime;

    private AnalogLayerSpec(AnalogConfig config, long seed, long chip, double driftTime) {
        this.config = Objects.requireNonNull(config, "config");
        if (chip < 0) {
            throw new IllegalArgumentException("chip must be >= 0, got " + chip);
        }
        checkReadTime(driftTime);
        if (config.scheme().algorithm() == SlicingAlgorithm.POSITIONAL) {
            throw new IllegalArgumentException("positional (digital) slicing is not an analog layer option; "
                    + "expected equal-fill, max-fill or max-fill-ec");
        }
        this.seed = seed;
        this.chip = chip;
        this.driftTime = driftTime;
    }

    /** The JSON form; each value as its getter documents it. Absent converter values mean none. */
    @JsonCreator
    @SuppressWarnings("checkstyle:ParameterNumber")
    private static AnalogLayerSpec fromJson(@JsonProperty("algorithm") String algorithm,
            @JsonProperty("slices") int slices, @JsonProperty("base") int base,
            @JsonProperty("weightBits") int weightBits, @JsonProperty("clipSigmas") double clipSigmas,
            @JsonProperty("device") String device, @JsonProperty("programmingNoiseScale") double programmingNoiseScale,
            @JsonProperty("driftScale") double driftScale, @JsonProperty("readNoiseScale") double readNoiseScale,
            @JsonProperty("readNoiseNormalization") String readNoiseNormalization,
            @JsonProperty("driftCompensation") boolean driftCompensation, @JsonProperty("seed") long seed,
            @JsonProperty("chip") long chip, @JsonProperty("driftTime") double driftTime,
            @JsonProperty("dacBits") int dacBits, @JsonProperty("adcBits") int adcBits,
            @JsonProperty("inputClipSigmas") Double inputClipSigmas,
            @JsonProperty("adcNoiseLsb") double adcNoiseLsb, @JsonProperty("adcGainMismatch") double adcGainMismatch,
            @JsonProperty("adcOffsetMismatchLsb") double adcOffsetMismatchLsb,
            @JsonProperty("dacNoiseLsb") double dacNoiseLsb, @JsonProperty("dacInlLsb") double dacInlLsb,
            @JsonProperty("wireResistanceOhm") double wireResistanceOhm,
            @JsonProperty("deviceConductanceMicroSiemens") Double deviceConductanceMicroSiemens,
            @JsonProperty("irDropModel") String irDropModel) {
        SlicingAlgorithm a = SlicingAlgorithm.fromId(Objects.requireNonNull(algorithm, "algorithm"));
        if (DevicePreset.byName(Objects.requireNonNull(device, "device")) != DEVICE_PRESET) {
            throw new IllegalArgumentException("analog layers support the " + DEVICE_PRESET.id()
                    + " device preset only, got '" + device + "'");
        }
        if (a == SlicingAlgorithm.POSITIONAL) {
            throw new IllegalArgumentException("positional (digital) slicing is not an analog layer option; "
                    + "expected equal-fill, max-fill or max-fill-ec");
        }
        // The records validate the rest (n_W, b_W, bits, scales, periphery) with messages naming the value.
        SlicingScheme scheme = new SlicingScheme(a, slices, base, weightBits - 1);
        PcmDeviceModel d = DEVICE_PRESET.model()
                .withNoiseScales(programmingNoiseScale, driftScale, readNoiseScale)
                .withReadNoiseNormalization(normalization(readNoiseNormalization));
        Periphery p = new Periphery(adcNoiseLsb, adcGainMismatch, adcOffsetMismatchLsb, dacNoiseLsb, dacInlLsb,
                wireResistanceOhm, deviceConductanceMicroSiemens == null ? Periphery.G_MAX_MICRO_SIEMENS
                        : deviceConductanceMicroSiemens, irDropModel == null ? IrDropModel.NONE : irDrop(irDropModel));
        AnalogConfig c = new AnalogConfig(scheme, d, new IntegerQuantizer(weightBits, clipSigmas), driftCompensation,
                new LayerConverters(dacBits, adcBits,
                        inputClipSigmas == null ? LayerConverters.PAPER_INPUT_CLIP : inputClipSigmas, p));
        return new AnalogLayerSpec(c, seed, chip, driftTime);
    }

    /**
     * @param config a deployment whose device is the {@link #DEVICE_PRESET} preset with any noise
     *     scales and read-noise normalisation (what the JSON form can describe)
     * @param seed root seed of the chip
     * @param chip chip index, ≥ 0
     * @param driftTime seconds after programming a new layer instance reads at, ≥ 0
     * @return the spec
     * @throws IllegalArgumentException if the device is not the preset
     */
    public static AnalogLayerSpec of(AnalogConfig config, long seed, long chip, double driftTime) {
        PcmDeviceModel d = config.device();
        PcmDeviceModel preset = DEVICE_PRESET.model().withNoiseScales(d.programming().scale(),
                d.drift().scale(), d.readNoise().scale()).withReadNoiseNormalization(d.readNoiseNormalization());
        if (!preset.equals(d)) {
            throw new IllegalArgumentException("analog layers support the " + DEVICE_PRESET.id() + " device with noise "
                    + "scales only (what their JSON form describes), got " + d);
        }
        return new AnalogLayerSpec(config, seed, chip, driftTime);
    }

    /**
     * @param seconds a read time after programming, s
     * @throws IllegalArgumentException if it is negative or not finite
     */
    static void checkReadTime(double seconds) {
        if (!(seconds >= 0) || seconds == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("read time must be >= 0 s and finite, got " + seconds);
        }
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

    private static IrDropModel irDrop(String id) {
        for (IrDropModel m : IrDropModel.values()) {
            if (id(m).equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown IR-drop model '" + id + "', expected none, first-order or exact");
    }

    private static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the deployment */
    @JsonIgnore
    public AnalogConfig config() {
        return config;
    }

    /** @return the root seed a new layer instance programs with */
    @JsonProperty("seed")
    public long seed() {
        return seed;
    }

    /** @return the chip index a new layer instance programs */
    @JsonProperty("chip")
    public long chip() {
        return chip;
    }

    /** @return the drift time a new layer instance reads at, s */
    @JsonProperty("driftTime")
    public double driftTime() {
        return driftTime;
    }

    /**
     * @param newSeed root seed
     * @param newChip chip index, ≥ 0
     * @return this spec for another chip
     */
    public AnalogLayerSpec withChip(long newSeed, long newChip) {
        return new AnalogLayerSpec(config, newSeed, newChip, driftTime);
    }

    /**
     * @param seconds drift time, s, ≥ 0
     * @return this spec reading at another time
     */
    public AnalogLayerSpec withDriftTime(double seconds) {
        return new AnalogLayerSpec(config, seed, chip, seconds);
    }

    /**
     * @param newConfig another deployment (same device rules as {@link #of})
     * @return this chip and time with that deployment
     */
    public AnalogLayerSpec withConfig(AnalogConfig newConfig) {
        return of(newConfig, seed, chip, driftTime);
    }

    // The flat JSON properties, read from the deployment.

    @JsonProperty("algorithm")
    String algorithm() {
        return config.scheme().algorithm().id();
    }

    @JsonProperty("slices")
    int slices() {
        return config.scheme().nSlices();
    }

    @JsonProperty("base")
    int base() {
        return config.scheme().base();
    }

    @JsonProperty("weightBits")
    int weightBits() {
        return config.quantizer().bits();
    }

    @JsonProperty("clipSigmas")
    double clipSigmas() {
        return config.quantizer().clipSigmas();
    }

    @JsonProperty("device")
    String device() {
        return DEVICE_PRESET.id();
    }

    @JsonProperty("programmingNoiseScale")
    double programmingNoiseScale() {
        return config.device().programming().scale();
    }

    @JsonProperty("driftScale")
    double driftScale() {
        return config.device().drift().scale();
    }

    @JsonProperty("readNoiseScale")
    double readNoiseScale() {
        return config.device().readNoise().scale();
    }

    @JsonProperty("readNoiseNormalization")
    String readNoiseNormalization() {
        return id(config.device().readNoiseNormalization());
    }

    @JsonProperty("driftCompensation")
    boolean driftCompensation() {
        return config.driftCompensation();
    }

    @JsonProperty("dacBits")
    int dacBits() {
        return config.converters().dacBits();
    }

    @JsonProperty("adcBits")
    int adcBits() {
        return config.converters().adcBits();
    }

    @JsonProperty("inputClipSigmas")
    double inputClipSigmas() {
        return config.converters().inputClipSigmas();
    }

    @JsonProperty("adcNoiseLsb")
    double adcNoiseLsb() {
        return config.converters().periphery().adcNoiseLsb();
    }

    @JsonProperty("adcGainMismatch")
    double adcGainMismatch() {
        return config.converters().periphery().adcGainMismatch();
    }

    @JsonProperty("adcOffsetMismatchLsb")
    double adcOffsetMismatchLsb() {
        return config.converters().periphery().adcOffsetMismatchLsb();
    }

    @JsonProperty("dacNoiseLsb")
    double dacNoiseLsb() {
        return config.converters().periphery().dacNoiseLsb();
    }

    @JsonProperty("dacInlLsb")
    double dacInlLsb() {
        return config.converters().periphery().dacInlLsb();
    }

    @JsonProperty("wireResistanceOhm")
    double wireResistanceOhm() {
        return config.converters().periphery().wireResistanceOhm();
    }

    @JsonProperty("deviceConductanceMicroSiemens")
    Double deviceConductanceMicroSiemens() {
        return config.converters().periphery().deviceConductanceMicroSiemens();
    }

    @JsonProperty("irDropModel")
    String irDropModel() {
        return id(config.converters().periphery().irDropModel());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnalogLayerSpec s && s.config.equals(config) && s.seed == seed && s.chip == chip
                && Double.compare(s.driftTime, driftTime) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(config, seed, chip, driftTime);
    }

    @Override
    public String toString() {
        return config.scheme() + ", int" + weightBits() + " clipped at " + clipSigmas() + " sigma_W, " + DEVICE_PRESET.id()
                + " noise scales " + programmingNoiseScale() + "/" + driftScale() + "/" + readNoiseScale() + ", "
                + readNoiseNormalization() + ", GDC " + (driftCompensation() ? "on" : "off") + ", converters "
                + config.converters().describe() + ", seed " + seed + ", chip " + chip + ", t " + driftTime + " s";
    }
}
