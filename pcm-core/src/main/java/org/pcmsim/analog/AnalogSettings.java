package org.pcmsim.analog;

import java.util.Objects;
import org.pcmsim.crossbar.ArrayShape;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.DriftCompensationScope;
import org.pcmsim.crossbar.ReadNoiseSampling;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.periphery.Periphery;
import org.pcmsim.slicing.SlicingScheme;

/**
 * How a real matrix is put on analog hardware: slicing scheme, device, array periphery, array size
 * (a larger matrix is tiled), the scope of drift compensation and the converters' and wires'
 * non-idealities (ideal by default, the paper's).
 *
 * @param slicing the weight-slicing scheme (its magnitude bits must match the crossbar's weights)
 * @param device the PCM device model
 * @param crossbar bit widths, k·σ clips, GDC on or off (its size is replaced by the array's)
 * @param array the size of one array; larger matrices are tiled
 * @param driftScope one drift calibration per tile or per matrix
 * @param sampling how read noise is drawn
 * @param periphery ADC and DAC non-idealities and IR drop of every tile (docs/model.md §9);
 *     {@link Periphery#IDEAL} is the paper's
 */
public record AnalogSettings(SlicingScheme slicing, PcmDeviceModel device, CrossbarConfig crossbar, ArrayShape array,
                             DriftCompensationScope driftScope, ReadNoiseSampling sampling, Periphery periphery) {

    /** Rejects nulls and a scheme whose magnitude bits differ from the crossbar's weights. */
    public AnalogSettings {
        Objects.requireNonNull(periphery, "periphery");
        Objects.requireNonNull(slicing, "slicing");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(crossbar, "crossbar");
        Objects.requireNonNull(array, "array");
        Objects.requireNonNull(driftScope, "driftScope");
        Objects.requireNonNull(sampling, "sampling");
        if (slicing.maxMagnitude() != crossbar.weightMax()) {
            throw new IllegalArgumentException("slicing is for |W| <= " + slicing.maxMagnitude()
                    + " but the crossbar's weights reach " + crossbar.weightMax());
        }
    }

    /**
     * Settings with the ideal periphery ({@link Periphery#IDEAL}).
     *
     * @param slicing the weight-slicing scheme
     * @param device the PCM device model
     * @param crossbar bit widths, k·σ clips, GDC on or off
     * @param array the size of one array
     * @param driftScope one drift calibration per tile or per matrix
     * @param sampling how read noise is drawn
     */
    public AnalogSettings(SlicingScheme slicing, PcmDeviceModel device, CrossbarConfig crossbar, ArrayShape array,
                          DriftCompensationScope driftScope, ReadNoiseSampling sampling) {
        this(slicing, device, crossbar, array, driftScope, sampling, Periphery.IDEAL);
    }

    /**
     * The paper's device and periphery on 128 × 128 arrays, GDC per tile, aggregated read noise.
     *
     * @param slicing the slicing scheme
     * @return the settings
     */
    public static AnalogSettings paper(SlicingScheme slicing) {
        return new AnalogSettings(slicing, PcmDeviceModel.nandakumar2019(), CrossbarConfig.paper(),
                ArrayShape.square(128), DriftCompensationScope.PER_TILE, ReadNoiseSampling.AGGREGATED);
    }

    /**
     * @param d another device model
     * @return these settings with it
     */
    public AnalogSettings withDevice(PcmDeviceModel d) {
        return new AnalogSettings(slicing, d, crossbar, array, driftScope, sampling, periphery);
    }

    /**
     * @param c another periphery
     * @return these settings with it
     */
    public AnalogSettings withCrossbar(CrossbarConfig c) {
        return new AnalogSettings(slicing, device, c, array, driftScope, sampling, periphery);
    }

    /**
     * @param a another array size
     * @return these settings with it
     */
    public AnalogSettings withArray(ArrayShape a) {
        return new AnalogSettings(slicing, device, crossbar, a, driftScope, sampling, periphery);
    }

    /**
     * @param s another drift-compensation scope
     * @return these settings with it
     */
    public AnalogSettings withDriftScope(DriftCompensationScope s) {
        return new AnalogSettings(slicing, device, crossbar, array, s, sampling, periphery);
    }

    /**
     * @param p the converters' and wires' non-idealities of every tile ({@link Periphery#IDEAL}: the paper's)
     * @return these settings with them
     */
    public AnalogSettings withPeriphery(Periphery p) {
        return new AnalogSettings(slicing, device, crossbar, array, driftScope, sampling, p);
    }
}
