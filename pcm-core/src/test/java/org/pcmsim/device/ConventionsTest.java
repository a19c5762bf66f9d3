package org.pcmsim.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;

/** The three conventions of the published engine, their presets and their laws (docs/model.md, Conventions). */
class ConventionsTest {
    private static final double C2 = -1.1731;
    private static final double C1 = 1.9650;
    private static final double C0 = 0.2635;

    private static double quadratic(double g) {
        return (C2 * g + C1) * g + C0;
    }

    @Test
    void theDefaultDeviceIsPhysical() {
        PcmDeviceModel m = PcmDeviceModel.nandakumar2019();
        assertEquals(TargetRange.CLIPPED, m.targetRange());
        assertEquals(ProgrammingNoiseExtrapolation.SATURATED, m.programming().extrapolation());
        assertEquals(ReadNoiseNormalization.G_MAX, m.readNoiseNormalization());
        assertEquals("physical", m.conventions());
        assertEquals(25.0, m.targetLimit(), 0.0);
    }

    @Test
    void aPresetSetsAllThreeAndOneChangeMakesItMixed() {
        PcmDeviceModel p = PcmDeviceModel.nandakumar2019().withConventions(Conventions.PUBLISHED);
        assertEquals(TargetRange.UNBOUNDED, p.targetRange());
        assertEquals(ProgrammingNoiseExtrapolation.ABSOLUTE, p.programming().extrapolation());
        assertEquals(ReadNoiseNormalization.SLICE_MAX, p.readNoiseNormalization());
        assertEquals("published", p.conventions());
        assertEquals(Double.POSITIVE_INFINITY, p.targetLimit(), 0.0);
        assertEquals("mixed", p.withTargetRange(TargetRange.CLIPPED).conventions());
        assertEquals("mixed", p.withProgrammingNoiseExtrapolation(ProgrammingNoiseExtrapolation.SATURATED).conventions());
        assertEquals("mixed", p.withReadNoiseNormalization(ReadNoiseNormalization.G_MAX).conventions());
        assertEquals(PcmDeviceModel.nandakumar2019(), p.withConventions(Conventions.PHYSICAL));
        // Noise scales survive a change of conventions and vice versa.
        PcmDeviceModel scaled = p.withNoiseScales(0.5, 2, 3);
        assertEquals("published", scaled.conventions());
        assertEquals(0.5, scaled.withConventions(Conventions.PHYSICAL).programming().scale(), 0.0);
    }

    @Test
    void bothExtrapolationsFollowTheFitInsideItsRange() {
        ProgrammingNoise sat = ProgrammingNoise.NANDAKUMAR_2019;
        ProgrammingNoise abs = sat.withExtrapolation(ProgrammingNoiseExtrapolation.ABSOLUTE);
        for (double g : new double[] {0, 0.1, 0.5, 0.9, 1.0}) {
            assertEquals(quadratic(g), sat.sigma(g), 1e-12);
            assertEquals(quadratic(g), abs.sigma(g), 1e-12);
        }
    }

    @Test
    void saturatedHoldsSigmaAtGMaxAndAbsoluteTakesTheSpreadOfTheNegativeQuadratic() {
        ProgrammingNoise sat = ProgrammingNoise.NANDAKUMAR_2019;
        ProgrammingNoise abs = sat.withExtrapolation(ProgrammingNoiseExtrapolation.ABSOLUTE);
        double atOne = quadratic(1.0);
        assertEquals(1.0554, atOne, 1e-12);
        for (double g : new double[] {1.2, 1.79, 2.0, 10, 90}) {
            assertEquals(atOne, sat.sigma(g), 1e-12);
        }
        double root = (-C1 - Math.sqrt(C1 * C1 - 4 * C2 * C0)) / (2 * C2);
        assertEquals(1.80, root, 0.005); // where the fit turns negative
        assertEquals(quadratic(1.5), abs.sigma(1.5), 1e-12); // still positive, below σ_P(1)
        assertEquals(-quadratic(3.0), abs.sigma(3.0), 1e-12);
        assertEquals(4.3994, abs.sigma(3.0), 1e-4);
        assertEquals(-quadratic(38.0), abs.sigma(38.0), 1e-9); // ≈ 1.17 g² µS
        assertEquals(0.5 * -quadratic(38.0), abs.withScale(0.5).sigma(38.0), 1e-9);
        assertThrows(NullPointerException.class, () -> sat.withExtrapolation(null));
    }

    @Test
    void programmedDevicesClipTargetsAboveGMaxKeepingTheirSign() {
        double[] t = {30, -40, 10, 0, -25, 25.000001};
        PcmDeviceModel ideal = PcmDeviceModel.ideal();
        ProgrammedDevices clipped = ideal.program(t, new XoRoShiRo128PlusPlus(1, 2));
        assertEquals(3, clipped.clippedDevices());
        assertArrayEquals(new double[] {25, -25, 10, 0, -25, 25}, clipped.targets(), 0.0);
        assertArrayEquals(new double[] {25, -25, 10, 0, -25, 25}, clipped.programmed(), 0.0);
        ProgrammedDevices unbounded = ideal.withTargetRange(TargetRange.UNBOUNDED)
                .program(t, new XoRoShiRo128PlusPlus(1, 2));
        assertEquals(0, unbounded.clippedDevices());
        assertArrayEquals(t, unbounded.targets(), 0.0);
    }
}
