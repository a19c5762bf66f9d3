package org.pcmsim.periphery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.pcmsim.montecarlo.TrialStreams;

/**
 * IR drop: the exact solve against hand calculations, the first-order model against the exact solve,
 * and the growth of the drop with wire resistance and array size. Deterministic (fixed seeds).
 */
class IrDropTest {
    /** 1 Ω per segment: w = 10⁶ µS = 1 S, so conductances of 10⁶ µS make the hand calculations small. */
    private static final double ONE_SIEMENS = 1e6;
    /** Relative agreement required of the exact solve with a hand calculation (solver tolerance 10⁻¹²). */
    private static final double HAND = 1e-9;

    private static double[] exact(double[] g, int rows, int cols, double[] v, double ohm) {
        double[] out = new double[cols];
        new ExactIrDropSolver(1e-12, 10_000).solve(g, rows, cols, v, ohm, out);
        return out;
    }

    private static double[] firstOrder(double[] g, int rows, int cols, double[] v, double ohm) {
        double[] out = new double[cols];
        IrDrop.firstOrder(g, rows, cols, v, ohm, out);
        return out;
    }

    private static double[] ideal(double[] g, int rows, int cols, double[] v) {
        double[] out = new double[cols];
        IrDrop.ideal(g, rows, cols, v, out);
        return out;
    }

    private static void assertCurrents(double[] expectedSiemensVolts, double[] actualMicroAmps) {
        for (int j = 0; j < expectedSiemensVolts.length; j++) {
            double e = expectedSiemensVolts[j] * ONE_SIEMENS;
            assertEquals(e, actualMicroAmps[j], HAND * Math.abs(e), "column " + j);
        }
    }

    /** A 128 × 128 tile with the paper's conductances: G = 25 µS · |W| / 255, W a clipped normal. */
    private static double[] paperTile(int n, long seed) {
        UniformRandomProvider rng = TrialStreams.stream(seed, 0, 0);
        var normal = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
        double[] g = new double[n * n];
        for (int k = 0; k < g.length; k++) {
            double w = Math.max(-255, Math.min(255, Math.rint(normal.sample() * 255 / 3)));
            g[k] = 25.0 * Math.abs(w) / 255;
        }
        return g;
    }

    private static double[] positiveInputs(int n, long seed) {
        UniformRandomProvider rng = TrialStreams.stream(seed, 0, 1);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble();
        }
        return v;
    }

    @Test
    void zeroResistanceIsTheIdealReadBitForBit() {
        int n = 64;
        double[] g = paperTile(n, 1);
        double[] v = positiveInputs(n, 1);
        v[3] = -v[3];
        double[] ideal = ideal(g, n, n, v);
        double[] byHand = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                byHand[j] += g[i * n + j] * v[i];
            }
        }
        assertArrayEquals(byHand, ideal);
        assertArrayEquals(ideal, firstOrder(g, n, n, v, 0));
        assertArrayEquals(ideal, exact(g, n, n, v, 0));
        double[] viaPeriphery = new double[n];
        for (IrDropModel m : IrDropModel.values()) {
            IrDrop.read(Periphery.IDEAL.withIrDrop(0, m), new ExactIrDropSolver(), g, n, n, v, viaPeriphery);
            assertArrayEquals(ideal, viaPeriphery, m.name());
        }
    }

    /**
     * 2 × 2, r = 1 Ω (w = 1 S), every G = 1 S, V = (1, 1) V. In siemens and volts, Kirchhoff at the
     * eight nodes (a: row wires, b: column wires; source left of a_i0, ground below b_1j):
     * <pre>
     *   a00: (a00 − 1) + (a00 − a01) + (a00 − b00) = 0   →  3 a00 − a01 − b00 = 1
     *   a01: (a01 − a00) + (a01 − b01) = 0               →  2 a01 − a00 − b01 = 0
     *   a10: 3 a10 − a11 − b10 = 1,   a11: 2 a11 − a10 − b11 = 0
     *   b00: (b00 − b10) + (b00 − a00) = 0               →  2 b00 − b10 − a00 = 0
     *   b10: (b10 − b00) + b10 + (b10 − a10) = 0          →  3 b10 − b00 − a10 = 0
     *   b01: 2 b01 − b11 − a01 = 0,   b11: 3 b11 − b01 − a11 = 0
     * </pre>
     * Eliminating a01 = (a00 + b01)/2, a11 = (a10 + b11)/2, b00 = (a00 + b10)/2, b01 = (a01 + b11)/2
     * and solving the rest gives, in 44ths of a volt, a = (31, 25; 27, 20), b = (24, 19; 17, 13).
     * Check by substitution: a00: 93 − 25 − 24 = 44 ✓; a01: 50 − 31 − 19 = 0 ✓; a10: 81 − 20 − 17 = 44 ✓;
     * a11: 40 − 27 − 13 = 0 ✓; b00: 48 − 17 − 31 = 0 ✓; b10: 51 − 24 − 27 = 0 ✓; b01: 38 − 13 − 25 = 0 ✓;
     * b11: 39 − 19 − 20 = 0 ✓. Column currents into the grounds: I_0 = w b10 = 17/44 A,
     * I_1 = w b11 = 13/44 A (ideal: 2 A each). Also I_0 = Σ_i G (a_i0 − b_i0) = (7 + 10)/44 ✓.
     */
    @Test
    void twoByTwoMatchesKirchhoffByHand() {
        double[] g = {ONE_SIEMENS, ONE_SIEMENS, ONE_SIEMENS, ONE_SIEMENS};
        assertCurrents(new double[] {17.0 / 44, 13.0 / 44}, exact(g, 2, 2, new double[] {1, 1}, 1));
    }

    /**
     * 3 × 3, r = 1 Ω, devices of 1 S in column 0 only, V = (1, 1, 1) V. Columns 1 and 2 carry nothing
     * and each row reaches its device through one segment, so row i injects (1 − b_i0)/2 into column 0
     * (1 S in series with 1 S). Column 0 (b0 –1 S– b1 –1 S– b2 –1 S– ground):
     * <pre>
     *   b0: (b0 − b1) = (1 − b0)/2                 →  3 b0 − 2 b1 = 1
     *   b1: (b1 − b0) + (b1 − b2) = (1 − b1)/2      →  5 b1 − 2 b0 − 2 b2 = 1
     *   b2: (b2 − b1) + b2 = (1 − b2)/2             →  5 b2 − 2 b1 = 1
     * </pre>
     * b0 = (1 + 2 b1)/3 and b2 = (1 + 2 b1)/5 in the middle equation, times 15: 43 b1 = 31, so
     * b1 = 31/43, b0 = 35/43, b2 = 21/43 and I_0 = w b2 = 21/43 A; check: the injections
     * (8 + 12 + 22)/86 = 21/43 ✓.
     */
    @Test
    void threeByThreeColumnLadderMatchesHand() {
        double[] g = new double[9];
        for (int i = 0; i < 3; i++) {
            g[i * 3] = ONE_SIEMENS;
        }
        assertCurrents(new double[] {21.0 / 43, 0, 0}, exact(g, 3, 3, new double[] {1, 1, 1}, 1));
    }

    /**
     * 3 × 3, r = 1 Ω, devices of 1 S in row 0 only, V = (1, 1, 1) V. Rows 1 and 2 carry nothing. Device
     * (0, j) reaches ground through its column's three segments: 1 S in series with 1/3 S = 1/4 S, a
     * shunt on each node of row 0 (source –1 S– a0 –1 S– a1 –1 S– a2):
     * <pre>
     *   a0: (a0 − 1) + (a0 − a1) + a0/4 = 0   →  9 a0 − 4 a1 = 4
     *   a1: (a1 − a0) + (a1 − a2) + a1/4 = 0  →  9 a1 − 4 a0 − 4 a2 = 0
     *   a2: (a2 − a1) + a2/4 = 0              →  a2 = 4 a1 / 5
     * </pre>
     * Then 29 a1 / 5 = 4 a0, a1 = 20 a0 / 29, and 9 a0 − 80 a0 / 29 = 4 gives a0 = 116/181,
     * a1 = 80/181, a2 = 64/181; I_j = a_j / 4 = (29, 20, 16)/181 A; check: the source gives
     * 1 − a0 = 65/181 = (29 + 20 + 16)/181 ✓.
     */
    @Test
    void threeByThreeRowLadderMatchesHand() {
        double[] g = new double[9];
        for (int j = 0; j < 3; j++) {
            g[j] = ONE_SIEMENS;
        }
        assertCurrents(new double[] {29.0 / 181, 20.0 / 181, 16.0 / 181},
                exact(g, 3, 3, new double[] {1, 1, 1}, 1));
    }

    /**
     * 3 × 3, r = 1 Ω, devices of 1 S on the anti-diagonal (i, 2 − i), V = (1, 1, 1) V: three independent
     * series paths. Row i reaches column 2 − i through 3 − i segments, and that column reaches ground
     * from row i through 3 − i segments: (6, 4, 2) Ω of wire plus 1 Ω of device, so
     * I = (1/3, 1/5, 1/7) A on columns (0, 1, 2).
     */
    @Test
    void threeByThreeAntiDiagonalMatchesHand() {
        double[] g = new double[9];
        g[2] = ONE_SIEMENS;
        g[4] = ONE_SIEMENS;
        g[6] = ONE_SIEMENS;
        assertCurrents(new double[] {1.0 / 3, 1.0 / 5, 1.0 / 7}, exact(g, 3, 3, new double[] {1, 1, 1}, 1));
    }

    /**
     * The first-order read equals a literal transcription of its equations on a 5 × 7 tile: ideal
     * currents I⁰, row segment currents S, column segment currents T, node voltages a and b, device
     * currents G (a − b), to 1e-12 relative.
     */
    @Test
    void firstOrderIsItsEquationsWrittenOut() {
        int rows = 5;
        int cols = 7;
        double[] g = paperTile(7, 4);
        double[] v = positiveInputs(rows, 4);
        v[1] = -0.3;
        double r = 3;
        double rho = r * 1e-6;
        double[] expected = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double a = v[i];
                for (int k = 0; k <= j; k++) {
                    double s = 0;
                    for (int jj = k; jj < cols; jj++) {
                        s += g[i * cols + jj] * v[i];
                    }
                    a -= rho * s;
                }
                double b = 0;
                for (int k = i; k < rows; k++) {
                    double t = 0;
                    for (int ii = 0; ii <= k; ii++) {
                        t += g[ii * cols + j] * v[ii];
                    }
                    b += rho * t;
                }
                expected[j] += g[i * cols + j] * (a - b);
            }
        }
        double[] actual = firstOrder(g, rows, cols, v, r);
        for (int j = 0; j < cols; j++) {
            assertEquals(expected[j], actual[j], 1e-12 * norm(expected), "column " + j);
        }
        double[] prepared = new double[cols];
        new FirstOrderIrDrop(g, rows, cols, r).read(v, prepared);
        assertArrayEquals(actual, prepared);
    }

    /**
     * The first-order model is the exact solution's first-order term in r: on a 128 × 128 tile with the
     * paper's conductances and positive inputs, its error against the exact solve is below 3 % of the
     * drop itself at r = 0.1 Ω (measured 0.84 %), and halving r divides that error by 4 (measured 3.98, within
     * [3.5, 4.5]), the O(r²) signature. At r = 0.1 Ω the outputs agree within 10⁻⁴ relative (measured
     * 6.4 × 10⁻⁵).
     */
    @Test
    void firstOrderAgreesWithExactAtSmallResistance() {
        int n = 128;
        double[] g = paperTile(n, 2);
        double[] v = positiveInputs(n, 2);
        double[] ideal = ideal(g, n, n, v);
        double[] err = new double[2];
        double[] ohms = {0.1, 0.05};
        for (int k = 0; k < 2; k++) {
            double[] ex = exact(g, n, n, v, ohms[k]);
            double[] fo = firstOrder(g, n, n, v, ohms[k]);
            err[k] = distance(fo, ex);
            double drop = distance(ideal, ex);
            assertTrue(err[k] < 0.03 * drop, "r = " + ohms[k] + ": first-order error " + err[k] + ", drop " + drop);
            assertTrue(err[k] < 1e-4 * norm(ex), "r = " + ohms[k] + ": relative error " + err[k] / norm(ex));
        }
        double ratio = err[0] / err[1];
        assertTrue(ratio > 3.5 && ratio < 4.5, "error ratio for halved r: " + ratio);
    }

    /**
     * The drop grows with wire resistance and with array size: uniform tiles of 12.5 µS read with 1 V on
     * every row, relative drop 1 − Σ I / Σ I_ideal, strictly increasing along r ∈ {0.25, 0.5, 1, 2, 4} Ω
     * and N ∈ {16, 32, 64, 128}. Both models.
     */
    @Test
    void dropGrowsWithResistanceAndSize() {
        int[] sizes = {16, 32, 64, 128};
        double[] ohms = {0.25, 0.5, 1, 2, 4};
        ExactIrDropSolver solver = new ExactIrDropSolver();
        for (IrDropModel model : new IrDropModel[] {IrDropModel.FIRST_ORDER, IrDropModel.EXACT}) {
            double[][] drop = new double[sizes.length][ohms.length];
            for (int s = 0; s < sizes.length; s++) {
                int n = sizes[s];
                double[] g = new double[n * n];
                java.util.Arrays.fill(g, 12.5);
                double[] v = new double[n];
                java.util.Arrays.fill(v, 1);
                double idealTotal = 12.5 * n * n;
                for (int k = 0; k < ohms.length; k++) {
                    double[] out = new double[n];
                    IrDrop.read(Periphery.IDEAL.withIrDrop(ohms[k], model), solver, g, n, n, v, out);
                    double total = 0;
                    for (double c : out) {
                        total += c;
                    }
                    drop[s][k] = 1 - total / idealTotal;
                    assertTrue(drop[s][k] > 0, model + " N=" + n + " r=" + ohms[k] + ": drop " + drop[s][k]);
                    if (k > 0) {
                        assertTrue(drop[s][k] > drop[s][k - 1], model + " N=" + n + " r=" + ohms[k]);
                    }
                    if (s > 0) {
                        assertTrue(drop[s][k] > drop[s - 1][k], model + " N=" + n + " r=" + ohms[k]);
                    }
                }
            }
        }
    }

    /** Kirchhoff's current law over the whole tile: what the columns deliver is what the devices carry. */
    @Test
    void exactSolveConvergesToTheStatedTolerance() {
        int n = 128;
        double[] g = paperTile(n, 3);
        double[] v = positiveInputs(n, 3);
        ExactIrDropSolver loose = new ExactIrDropSolver();
        double[] a = new double[n];
        loose.solve(g, n, n, v, 2, a);
        assertTrue(loose.lastResidual() <= ExactIrDropSolver.DEFAULT_TOLERANCE);
        assertTrue(loose.lastIterations() > 0);
        double[] tight = exact(g, n, n, v, 2);
        // At the default tolerance the outputs agree with a 10⁻¹² solve within 10⁻⁹ relative.
        assertTrue(distance(a, tight) < 1e-9 * norm(tight), "relative " + distance(a, tight) / norm(tight));
    }

    @Test
    void exactSolveRejectsUnphysicalConductances() {
        double[] g = {1, -2, 3, 4};
        var e = assertThrows(IllegalArgumentException.class,
                () -> new ExactIrDropSolver().solve(g, 2, 2, new double[] {1, 1}, 1, new double[2]));
        assertEquals("conductance (0, 1) must be >= 0 and finite for the exact IR-drop solve, got -2.0",
                e.getMessage());
        g[1] = Double.NaN;
        assertThrows(IllegalArgumentException.class,
                () -> new ExactIrDropSolver().solve(g, 2, 2, new double[] {1, 1}, 1, new double[2]));
        var r = assertThrows(IllegalArgumentException.class,
                () -> IrDrop.firstOrder(g, 2, 2, new double[] {1, 1}, -1, new double[2]));
        assertEquals("wire resistance (Ω) must be >= 0 and finite, got -1.0", r.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ExactIrDropSolver(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new ExactIrDropSolver(Double.NaN, 10));
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }

    private static double norm(double[] a) {
        return distance(a, new double[a.length]);
    }
}
