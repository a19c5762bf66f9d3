package org.pcmsim.analog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pcmsim.crossbar.TiledReader;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;
import org.pcmsim.weights.WeightDistribution;
import org.pcmsim.weights.WeightMatrix;

/** The facade for real matrices: units, noise-free exactness, reproducibility and shape checks. */
class AnalogMatrixTest {

    private static double[] inputs(int n, long seed) {
        return WeightDistribution.GAUSSIAN.sample(1, n, seed).toArray();
    }

    @Test
    void noiseFreeOutputEqualsTheQuantisedProductWithinTheAdcStep() {
        // A matrix in its own units (× 0.02), larger than one array in both directions.
        double[] raw = WeightDistribution.LAPLACE.sample(300, 200, 5).toArray();
        for (int i = 0; i < raw.length; i++) {
            raw[i] *= 0.02;
        }
        WeightMatrix w = WeightMatrix.of(raw, 300, 200);
        SlicingScheme scheme = SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 4, 1);
        AnalogSettings s = AnalogSettings.paper(scheme).withDevice(PcmDeviceModel.ideal());
        AnalogMatrix m = AnalogMatrix.program(w, s, 1, 0);
        assertEquals(6, m.crossbar().tileCount());
        double[] x = inputs(200, 9);
        for (int i = 0; i < x.length; i++) {
            x[i] *= 3;
        }
        double[] q = m.quantizedExact(x);
        double rmsX = 0;
        for (double v : x) {
            rmsX += v * v;
        }
        rmsX = Math.sqrt(rmsX / x.length);
        double scaleIn = 255 / (4 * rmsX);
        double scaleW = 255 / (3 * w.rms());
        double adcStep = new TiledReader(s.crossbar(), s.array(), s.sampling(), s.driftScope())
                .outputScale(m.crossbar()) / (scaleIn * scaleW);
        // Two tiles across, each rounding each of four slices to half a level.
        double tol = 2 * 4 * 0.5 * adcStep * (1 + 1e-9);
        for (double t : new double[] {20, 86400, 3.15e7}) {
            double[] y = m.multiply(x, t);
            for (int i = 0; i < y.length; i++) {
                assertTrue(Math.abs(y[i] - q[i]) <= tol, "row " + i + " at " + t + ": " + y[i] + " vs " + q[i]);
            }
        }
        // The quantised product is near the float one: Laplace weights clipped at 3 σ lose about 0.1.
        double lost = AnalogMatrix.relativeError(q, m.exact(x));
        assertTrue(lost > 0.01 && lost < 0.2, "quantisation error " + lost);
    }

    @Test
    void sameSeedAndChipGiveTheSameNumbersAndChipsDiffer() {
        WeightMatrix w = WeightDistribution.GAUSSIAN.sample(300, 64, 1);
        AnalogSettings s = AnalogSettings.paper(SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 1));
        double[] x = inputs(64, 2);
        double[] a = AnalogMatrix.program(w, s, 7, 3).multiply(x, 86400);
        double[] b = AnalogMatrix.program(w, s, 7, 3).multiply(x, 86400);
        double[] c = AnalogMatrix.program(w, s, 7, 4).multiply(x, 86400);
        assertArrayEquals(a, b, 0.0);
        assertTrue(AnalogMatrix.relativeError(a, c) > 0);
        // A paper-like error after a day, in the matrix's units.
        double eta = AnalogMatrix.relativeError(a, AnalogMatrix.program(w, s, 7, 3).exact(x));
        assertTrue(eta > 0.01 && eta < 0.3, "eta " + eta);
    }

    @Test
    void shapesAreCheckedAndNamed() {
        AnalogMatrix m = AnalogMatrix.program(new double[][] {{1, 2, 3}, {4, 5, 6}},
                AnalogSettings.paper(SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 2, 1)), 1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.multiply(new double[2], 20));
        assertTrue(e.getMessage().contains("2x3") && e.getMessage().contains("got 2"), e.getMessage());
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
                () -> WeightMatrix.of(new double[][] {{1, 2}, {3}}));
        assertTrue(r.getMessage().contains("row 1"), r.getMessage());
        IllegalArgumentException l = assertThrows(IllegalArgumentException.class,
                () -> WeightMatrix.of(new double[5], 2, 3));
        assertTrue(l.getMessage().contains("2x3"), l.getMessage());
        assertArrayEquals(new double[2], m.multiply(new double[3], 20), 0.0);
    }

    @Test
    void distributionsHaveUnitVariance() {
        // 200 000 draws: the sample variance's standard error is sqrt((kurtosis - 1) / n) <= 0.0095 for
        // Student-t(5) (kurtosis 9); 5 standard errors, a false-failure rate below 1e-6 per family.
        for (WeightDistribution d : new WeightDistribution[] {WeightDistribution.GAUSSIAN, WeightDistribution.LAPLACE,
            WeightDistribution.UNIFORM, WeightDistribution.studentT(5)}) {
            WeightMatrix w = d.sample(400, 500, 3);
            assertEquals(1.0, w.rms() * w.rms(), 0.05, d.id());
        }
        assertEquals("student-t3", WeightDistribution.parse("student-t:3").id());
        assertThrows(IllegalArgumentException.class, () -> WeightDistribution.parse("student-t:2"));
        assertThrows(IllegalArgumentException.class, () -> WeightDistribution.parse("cauchy"));
    }
}
