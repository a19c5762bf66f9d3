package org.pcmsim.periphery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcmsim.periphery.Tiles.distance;
import static org.pcmsim.periphery.Tiles.exact;
import static org.pcmsim.periphery.Tiles.firstOrder;
import static org.pcmsim.periphery.Tiles.norm;
import static org.pcmsim.periphery.Tiles.paperTile;
import static org.pcmsim.periphery.Tiles.positiveInputs;

import org.junit.jupiter.api.Test;

/**
 * The effective conductance matrix of a tile: M·V equals the first-order and the exact reads of V, and
 * M is G itself without wire resistance. Deterministic (fixed seeds).
 */
class IrDropMatrixTest {

    private static double[] times(double[] m, int rows, int cols, double[] v) {
        double[] out = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j] += m[i * cols + j] * v[i];
            }
        }
        return out;
    }

    @Test
    void zeroResistanceGivesTheConductancesBitForBit() {
        double[] g = paperTile(16, 3);
        assertArrayEquals(g, IrDropMatrix.firstOrder(g, 16, 16, 0));
        assertArrayEquals(g, IrDropMatrix.exact(new ExactIrDropSolver(), g, 16, 16, 0));
        assertArrayEquals(g, IrDropMatrix.of(Periphery.IDEAL, null, g, 16, 16));
    }

    @Test
    void firstOrderMatrixReproducesTheFirstOrderRead() {
        int rows = 40;
        int cols = 24;
        double[] g = java.util.Arrays.copyOf(paperTile(40, 5), rows * cols);
        double[] v = positiveInputs(rows, 5);
        v[7] = -v[7];
        for (double ohm : new double[] {0.35, 1, 10}) {
            double[] want = firstOrder(g, rows, cols, v, ohm);
            double[] got = times(IrDropMatrix.firstOrder(g, rows, cols, ohm), rows, cols, v);
            assertTrue(distance(got, want) <= 1e-12 * norm(want), "r = " + ohm + ": " + distance(got, want));
        }
    }

    @Test
    void exactMatrixReproducesTheExactSolve() {
        int rows = 20;
        int cols = 12;
        double[] g = java.util.Arrays.copyOf(paperTile(20, 7), rows * cols);
        double[] v = positiveInputs(rows, 7);
        v[2] = -v[2];
        for (double ohm : new double[] {1, 10}) {
            double[] want = exact(g, rows, cols, v, ohm);
            double[] m = IrDropMatrix.exact(new ExactIrDropSolver(1e-12, 10_000), g, rows, cols, ohm);
            double[] got = times(m, rows, cols, v);
            // Each unit solve stops at a relative residual of 1e-12; the sum of 20 of them stays far below 1e-9.
            assertTrue(distance(got, want) <= 1e-9 * norm(want), "r = " + ohm + ": " + distance(got, want));
            double[] viaPeriphery = IrDropMatrix.of(Periphery.IDEAL.withIrDrop(ohm, IrDropModel.EXACT),
                    new ExactIrDropSolver(1e-12, 10_000), g, rows, cols);
            assertArrayEquals(m, viaPeriphery);
        }
    }
}
