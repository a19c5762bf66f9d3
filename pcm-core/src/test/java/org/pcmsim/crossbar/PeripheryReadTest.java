package org.pcmsim.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.periphery.ExactIrDropSolver;
import org.pcmsim.periphery.IrDrop;
import org.pcmsim.periphery.IrDropModel;
import org.pcmsim.periphery.Periphery;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/** The crossbar read through a non-ideal periphery (docs/model.md §9, "Wiring"). */
class PeripheryReadTest {
    private static final CrossbarConfig PAPER = CrossbarConfig.paper();
    private static final PcmDeviceModel DEVICE = PcmDeviceModel.nandakumar2019();

    private static int[] levels(int n, double scale, long seed) {
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(new XoRoShiRo128PlusPlus(seed, 7));
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = (int) Math.max(-255, Math.min(255, Math.rint(g.sample() * scale)));
        }
        return w;
    }

    private static ProgrammedCrossbar chip(SlicingScheme scheme, int n, long seed) {
        CrossbarProgrammer p = new CrossbarProgrammer(scheme, DEVICE);
        return p.program(levels(n * n, PAPER.weightScale(), seed), n, n, new XoRoShiRo128PlusPlus(seed, 3));
    }

    private static NormalizedGaussianSampler normals(long seed) {
        return ZigguratSampler.NormalizedGaussian.of(new XoRoShiRo128PlusPlus(seed, 5));
    }

    private static ChipPeriphery periphery(Periphery p, int slices, int adcs, long seed) {
        return ChipPeriphery.draw(p, 1, slices, adcs, new XoRoShiRo128PlusPlus(seed, 1),
                new XoRoShiRo128PlusPlus(seed, 2));
    }

    /** Slice 0 of a crossbar read at t through a periphery (null: the ideal read). */
    private static double[][] readSlice(CrossbarConfig cfg, ProgrammedCrossbar pc, int[] x, double t, Periphery p,
                                        long noiseSeed, long chipSeed) {
        CrossbarReader r = new CrossbarReader(cfg, ReadNoiseSampling.AGGREGATED);
        double[][] y = new double[1][pc.rows()];
        double[][] cal = new double[1][pc.rows()];
        ChipPeriphery chip = null;
        if (p != null) {
            chip = periphery(p, pc.nSlices(), cfg.size(), chipSeed);
            chip.convertInputs(x, cfg.calibrationInput(), cfg.inputMax(), 1);
        }
        r.readSlice(pc, 0, new double[] {t}, x, normals(noiseSeed), chip, 0, y, cal);
        return new double[][] {y[0], cal[0]};
    }

    @Test
    void everyEffectAtZeroIsTheIdealReadToTheBit() {
        ProgrammedCrossbar pc = chip(SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 1), 128, 1);
        int[] x = levels(128, PAPER.inputScale(), 2);
        Periphery zero = new Periphery(0, 0, 0, 0, 0, 0, 25, IrDropModel.FIRST_ORDER);
        Periphery zeroExact = new Periphery(0, 0, 0, 0, 0, 0, 10, IrDropModel.EXACT);
        for (double t : new double[] {20, 86400 * 30.0}) {
            double[][] ideal = readSlice(PAPER, pc, x, t, null, 9, 0);
            for (Periphery p : new Periphery[] {Periphery.IDEAL, zero, zeroExact}) {
                double[][] got = readSlice(PAPER, pc, x, t, p, 9, 4);
                assertArrayEquals(ideal[0], got[0], 0.0, p + " outputs at " + t);
                assertArrayEquals(ideal[1], got[1], 0.0, p + " calibration at " + t);
            }
        }
    }

    @Test
    void theNonIdealPathWithNoEffectReproducesTheIdealRead() {
        // Forces the non-ideal code with an ideal periphery: its currents, ADC and DAC handling must give
        // the ideal outputs, so the non-ideal results differ from the ideal ones by the effects alone.
        ProgrammedCrossbar pc = chip(SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 4, 1), 128, 11);
        int[] x = levels(128, PAPER.inputScale(), 12);
        double t = 86400;
        double[][] ideal = readSlice(PAPER, pc, x, t, null, 13, 0);
        ChipPeriphery chip = periphery(Periphery.IDEAL, pc.nSlices(), 128, 14);
        chip.convertInputs(x, PAPER.calibrationInput(), PAPER.inputMax(), 1);
        NonIdealRead read = new NonIdealRead(PAPER, ReadNoiseSampling.AGGREGATED);
        double[] d = new double[pc.programmedDevices(0)];
        double logT = Math.log(t / DEVICE.t0());
        for (int p = 0; p < d.length; p++) {
            d[p] = Math.exp(-pc.nu[0][p] * logT);
        }
        double[] y = new double[128];
        double[] cal = new double[128];
        read.accumulate(pc, 0, d, DEVICE.readNoiseTimeFactor(t), normals(13), chip, 0, 0, y, cal);
        // The reader's drift factors come from FastExp (within 1.5e-13 of Math.exp), so an output on a
        // rounding boundary could differ by one level; none of these does.
        assertArrayEquals(ideal[0], y, 0.0);
        assertArrayEquals(ideal[1], cal, 0.0);
    }

    @Test
    void firstOrderOnTheSparseChipEqualsTheDenseModelOfEachArrayOfThePair() {
        ProgrammedCrossbar pc = chip(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 2, 1), 96, 21);
        CrossbarConfig cfg = PAPER;
        int[] xi = levels(96, PAPER.inputScale(), 22);
        double[] vx = new double[96];
        double[] vc = new double[96];
        for (int k = 0; k < 96; k++) {
            vx[k] = xi[k];
            vc[k] = 64;
        }
        double ohm = 0.7;
        NonIdealRead read = new NonIdealRead(cfg, ReadNoiseSampling.AGGREGATED);
        read.drop(pc, 1, null, vx, vc, Periphery.IDEAL.withIrDrop(ohm, IrDropModel.FIRST_ORDER));
        double[] sparse = read.drop().clone();
        double[] sparseCal = read.calibrationDrop().clone();
        // Dense physical arrays: rows are the 128 input lines (96 used), columns the 96 outputs.
        double[] expected = denseDrop(pc, 1, vx, 128, ohm, false);
        double[] expectedCal = denseDrop(pc, 1, vc, 128, ohm, false);
        double scale = 0;
        for (int o = 0; o < 96; o++) {
            scale = Math.max(scale, Math.abs(expected[o]));
        }
        assertTrue(scale > 0);
        for (int o = 0; o < 96; o++) {
            assertEquals(expected[o], sparse[o], 1e-9 * scale, "output " + o);
            assertEquals(expectedCal[o], sparseCal[o], 1e-9 * Math.abs(expectedCal[o]) + 1e-9, "calibration " + o);
        }
        // The exact model through the reader agrees at small resistance within the first-order error
        // (docs/model.md §9: 5.7e-5 of the currents at 0.1 Ω, i.e. under 1 % of the drop).
        double small = 0.1;
        read.drop(pc, 1, null, vx, vc, Periphery.IDEAL.withIrDrop(small, IrDropModel.FIRST_ORDER));
        double[] first = read.drop().clone();
        read.drop(pc, 1, null, vx, vc, Periphery.IDEAL.withIrDrop(small, IrDropModel.EXACT));
        double[] exact = read.drop().clone();
        assertArrayEquals(denseDrop(pc, 1, vx, 128, small, true), exact, 1e-9 * norm(exact));
        double diff = 0;
        for (int o = 0; o < 96; o++) {
            diff += (first[o] - exact[o]) * (first[o] - exact[o]);
        }
        assertTrue(Math.sqrt(diff) < 0.01 * norm(exact), "first order vs exact " + Math.sqrt(diff) / norm(exact));
    }

    /**
     * The one-pass first-order read (uniform calibration input, aggregated read noise) gives the drop of
     * the two-pass {@link NonIdealRead#drop} to rounding, with and without drift, on dense and sparse
     * slices, and currents that are the ideal read's to the bit (at a wire resistance so small that the
     * drop cannot move an ADC level, the outputs are the ideal read's).
     */
    @Test
    void theOnePassFirstOrderReadEqualsTheTwoPassDropAndTheIdealCurrents() {
        ProgrammedCrossbar dense = chip(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 1, 1), 128, 41);
        ProgrammedCrossbar sparse = chip(SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 1), 128, 42);
        int[] x = levels(128, PAPER.inputScale(), 43);
        Periphery wires = Periphery.IDEAL.withIrDrop(1.0, IrDropModel.FIRST_ORDER);
        ChipPeriphery chip = periphery(wires, 4, 128, 44);
        chip.convertInputs(x, PAPER.calibrationInput(), PAPER.inputMax(), 1);
        double[] vx = chip.inputs(0);
        double[] vc = chip.calibrationInputs(0);
        double t = 86400 * 30.0;
        // Paths: a dense slice (half the devices or more) through DenseFirstOrder, which zero-fills the
        // gaps of its output lines (the dense slice has gapped lines); sparser ones through the sparse
        // passes, including one with full output lines (40 full, the rest a fifth full).
        int[] w = levels(128 * 128, PAPER.weightScale(), 48);
        for (int i = 40 * 128; i < w.length; i++) {
            w[i] = i % 5 == 0 ? w[i] : 0;
        }
        ProgrammedCrossbar mixed = new CrossbarProgrammer(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 1, 1), DEVICE)
                .program(w, 128, 128, new XoRoShiRo128PlusPlus(48, 3));
        assertTrue(2 * dense.programmedDevices(0) >= 128 * 128 && fullLines(dense, 0) < 128);
        assertTrue(2 * mixed.programmedDevices(0) < 128 * 128 && fullLines(mixed, 0) > 0);
        for (ProgrammedCrossbar pc : new ProgrammedCrossbar[] {dense, sparse, mixed}) {
            for (int j = 0; j < pc.nSlices(); j++) {
                double[] d = new double[pc.programmedDevices(j)];
                for (int p = 0; p < d.length; p++) {
                    d[p] = Math.exp(-pc.nu[j][p] * Math.log(t / DEVICE.t0()));
                }
                for (double[] drift : new double[][] {null, d}) {
                    NonIdealRead onePass = new NonIdealRead(PAPER, ReadNoiseSampling.AGGREGATED);
                    double[] y = new double[128];
                    double[] cal = new double[128];
                    onePass.accumulate(pc, j, drift, 0.1, normals(45), chip, 0, 0, y, cal);
                    NonIdealRead twoPass = new NonIdealRead(PAPER, ReadNoiseSampling.AGGREGATED);
                    twoPass.drop(pc, j, drift, vx, vc, wires);
                    double scale = norm(twoPass.drop()) / Math.sqrt(128);
                    double scaleCal = norm(twoPass.calibrationDrop()) / Math.sqrt(128);
                    for (int o = 0; o < 128; o++) {
                        assertEquals(twoPass.drop()[o], onePass.drop()[o], 1e-12 * scale, "slice " + j + " output " + o);
                        assertEquals(twoPass.calibrationDrop()[o], onePass.calibrationDrop()[o], 1e-12 * scaleCal,
                                "slice " + j + " calibration " + o);
                    }
                }
            }
        }
        // 1e-12 Ω: drops of ~1e-14 of the currents, far below half an ADC level.
        Periphery tiny = Periphery.IDEAL.withIrDrop(1e-12, IrDropModel.FIRST_ORDER);
        for (ProgrammedCrossbar pc : new ProgrammedCrossbar[] {dense, sparse}) {
            for (double time : new double[] {20, t}) {
                double[][] ideal = readSlice(PAPER, pc, x, time, null, 46, 0);
                double[][] got = readSlice(PAPER, pc, x, time, tiny, 46, 47);
                assertArrayEquals(ideal[0], got[0], 0.0, "outputs at " + time);
                assertArrayEquals(ideal[1], got[1], 0.0, "calibration at " + time);
            }
        }
    }

    /**
     * The dense path on a tile narrower than the array (90 of 128 input lines, a width that is no multiple
     * of the four partial sums): the drop of the two-pass {@link NonIdealRead#drop} to rounding.
     */
    @Test
    void theDenseReadOfANarrowTileEqualsTheTwoPassDrop() {
        ProgrammedCrossbar pc = chip(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 1, 1), 90, 51);
        assertTrue(2 * pc.programmedDevices(0) >= 90 * 90);
        int[] x = levels(90, PAPER.inputScale(), 52);
        Periphery wires = Periphery.IDEAL.withIrDrop(1.0, IrDropModel.FIRST_ORDER);
        ChipPeriphery chip = periphery(wires, 1, 128, 53);
        chip.convertInputs(x, PAPER.calibrationInput(), PAPER.inputMax(), 1);
        double t = 86400 * 30.0;
        double[] d = new double[pc.programmedDevices(0)];
        for (int p = 0; p < d.length; p++) {
            d[p] = Math.exp(-pc.nu[0][p] * Math.log(t / DEVICE.t0()));
        }
        for (double[] drift : new double[][] {null, d}) {
            NonIdealRead onePass = new NonIdealRead(PAPER, ReadNoiseSampling.AGGREGATED);
            onePass.accumulate(pc, 0, drift, 0.1, normals(54), chip, 0, 0, new double[90], new double[90]);
            NonIdealRead twoPass = new NonIdealRead(PAPER, ReadNoiseSampling.AGGREGATED);
            twoPass.drop(pc, 0, drift, chip.inputs(0), chip.calibrationInputs(0), wires);
            double scale = norm(twoPass.drop()) / Math.sqrt(90);
            double scaleCal = norm(twoPass.calibrationDrop()) / Math.sqrt(90);
            assertTrue(scale > 0 && scaleCal > 0);
            for (int o = 0; o < 90; o++) {
                assertEquals(twoPass.drop()[o], onePass.drop()[o], 1e-12 * scale, "output " + o);
                assertEquals(twoPass.calibrationDrop()[o], onePass.calibrationDrop()[o], 1e-12 * scaleCal,
                        "calibration " + o);
            }
        }
    }

    private static int fullLines(ProgrammedCrossbar pc, int j) {
        int full = 0;
        for (int o = 0; o < pc.rows(); o++) {
            full += pc.rowStart[j][o + 1] - pc.rowStart[j][o] == pc.cols() ? 1 : 0;
        }
        return full;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** (I+ − I−) − ideal of the dense G+ and G− arrays of slice j, by the periphery package's models. */
    private static double[] denseDrop(ProgrammedCrossbar pc, int j, double[] v, int lines, double ohm, boolean exact) {
        int rows = pc.rows();
        double[] signed = pc.dense(j, pc.programmed[j]);
        double[] vv = java.util.Arrays.copyOf(v, lines);
        double[] out = new double[rows];
        for (int sign = 1; sign >= -1; sign -= 2) {
            double[] g = new double[lines * rows];
            for (int o = 0; o < rows; o++) {
                for (int k = 0; k < pc.cols(); k++) {
                    double s = signed[o * pc.cols() + k];
                    g[k * rows + o] = s * sign > 0 ? Math.abs(s) : 0;
                }
            }
            double[] with = new double[rows];
            double[] ideal = new double[rows];
            if (exact) {
                new ExactIrDropSolver().solve(g, lines, rows, vv, ohm, with);
            } else {
                IrDrop.firstOrder(g, lines, rows, vv, ohm, with);
            }
            IrDrop.ideal(g, lines, rows, vv, ideal);
            for (int o = 0; o < rows; o++) {
                out[o] += sign * (with[o] - ideal[o]);
            }
        }
        return out;
    }

    /** ‖y − y_ideal‖ / ‖y_ideal‖ of slice 0 at t0 with the same read noise. */
    private static double irDeviation(int n, double ohm) {
        CrossbarConfig cfg = PAPER.withSize(n);
        ProgrammedCrossbar pc = chip(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 1, 1), n, 31);
        int[] x = levels(n, PAPER.inputScale(), 32);
        double[] ideal = readSlice(cfg, pc, x, 20, null, 33, 0)[0];
        double[] got = readSlice(cfg, pc, x, 20, Periphery.IDEAL.withIrDrop(ohm, IrDropModel.FIRST_ORDER), 33, 34)[0];
        double d = 0;
        double s = 0;
        for (int i = 0; i < n; i++) {
            d += (got[i] - ideal[i]) * (got[i] - ideal[i]);
            s += ideal[i] * ideal[i];
        }
        return Math.sqrt(d / s);
    }

    @Test
    void irDropGrowsWithWireResistanceAndArraySize() {
        double r05 = irDeviation(128, 0.5);
        double r1 = irDeviation(128, 1);
        double r2 = irDeviation(128, 2);
        assertTrue(r05 > 0.005 && r05 < r1 && r1 < r2, r05 + " " + r1 + " " + r2);
        // Drop ∝ r Ḡ N² (docs/model.md §9): doubling r doubles it; halving N quarters the drop, but on the
        // rounded ADC outputs of a 64-line array (a coarser ADC step) the rounding blurs that to ~0.4.
        assertEquals(2, r2 / r1, 0.3);
        double n64 = irDeviation(64, 1);
        assertTrue(n64 < 0.6 * r1, n64 + " vs " + r1);
    }

    @Test
    void adcNoiseRaisesTheSquaredErrorByItsVariance() {
        // One chip, many reads at t0 without GDC: the mean squared error of the outputs against W·X grows
        // by rows · σ² · Σ_j b^{2j} · outputScale² (each slice's ADC adds independent noise of variance σ²
        // before rounding; the rounding error stays uniform, 1/12). Tolerance: 4 standard errors of the
        // difference of two independent means, false-failure rate ~6e-5.
        CrossbarConfig cfg = PAPER.withDriftCompensation(false);
        SlicingScheme scheme = SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 2, 2);
        CrossbarProgrammer prog = new CrossbarProgrammer(scheme, DEVICE);
        int[] w = levels(128 * 128, PAPER.weightScale(), 41);
        ProgrammedCrossbar pc = prog.program(w, 128, 128, new XoRoShiRo128PlusPlus(41, 3));
        int[] x = levels(128, PAPER.inputScale(), 42);
        double[] ref = new double[128];
        for (int i = 0; i < 128; i++) {
            long acc = 0;
            for (int k = 0; k < 128; k++) {
                acc += (long) w[i * 128 + k] * x[k];
            }
            ref[i] = acc;
        }
        CrossbarReader reader = new CrossbarReader(cfg, ReadNoiseSampling.AGGREGATED);
        double scale = reader.outputScale(pc);
        double sigma = 1.0;
        int reads = 600;
        double[][] mse = new double[2][reads];
        for (int v = 0; v < 2; v++) {
            Periphery p = v == 0 ? Periphery.IDEAL : Periphery.IDEAL.withAdcNoise(sigma);
            ChipPeriphery chip = periphery(p, 2, 128, 43);
            NormalizedGaussianSampler noise = normals(44 + v);
            double[][] ys = new double[1][128];
            double[][] cs = new double[1][128];
            for (int r = 0; r < reads; r++) {
                chip.convertInputs(x, cfg.calibrationInput(), cfg.inputMax(), 1);
                double[] y = new double[128];
                for (int j = 0; j < 2; j++) {
                    reader.readSlice(pc, j, new double[] {20}, x, noise, chip, 0, ys, cs);
                    for (int i = 0; i < 128; i++) {
                        y[i] += scheme.significance(j) * ys[0][i];
                    }
                }
                double e = 0;
                for (int i = 0; i < 128; i++) {
                    double d = y[i] * scale - ref[i];
                    e += d * d;
                }
                mse[v][r] = e;
            }
        }
        double predicted = 128 * sigma * sigma * (1 + 4) * scale * scale;
        double m0 = mean(mse[0]);
        double m1 = mean(mse[1]);
        double se = Math.sqrt(var(mse[0]) / reads + var(mse[1]) / reads);
        assertEquals(predicted, m1 - m0, 4 * se, "ideal " + m0 + ", noisy " + m1 + ", se " + se);
        assertTrue(predicted > 8 * se, "the test must resolve the effect");
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double var(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }

    @Test
    void mismatchIsDrawnOncePerChipAndChangesTheOutputs() {
        ProgrammedCrossbar pc = chip(SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 2, 1), 128, 51);
        int[] x = levels(128, PAPER.inputScale(), 52);
        Periphery p = Periphery.IDEAL.withAdcMismatch(0.05, 1.0);
        double[][] a = readSlice(PAPER, pc, x, 20, p, 53, 54);
        double[][] b = readSlice(PAPER, pc, x, 20, p, 53, 54);
        double[][] ideal = readSlice(PAPER, pc, x, 20, null, 53, 0);
        assertArrayEquals(a[0], b[0], 0.0);
        assertNotEquals(java.util.Arrays.toString(ideal[0]), java.util.Arrays.toString(a[0]));
        ChipPeriphery c1 = periphery(p, 2, 128, 54);
        ChipPeriphery c2 = periphery(p.withAdcNoise(1).withDac(1, 0.5), 2, 128, 54);
        // The same chip stream gives the same ADCs whatever the per-conversion noise.
        assertEquals(c1.mismatch(0).gain(1, 77), c2.mismatch(0).gain(1, 77), 0.0);
        assertEquals(c1.mismatch(0).offset(0, 3), c2.mismatch(0).offset(0, 3), 0.0);
    }

    @Test
    void dacInlIsDeterministicAndDacNoiseIsFreshPerConversion() {
        ProgrammedCrossbar pc = chip(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 1, 1), 128, 61);
        int[] x = levels(128, PAPER.inputScale(), 62);
        double[][] ideal = readSlice(PAPER, pc, x, 20, null, 63, 0);
        // INL alone: no random number is drawn, so any chip stream gives the same outputs, and a 4 LSB
        // bow on inputs of ±255 moves some outputs by a level.
        Periphery inl = Periphery.IDEAL.withDac(0, 4);
        double[][] a = readSlice(PAPER, pc, x, 20, inl, 63, 64);
        double[][] b = readSlice(PAPER, pc, x, 20, inl, 63, 65);
        assertArrayEquals(a[0], b[0], 0.0);
        assertNotEquals(java.util.Arrays.toString(ideal[0]), java.util.Arrays.toString(a[0]));
        // Noise: a different conversion stream gives different outputs, the same one the same outputs.
        Periphery noisy = Periphery.IDEAL.withDac(2, 0);
        double[][] c = readSlice(PAPER, pc, x, 20, noisy, 63, 66);
        double[][] d = readSlice(PAPER, pc, x, 20, noisy, 63, 66);
        double[][] e = readSlice(PAPER, pc, x, 20, noisy, 63, 67);
        assertArrayEquals(c[0], d[0], 0.0);
        assertNotEquals(java.util.Arrays.toString(c[0]), java.util.Arrays.toString(e[0]));
    }
}
