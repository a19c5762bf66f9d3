package org.pcmsim.montecarlo;

import java.util.Objects;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.ReadNoiseSampling;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.periphery.Periphery;
import org.pcmsim.slicing.SlicingScheme;
import org.pcmsim.slicing.WeightQuantization;

/**
 * Everything one Monte Carlo trial of an analog MVM depends on (docs/model.md §4), apart from its seed
 * and read times.
 *
 * @param crossbar the crossbar periphery (size, bit widths, clipping, GDC)
 * @param device the PCM device model
 * @param slicing the weight-slicing scheme
 * @param weights how the Gaussian weights are quantised (9-bit integers or ternary)
 * @param sampling how read noise is drawn
 * @param reference what η compares the output with (the paper's: the quantised product)
 * @param periphery the converters and wires beyond the paper's ideal ones (docs/model.md §9;
 *     {@link Periphery#IDEAL} by default)
 */
public record MvmTrialConfig(CrossbarConfig crossbar, PcmDeviceModel device, SlicingScheme slicing,
                             WeightQuantization weights, ReadNoiseSampling sampling, ErrorReference reference,
                             Periphery periphery) {

    /** Rejects nulls and a slicing scheme whose magnitude bits differ from the crossbar's weights. */
    public MvmTrialConfig {
        Objects.requireNonNull(periphery, "periphery");
        Objects.requireNonNull(crossbar, "crossbar");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(slicing, "slicing");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(reference, "reference");
        if (slicing.maxMagnitude() != crossbar.weightMax()) {
            throw new IllegalArgumentException("slicing is for |W| <= " + slicing.maxMagnitude()
                    + " but the crossbar's weights reach " + crossbar.weightMax());
        }
    }

    /**
     * A configuration with the ideal periphery.
     *
     * @param crossbar the crossbar periphery
     * @param device the PCM device model
     * @param slicing the weight-slicing scheme
     * @param weights how the weights are quantised
     * @param sampling how read noise is drawn
     * @param reference what η compares the output with
     */
    public MvmTrialConfig(CrossbarConfig crossbar, PcmDeviceModel device, SlicingScheme slicing,
                          WeightQuantization weights, ReadNoiseSampling sampling, ErrorReference reference) {
        this(crossbar, device, slicing, weights, sampling, reference, Periphery.IDEAL);
    }

    /**
     * A configuration with the paper's η (against the quantised product).
     *
     * @param crossbar the crossbar periphery
     * @param device the PCM device model
     * @param slicing the weight-slicing scheme
     * @param weights how the weights are quantised
     * @param sampling how read noise is drawn
     */
    public MvmTrialConfig(CrossbarConfig crossbar, PcmDeviceModel device, SlicingScheme slicing,
                          WeightQuantization weights, ReadNoiseSampling sampling) {
        this(crossbar, device, slicing, weights, sampling, ErrorReference.QUANTIZED);
    }

    /**
     * @param r another error reference
     * @return this configuration with it
     */
    public MvmTrialConfig withReference(ErrorReference r) {
        return new MvmTrialConfig(crossbar, device, slicing, weights, sampling, r, periphery);
    }

    /**
     * The paper's crossbar and device with 9-bit weights and aggregated read-noise sampling.
     *
     * @param slicing the slicing scheme
     * @return the configuration
     */
    public static MvmTrialConfig paper(SlicingScheme slicing) {
        return new MvmTrialConfig(CrossbarConfig.paper(), PcmDeviceModel.nandakumar2019(), slicing,
                WeightQuantization.INT9, ReadNoiseSampling.AGGREGATED);
    }

    /**
     * @param s another slicing scheme
     * @return this configuration with it
     */
    public MvmTrialConfig withSlicing(SlicingScheme s) {
        return new MvmTrialConfig(crossbar, device, s, weights, sampling, reference, periphery);
    }

    /**
     * @param w another weight quantisation
     * @return this configuration with it
     */
    public MvmTrialConfig withWeights(WeightQuantization w) {
        return new MvmTrialConfig(crossbar, device, slicing, w, sampling, reference, periphery);
    }

    /**
     * @param s another read-noise sampler
     * @return this configuration with it
     */
    public MvmTrialConfig withSampling(ReadNoiseSampling s) {
        return new MvmTrialConfig(crossbar, device, slicing, weights, s, reference, periphery);
    }

    /**
     * @param d another device model
     * @return this configuration with it
     */
    public MvmTrialConfig withDevice(PcmDeviceModel d) {
        return new MvmTrialConfig(crossbar, d, slicing, weights, sampling, reference, periphery);
    }

    /**
     * @param p another periphery
     * @return this configuration with it
     */
    public MvmTrialConfig withPeriphery(Periphery p) {
        return new MvmTrialConfig(crossbar, device, slicing, weights, sampling, reference, p);
    }
}
