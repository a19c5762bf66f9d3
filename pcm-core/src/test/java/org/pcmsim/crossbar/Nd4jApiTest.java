package org.pcmsim.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ProgrammedDevices;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/** The ND4J face of the library: programming arrays and reading them back. */
class Nd4jApiTest {

    @Test
    void anIdealDeviceReadsBackItsTargets() {
        INDArray targets = Nd4j.create(new double[] {0, 5, -12.5, 25}, new long[] {2, 2}, 'c');
        ProgrammedDevices d = PcmDeviceModel.ideal().program(targets, new XoRoShiRo128PlusPlus(1, 2));
        assertArrayEquals(new long[] {2, 2}, d.read(1e6, new XoRoShiRo128PlusPlus(3, 4)).shape());
        assertArrayEquals(targets.data().asDouble(), d.read(1e6, new XoRoShiRo128PlusPlus(3, 4)).data().asDouble(),
                0.0);
    }

    @Test
    void programmingIsStoredAndOnlyReadNoiseChangesBetweenReads() {
        INDArray targets = Nd4j.linspace(1, 25, 100).reshape(10, 10);
        ProgrammedDevices d = PcmDeviceModel.nandakumar2019().program(targets, new XoRoShiRo128PlusPlus(5, 6));
        INDArray gp = d.programmed();
        assertNotEquals(targets, gp);
        INDArray a = d.read(20, new XoRoShiRo128PlusPlus(7, 8));
        INDArray b = d.read(20, new XoRoShiRo128PlusPlus(9, 10));
        assertNotEquals(a, b);
        assertEquals(gp, d.programmed(), "reads never change the programmed state");
        assertEquals(gp, d.conductances(20), "no drift at t0");
    }

    @Test
    void effectiveWeightsOfAnIdealCrossbarAreTheIntegerWeights() {
        for (SlicingScheme s : new SlicingScheme[] {SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 2),
            SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 8, 1), SlicingScheme.positional(3)}) {
            INDArray w = Nd4j.create(new double[] {-255, -3, 0, 1, 77, 255}, new long[] {2, 3}, 'c');
            ProgrammedCrossbar pc = new CrossbarProgrammer(s, PcmDeviceModel.ideal())
                    .program(w, new XoRoShiRo128PlusPlus(1, 1));
            INDArray eff = pc.effectiveWeights(1e5, new XoRoShiRo128PlusPlus(2, 2));
            assertArrayEquals(w.data().asDouble(), eff.data().asDouble(), 1e-9, s.toString());
            assertEquals(s.nSlices(), pc.nSlices());
        }
    }

    @Test
    void driftLowersTheEffectiveWeights() {
        INDArray w = Nd4j.valueArrayOf(new long[] {16, 16}, 200.0);
        ProgrammedCrossbar pc = new CrossbarProgrammer(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 2, 1),
                PcmDeviceModel.nandakumar2019().withNoiseScales(0, 1, 0)).program(w, new XoRoShiRo128PlusPlus(3, 3));
        double mean = pc.effectiveWeights(3.15e7, new XoRoShiRo128PlusPlus(4, 4)).meanNumber().doubleValue();
        // nu ~ 0.05 for g = 0.78: (1.6e6)^-0.05 ~ 0.49.
        assertTrue(mean < 0.6 * 200 && mean > 0.4 * 200, "mean effective weight after a year " + mean);
    }

    @Test
    void nonIntegerWeightsAreRejectedByValue() {
        INDArray w = Nd4j.create(new double[] {1.5, 2}, new long[] {1, 2}, 'c');
        CrossbarProgrammer p = new CrossbarProgrammer(SlicingScheme.positional(2), PcmDeviceModel.ideal());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.program(w, new XoRoShiRo128PlusPlus(1, 1)));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        INDArray big = Nd4j.create(new double[] {300}, new long[] {1, 1}, 'c');
        e = assertThrows(IllegalArgumentException.class, () -> p.program(big, new XoRoShiRo128PlusPlus(1, 1)));
        assertTrue(e.getMessage().contains("300"), e.getMessage());
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
                () -> p.program(new int[] {Integer.MIN_VALUE}, 1, 1, new XoRoShiRo128PlusPlus(1, 1)));
        assertTrue(low.getMessage().contains(String.valueOf(Integer.MIN_VALUE)), low.getMessage());
    }
}
