package org.pcmsim.nn.analog;

import java.util.Objects;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.slicing.IntegerQuantizer;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/**
 * How a network's convolution and dense weights are deployed on PCM (docs/model.md §6): each weight
 * tensor is clipped at {@code quantizer.clipSigmas()} σ_W and quantised to
 * {@code quantizer.bits()}-bit signed integers, sliced by {@code scheme}, programmed on devices
 * of {@code device}, and read with drift and 1/f noise; optionally a per-layer global drift
 * compensation (GDC) rescales each read. {@code converters} adds the tiles' DACs and ADCs and the
 * non-ideal periphery (docs/model.md §9); {@link LayerConverters#NONE}, the default, is the paper's
 * DNN path without any conversion.
 *
 * @param scheme slicing algorithm, n_W and b_W
 * @param device PCM device model (noise scales included)
 * @param quantizer weight quantiser; its largest level must be the scheme's largest magnitude
 * @param driftCompensation apply per-layer GDC
 * @param converters the tiles' converters and periphery, {@link LayerConverters#NONE} for none
 */
public record AnalogConfig(SlicingScheme scheme, PcmDeviceModel device, IntegerQuantizer quantizer,
                           boolean driftCompensation, LayerConverters converters) {

    /** The paper's DNN weight quantiser: 9 bits, clipped at 2 σ_W. */
    public static final IntegerQuantizer DNN_QUANTIZER = new IntegerQuantizer(9, 2);

    /** Checks that quantiser and slicing agree on the integer range. */
    public AnalogConfig {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(quantizer, "quantizer");
        Objects.requireNonNull(converters, "converters");
        if (quantizer.maxLevel() != scheme.maxMagnitude()) {
            throw new IllegalArgumentException("quantizer max level " + quantizer.maxLevel()
                    + " must equal the slicing scheme's max magnitude " + scheme.maxMagnitude());
        }
    }

    /**
     * A deployment without converters ({@link LayerConverters#NONE}).
     *
     * @param scheme slicing algorithm, n_W and b_W
     * @param device PCM device model
     * @param quantizer weight quantiser
     * @param driftCompensation apply per-layer GDC
     */
    public AnalogConfig(SlicingScheme scheme, PcmDeviceModel device, IntegerQuantizer quantizer,
                        boolean driftCompensation) {
        this(scheme, device, quantizer, driftCompensation, LayerConverters.NONE);
    }

    /**
     * @param algorithm slicing algorithm
     * @param nSlices n_W
     * @param base b_W
     * @return the paper's configuration: Nandakumar 2019 device, 9-bit 2σ quantiser, GDC on
     */
    public static AnalogConfig paper(SlicingAlgorithm algorithm, int nSlices, int base) {
        return new AnalogConfig(SlicingScheme.of(algorithm, nSlices, base), PcmDeviceModel.nandakumar2019(),
                DNN_QUANTIZER, true);
    }

    /**
     * @param model another device model (e.g. with other noise scales)
     * @return this configuration on that device
     */
    public AnalogConfig withDevice(PcmDeviceModel model) {
        return new AnalogConfig(scheme, model, quantizer, driftCompensation, converters);
    }

    /**
     * @param gdc whether to apply global drift compensation
     * @return this configuration with GDC on or off
     */
    public AnalogConfig withDriftCompensation(boolean gdc) {
        return new AnalogConfig(scheme, device, quantizer, gdc, converters);
    }

    /**
     * @param c the tiles' converters and periphery
     * @return this configuration with them
     */
    public AnalogConfig withConverters(LayerConverters c) {
        return new AnalogConfig(scheme, device, quantizer, driftCompensation, c);
    }

    /**
     * @param periphery the non-ideal periphery
     * @return this configuration with the MVM path's converters (9-bit DAC, 8-bit ADC per slice) and
     *     that periphery
     */
    public AnalogConfig withPeriphery(org.pcmsim.periphery.Periphery periphery) {
        return withConverters(LayerConverters.paper(periphery));
    }
}
