package org.pcmsim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Presets by name and the named per-mechanism scales. */
class DevicePresetTest {
    @Test
    void namedScalesSetOneMechanismEach() {
        PcmDeviceModel m = PcmDeviceModel.nandakumar2019().withProgrammingNoiseScale(0.5).withDriftScale(0)
                .withReadNoiseScale(2);
        assertEquals(PcmDeviceModel.nandakumar2019().withNoiseScales(0.5, 0, 2), m);
        assertEquals(0.5, m.programming().scale());
        assertEquals(0.0, m.drift().scale());
        assertEquals(2.0, m.readNoise().scale());
    }

    @Test
    void presetsByName() {
        assertEquals(PcmDeviceModel.ideal(), DevicePreset.byName("ideal").model());
        assertEquals(PcmDeviceModel.nandakumar2019(), DevicePreset.byName("NANDAKUMAR2019").model());
        for (DevicePreset p : DevicePreset.values()) {
            assertEquals(p, DevicePreset.byName(p.id()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DevicePreset.byName("gst"));
        assertTrue(e.getMessage().contains("'gst'") && e.getMessage().contains("no-drift"), e.getMessage());
    }
}
