package org.pcmsim.device;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.pcmsim.internal.Checks;

/**
 * The statistical model of one phase-change-memory device: programming noise, conductance drift and
 * 1/f read noise (Nandakumar et al., "Phase-change memory models for deep learning training and
 * inference", ICECS 2019; the same fit as IBM aihwkit's {@code PCMLikeNoiseModel}).
 *
 * <p>The model is data; randomness enters only where a generator is passed in: {@link #program}
 * draws the programmed conductance G_P and the drift exponent ν once, and every
 * {@link ProgrammedDevices#read read} draws fresh 1/f noise.
 *
 * @param gMax largest target conductance of one device, µS
 * @param t0 time of the first read after programming and reference of drift, s
 * @param tRead read pulse width in the 1/f noise integral, s
 * @param programming programming-noise law
 * @param drift drift law
 * @param readNoise 1/f read-noise law
 * @param readNoiseNormalization what normalises the target before Q_s is evaluated
 * @param targetRange whether targets above G_max are clipped to it (physical) or programmed as computed
 */
public record PcmDeviceModel(double gMax, double t0, double tRead, ProgrammingNoise programming,
                             DriftLaw drift, ReadNoise readNoise, ReadNoiseNormalization readNoiseNormalization,
                             TargetRange targetRange) {

    /** Validates every parameter; messages name the bad value. */
    public PcmDeviceModel {
        Checks.positive("gMax (µS)", gMax);
        Checks.positive("t0 (s)", t0);
        Checks.positive("tRead (s)", tRead);
        Objects.requireNonNull(programming, "programming");
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(readNoise, "readNoise");
        Objects.requireNonNull(readNoiseNormalization, "readNoiseNormalization");
        Objects.requireNonNull(targetRange, "targetRange");
    }

    /**
     * A model with the physical target range ({@link TargetRange#CLIPPED}).
     *
     * @param gMax largest target conductance of one device, µS
     * @param t0 time of the first read after programming and reference of drift, s
     * @param tRead read pulse width in the 1/f noise integral, s
     * @param programming programming-noise law
     * @param drift drift law
     * @param readNoise 1/f read-noise law
     * @param readNoiseNormalization what normalises the target before Q_s is evaluated
     */
    public PcmDeviceModel(double gMax, double t0, double tRead, ProgrammingNoise programming, DriftLaw drift,
                          ReadNoise readNoise, ReadNoiseNormalization readNoiseNormalization) {
        this(gMax, t0, tRead, programming, drift, readNoise, readNoiseNormalization, TargetRange.CLIPPED);
    }

    /**
     * The PCM device of Nandakumar et al. 2019 with the paper's defaults: G_max = 25 µS, t0 = 20 s,
     * t_read = 250 ns, and the {@linkplain Conventions#PHYSICAL physical conventions} (targets
     * clipped to G_max, σ_P held at σ_P(1) above G_max, read noise normalised by G_max).
     *
     * @return the default device model
     */
    public static PcmDeviceModel nandakumar2019() {
        return new PcmDeviceModel(25.0, 20.0, 250e-9, ProgrammingNoise.NANDAKUMAR_2019, DriftLaw.NANDAKUMAR_2019,
                ReadNoise.NANDAKUMAR_2019, ReadNoiseNormalization.G_MAX, TargetRange.CLIPPED);
    }

    /**
     * A device without any noise or drift: programming is exact and reads return the target.
     *
     * @return the default model with every noise scale at zero
     */
    public static PcmDeviceModel ideal() {
        return nandakumar2019().withNoiseScales(0, 0, 0);
    }

    /**
     * @param scale multiplier of the programming noise σ_P (1: the fitted law, 0: exact programming)
     * @return this model with that programming-noise scale, the other mechanisms unchanged
     */
    public PcmDeviceModel withProgrammingNoiseScale(double scale) {
        return new PcmDeviceModel(gMax, t0, tRead, programming.withScale(scale), drift, readNoise,
                readNoiseNormalization);
    }

    /**
     * @param scale multiplier of the drift exponent ν (1: the fitted law, 0: no drift)
     * @return this model with that drift scale, the other mechanisms unchanged
     */
    public PcmDeviceModel withDriftScale(double scale) {
        return new PcmDeviceModel(gMax, t0, tRead, programming, drift.withScale(scale), readNoise,
                readNoiseNormalization);
    }

    /**
     * @param scale multiplier of the 1/f read-noise amplitude Q_s (1: the fitted law, 0: noiseless reads)
     * @return this model with that read-noise scale, the other mechanisms unchanged
     */
    public PcmDeviceModel withReadNoiseScale(double scale) {
        return new PcmDeviceModel(gMax, t0, tRead, programming, drift, readNoise.withScale(scale),
                readNoiseNormalization);
    }

    /**
     * All three scales at once; {@link #withProgrammingNoiseScale}, {@link #withDriftScale} and
     * {@link #withReadNoiseScale} say which is which.
     *
     * @param programmingScale multiplier of σ_P
     * @param driftScale multiplier of ν
     * @param readNoiseScale multiplier of Q_s
     * @return this model with other noise scales
     */
    public PcmDeviceModel withNoiseScales(double programmingScale, double driftScale, double readNoiseScale) {
        return new PcmDeviceModel(gMax, t0, tRead, programming.withScale(programmingScale),
                drift.withScale(driftScale), readNoise.withScale(readNoiseScale), readNoiseNormalization, targetRange);
    }

    /**
     * @param normalization the read-noise normalisation
     * @return this model with another read-noise normalisation
     */
    public PcmDeviceModel withReadNoiseNormalization(ReadNoiseNormalization normalization) {
        return new PcmDeviceModel(gMax, t0, tRead, programming, drift, readNoise, normalization, targetRange);
    }

    /**
     * @param range the target range
     * @return this model with another target range
     */
    public PcmDeviceModel withTargetRange(TargetRange range) {
        return new PcmDeviceModel(gMax, t0, tRead, programming, drift, readNoise, readNoiseNormalization, range);
    }

    /**
     * @param extrapolation how σ_P is evaluated above G_max
     * @return this model with another programming-noise extrapolation
     */
    public PcmDeviceModel withProgrammingNoiseExtrapolation(ProgrammingNoiseExtrapolation extrapolation) {
        return new PcmDeviceModel(gMax, t0, tRead, programming.withExtrapolation(extrapolation), drift, readNoise,
                readNoiseNormalization, targetRange);
    }

    /**
     * @param conventions a preset
     * @return this model with the preset's target range, programming-noise extrapolation and
     *     read-noise normalisation
     */
    public PcmDeviceModel withConventions(Conventions conventions) {
        return withTargetRange(conventions.targetRange())
                .withProgrammingNoiseExtrapolation(conventions.programmingNoiseExtrapolation())
                .withReadNoiseNormalization(conventions.readNoiseNormalization());
    }

    /**
     * @return the preset the three conventions match ({@code physical}, {@code published}) or
     *     {@code mixed}; recorded in provenance
     */
    public String conventions() {
        return Conventions.describe(this);
    }

    /**
     * The largest |G_T| a device holds under the target range: G_max when clipped, +∞ otherwise.
     *
     * @return µS
     */
    public double targetLimit() {
        return targetRange.limit(gMax);
    }

    /**
     * The time dependence of the 1/f read noise, sqrt(ln((t + t_read) / (2 t_read))) (≈ 4.18 at
     * t = 20 s).
     *
     * @param t seconds after programming, ≥ 0
     * @return the dimensionless 1/f factor
     */
    public double readNoiseTimeFactor(double t) {
        Checks.readTime(t);
        return Math.sqrt(Math.log((t + tRead) / (2 * tRead)));
    }

    /**
     * The drift factor (t / t0)^(−ν) for t &gt; t0, 1 otherwise.
     *
     * @param nu drift exponent
     * @param t seconds after programming
     * @return G(t) / G_P
     */
    public double driftFactor(double nu, double t) {
        return t > t0 ? Math.exp(-nu * Math.log(t / t0)) : 1.0;
    }

    /**
     * Programs every device of an array once: draws G_P = G_T + σ_P(g)·ξ and ν. Devices whose target
     * is exactly 0 are not programmed and stay at 0. Under {@link TargetRange#CLIPPED} a target above
     * G_max is programmed at G_max with its sign ({@link ProgrammedDevices#clippedDevices()} counts them).
     *
     * @param targets target conductances, µS, signed, in any order the caller likes (an array of any
     *     shape flattened; copied)
     * @param rng the generator of this programming event
     * @return the programmed state, which can then be read any number of times
     */
    public ProgrammedDevices program(double[] targets, UniformRandomProvider rng) {
        return ProgrammedDevices.program(this, targets.clone(), rng);
    }
}
