package org.pcmsim.analog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.junit.jupiter.api.Test;
import org.pcmsim.crossbar.TiledReader;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.periphery.IrDropModel;
import org.pcmsim.periphery.Periphery;
import org.pcmsim.random.TrialStream;
import org.pcmsim.random.TrialStreams;
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

    /**
     * The ideal periphery (the default, or asked for) reads exactly as the facade did before it took a
     * periphery: these are the numbers it gave then, to the bit.
     */
    @Test
    void theIdealPeripheryIsBitIdenticalToTheFacadeWithoutOne() {
        WeightMatrix w = WeightMatrix.of(gaussianAsBefore(150 * 200, 3), 150, 200);
        AnalogSettings paper = AnalogSettings.paper(SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 2, 1));
        assertEquals(Periphery.IDEAL, paper.periphery());
        double[] x = gaussianAsBefore(200, 11);
        for (AnalogSettings s : new AnalogSettings[] {paper, paper.withPeriphery(Periphery.IDEAL)}) {
            AnalogMatrix m = AnalogMatrix.program(w, s, 7, 2);
            double[][] golden = {{0x1.46db1a9534deap3, 0x1.0b49f3cd1a03cp0, -0x1.8525091b8ba49p6},
                {0x1.36007d797fec3p3, 0x1.06da5c8be3533p1, -0x1.d2465f19c0076p6}};
            double[] times = {20, 2592000};
            for (int k = 0; k < times.length; k++) {
                double[] y = m.multiply(x, times[k]);
                double sum = 0;
                for (double v : y) {
                    sum += v;
                }
                assertArrayEquals(golden[k], new double[] {y[0], y[149], sum}, 0.0, "at t = " + times[k]);
            }
        }
    }

    /**
     * ADC noise of 1 LSB per conversion on a noise-free device: the ideal read differs from the
     * quantised product only by the ADC's rounding (variance 1/12 LSB² per slice conversion), the noisy
     * one by rounding plus noise (1/12 + 1), so η vs the quantised product grows by about
     * √13 ≈ 3.6; vs the real product w·x, which adds the weights' and inputs' quantisation, it still
     * grows. Fixed seeds, so no false failures; measured 3.51 (η 0.0092 -> 0.0322), the bounds leave a factor 1.25.
     */
    @Test
    void adcNoiseRaisesTheErrorAsItsVariancePredicts() {
        WeightMatrix w = WeightDistribution.GAUSSIAN.sample(128, 256, 21);
        AnalogSettings ideal = AnalogSettings.paper(SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 2, 1))
                .withDevice(PcmDeviceModel.ideal());
        AnalogMatrix clean = AnalogMatrix.program(w, ideal, 5, 0);
        AnalogMatrix noisy = AnalogMatrix.program(w, ideal.withPeriphery(Periphery.ADC_NOISE_ONE_LSB), 5, 0);
        double cleanQ = 0;
        double noisyQ = 0;
        double cleanReal = 0;
        double noisyReal = 0;
        int reads = 20;
        for (int r = 0; r < reads; r++) {
            double[] x = inputs(256, 100 + r);
            double[] q = clean.quantizedExact(x);
            double[] exact = clean.exact(x);
            double[] yc = clean.multiply(x, 3600);
            double[] yn = noisy.multiply(x, 3600);
            cleanQ += AnalogMatrix.relativeError(yc, q) / reads;
            noisyQ += AnalogMatrix.relativeError(yn, q) / reads;
            cleanReal += AnalogMatrix.relativeError(yc, exact) / reads;
            noisyReal += AnalogMatrix.relativeError(yn, exact) / reads;
        }
        double ratio = noisyQ / cleanQ;
        assertTrue(ratio > Math.sqrt(13) / 1.25 && ratio < Math.sqrt(13) * 1.25,
                "eta vs quantised product: ideal " + cleanQ + ", ADC noise " + noisyQ + ", ratio " + ratio);
        assertTrue(noisyReal > 1.2 * cleanReal, "eta vs w.x: ideal " + cleanReal + ", ADC noise " + noisyReal);
    }

    /** IR drop lowers the column currents, so the facade's outputs shrink against the ideal read. */
    @Test
    void irDropGoesThroughTheFacade() {
        WeightMatrix w = WeightDistribution.GAUSSIAN.sample(128, 128, 4);
        AnalogSettings ideal = AnalogSettings.paper(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 1, 1))
                .withDevice(PcmDeviceModel.ideal());
        double[] x = inputs(128, 8);
        double[] q = AnalogMatrix.program(w, ideal, 1, 0).quantizedExact(x);
        double e0 = AnalogMatrix.relativeError(AnalogMatrix.program(w, ideal, 1, 0).multiply(x, 20), q);
        double e1 = AnalogMatrix.relativeError(AnalogMatrix.program(w,
                ideal.withPeriphery(Periphery.IDEAL.withIrDrop(5, IrDropModel.FIRST_ORDER)), 1, 0).multiply(x, 20), q);
        assertTrue(e1 > 2 * e0, "eta vs quantised product: ideal wires " + e0 + ", 5 ohm " + e1);
        assertThrows(NullPointerException.class, () -> ideal.withPeriphery(null));
    }

    /**
     * The Gaussian draws {@code WeightDistribution.sample} made before it had its own named stream
     * (slot 3 of index 0 of the seed), so that the golden numbers above keep their meaning.
     */
    private static double[] gaussianAsBefore(int n, long seed) {
        ContinuousSampler g = WeightDistribution.GAUSSIAN.sampler(TrialStreams.stream(seed, 0, TrialStream.PERIPHERY));
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = g.sample();
        }
        return v;
    }
}
