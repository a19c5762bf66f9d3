package org.pcmsim.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.pcmsim.device.Conventions;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ProgrammingNoiseExtrapolation;
import org.pcmsim.device.TargetRange;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/**
 * The target-range and programming-noise conventions on a programmed crossbar: with Max-fill EC at
 * b_W = 8, n_W = 4 the least significant slice is asked for many times G_max; clipped, no target
 * exceeds G_max and every clipped device is counted; unbounded, the programming error of a device
 * follows σ_P at its own g, by the chosen extrapolation.
 */
class TargetRangeTest {
    private static final int N = 128;
    private static final SlicingScheme EC_B8 = SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 8);
    private static final PcmDeviceModel PUBLISHED = PcmDeviceModel.nandakumar2019().withConventions(Conventions.PUBLISHED);

    private static int[] gaussianWeights(long seed) {
        UniformRandomProvider rng = new XoRoShiRo128PlusPlus(seed, 11);
        var normal = ZigguratSampler.NormalizedGaussian.of(rng);
        int[] w = new int[N * N];
        for (int i = 0; i < w.length; i++) {
            w[i] = (int) Math.max(-255, Math.min(255, Math.rint(normal.sample() * 85)));
        }
        return w;
    }

    /** Two normals per weight position and slice, as the Monte Carlo engine supplies them. */
    private static double[][] normals(long seed, int slices) {
        var normal = ZigguratSampler.NormalizedGaussian.of(new XoRoShiRo128PlusPlus(seed, 13));
        double[][] xi = new double[slices][2 * N * N];
        for (double[] s : xi) {
            for (int i = 0; i < s.length; i++) {
                s[i] = normal.sample();
            }
        }
        return xi;
    }

    private static ProgrammedCrossbar program(SlicingScheme scheme, PcmDeviceModel model, int[] w, double[][] xi) {
        CrossbarProgrammer p = new CrossbarProgrammer(scheme, model);
        ProgrammedCrossbar pc = p.allocate(N, N);
        p.programInto(pc, w, j -> xi[j], null);
        return pc;
    }

    @Test
    void clippedTargetsNeverExceedGMaxAndTheCountIsExact() {
        int[] w = gaussianWeights(1);
        double[][] xi = normals(2, 4);
        PcmDeviceModel clippedModel = PUBLISHED.withTargetRange(TargetRange.CLIPPED);
        ProgrammedCrossbar clipped = program(EC_B8, clippedModel, w, xi);
        ProgrammedCrossbar unbounded = program(EC_B8, PUBLISHED, w, xi);
        double gMax = PUBLISHED.gMax();
        int over = 0;
        double largest = 0;
        for (int j = 0; j < 4; j++) {
            double[] tc = clipped.targets(j);
            double[] tu = unbounded.targets(j);
            for (int i = 0; i < tc.length; i++) {
                assertTrue(Math.abs(tc[i]) <= gMax, "slice " + j + " device " + i + ": " + tc[i]);
                largest = Math.max(largest, Math.abs(tu[i]));
                // Beyond G_max by more than rounding (S = r maps to G_max within an ulp): clipped and counted.
                if (Math.abs(tu[i]) > gMax * (1 + 1e-9)) {
                    over++;
                    // Only the least significant slice takes what remains; the slices above it are the same chip.
                    assertEquals(0, j);
                }
                // Within rounding: a slice above may have been clipped by an ulp, which its correction carries down.
                double expected = Math.copySign(Math.min(Math.abs(tu[i]), gMax), tu[i]);
                assertEquals(expected, tc[i], 1e-9 * gMax, "slice " + j + " device " + i);
            }
            assertEquals(j == 0 ? over : 0, clipped.clippedDevices(j));
            assertEquals(0, unbounded.clippedDevices(j));
        }
        assertEquals(over, clipped.clippedDevices());
        // The published engine's regime: a large share of the last slice is far above G_max.
        assertTrue(over > clipped.programmedDevices(0) / 4, over + " of " + clipped.programmedDevices(0));
        assertTrue(largest > 20 * gMax, "largest target " + largest);
    }

    @Test
    void withoutErrorCorrectionNothingIsClippedAndTheChipIsTheSame() {
        int[] w = gaussianWeights(3);
        double[][] xi = normals(4, 4);
        for (SlicingScheme s : new SlicingScheme[] {SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 4, 8),
                SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 4, 1), SlicingScheme.positional(4)}) {
            ProgrammedCrossbar a = program(s, PcmDeviceModel.nandakumar2019(), w, xi);
            ProgrammedCrossbar b = program(s, PcmDeviceModel.nandakumar2019().withTargetRange(TargetRange.UNBOUNDED), w, xi);
            assertEquals(0, a.clippedDevices(), s.toString());
            for (int j = 0; j < 4; j++) {
                assertArrayEquals(b.programmed(j), a.programmed(j), 0.0, s.toString());
            }
        }
    }

    @Test
    void theProgrammingErrorFollowsTheChosenExtrapolation() {
        int[] w = gaussianWeights(5);
        double[][] xi = normals(6, 4);
        for (ProgrammingNoiseExtrapolation e : ProgrammingNoiseExtrapolation.values()) {
            PcmDeviceModel m = PUBLISHED.withProgrammingNoiseExtrapolation(e);
            ProgrammedCrossbar pc = program(EC_B8, m, w, xi);
            double[] t = pc.targets(0);
            double[] gp = pc.programmed(0);
            int checked = 0;
            for (int i = 0; i < t.length; i++) {
                double g = Math.abs(t[i]) / m.gMax();
                if (g > 1.0) {
                    double expected = m.programming().sigma(g) * xi[0][2 * i];
                    assertEquals(expected, gp[i] - t[i], 1e-9 * Math.abs(t[i]));
                    double quadratic = (-1.1731 * g + 1.9650) * g + 0.2635;
                    double law = e == ProgrammingNoiseExtrapolation.ABSOLUTE ? Math.abs(quadratic) : 1.0554;
                    assertEquals(law, m.programming().sigma(g), 1e-12);
                    checked++;
                }
            }
            assertTrue(checked > 1000, "devices above G_max: " + checked);
        }
    }
}
