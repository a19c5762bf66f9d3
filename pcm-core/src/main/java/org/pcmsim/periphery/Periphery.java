package org.pcmsim.periphery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pcmsim.internal.Checks;

/**
 * The non-ideal periphery of one analog tile: converters and wires. Every effect is off in
 * {@link #IDEAL}, which leaves the paper's model unchanged (its ADC rounds and clips, its DAC is exact,
 * its wires have no resistance). Converter quantities are in LSBs of the converter concerned: the ADC's
 * LSB is one output level of the signed per-slice ADC (±127 for 8 bits), the DAC's LSB one input level
 * (±255 for 9 bits).
 *
 * <p>Where the defaults and typical values come from (aihwkit = IBM Analog Hardware Acceleration Kit,
 * {@code IOParameters}; CrossSim = Sandia CrossSim):
 * <ul>
 *   <li>ADC output noise: aihwkit {@code out_noise}, a Gaussian σ on each output, fresh at every
 *       MVM, in units of the output range; its default 0.06 with {@code out_bound} 12 and 9-bit
 *       {@code out_res} = 1/510, and 0.04 with {@code out_bound} 10 and 8 bits (1/254) in its
 *       hardware-aware-training tutorial ({@code notebooks/tutorial/hw_aware_training.ipynb}, with
 *       PCM devices of G_max = 25 µS). Taking {@code out_res} as a fraction of the full range
 *       2·{@code out_bound}, these are 1.28 and 0.51 LSB.</li>
 *   <li>ADC gain and offset mismatch: drawn once per chip for every column and slice, the role of
 *       aihwkit's per-output {@code v_offset_std} (a systematic gain error per output) and of CrossSim's
 *       per-ADC capacitor and comparator mismatch ({@code sigma_capacitor}, {@code sigma_comparator}).
 *       Both default to 0 there as here.</li>
 *   <li>DAC input noise: aihwkit {@code inp_noise} (default 0), σ of the analog input after the DAC;
 *       here in DAC LSBs ({@code inp_noise / inp_res}).</li>
 *   <li>DAC integral nonlinearity: neither tool models it (CrossSim's DACs are ideal quantisers);
 *       here an odd cubic bow, see {@link Converters#dacInl}. Datasheets specify INL as the peak
 *       deviation in LSB, which is what {@link #dacInlLsb} is.</li>
 *   <li>IR drop: the resistance r of the wire segment between neighbouring cells, on rows and columns
 *       alike (CrossSim's {@code Rp_row}, {@code Rp_col}, which it normalises by the device's
 *       R_min), acting against the device conductance scale G (G_max = 25 µS by default). aihwkit
 *       expresses the same physics as {@code ir_drop_g_ratio} = 1 / (r · G), default
 *       1 / (0.35 Ω · 5 µS) = 571 429 (its docstring says "5mS"; the number is 5 µS), and
 *       {@code IOParametersIRDropT} uses r = 0.15 Ω.</li>
 * </ul>
 *
 * @param adcNoiseLsb σ of the ADC's input-referred Gaussian noise, LSB, fresh at every conversion (0)
 * @param adcGainMismatch relative σ of each ADC's gain, drawn once per chip per column and slice (0)
 * @param adcOffsetMismatchLsb σ of each ADC's offset, LSB, drawn once per chip per column and slice (0)
 * @param dacNoiseLsb σ of the Gaussian noise on each DAC output, LSB, fresh at every conversion (0)
 * @param dacInlLsb peak integral nonlinearity of the DAC, LSB (0)
 * @param wireResistanceOhm r, the wire resistance between neighbouring cells on a row or a column, Ω (0)
 * @param deviceConductanceMicroSiemens G, the device conductance the wires act against, µS (G_max, 25)
 * @param irDropModel how IR drop is computed; {@link IrDropModel#NONE} requires r = 0
 */
public record Periphery(double adcNoiseLsb, double adcGainMismatch, double adcOffsetMismatchLsb,
                        double dacNoiseLsb, double dacInlLsb, double wireResistanceOhm,
                        double deviceConductanceMicroSiemens, IrDropModel irDropModel) {

    /** G_max of the paper's PCM device, µS: the default conductance scale for IR drop. */
    public static final double G_MAX_MICRO_SIEMENS = 25.0;

    /** The paper's periphery: every effect off. */
    public static final Periphery IDEAL = new Periphery(0, 0, 0, 0, 0, 0, G_MAX_MICRO_SIEMENS, IrDropModel.NONE);

    /**
     * ADC noise of 0.5 LSB alone: aihwkit's hardware-aware-training tutorial ({@code out_noise} 0.04,
     * {@code out_bound} 10, 8-bit ADC), 0.04 / (20 / 254) = 0.51 LSB.
     */
    public static final Periphery ADC_NOISE_HALF_LSB = IDEAL.withAdcNoise(0.5);

    /**
     * ADC noise of 1 LSB alone: the order of aihwkit's default ({@code out_noise} 0.06,
     * {@code out_bound} 12, 9-bit ADC), 0.06 / (24 / 510) = 1.28 LSB.
     */
    public static final Periphery ADC_NOISE_ONE_LSB = IDEAL.withAdcNoise(1.0);

    /**
     * IR drop alone with aihwkit's wire, 0.35 Ω per cell segment (the resistance behind its default
     * {@code ir_drop_g_ratio}), against this model's 25 µS PCM devices: r · G = 8.75 × 10⁻⁶;
     * first-order model.
     */
    public static final Periphery IR_DROP_AIHWKIT = IDEAL.withIrDrop(0.35, IrDropModel.FIRST_ORDER);

    /**
     * IR drop alone with 1 Ω per cell segment against 25 µS devices, r · G = 2.5 × 10⁻⁵: about 14 times
     * aihwkit's default ratio and 2.9 times its 0.35 Ω wire against 25 µS. A round stress value, not
     * taken from a specific chip; first-order model.
     */
    public static final Periphery IR_DROP_ONE_OHM = IDEAL.withIrDrop(1.0, IrDropModel.FIRST_ORDER);

    /** Validates every parameter; messages name the bad value. */
    public Periphery {
        Checks.nonNegative("adcNoiseLsb", adcNoiseLsb);
        Checks.nonNegative("adcGainMismatch", adcGainMismatch);
        if (adcGainMismatch > 0.5) {
            throw new IllegalArgumentException("adcGainMismatch must be <= 0.5 (a relative σ), got "
                    + adcGainMismatch);
        }
        Checks.nonNegative("adcOffsetMismatchLsb", adcOffsetMismatchLsb);
        Checks.nonNegative("dacNoiseLsb", dacNoiseLsb);
        Checks.nonNegative("dacInlLsb", dacInlLsb);
        Checks.nonNegative("wireResistanceOhm", wireResistanceOhm);
        Checks.positive("deviceConductanceMicroSiemens", deviceConductanceMicroSiemens);
        if (irDropModel == null) {
            throw new IllegalArgumentException("irDropModel must be NONE, FIRST_ORDER or EXACT, got null");
        }
        if (irDropModel == IrDropModel.NONE && wireResistanceOhm > 0) {
            throw new IllegalArgumentException("wireResistanceOhm is " + wireResistanceOhm
                    + " but irDropModel is NONE; choose FIRST_ORDER or EXACT");
        }
    }

    /**
     * @param sigmaLsb σ of the ADC noise, LSB
     * @return this periphery with another ADC noise
     */
    public Periphery withAdcNoise(double sigmaLsb) {
        return new Periphery(sigmaLsb, adcGainMismatch, adcOffsetMismatchLsb, dacNoiseLsb, dacInlLsb,
                wireResistanceOhm, deviceConductanceMicroSiemens, irDropModel);
    }

    /**
     * @param gainSigma relative σ of the per-ADC gain
     * @param offsetSigmaLsb σ of the per-ADC offset, LSB
     * @return this periphery with another ADC mismatch
     */
    public Periphery withAdcMismatch(double gainSigma, double offsetSigmaLsb) {
        return new Periphery(adcNoiseLsb, gainSigma, offsetSigmaLsb, dacNoiseLsb, dacInlLsb,
                wireResistanceOhm, deviceConductanceMicroSiemens, irDropModel);
    }

    /**
     * @param noiseLsb σ of the DAC noise, LSB
     * @param inlLsb peak DAC INL, LSB
     * @return this periphery with another DAC
     */
    public Periphery withDac(double noiseLsb, double inlLsb) {
        return new Periphery(adcNoiseLsb, adcGainMismatch, adcOffsetMismatchLsb, noiseLsb, inlLsb,
                wireResistanceOhm, deviceConductanceMicroSiemens, irDropModel);
    }

    /**
     * @param ohm r, Ω per cell segment
     * @param model the IR-drop model ({@link IrDropModel#NONE} only with r = 0)
     * @return this periphery with other wires
     */
    public Periphery withIrDrop(double ohm, IrDropModel model) {
        return new Periphery(adcNoiseLsb, adcGainMismatch, adcOffsetMismatchLsb, dacNoiseLsb, dacInlLsb,
                ohm, deviceConductanceMicroSiemens, model);
    }

    /**
     * @param microSiemens G, the device conductance scale, µS
     * @return this periphery against another conductance scale
     */
    public Periphery withDeviceConductance(double microSiemens) {
        return new Periphery(adcNoiseLsb, adcGainMismatch, adcOffsetMismatchLsb, dacNoiseLsb, dacInlLsb,
                wireResistanceOhm, microSiemens, irDropModel);
    }

    /** @return whether the ADC is the paper's (round and clip only) */
    public boolean idealAdc() {
        return adcNoiseLsb == 0 && adcGainMismatch == 0 && adcOffsetMismatchLsb == 0;
    }

    /** @return whether the DAC is exact */
    public boolean idealDac() {
        return dacNoiseLsb == 0 && dacInlLsb == 0;
    }

    /** @return whether the wires are ideal (r = 0) */
    public boolean idealWires() {
        return wireResistanceOhm == 0;
    }

    /** @return whether every effect is off */
    public boolean isIdeal() {
        return idealAdc() && idealDac() && idealWires();
    }

    /**
     * @return r · G, dimensionless (Ω × µS × 10⁻⁶): the strength of IR drop per cell; the reciprocal
     *     of aihwkit's {@code ir_drop_g_ratio}
     */
    public double wireToDeviceRatio() {
        return wireResistanceOhm * deviceConductanceMicroSiemens * 1e-6;
    }

    /**
     * @return a short description for tables and provenance: {@code ideal}, or the effects that are
     *     on, separated by semicolons (no comma, so it is one plain CSV field), e.g.
     *     {@code adc-noise=0.5lsb;ir-drop=1ohm/first-order}
     */
    public String describe() {
        if (isIdeal()) {
            return "ideal";
        }
        List<String> parts = new ArrayList<>();
        if (adcNoiseLsb > 0) {
            parts.add("adc-noise=" + num(adcNoiseLsb) + "lsb");
        }
        if (adcGainMismatch > 0) {
            parts.add("adc-gain-mismatch=" + num(adcGainMismatch));
        }
        if (adcOffsetMismatchLsb > 0) {
            parts.add("adc-offset-mismatch=" + num(adcOffsetMismatchLsb) + "lsb");
        }
        if (dacNoiseLsb > 0) {
            parts.add("dac-noise=" + num(dacNoiseLsb) + "lsb");
        }
        if (dacInlLsb > 0) {
            parts.add("dac-inl=" + num(dacInlLsb) + "lsb");
        }
        if (wireResistanceOhm > 0) {
            parts.add("ir-drop=" + num(wireResistanceOhm) + "ohm/"
                    + irDropModel.name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + (deviceConductanceMicroSiemens == G_MAX_MICRO_SIEMENS ? ""
                            : "@" + num(deviceConductanceMicroSiemens) + "uS"));
        }
        return String.join(";", parts);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
