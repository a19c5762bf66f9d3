package org.pcmsim.crossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/**
 * A slice read at t0 and one later time in one pass ({@link TwoTimeRead}) gives, to the bit, what
 * reading it at t0 and then at the later time gives: the same outputs from the same read-noise normals.
 */
class TwoTimeReadTest {
    @Test
    void onePassIsTwoReadsToTheBit() {
        PcmDeviceModel m = PcmDeviceModel.nandakumar2019();
        int rows = 40;
        int cols = 56;
        XoRoShiRo128PlusPlus g = new XoRoShiRo128PlusPlus(1, 2);
        int[] w = new int[rows * cols];
        for (int i = 0; i < w.length; i++) {
            w[i] = (int) (g.nextLong() % 256);
        }
        int[] x = new int[cols];
        for (int k = 0; k < cols; k++) {
            x[k] = (int) (g.nextLong() % 256);
        }
        for (SlicingAlgorithm a : new SlicingAlgorithm[] {SlicingAlgorithm.EQUAL_FILL, SlicingAlgorithm.MAX_FILL,
            SlicingAlgorithm.MAX_FILL_EC}) {
            ProgrammedCrossbar pc = new CrossbarProgrammer(SlicingScheme.of(a, 4, 2), m)
                    .program(w, rows, cols, new XoRoShiRo128PlusPlus(3, 4));
            for (double[] times : new double[][] {{20, 2.592e6}, {5, 3600}}) {
                CrossbarReader reader = new CrossbarReader(CrossbarConfig.paper(), ReadNoiseSampling.AGGREGATED);
                CrossbarReader apart = new CrossbarReader(CrossbarConfig.paper(), ReadNoiseSampling.AGGREGATED);
                for (int j = pc.nSlices() - 1; j >= 0; j--) {
                    NormalizedGaussianSampler n1 = ZigguratSampler.NormalizedGaussian.of(new XoRoShiRo128PlusPlus(5, j));
                    NormalizedGaussianSampler n2 = ZigguratSampler.NormalizedGaussian.of(new XoRoShiRo128PlusPlus(5, j));
                    double[][] y = new double[2][rows];
                    double[][] cal = new double[2][rows];
                    reader.readSlice(pc, j, times, x, n1, y, cal);
                    double[][] y0 = new double[1][rows];
                    double[][] c0 = new double[1][rows];
                    double[][] y1 = new double[1][rows];
                    double[][] c1 = new double[1][rows];
                    apart.readSlice(pc, j, new double[] {times[0]}, x, n2, y0, c0);
                    apart.readSlice(pc, j, new double[] {times[1]}, x, n2, y1, c1);
                    for (int i = 0; i < rows; i++) {
                        assertEquals(y0[0][i], y[0][i], 0.0, a + " slice " + j + " line " + i + " at " + times[0]);
                        assertEquals(c0[0][i], cal[0][i], 0.0, a + " calibration " + j + " " + i);
                        assertEquals(y1[0][i], y[1][i], 0.0, a + " slice " + j + " line " + i + " at " + times[1]);
                        assertEquals(c1[0][i], cal[1][i], 0.0, a + " calibration " + j + " " + i);
                    }
                }
            }
        }
    }
}
