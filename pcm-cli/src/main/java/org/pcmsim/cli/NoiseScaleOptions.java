package org.pcmsim.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The three noise scales (docs/model.md §2), the model options the MVM and the DNN figures share:
 * each multiplies the device preset's scale of programming noise σ_P, drift exponent ν and 1/f read
 * noise Q_s. Mixed into {@link ModelOptions} and into the DNN figures' commands.
 */
public final class NoiseScaleOptions {
    @Option(converter = Scale.class, names = "--programming-noise", order = 34, paramLabel = "X", defaultValue = "1",
            description = "Scale of the programming noise sigma_P (default: ${DEFAULT-VALUE}).")
    double programmingScale = 1;

    @Option(converter = Scale.class, names = "--drift", order = 35, paramLabel = "X", defaultValue = "1",
            description = "Scale of the drift exponent nu (default: ${DEFAULT-VALUE}; 0 = no drift).")
    double driftScale = 1;

    @Option(converter = Scale.class, names = "--read-noise", order = 36, paramLabel = "X", defaultValue = "1",
            description = "Scale of the 1/f read noise Q_s (default: ${DEFAULT-VALUE}).")
    double readScale = 1;

    /** @return the noise scales: programming (σ_P), drift (ν) and read noise (Q_s) */
    public double[] scales() {
        return new double[] {programmingScale, driftScale, readScale};
    }

    /**
     * A multiplier of a published noise law, 0 … {@link Checks#MAX_SCALE}. Huge values (1e300)
     * overflow σ·ξ and turn every result into NaN, so they are refused rather than written as a
     * meaningless figure. A converter rather than a checking setter: this mixin is also mixed into
     * another mixin, where picocli gives it no command line to report a usage error on.
     */
    static final class Scale implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v;
            try {
                v = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number");
            }
            if (!(v >= 0) || !(v <= Checks.MAX_SCALE)) {
                throw new TypeConversionException(v + " (must be a number in 0.." + (int) Checks.MAX_SCALE
                        + ", a multiple of the published noise)");
            }
            return v;
        }
    }
}
