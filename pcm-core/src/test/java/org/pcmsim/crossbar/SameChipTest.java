package org.pcmsim.crossbar;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/** When two programmers program the same chip, which lets a Monte Carlo trial read it once for both. */
class SameChipTest {
    @Test
    void equalFillProgramsTheSameChipAtEveryBaseAndOnlyThen() {
        PcmDeviceModel m = PcmDeviceModel.nandakumar2019();
        CrossbarProgrammer b2 = new CrossbarProgrammer(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 4, 2), m);
        for (int b = 1; b <= 8; b++) {
            assertTrue(b2.programsSameChipAs(
                    new CrossbarProgrammer(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 4, b), m)), "b = " + b);
        }
        assertFalse(b2.programsSameChipAs(new CrossbarProgrammer(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 2, 2), m)));
        assertFalse(b2.programsSameChipAs(new CrossbarProgrammer(SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 4, 2), m)));
        assertFalse(b2.programsSameChipAs(new CrossbarProgrammer(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 4, 2),
                m.withNoiseScales(1, 1, 0.5))));
        CrossbarProgrammer ec = new CrossbarProgrammer(SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 2), m);
        assertFalse(ec.programsSameChipAs(ec), "error correction is never tabulated");
    }
}
