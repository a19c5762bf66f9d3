package org.pcmsim.periphery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcmsim.periphery.Tiles.distance;
import static org.pcmsim.periphery.Tiles.exact;
import static org.pcmsim.periphery.Tiles.norm;
import static org.pcmsim.periphery.Tiles.paperTile;
import static org.pcmsim.periphery.Tiles.positiveInputs;

import org.junit.jupiter.api.Test;

/**
 * The exact IR-drop solve against hand calculations (Kirchhoff's law written out in each test's
 * comment) and against a dense elimination of the node equations; its tolerance and its input checks.
 */
class ExactIrDropSolverTest {
    /** 1 Ω per segment: w = 10⁶ µS = 1 S, so conductances of 10⁶ µS make the hand calculations small. */
    private static final double ONE_SIEMENS = 1e6;
    /** Relative agreement required of the exact solve with a hand calculation (solver tolerance 10⁻¹²). */
    private static final double HAND = 1e-9;

    private static void assertCurrents(double[] expectedSiemensVolts, double[] actualMicroAmps) {
        for (int j = 0; j < expectedSiemensVolts.length; j++) {
            double e = expectedSiemensVolts[j] * ONE_SIEMENS;
            assertEquals(e, actualMicroAmps[j], HAND * Math.abs(e), "column " + j);
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
     * The exact solve equals a dense Gaussian elimination of the same node equations, built here from
     * Kirchhoff's law node by node, on a non-square 6 × 9 tile (rows not a multiple of the solver's
     * four-row sweeps) with the paper's conductances, signed inputs and r = 5 Ω; the reference output is
     * the current through the last column segment into the virtual ground, w · b_(R−1)j.
     */
    @Test
    void exactSolveEqualsDenseEliminationOfTheNodeEquations() {
        int rows = 6;
        int cols = 9;
        double[] g = java.util.Arrays.copyOf(paperTile(9, 5), rows * cols);
        double[] v = positiveInputs(rows, 5);
        v[2] = -0.7;
        double ohm = 5;
        double w = 1e6 / ohm;
        int n = rows * cols;
        double[][] a = new double[2 * n][2 * n + 1];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int ka = i * cols + j;
                int kb = n + ka;
                double gij = g[ka];
                // Row node: segment to the left (source or cell j − 1), to the right, device.
                a[ka][ka] += w + gij;
                a[ka][kb] -= gij;
                if (j == 0) {
                    a[ka][2 * n] += w * v[i];
                } else {
                    a[ka][ka - 1] -= w;
                }
                if (j < cols - 1) {
                    a[ka][ka] += w;
                    a[ka][ka + 1] -= w;
                }
                // Column node: segment below (cell i + 1 or ground), above, device.
                a[kb][kb] += w + gij;
                a[kb][ka] -= gij;
                if (i < rows - 1) {
                    a[kb][kb + cols] -= w;
                }
                if (i > 0) {
                    a[kb][kb] += w;
                    a[kb][kb - cols] -= w;
                }
            }
        }
        double[] x = gauss(a);
        double[] expected = new double[cols];
        for (int j = 0; j < cols; j++) {
            expected[j] = w * x[n + (rows - 1) * cols + j];
        }
        double[] actual = exact(g, rows, cols, v, ohm);
        assertTrue(distance(expected, actual) < 1e-9 * norm(expected),
                "relative " + distance(expected, actual) / norm(expected));
    }

    private static double[] gauss(double[][] a) {
        int m = a.length;
        for (int c = 0; c < m; c++) {
            int pivot = c;
            for (int r = c + 1; r < m; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = c + 1; r < m; r++) {
                double f = a[r][c] / a[c][c];
                if (f != 0) {
                    for (int k = c; k <= m; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] x = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double s = a[r][m];
            for (int k = r + 1; k < m; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    /**
     * The default tolerance is reached and is enough: on a 128 × 128 tile at r = 2 Ω the outputs agree
     * with a 10⁻¹² solve within 10⁻⁹ relative.
     */
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
}
