package org.pcmsim.analog;

import java.util.Objects;
import org.pcmsim.crossbar.ArrayShape;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.DriftCompensationScope;
import org.pcmsim.crossbar.ReadNoiseSampling;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.slicing.SlicingScheme;

/**
 * How a real matrix is put on analog hardware: slicing scheme, device, array periphery, array size
 * (a larger matrix is tiled) and the scope of drift compensation.
 *
 * @param slicing the weight-slicing scheme (its magnitude bits must match the crossbar's weights)
 * @param device the PCM device model
 * @param crossbar bit widths, k·σ clips, GDC on or off (its size is replaced by the array's)
 * @param array the size of one array; larger matrices are tiled
 * @param driftScope one drift calibration per tile or per matrix
 * @param sampling how read noise is drawn
 */
public record AnalogSettings(SlicingScheme slicing, PcmDeviceModel device, CrossbarConfig crossbar, ArrayShape array,
                             DriftCompensationScope driftScope, ReadNoiseSampling sampling) {

    /** Rejects nulls and a scheme whose magnitude bits differ from the crossbar's weights. */
    public AnalogSettings {
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
        return new AnalogSettings(slicing, d, crossbar, array, driftScope, sampling);
    }

    /**
     * @param c another periphery
     * @return these settings with it
     */
    public AnalogSettings withCrossbar(CrossbarConfig c) {
        return new AnalogSettings(slicing, device, c, array, driftScope, sampling);
    }

    /**
     * @param a another array size
     * @return these settings with it
     */
    public AnalogSettings withArray(ArrayShape a) {
        return new AnalogSettings(slicing, device, crossbar, a, driftScope, sampling);
    }

    /**
     * @param s another drift-compensation scope
     * @return these settings with it
     */
    public AnalogSettings withDriftScope(DriftCompensationScope s) {
        return new AnalogSettings(slicing, device, crossbar, array, s, sampling);
    }
}
