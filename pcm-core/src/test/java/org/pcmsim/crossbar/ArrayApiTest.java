package org.pcmsim.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ProgrammedDevices;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/** The array face of the library: programming plain arrays and reading them back, row-major. */
class ArrayApiTest {

    @Test
    void anIdealDeviceReadsBackItsTargets() {
        double[] targets = {0, 5, -12.5, 25};
        ProgrammedDevices d = PcmDeviceModel.ideal().program(targets, new XoRoShiRo128PlusPlus(1, 2));
        assertEquals(4, d.size());
        assertArrayEquals(targets, d.read(1e6, new XoRoShiRo128PlusPlus(3, 4)), 0.0);
    }

    @Test
    void programmingIsStoredAndOnlyReadNoiseChangesBetweenReads() {
        double[] targets = new double[100];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = 1 + i * 24.0 / 99;
        }
        ProgrammedDevices d = PcmDeviceModel.nandakumar2019().program(targets, new XoRoShiRo128PlusPlus(5, 6));
        double[] gp = d.programmed();
        assertFalse(Arrays.equals(targets, gp));
        double[] a = d.read(20, new XoRoShiRo128PlusPlus(7, 8));
        double[] b = d.read(20, new XoRoShiRo128PlusPlus(9, 10));
        assertFalse(Arrays.equals(a, b));
        gp[0] = Double.NaN;
        assertFalse(Double.isNaN(d.programmed()[0]), "accessors return copies");
        assertArrayEquals(d.programmed(), d.conductances(20), 0.0, "no drift at t0");
    }

    @Test
    void effectiveWeightsOfAnIdealCrossbarAreTheIntegerWeightsRowMajor() {
        for (SlicingScheme s : new SlicingScheme[] {SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 2),
            SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 8, 1), SlicingScheme.positional(3)}) {
            int[] w = {-255, -3, 0, 1, 77, 255};
            ProgrammedCrossbar pc = new CrossbarProgrammer(s, PcmDeviceModel.ideal())
                    .program(w, 2, 3, new XoRoShiRo128PlusPlus(1, 1));
            double[] eff = pc.effectiveWeights(1e5, new XoRoShiRo128PlusPlus(2, 2));
            assertArrayEquals(Arrays.stream(w).asDoubleStream().toArray(), eff, 1e-9, s.toString());
            assertEquals(s.nSlices(), pc.nSlices());
            assertEquals(6, pc.targets(0).length);
            // Row-major: the zero weight (row 0, column 2) has no device in any slice.
            for (int j = 0; j < pc.nSlices(); j++) {
                assertEquals(0.0, pc.programmed(j)[2], s + " slice " + j);
            }
        }
    }

    @Test
    void driftLowersTheEffectiveWeights() {
        int[] w = new int[16 * 16];
        Arrays.fill(w, 200);
        ProgrammedCrossbar pc = new CrossbarProgrammer(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 2, 1),
                PcmDeviceModel.nandakumar2019().withNoiseScales(0, 1, 0))
                .program(w, 16, 16, new XoRoShiRo128PlusPlus(3, 3));
        double mean = Arrays.stream(pc.effectiveWeights(3.15e7, new XoRoShiRo128PlusPlus(4, 4))).average()
                .orElseThrow();
        // nu ~ 0.05 for g = 0.78: (1.6e6)^-0.05 ~ 0.49.
        assertTrue(mean < 0.6 * 200 && mean > 0.4 * 200, "mean effective weight after a year " + mean);
    }

    @Test
    void outOfRangeWeightsAreRejectedByValue() {
        CrossbarProgrammer p = new CrossbarProgrammer(SlicingScheme.positional(2), PcmDeviceModel.ideal());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.program(new int[] {300}, 1, 1, new XoRoShiRo128PlusPlus(1, 1)));
        assertTrue(e.getMessage().contains("300"), e.getMessage());
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
                () -> p.program(new int[] {Integer.MIN_VALUE}, 1, 1, new XoRoShiRo128PlusPlus(1, 1)));
        assertTrue(low.getMessage().contains(String.valueOf(Integer.MIN_VALUE)), low.getMessage());
    }
}
