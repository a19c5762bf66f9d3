package org.pcmsim.crossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/**
 * Slices programmed column-major for the engine ({@link ColumnSlices}, {@link SliceKernel}) and read by
 * {@link ColumnRead} give, to the bit, what the sparse rows and {@link CrossbarReader}'s sparse read
 * give: the same G_P, G_P · Q_s and ν at every position (0 where no device is), the same device and
 * clipped counts, and the same outputs from the same read-noise normals at two, five and twelve read times.
 */
class ColumnReadTest {
    private static final int ROWS = 40;
    /** Not a multiple of the column block, so that its last, shorter block is exercised. */
    private static final int COLS = 59;

    @Test
    void columnMajorSlicesAreTheSparseSlicesToTheBit() {
        PcmDeviceModel m = PcmDeviceModel.nandakumar2019();
        XoRoShiRo128PlusPlus g = new XoRoShiRo128PlusPlus(1, 2);
        int[] w = new int[ROWS * COLS];
        for (int i = 0; i < w.length; i++) {
            // Mostly large magnitudes, so that most slices are dense enough to be stored column-major.
            w[i] = (int) (g.nextLong() % 256);
        }
        int[] x = new int[COLS];
        for (int k = 0; k < COLS; k++) {
            x[k] = (int) (g.nextLong() % 256);
        }
        NormalizedGaussianSampler draw = ZigguratSampler.NormalizedGaussian.of(new XoRoShiRo128PlusPlus(7, 8));
        double[][] normals = new double[8][2 * ROWS * COLS];
        for (double[] slice : normals) {
            for (int i = 0; i < slice.length; i++) {
                slice[i] = draw.sample();
            }
        }
        double[][] timeSets = {ReadTimes.figure4c(), {20, 2.592e6}, {5, 100, 3600, 3601, 1e6}};
        CrossbarConfig adc24 = CrossbarConfig.paper().withAdcBits(24);
        int columnSlices = 0;
        for (SlicingScheme s : new SlicingScheme[] {SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 2, 1),
            SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 4, 1), SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 1),
            SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 2, 2), SlicingScheme.positional(2)}) {
            CrossbarProgrammer programmer = new CrossbarProgrammer(s, m);
            ProgrammedCrossbar sparse = programmer.allocate(ROWS, COLS);
            programmer.programInto(sparse, w, j -> normals[j], null);
            ProgrammedCrossbar columns = programmer.allocate(ROWS, COLS);
            new EngineAccess().allowColumnReads(columns, 12);
            // The kernel chooses the layout from the density it saw last time: the second programming uses it.
            programmer.programInto(columns, w, j -> normals[j], null);
            programmer.programInto(columns, w, j -> normals[j], null);
            for (int j = 0; j < s.nSlices(); j++) {
                assertEquals(sparse.programmedDevices(j), columns.programmedDevices(j), s + " slice " + j);
                assertEquals(sparse.clippedDevices(j), columns.clippedDevices(j), s + " slice " + j);
                if (!columns.columnMajor[j]) {
                    continue;
                }
                columnSlices++;
                samePositions(sparse.programmed(j), columns.columns.programmed(j), s + " G_P, slice " + j);
                samePositions(sparse.dense(j, sparse.amplitude[j]), columns.columns.amplitude(j),
                        s + " G_P Q_s, slice " + j);
                samePositions(sparse.driftExponents(j), columns.columns.nu(j), s + " nu, slice " + j);
            }
            for (double[] times : timeSets) {
                CrossbarReader a = new CrossbarReader(adc24, ReadNoiseSampling.AGGREGATED);
                CrossbarReader b = new CrossbarReader(adc24, ReadNoiseSampling.AGGREGATED);
                for (int j = s.nSlices() - 1; j >= 0; j--) {
                    NormalizedGaussianSampler n1 = ZigguratSampler.NormalizedGaussian.of(new XoRoShiRo128PlusPlus(5, j));
                    NormalizedGaussianSampler n2 = ZigguratSampler.NormalizedGaussian.of(new XoRoShiRo128PlusPlus(5, j));
                    double[][] y1 = new double[times.length][ROWS];
                    double[][] c1 = new double[times.length][ROWS];
                    double[][] y2 = new double[times.length][ROWS];
                    double[][] c2 = new double[times.length][ROWS];
                    a.readSlice(sparse, j, times, x, n1, y1, c1);
                    b.readSlice(columns, j, times, x, n2, y2, c2);
                    for (int t = 0; t < times.length; t++) {
                        for (int i = 0; i < ROWS; i++) {
                            assertEquals(y1[t][i], y2[t][i], 0.0, s + " slice " + j + " line " + i + " at " + times[t]);
                            assertEquals(c1[t][i], c2[t][i], 0.0, s + " calibration " + j + " " + i + " at " + times[t]);
                        }
                    }
                    // Both drew the same number of normals: the next ones agree.
                    assertEquals(n1.sample(), n2.sample(), 0.0);
                }
            }
        }
        assertTrue(columnSlices >= 8, "only " + columnSlices + " slices were stored column-major");
    }

    @Test
    void sparseAccessorsRefuseAColumnMajorSlice() {
        PcmDeviceModel m = PcmDeviceModel.nandakumar2019();
        CrossbarProgrammer programmer = new CrossbarProgrammer(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 1, 1), m);
        int[] w = new int[ROWS * COLS];
        java.util.Arrays.fill(w, 100);
        double[] normals = new double[2 * ROWS * COLS];
        ProgrammedCrossbar pc = programmer.allocate(ROWS, COLS);
        new EngineAccess().allowColumnReads(pc, 12);
        programmer.programInto(pc, w, j -> normals, null);
        programmer.programInto(pc, w, j -> normals, null);
        assertTrue(pc.columnMajor[0]);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> pc.programmed(0));
    }

    /** Column-major [k][r] against row-major r · cols + k, bit for bit (so +0 where no device is). */
    private static void samePositions(double[] rowMajor, double[][] columnMajor, String what) {
        for (int r = 0; r < ROWS; r++) {
            for (int k = 0; k < COLS; k++) {
                assertEquals(Double.doubleToRawLongBits(rowMajor[r * COLS + k]),
                        Double.doubleToRawLongBits(columnMajor[k][r]), what + " at " + r + ", " + k);
            }
        }
    }
}
