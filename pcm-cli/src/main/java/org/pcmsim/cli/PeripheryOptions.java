package org.pcmsim.cli;

import java.util.List;
import java.util.Locale;
import org.pcmsim.experiment.RunSettings;
import org.pcmsim.periphery.IrDropModel;
import org.pcmsim.periphery.Periphery;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The converters and wires beyond the paper's ideal ones (docs/model.md §9): ADC noise and mismatch,
 * DAC noise and INL, IR drop. Every option defaults to the ideal periphery, which gives the published
 * numbers unchanged. Values are checked as they are parsed, so a bad one is a usage error naming the
 * option.
 */
public final class PeripheryOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The largest converter σ or INL accepted, LSB: a whole 8-bit ADC range. */
    static final double MAX_LSB = 255;
    /** The largest wire resistance accepted, Ω per cell (docs/model.md §9: beyond ~2 Ω use exact). */
    static final double MAX_OHM = 1000;

    private double adcNoise;
    private double adcGain;
    private double adcOffset;
    private double dacNoise;
    private double dacInl;
    private double wireOhm;

    @Option(names = "--adc-noise", order = 50, paramLabel = "LSB", defaultValue = "0",
            description = "Gaussian noise sigma of every ADC conversion, in ADC LSBs, fresh at every read "
                    + "(default: ${DEFAULT-VALUE}; aihwkit's out_noise is about 0.5-1.3 LSB). docs/model.md §9.")
    void setAdcNoise(double v) {
        adcNoise = lsb("--adc-noise", v);
    }

    @Option(names = "--adc-gain-mismatch", order = 51, paramLabel = "SIGMA", defaultValue = "0",
            description = "Relative sigma of each ADC's gain (one ADC per column and slice, drawn once per chip; "
                    + "default: ${DEFAULT-VALUE}).")
    void setAdcGain(double v) {
        if (!(v >= 0) || !(v <= 0.5)) {
            throw bad("--adc-gain-mismatch", v, "a relative sigma in 0..0.5");
        }
        adcGain = v;
    }

    @Option(names = "--adc-offset-mismatch", order = 52, paramLabel = "LSB", defaultValue = "0",
            description = "Sigma of each ADC's offset in ADC LSBs, drawn once per chip (default: ${DEFAULT-VALUE}).")
    void setAdcOffset(double v) {
        adcOffset = lsb("--adc-offset-mismatch", v);
    }

    @Option(names = "--dac-noise", order = 53, paramLabel = "LSB", defaultValue = "0",
            description = "Gaussian noise sigma of every DAC conversion, in input LSBs (default: ${DEFAULT-VALUE}).")
    void setDacNoise(double v) {
        dacNoise = lsb("--dac-noise", v);
    }

    @Option(names = "--dac-inl", order = 54, paramLabel = "LSB", defaultValue = "0",
            description = "Peak integral nonlinearity of the DAC, input LSBs (an odd cubic bow; default: "
                    + "${DEFAULT-VALUE}).")
    void setDacInl(double v) {
        dacInl = lsb("--dac-inl", v);
    }

    @Option(names = "--wire-resistance", order = 55, paramLabel = "OHM", defaultValue = "0",
            description = "Wire resistance between neighbouring cells on rows and columns, ohm (default: "
                    + "${DEFAULT-VALUE}; aihwkit's default wire is 0.35). Turns on IR drop.")
    void setWireOhm(double v) {
        if (!(v >= 0) || !(v <= MAX_OHM)) {
            throw bad("--wire-resistance", v, "a number of ohms in 0.." + (int) MAX_OHM);
        }
        wireOhm = v;
    }

    @Option(converter = EnumIds.IrDropModelIds.class, completionCandidates = EnumIds.IrDropModelIds.class,
            names = "--ir-drop-model", order = 56, paramLabel = "none|first-order|exact",
            description = "How IR drop is computed: first-order (fast; default when --wire-resistance > 0) or exact "
                    + "(the tile's resistive network solved; slow); none requires --wire-resistance 0.")
    IrDropModel irDropModel; // null: from --wire-resistance

    private double lsb(String option, double v) {
        if (!(v >= 0) || !(v <= MAX_LSB)) {
            throw bad(option, v, "a number of LSBs in 0.." + (int) MAX_LSB);
        }
        return v;
    }

    private ParameterException bad(String option, double v, String what) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + v
                + " (must be " + what + ")");
    }

    /** @return the periphery these options describe */
    public Periphery periphery() {
        IrDropModel model = irDropModel != null ? irDropModel : wireOhm > 0 ? IrDropModel.FIRST_ORDER : IrDropModel.NONE;
        if (model == IrDropModel.NONE && wireOhm > 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--ir-drop-model': none "
                    + "(--wire-resistance is " + wireOhm + "; choose first-order or exact, or drop --wire-resistance)");
        }
        return new Periphery(adcNoise, adcGain, adcOffset, dacNoise, dacInl, wireOhm, Periphery.G_MAX_MICRO_SIEMENS,
                model);
    }

    /**
     * @param base settings whose other fields are kept
     * @return the settings with this periphery
     */
    public RunSettings apply(RunSettings base) {
        return base.withPeriphery(periphery());
    }

    /**
     * @return what marks the output files of a run with a non-ideal periphery (empty when ideal), e.g.
     *     {@code -adc-noise1lsb-ir-drop0.35ohm-first-order}, so it writes beside the ideal figure
     */
    public String fileSuffix() {
        Periphery p = periphery();
        if (p.isIdeal()) {
            return "";
        }
        return "-" + p.describe().toLowerCase(Locale.ROOT).replace("=", "").replace(';', '-').replace('/', '-')
                .replace('@', '-');
    }
}
