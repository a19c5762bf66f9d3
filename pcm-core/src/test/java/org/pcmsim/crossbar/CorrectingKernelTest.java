package org.pcmsim.crossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.device.TargetRange;
import org.pcmsim.internal.Access;
import org.pcmsim.internal.DeviceLaws;
import org.pcmsim.internal.DeviceProgrammer;
import org.pcmsim.slicing.Slicer;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/**
 * The error-correcting kernel ({@link CorrectingKernel}: the most significant slice's laws from a table
 * per |W|, each device's data copied as the weights are compacted) against error correction written
 * one device at a time with the same primitives (the Max-fill step, the law-table lookup of one target,
 * the error correction b^j (actual − S_j)): every target, G_P, ν, Q_s, amplitude and clipped count
 * equal to the bit, with supplied normals and with normals drawn from a generator.
 */
class CorrectingKernelTest {
    private static final int N = 48;

    @Test
    void sameNumbersAsOneDeviceAtATime() {
        PcmDeviceModel paper = PcmDeviceModel.nandakumar2019();
        PcmDeviceModel[] models = {paper, paper.withTargetRange(TargetRange.UNBOUNDED),
            paper.withReadNoiseNormalization(ReadNoiseNormalization.SLICE_MAX)};
        var normal = ZigguratSampler.NormalizedGaussian.of(new XoRoShiRo128PlusPlus(5, 7));
        int[] w = new int[N * N];
        for (int i = 0; i < w.length; i++) {
            // Gaussian weights clipped at 3 σ, and every magnitude 0 … 255 at least once.
            w[i] = i < 256 ? (i % 2 == 0 ? i : -i)
                    : (int) Math.round(Math.max(-3, Math.min(3, normal.sample())) * 255 / 3);
        }
        double[][] xi = new double[8][2 * N * N];
        for (double[] s : xi) {
            for (int i = 0; i < s.length; i++) {
                s[i] = normal.sample();
            }
        }
        for (PcmDeviceModel model : models) {
            for (int n : new int[] {1, 2, 4, 8}) {
                for (int b : new int[] {1, 2, 3, 8}) {
                    if (Math.pow(b, n - 1) > 1e15) {
                        continue;
                    }
                    SlicingScheme scheme = SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, n, b);
                    CrossbarProgrammer programmer = new CrossbarProgrammer(scheme, model);
                    ProgrammedCrossbar pc = programmer.allocate(N, N);
                    // Twice: the second chip reuses the kernel's buffers and its table.
                    for (int round = 0; round < 2; round++) {
                        programmer.programInto(pc, w, j -> xi[j], null);
                        compare(pc, oneDeviceAtATime(scheme, model, w, xi, null), scheme + " " + model);
                    }
                    // From a generator: each device draws its two normals in device order.
                    programmer.programInto(pc, w, new XoRoShiRo128PlusPlus(11, 3));
                    var drawn = ZigguratSampler.NormalizedGaussian.of(new XoRoShiRo128PlusPlus(11, 3));
                    compare(pc, oneDeviceAtATime(scheme, model, w, null, drawn), scheme + " " + model + ", drawn");
                }
            }
        }
    }

    /**
     * Per slice: target, G_P, ν, Q_s, amplitude (dense, row-major) and the clipped count; the normals of
     * weight i from {@code xi[j]} at 2i and 2i + 1, or, if xi is null, drawn device by device.
     */
    private static double[][][] oneDeviceAtATime(SlicingScheme scheme, PcmDeviceModel model, int[] w,
                                                 double[][] xi, NormalizedGaussianSampler drawn) {
        int size = w.length;
        int n = scheme.nSlices();
        Slicer slicer = new Slicer(scheme);
        DeviceProgrammer device = new DeviceProgrammer(model, new XoRoShiRo128PlusPlus(1, 2));
        double unit = model.gMax() / scheme.range();
        double limit = model.targetLimit();
        double countLimit = limit * (1 + 1e-9);
        boolean finalQs = model.readNoiseNormalization() == ReadNoiseNormalization.G_MAX;
        double[] rest = new double[size];
        for (int i = 0; i < size; i++) {
            rest[i] = Math.abs(w[i]);
        }
        double[] values = new double[size];
        double[][][] out = new double[n][6][];
        double[] one = new double[1];
        double[] gp = new double[1];
        double[] nu = new double[1];
        double[] raw = new double[1];
        double[] ln = new double[1];
        for (int j = n - 1; j >= 0; j--) {
            double[][] s = out[j];
            for (int k = 0; k < 5; k++) {
                s[k] = new double[size];
            }
            int clipped = 0;
            Access.slicing().maxFillStep(slicer, j, rest, values, size);
            for (int i = 0; i < size; i++) {
                if (values[i] * unit == 0.0) {
                    continue;
                }
                double sign = (w[i] >> 31) | 1;
                one[0] = Math.max(-limit, Math.min(values[i] * unit, limit)) * sign;
                clipped += Math.abs(values[i] * unit) > countLimit ? 1 : 0;
                double xiP = xi != null ? xi[j][2 * i] : drawn.sample();
                double xiNu = xi != null ? xi[j][2 * i + 1] : drawn.sample();
                device.program(one, new double[] {xiP}, new double[] {xiNu}, 0, 1, gp, nu, raw, ln, false);
                s[0][i] = one[0];
                s[1][i] = gp[0];
                s[2][i] = nu[0];
                s[3][i] = finalQs ? DeviceLaws.readNoiseFromRaw(model.readNoise(), raw[0], 1.0) : raw[0];
                rest[i] -= scheme.significance(j) * (gp[0] * sign / unit - values[i]);
            }
            if (!finalQs) {
                DeviceLaws.normalizeReadNoise(model, s[0], s[3], size);
            }
            for (int i = 0; i < size; i++) {
                s[4][i] = s[1][i] * s[3][i];
            }
            s[5] = new double[] {clipped};
        }
        return out;
    }

    private static void compare(ProgrammedCrossbar pc, double[][][] expected, String what) {
        for (int j = 0; j < pc.nSlices(); j++) {
            double[][] actual = {pc.dense(j, pc.target[j]), pc.dense(j, pc.programmed[j]), pc.dense(j, pc.nu[j]),
                pc.dense(j, pc.qs[j]), pc.dense(j, pc.amplitude[j])};
            for (int k = 0; k < actual.length; k++) {
                for (int i = 0; i < actual[k].length; i++) {
                    assertEquals(Double.doubleToRawLongBits(expected[j][k][i]), Double.doubleToRawLongBits(actual[k][i]),
                            what + ": slice " + j + ", quantity " + k + ", weight " + i);
                }
            }
            assertEquals((int) expected[j][5][0], pc.clippedDevices(j), what + ": clipped devices of slice " + j);
        }
    }
}
