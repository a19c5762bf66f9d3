package org.pcmsim.cli;

import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.ReadNoiseSampling;
import org.pcmsim.device.DevicePreset;
import org.pcmsim.experiment.WeightSource;
import org.pcmsim.weights.Npy;
import org.pcmsim.weights.WeightDistribution;
import org.pcmsim.weights.WeightMatrix;
import org.pcmsim.device.Conventions;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ProgrammingNoiseExtrapolation;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.device.TargetRange;
import org.pcmsim.experiment.RunSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The model parameters a user may vary (docs/model.md): crossbar size, ADC width, drift compensation,
 * noise scales, the three conventions of the published engine (one preset, {@code --conventions},
 * and one option each, which overrides the preset) and the read-noise sampler. Values are checked as
 * they are parsed, so a bad one is a usage error naming the option.
 */
public final class ModelOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private WeightMatrix weightFile;
    private int size = CrossbarConfig.paper().size();
    private int adcBits = CrossbarConfig.paper().adcBits();
    private boolean gdc = true;

    /** The noise scales, shared with the DNN figures. */
    @Mixin
    NoiseScaleOptions noise;

    @Option(converter = EnumIds.DeviceIds.class, completionCandidates = EnumIds.DeviceIds.class,
            names = "--device", order = 30, paramLabel = "NAME", defaultValue = "nandakumar2019",
            description = "Device preset (default: ${DEFAULT-VALUE}); 'pcm list --devices' lists them. The noise "
                    + "scale options multiply the preset's scales.")
    DevicePreset preset = DevicePreset.NANDAKUMAR_2019;

    @Option(names = "--weights", order = 28, paramLabel = "FILE.npy",
            description = "A weight matrix saved with numpy.save (2-D float32/float64, C or Fortran order), held fixed "
                    + "while every trial draws new inputs and noise; larger than the crossbar, it is tiled over arrays "
                    + "of --crossbar-size. Quantised at the clip times its RMS.")
    void setWeights(java.nio.file.Path file) {
        try {
            weightFile = Npy.read(file);
        } catch (java.io.IOException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--weights': " + e.getMessage());
        }
    }

    @Option(converter = Distributions.class, completionCandidates = Distributions.class,
            names = "--weight-distribution", order = 29, paramLabel = "gaussian|laplace|student-t:NU|uniform",
            defaultValue = "gaussian",
            description = "Distribution of each trial's fresh N x N weights, each scaled to unit variance so the "
                    + "3-sigma clip means the same (default: ${DEFAULT-VALUE}, the paper's).")
    WeightDistribution distribution = WeightDistribution.GAUSSIAN;

    /** {@code --weight-distribution}: {@link WeightDistribution#parse}'s names and its one-line error. */
    static final class Distributions implements ITypeConverter<WeightDistribution>, Iterable<String> {
        @Override
        public WeightDistribution convert(String value) {
            try {
                return WeightDistribution.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("gaussian", "laplace", "student-t:3", "uniform").iterator();
        }
    }

    @Option(names = "--crossbar-size", order = 31, paramLabel = "N", description = "Crossbar rows = columns (default: ${DEFAULT-VALUE}).",
            defaultValue = "128")
    void setSize(int n) {
        size = Checks.inRange(spec, "--crossbar-size", n, 2, 4096);
    }

    @Option(names = "--adc-bits", order = 32, paramLabel = "B", description = "Signed ADC width per weight slice (default: ${DEFAULT-VALUE}).",
            defaultValue = "8")
    void setAdcBits(int b) {
        adcBits = Checks.inRange(spec, "--adc-bits", b, 2, 24);
    }

    @Option(names = "--gdc", order = 33, negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Global drift compensation (default: on; --no-gdc switches it off).")
    void setGdc(boolean on) {
        gdc = on;
    }

    @Option(converter = EnumIds.ConventionsIds.class, completionCandidates = EnumIds.ConventionsIds.class,
            names = "--conventions", order = 37, paramLabel = "physical|published", defaultValue = "physical",
            description = "Sets --target-range, --programming-noise-beyond-fit and --read-noise-norm at once: "
                    + "physical (clipped, saturated, g-max; default) or published (the published engine: "
                    + "unbounded, absolute, slice-max). Each of those options overrides it. docs/model.md §2b.")
    Conventions conventions = Conventions.PHYSICAL;

    @Option(converter = EnumIds.TargetRangeIds.class, completionCandidates = EnumIds.TargetRangeIds.class,
            names = "--target-range", order = 37, paramLabel = "clipped|unbounded",
            description = "Targets above G_max: clipped to G_max and counted in the provenance (physical) or "
                    + "programmed as computed (unbounded, the published engine). Default: from --conventions.")
    TargetRange targetRange; // null: from --conventions, as are the next two

    @Option(converter = EnumIds.ExtrapolationIds.class, completionCandidates = EnumIds.ExtrapolationIds.class,
            names = "--programming-noise-beyond-fit", order = 37, paramLabel = "saturated|absolute",
            description = "sigma_P above G_max, where its quadratic fit turns negative: sigma_P(min(g, 1)) "
                    + "(saturated, physical) or |sigma_P(g)| (absolute, the published engine). Default: from "
                    + "--conventions.")
    ProgrammingNoiseExtrapolation extrapolation;

    @Option(converter = EnumIds.NormalizationIds.class, completionCandidates = EnumIds.NormalizationIds.class,
            names = "--read-noise-norm", order = 37, paramLabel = "g-max|slice-max",
            description = "What normalises the target before Q_s is evaluated: g-max (physical) or slice-max "
                    + "(the published engine; reproduces the published BitNet figure). Default: from --conventions.")
    ReadNoiseNormalization normalization;

    @Option(converter = EnumIds.SamplingIds.class, completionCandidates = EnumIds.SamplingIds.class,
            names = "--read-noise-sampler", order = 38, paramLabel = "aggregated|per-device", defaultValue = "aggregated",
            description = "How 1/f read noise is drawn: aggregated (one Gaussian per output line, exact in "
                    + "distribution, fast; default) or per-device (one draw per device, slow).")
    ReadNoiseSampling sampling = ReadNoiseSampling.AGGREGATED;

    /** @return the noise scales: programming (σ_P), drift (ν) and read noise (Q_s) */
    public double[] noiseScales() {
        return noise.scales();
    }

    /** @return the weight source: the --weights file if given, else the --weight-distribution */
    public WeightSource weightSource() {
        return weightFile != null ? WeightSource.of(weightFile) : WeightSource.of(distribution);
    }

    /** @return the read-noise normalisation chosen (its own option, else the preset's) */
    public ReadNoiseNormalization normalization() {
        return normalization != null ? normalization : conventions.readNoiseNormalization();
    }

    /** @return the target range chosen (its own option, else the preset's) */
    public TargetRange targetRange() {
        return targetRange != null ? targetRange : conventions.targetRange();
    }

    /** @return how σ_P is evaluated above G_max (its own option, else the preset's) */
    public ProgrammingNoiseExtrapolation extrapolation() {
        return extrapolation != null ? extrapolation : conventions.programmingNoiseExtrapolation();
    }

    /**
     * What marks the output files of a run whose conventions are not the physical default: empty
     * for physical, {@code -published} for the published preset, otherwise one part per convention
     * that departs ({@code -unbounded}, {@code -abs-sigma}, {@code -slice-max}).
     *
     * @return the file-name suffix
     */
    public String fileSuffix() {
        PcmDeviceModel d = device();
        String preset = d.conventions();
        if (preset.equals(Conventions.PHYSICAL.id())) {
            return "";
        }
        if (preset.equals(Conventions.PUBLISHED.id())) {
            return "-published";
        }
        StringBuilder b = new StringBuilder();
        if (d.targetRange() == TargetRange.UNBOUNDED) {
            b.append("-unbounded");
        }
        if (d.programming().extrapolation() == ProgrammingNoiseExtrapolation.ABSOLUTE) {
            b.append("-abs-sigma");
        }
        if (d.readNoiseNormalization() == ReadNoiseNormalization.SLICE_MAX) {
            b.append("-slice-max");
        }
        return b.toString();
    }

    /** @return the device model these options describe */
    public PcmDeviceModel device() {
        PcmDeviceModel chosen = preset.model();
        double[] scales = noise.scales();
        // The slice-max device preset is its own normalisation unless --read-noise-norm says otherwise.
        ReadNoiseNormalization norm = normalization == null && preset == DevicePreset.SLICE_MAX_READ_NOISE
                ? ReadNoiseNormalization.SLICE_MAX : normalization();
        return chosen
                .withProgrammingNoiseScale(chosen.programming().scale() * scales[0])
                .withDriftScale(chosen.drift().scale() * scales[1])
                .withReadNoiseScale(chosen.readNoise().scale() * scales[2])
                .withTargetRange(targetRange())
                .withProgrammingNoiseExtrapolation(extrapolation())
                .withReadNoiseNormalization(norm);
    }

    /**
     * @param base settings whose trials, seed and threads are kept
     * @return the settings with this model
     */
    public RunSettings apply(RunSettings base) {
        CrossbarConfig crossbar = CrossbarConfig.paper().withSize(size).withAdcBits(adcBits).withDriftCompensation(gdc);
        return base.withCrossbar(crossbar).withDevice(device()).withSampling(sampling).withWeights(weightSource());
    }
}
