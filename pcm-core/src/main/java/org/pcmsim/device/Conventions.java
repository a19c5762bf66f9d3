package org.pcmsim.device;

/**
 * The three modelling conventions on which the published reference engine of Le Gallo, Ciric et al.
 * (2022) departs from the physical device, as one preset each (docs/model.md, "Conventions"):
 * the {@linkplain TargetRange target range}, the {@linkplain ProgrammingNoiseExtrapolation
 * programming noise beyond the fitted range} and the {@linkplain ReadNoiseNormalization read-noise
 * normalisation}. Each can also be set on its own in {@link PcmDeviceModel}.
 */
public enum Conventions {
    /** Targets clipped to G_max, σ_P(min(g, 1)), read noise normalised by G_max: the default. */
    PHYSICAL(TargetRange.CLIPPED, ProgrammingNoiseExtrapolation.SATURATED, ReadNoiseNormalization.G_MAX),
    /** Unbounded targets, |σ_P(g)|, read noise normalised by each slice's largest target. */
    PUBLISHED(TargetRange.UNBOUNDED, ProgrammingNoiseExtrapolation.ABSOLUTE, ReadNoiseNormalization.SLICE_MAX);

    private final TargetRange targetRange;
    private final ProgrammingNoiseExtrapolation extrapolation;
    private final ReadNoiseNormalization normalization;

    Conventions(TargetRange targetRange, ProgrammingNoiseExtrapolation extrapolation,
                ReadNoiseNormalization normalization) {
        this.targetRange = targetRange;
        this.extrapolation = extrapolation;
        this.normalization = normalization;
    }

    /** @return the target range of this preset */
    public TargetRange targetRange() {
        return targetRange;
    }

    /** @return how σ_P is evaluated beyond its fitted range in this preset */
    public ProgrammingNoiseExtrapolation programmingNoiseExtrapolation() {
        return extrapolation;
    }

    /** @return the read-noise normalisation of this preset */
    public ReadNoiseNormalization readNoiseNormalization() {
        return normalization;
    }

    /**
     * The preset that a model's three conventions match, if any.
     *
     * @param model a device model
     * @return the matching preset's id ({@code physical} or {@code published}), or {@code mixed}
     */
    public static String describe(PcmDeviceModel model) {
        for (Conventions c : values()) {
            if (model.targetRange() == c.targetRange
                    && model.programming().extrapolation() == c.extrapolation
                    && model.readNoiseNormalization() == c.normalization) {
                return c.id();
            }
        }
        return "mixed";
    }

    /** @return the lower-case id used on the command line and in provenance */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
