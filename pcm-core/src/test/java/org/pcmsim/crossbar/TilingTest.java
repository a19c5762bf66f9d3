package org.pcmsim.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/** Tiling a matrix over arrays: one tile is the single crossbar to the bit; many tiles add exactly. */
class TilingTest {
    private static final CrossbarConfig PAPER = CrossbarConfig.paper();

    private static int[] weights(int rows, int cols, long seed) {
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(new XoRoShiRo128PlusPlus(seed, 7));
        int[] w = new int[rows * cols];
        for (int i = 0; i < w.length; i++) {
            w[i] = (int) Math.max(-255, Math.min(255, Math.rint(g.sample() * PAPER.weightScale())));
        }
        return w;
    }

    private static int[] inputs(int n, long seed) {
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(new XoRoShiRo128PlusPlus(seed, 11));
        int[] x = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = (int) Math.max(-255, Math.min(255, Math.rint(g.sample() * PAPER.inputScale())));
        }
        return x;
    }

    @Test
    void oneTileIsTheSingleCrossbarToTheBit() {
        double[] times = {20, 86400, 86400 * 30.0};
        for (SlicingAlgorithm a : SlicingAlgorithm.values()) {
            SlicingScheme scheme = SlicingScheme.of(a, 4, a == SlicingAlgorithm.POSITIONAL ? 0 : 1);
            CrossbarProgrammer p = new CrossbarProgrammer(scheme, PcmDeviceModel.nandakumar2019());
            int[] w = weights(128, 128, 1);
            int[] x = inputs(128, 2);
            ProgrammedCrossbar single = p.program(w, 128, 128, new XoRoShiRo128PlusPlus(3, 4));
            TiledCrossbar tiled = TiledCrossbar.program(p, ArrayShape.square(128), w, 128, 128,
                    new XoRoShiRo128PlusPlus(3, 4));
            assertEquals(1, tiled.tileCount());
            CrossbarReader reader = new CrossbarReader(PAPER, ReadNoiseSampling.AGGREGATED);
            TiledReader tr = new TiledReader(PAPER, ArrayShape.square(128), ReadNoiseSampling.AGGREGATED,
                    DriftCompensationScope.PER_TILE);
            UniformRandomProvider r1 = new XoRoShiRo128PlusPlus(5, 6);
            UniformRandomProvider r2 = new XoRoShiRo128PlusPlus(5, 6);
            NormalizedGaussianSampler n1 = ZigguratSampler.NormalizedGaussian.of(r1);
            NormalizedGaussianSampler n2 = ZigguratSampler.NormalizedGaussian.of(r2);
            TiledReader.Readout out = tr.newReadout(tiled, 1);
            double[] cRef = null;
            for (double t : times) {
                double[] y1 = new double[128];
                double c1 = reader.read(single, t, x, n1, y1);
                tr.read(tiled, new double[] {t}, x, n2, out);
                double[] c2 = out.calibration(0);
                assertEquals(c1, c2[0], 0.0, a + " calibration at " + t);
                if (cRef == null) {
                    cRef = new double[] {c1};
                }
                double[] y2 = new double[128];
                tr.combine(out, 0, cRef, y2);
                double f = cRef[0] / c1;
                for (int i = 0; i < 128; i++) {
                    y1[i] *= f;
                }
                assertArrayEquals(y1, y2, 0.0, a + " outputs at " + t);
            }
            assertEquals(reader.outputScale(single), tr.outputScale(tiled), 0.0);
        }
    }

    @Test
    void noiseFreeTilesEqualTheQuantisedProductToTheAdcResolution() {
        int rows = 256;
        int cols = 300;
        int[] w = weights(rows, cols, 8);
        int[] x = inputs(cols, 9);
        for (DriftCompensationScope scope : DriftCompensationScope.values()) {
            // Equal-fill: Max-fill's most significant slices can clip the paper's per-slice ADC (a
            // property of its gain, not of tiling), and a clipped output is not within half a level.
            for (SlicingScheme scheme : new SlicingScheme[] {SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 1, 1),
                SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 4, 1), SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 2, 2)}) {
                CrossbarProgrammer p = new CrossbarProgrammer(scheme, PcmDeviceModel.ideal());
                ArrayShape array = ArrayShape.square(128);
                TiledCrossbar m = TiledCrossbar.program(p, array, w, rows, cols, new XoRoShiRo128PlusPlus(1, 2));
                assertEquals(2 * 3, m.tileCount());
                assertEquals(44, m.tileCols(2));
                TiledReader tr = new TiledReader(PAPER, array, ReadNoiseSampling.AGGREGATED, scope);
                TiledReader.Readout out = tr.newReadout(m, 2);
                tr.read(m, new double[] {20, 1e6}, x, ZigguratSampler.NormalizedGaussian.of(
                        new XoRoShiRo128PlusPlus(3, 4)), out);
                double scale = tr.outputScale(m);
                // Each tile's ADC of slice j rounds to half a level, weighted b^j; three tiles add per output.
                double levels = 0;
                for (int j = 0; j < scheme.nSlices(); j++) {
                    levels += 0.5 * scheme.significance(j);
                }
                double tol = 3 * levels * scale * (1 + 1e-12);
                double[] y = new double[rows];
                for (int time = 0; time < 2; time++) {
                    tr.combine(out, time, out.calibration(0), y);
                    for (int i = 0; i < rows; i++) {
                        long exact = 0;
                        for (int k = 0; k < cols; k++) {
                            exact += (long) w[i * cols + k] * x[k];
                        }
                        assertTrue(Math.abs(y[i] * scale - exact) <= tol, scheme + " " + scope + " row " + i
                                + ": analog " + y[i] * scale + " vs exact " + exact + ", tolerance " + tol);
                    }
                }
            }
        }
    }

    @Test
    void rectangularArraysTileBothWays() {
        int[] w = weights(300, 64, 3);
        CrossbarProgrammer p = new CrossbarProgrammer(SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 2, 1),
                PcmDeviceModel.ideal());
        TiledCrossbar m = TiledCrossbar.program(p, new ArrayShape(256, 32), w, 300, 64, new XoRoShiRo128PlusPlus(1, 1));
        assertEquals(2, m.tilesDown());
        assertEquals(2, m.tilesAcross());
        assertEquals(44, m.tileRows(1));
        TiledReader tr = new TiledReader(PAPER, new ArrayShape(256, 32), ReadNoiseSampling.AGGREGATED,
                DriftCompensationScope.PER_TILE);
        assertEquals(32, tr.tileConfig().size());
    }

    @Test
    void tooManyInputsForOneArrayAreRejectedWithTheShapes() {
        CrossbarProgrammer p = new CrossbarProgrammer(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 1, 1),
                PcmDeviceModel.ideal());
        ProgrammedCrossbar pc = p.program(weights(64, 1024, 1), 64, 1024, new XoRoShiRo128PlusPlus(1, 1));
        CrossbarReader reader = new CrossbarReader(PAPER, ReadNoiseSampling.AGGREGATED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reader.read(pc, 20, inputs(1024, 1), ZigguratSampler.NormalizedGaussian.of(
                        new XoRoShiRo128PlusPlus(1, 1)), new double[64]));
        assertTrue(e.getMessage().contains("64x1024") && e.getMessage().contains("128x128"), e.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> TiledCrossbar.program(p, ArrayShape.square(128), new int[10], 3, 4, new XoRoShiRo128PlusPlus(1, 1)));
        assertTrue(shape.getMessage().contains("3x4"), shape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ArrayShape.parse("128by128"));
        assertEquals(new ArrayShape(256, 64), ArrayShape.parse("256x64"));
    }
}
