package org.pcmsim.cli;

import java.util.Locale;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.ReadNoiseSampling;
import org.pcmsim.device.DevicePreset;
import org.pcmsim.experiment.WeightSource;
import org.pcmsim.weights.Npy;
import org.pcmsim.weights.WeightDistribution;
import org.pcmsim.weights.WeightMatrix;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.experiment.RunSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The model parameters a user may vary (MODEL.md): crossbar size, ADC width, drift compensation,
 * noise scales, read-noise normalisation and sampler. Values are checked as they are parsed, so a
 * bad one is a usage error naming the option.
 */
public final class ModelOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private DevicePreset preset = DevicePreset.NANDAKUMAR_2019;
    private WeightDistribution distribution = WeightDistribution.GAUSSIAN;
    private WeightMatrix weightFile;
    private int size = CrossbarConfig.paper().size();
    private int adcBits = CrossbarConfig.paper().adcBits();
    private boolean gdc = true;
    private double programmingScale = 1;
    private double driftScale = 1;
    private double readScale = 1;
    private ReadNoiseNormalization normalization = ReadNoiseNormalization.G_MAX;
    private ReadNoiseSampling sampling = ReadNoiseSampling.AGGREGATED;

    @Option(names = "--device", order = 30, paramLabel = "NAME", defaultValue = "nandakumar2019",
            description = "Device preset (default: ${DEFAULT-VALUE}); 'pcm list --devices' lists them. The noise "
                    + "scale options multiply the preset's scales.")
    void setDevice(String name) {
        try {
            preset = DevicePreset.byName(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--device': " + e.getMessage());
        }
    }

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

    @Option(names = "--weight-distribution", order = 29, paramLabel = "gaussian|laplace|student-t:NU|uniform",
            defaultValue = "gaussian",
            description = "Distribution of each trial's fresh N x N weights, each scaled to unit variance so the "
                    + "3-sigma clip means the same (default: ${DEFAULT-VALUE}, the paper's).")
    void setDistribution(String d) {
        try {
            distribution = WeightDistribution.parse(d);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--weight-distribution': " + e.getMessage());
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

    @Option(names = "--programming-noise", order = 34, paramLabel = "X", defaultValue = "1",
            description = "Scale of the programming noise sigma_P (default: ${DEFAULT-VALUE}).")
    void setProgrammingScale(double x) {
        programmingScale = Checks.scale(spec, "--programming-noise", x);
    }

    @Option(names = "--drift", order = 35, paramLabel = "X", defaultValue = "1",
            description = "Scale of the drift exponent nu (default: ${DEFAULT-VALUE}; 0 = no drift).")
    void setDriftScale(double x) {
        driftScale = Checks.scale(spec, "--drift", x);
    }

    @Option(names = "--read-noise", order = 36, paramLabel = "X", defaultValue = "1",
            description = "Scale of the 1/f read noise Q_s (default: ${DEFAULT-VALUE}).")
    void setReadScale(double x) {
        readScale = Checks.scale(spec, "--read-noise", x);
    }

    @Option(names = "--read-noise-norm", order = 37, paramLabel = "g-max|slice-max", defaultValue = "g-max",
            description = "What normalises the target before Q_s is evaluated: g-max (physical, default) or "
                    + "slice-max (the published engine; reproduces the published BitNet figure). MODEL.md §2.")
    void setNormalization(String v) {
        normalization = switch (v.toLowerCase(Locale.ROOT)) {
            case "g-max" -> ReadNoiseNormalization.G_MAX;
            case "slice-max" -> ReadNoiseNormalization.SLICE_MAX;
            default -> throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--read-noise-norm': '" + v + "', expected g-max or slice-max");
        };
    }

    @Option(names = "--read-noise-sampler", order = 38, paramLabel = "aggregated|per-device", defaultValue = "aggregated",
            description = "How 1/f read noise is drawn: aggregated (one Gaussian per output line, exact in "
                    + "distribution, fast; default) or per-device (one draw per device, slow).")
    void setSampling(String v) {
        sampling = switch (v.toLowerCase(Locale.ROOT)) {
            case "aggregated" -> ReadNoiseSampling.AGGREGATED;
            case "per-device" -> ReadNoiseSampling.PER_DEVICE;
            default -> throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--read-noise-sampler': '" + v + "', expected aggregated or per-device");
        };
    }

    /** Options of this mixin that only the MVM figures use (the DNN figures map the noise scales only). */
    static final java.util.List<String> MVM_ONLY = java.util.List.of("--weights", "--weight-distribution", "--device", "--crossbar-size", "--adc-bits", "--gdc",
            "--read-noise-norm", "--read-noise-sampler");

    /** @return the noise scales: programming (σ_P), drift (ν) and read noise (Q_s) */
    public double[] noiseScales() {
        return new double[] {programmingScale, driftScale, readScale};
    }

    /** @return the weight source: the --weights file if given, else the --weight-distribution */
    public WeightSource weightSource() {
        return weightFile != null ? WeightSource.of(weightFile) : WeightSource.of(distribution);
    }

    /** @return the read-noise normalisation chosen */
    public ReadNoiseNormalization normalization() {
        return normalization;
    }

    /**
     * @param base settings whose trials, seed and threads are kept
     * @return the settings with this model
     */
    public RunSettings apply(RunSettings base) {
        CrossbarConfig crossbar = CrossbarConfig.paper().withSize(size).withAdcBits(adcBits).withDriftCompensation(gdc);
        PcmDeviceModel chosen = preset.model();
        PcmDeviceModel device = chosen
                .withProgrammingNoiseScale(chosen.programming().scale() * programmingScale)
                .withDriftScale(chosen.drift().scale() * driftScale)
                .withReadNoiseScale(chosen.readNoise().scale() * readScale);
        // The slice-max preset is its own normalisation; otherwise --read-noise-norm decides.
        if (preset != DevicePreset.SLICE_MAX_READ_NOISE) {
            device = device.withReadNoiseNormalization(normalization);
        }
        return base.withCrossbar(crossbar).withDevice(device).withSampling(sampling).withWeights(weightSource());
    }
}
