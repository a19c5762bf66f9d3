package org.pcmsim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pcmsim.device.PcmDeviceModel;

/** The tabulated ln g and g^(−e) against the exact functions: the error bounds the Javadoc states. */
class LawTableTest {
    /** h² / 8 for h = 2^−10 and |(ln m)''| ≤ 1 on [1, 2]. */
    private static final double LN_BOUND = 0x1.0p-20 / 8;

    @Test
    void errorsStayWithinTheInterpolationBound() {
        double[] out = new double[2];
        SplittableRandom random = new SplittableRandom(42);
        for (double e : new double[] {0.65, 0.3, 1.0, -0.5}) {
            LawTable table = LawTable.forExponent(e);
            // |(m^−e)''| / m^−e ≤ |e(e + 1)| on [1, 2]; m^−e varies by at most 2^|e| across [1, 2].
            double powBound = Math.abs(e * (e + 1)) * Math.pow(2, Math.abs(e)) * LN_BOUND + 1e-15;
            double worstLn = 0;
            double worstPow = 0;
            for (int i = 0; i < 200_000; i++) {
                // Log-uniform over the whole tabulated range and a little beyond it.
                double g = Math.exp(random.nextDouble(-44, 7));
                table.evaluate(g, out);
                worstLn = Math.max(worstLn, Math.abs(out[0] - Math.log(g)));
                double exact = Math.pow(g, -e);
                worstPow = Math.max(worstPow, Math.abs(out[1] - exact) / exact);
            }
            assertTrue(worstLn <= LN_BOUND + 1e-13, "ln error " + worstLn + " for e = " + e);
            assertTrue(worstPow <= powBound, "relative power error " + worstPow + " for e = " + e);
            // The bound is nearly attained: the table really interpolates (it is not exact by accident).
            assertTrue(worstLn > LN_BOUND / 4, "ln error " + worstLn);
        }
    }

    @Test
    void gridPointsAndOutOfRangeValuesAreExact() {
        double[] out = new double[2];
        LawTable table = LawTable.forExponent(0.65);
        for (double g : new double[] {1.0, 0.5, 0.25, 1.5, 0x1.0p-60, 1e-30, 300.0}) {
            table.evaluate(g, out);
            assertEquals(Math.log(g), out[0], 1e-15 * Math.max(1, Math.abs(Math.log(g))), "ln " + g);
            assertEquals(Math.pow(g, -0.65), out[1], 1e-14 * Math.pow(g, -0.65), "pow " + g);
        }
    }

    @Test
    void tabulatedDeviceLawsMatchTheExactOnes() {
        PcmDeviceModel m = PcmDeviceModel.nandakumar2019();
        LawTable table = LawTable.forExponent(m.readNoise().exponent());
        double[] exact = new double[4];
        double[] tabled = new double[4];
        double[] scratch = new double[2];
        for (double g = 1e-7; g < 1.5; g *= 1.0137) {
            DeviceLaws.evaluate(m, g, exact);
            DeviceLaws.evaluate(m, g, table, scratch, tabled);
            assertEquals(exact[0], tabled[0], 0.0, "sigma_P at " + g);
            assertEquals(exact[1], tabled[1], 2e-9, "mu_nu at " + g);
            assertEquals(exact[2], tabled[2], 2e-9, "sigma_nu at " + g);
            assertEquals(exact[3], tabled[3], 2e-7 * exact[3], "raw Q at " + g);
        }
    }

    /**
     * The whole-slice form the error-correcting kernel uses ({@link LawTable#lookup} and
     * {@link DeviceProgrammer#program(double[], double[], double[], int, int, double[], double[], double[],
     * double[], boolean)}) gives, to the bit, the one-device form of {@link DeviceLaws#evaluate(PcmDeviceModel, double,
     * LawTable, double[], double[])}: only the order of the work differs. Targets cover the table, both
     * signs, G_max and beyond, and values outside the table (exact functions there).
     */
    @Test
    void wholeSliceFormIsTheOneDeviceFormToTheBit() {
        SplittableRandom random = new SplittableRandom(7);
        for (PcmDeviceModel m : new PcmDeviceModel[] {PcmDeviceModel.nandakumar2019(),
            PcmDeviceModel.nandakumar2019().withNoiseScales(0.5, 2, 1),
            PcmDeviceModel.nandakumar2019().withConventions(org.pcmsim.device.Conventions.PUBLISHED)}) {
            int n = 5000;
            double[] target = new double[n];
            double[] xiP = new double[n];
            double[] xiNu = new double[n];
            for (int p = 0; p < n; p++) {
                double g = p % 97 == 0 ? (p % 2 == 0 ? 1e-25 : 1e4) : p % 13 == 0 ? 1.0 : Math.exp(random.nextDouble(-30, 1));
                target[p] = (random.nextBoolean() ? -1 : 1) * g * m.gMax();
                xiP[p] = random.nextDouble(-4, 4);
                xiNu[p] = random.nextDouble(-4, 4);
            }
            double[] programmed = new double[n];
            double[] nu = new double[n];
            double[] rawQ = new double[n];
            double[] lnG = new double[n];
            DeviceProgrammer programmer = new DeviceProgrammer(m, () -> 0L);
            // Two chunks, the second not starting at 0.
            programmer.program(target, xiP, xiNu, 0, 1234, programmed, nu, rawQ, lnG, false);
            programmer.program(target, xiP, xiNu, 1234, n, programmed, nu, rawQ, lnG, false);
            LawTable table = LawTable.forExponent(m.readNoise().exponent());
            double[] laws = new double[4];
            double[] scratch = new double[2];
            double[] oneNu = new double[1];
            for (int p = 0; p < n; p++) {
                DeviceLaws.evaluate(m, Math.abs(target[p]) * (1.0 / m.gMax()), table, scratch, laws);
                double gp = programmer.program(target[p], laws[0], laws[1], laws[2], xiP[p], xiNu[p], oneNu, 0);
                assertEquals(Double.doubleToRawLongBits(gp), Double.doubleToRawLongBits(programmed[p]), "G_P " + p);
                assertEquals(Double.doubleToRawLongBits(oneNu[0]), Double.doubleToRawLongBits(nu[p]), "nu " + p);
                assertEquals(Double.doubleToRawLongBits(laws[3]), Double.doubleToRawLongBits(rawQ[p]), "raw Q " + p);
            }
        }
    }

    /** Targets of one magnitude (either sign): looking the laws up once gives every device's numbers to the bit. */
    @Test
    void oneMagnitudeIsLookedUpOnceToTheSameBits() {
        PcmDeviceModel m = PcmDeviceModel.nandakumar2019();
        SplittableRandom random = new SplittableRandom(11);
        int n = 300;
        for (double magnitude : new double[] {m.gMax(), 0.37 * m.gMax(), 1e-3}) {
            double[] target = new double[n];
            double[] xiP = new double[n];
            double[] xiNu = new double[n];
            for (int p = 0; p < n; p++) {
                target[p] = random.nextBoolean() ? magnitude : -magnitude;
                xiP[p] = random.nextDouble(-4, 4);
                xiNu[p] = random.nextDouble(-4, 4);
            }
            double[][] once = new double[4][n];
            double[][] each = new double[4][n];
            DeviceProgrammer programmer = new DeviceProgrammer(m, () -> 0L);
            programmer.program(target, xiP, xiNu, 10, n, once[0], once[1], once[2], once[3], true);
            programmer.program(target, xiP, xiNu, 10, n, each[0], each[1], each[2], each[3], false);
            for (int k = 0; k < 3; k++) {
                for (int p = 10; p < n; p++) {
                    assertEquals(Double.doubleToRawLongBits(each[k][p]), Double.doubleToRawLongBits(once[k][p]),
                            "output " + k + " of device " + p);
                }
            }
        }
    }
}
