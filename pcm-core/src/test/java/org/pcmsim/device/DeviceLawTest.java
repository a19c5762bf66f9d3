package org.pcmsim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;
import org.pcmsim.internal.DeviceProgrammer;

/** The device laws of docs/model.md §2 at points where their values are known by hand. */
class DeviceLawTest {
    private final PcmDeviceModel m = PcmDeviceModel.nandakumar2019();

    @Test
    void programmingNoiseAtTheEnds() {
        assertEquals(0.2635, m.programming().sigma(0.0), 1e-12);
        assertEquals(-1.1731 + 1.9650 + 0.2635, m.programming().sigma(1.0), 1e-12);
        assertEquals(1.0554, m.programming().sigma(1.0), 1e-12);
    }

    @Test
    void driftMeanIsClippedAtBothEnds() {
        double knee = Math.exp((0.0244 - 0.049) / 0.0155); // where -0.0155 ln g + 0.0244 = 0.049
        assertEquals(0.2045, knee, 1e-4);
        assertEquals(0.049, m.drift().mean(knee + 1e-6), 1e-12);
        assertEquals(0.049, m.drift().mean(0.5), 1e-12);
        assertEquals(0.049, m.drift().mean(1.0), 1e-12);
        assertEquals(-0.0155 * Math.log(0.1) + 0.0244, m.drift().mean(0.1), 1e-12);
        assertEquals(0.1, m.drift().mean(1e-6), 1e-12);
    }

    @Test
    void driftSigmaIsClippedAtBothEnds() {
        assertEquals(0.008, m.drift().sigma(1.0), 1e-12);
        assertEquals(-0.0125 * Math.log(0.1) - 0.0059, m.drift().sigma(0.1), 1e-12);
        assertEquals(0.045, m.drift().sigma(1e-3), 1e-12);
    }

    @Test
    void readNoiseAmplitudeAndTimeFactor() {
        assertEquals(0.0088, m.readNoise().qs(1.0), 1e-15);
        assertEquals(0.0088 / Math.pow(0.25, 0.65), m.readNoise().qs(0.25), 1e-15);
        assertEquals(0.2, m.readNoise().qs(0.0), 0.0);
        assertEquals(Math.sqrt(Math.log((20 + 250e-9) / 500e-9)), m.readNoiseTimeFactor(20), 1e-12);
        assertEquals(4.18, m.readNoiseTimeFactor(20), 0.005);
    }

    @Test
    void driftFactorIsOneUntilT0ThenAPowerLaw() {
        assertEquals(1.0, m.driftFactor(0.05, 10), 0.0);
        assertEquals(1.0, m.driftFactor(0.05, 20), 0.0);
        assertEquals(Math.pow(1000, -0.05), m.driftFactor(0.05, 20_000), 1e-12);
    }

    @Test
    void scalesMultiplyTheLaws() {
        PcmDeviceModel half = m.withNoiseScales(0.5, 2, 0);
        assertEquals(0.5 * 0.2635, half.programming().sigma(0), 1e-12);
        assertEquals(0.0, half.readNoise().qs(0.5), 0.0);
        assertEquals(2.0, half.drift().scale(), 0.0);
    }

    @Test
    void zeroTargetIsNotProgrammedAndDrawsNothing() {
        XoRoShiRo128PlusPlus a = new XoRoShiRo128PlusPlus(1, 2);
        XoRoShiRo128PlusPlus b = new XoRoShiRo128PlusPlus(1, 2);
        DeviceProgrammer p = new DeviceProgrammer(m, a);
        double[] nu = new double[1];
        assertEquals(0.0, p.program(0.0, nu, 0), 0.0);
        assertEquals(0.0, nu[0], 0.0);
        assertEquals(b.nextLong(), a.nextLong(), "a zero target must not consume random numbers");
    }

    @Test
    void driftExponentIsNonNegative() {
        DeviceProgrammer p = new DeviceProgrammer(m, new XoRoShiRo128PlusPlus(3, 4));
        double[] nu = new double[10_000];
        for (int i = 0; i < nu.length; i++) {
            p.program(1e-3 + 25.0 * i / nu.length, nu, i);
            assertTrue(nu[i] >= 0, "nu must be >= 0");
        }
    }

    @Test
    void badParametersAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PcmDeviceModel(Double.NaN, 20, 250e-9, ProgrammingNoise.NANDAKUMAR_2019,
                        DriftLaw.NANDAKUMAR_2019, ReadNoise.NANDAKUMAR_2019, ReadNoiseNormalization.G_MAX));
        assertTrue(e.getMessage().contains("gMax") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.withNoiseScales(-1, 1, 1));
        assertTrue(e.getMessage().contains("programming noise scale") && e.getMessage().contains("-1"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.withNoiseScales(1, Double.NaN, 1));
        assertTrue(e.getMessage().contains("drift scale"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.readNoiseTimeFactor(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.readNoiseTimeFactor(Double.NaN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new PcmDeviceModel(25, 0, 250e-9, ProgrammingNoise.NANDAKUMAR_2019, DriftLaw.NANDAKUMAR_2019,
                        ReadNoise.NANDAKUMAR_2019, ReadNoiseNormalization.G_MAX));
        assertTrue(e.getMessage().contains("t0"), e.getMessage());
    }
}
