package org.pcmsim.crossbar;

import org.pcmsim.periphery.ExactIrDropSolver;
import org.pcmsim.periphery.IrDrop;

/**
 * The exact IR drop of one slice's differential pair (docs/model.md §9, "Wiring"): the G+ and G− arrays
 * (all input lines × the used outputs, unused cells without a device) built densely from the slice's
 * drifted conductances and solved by {@link ExactIrDropSolver} for the inputs and for the calibration
 * input, four solves per slice read; the drop is each solution's currents minus the ideal ones, G+'s
 * minus G−'s. Buffers are kept between reads. Not thread-safe: one per {@link NonIdealRead}.
 */
final class ExactDrop {
    private final ExactIrDropSolver solver = new ExactIrDropSolver();
    private double[] dense = new double[0];
    private double[] denseV = new double[0];
    private double[] currents = new double[0];
    private double[] ideal = new double[0];

    /**
     * Writes the exact drop of every output of slice j.
     *
     * @param pc the crossbar
     * @param j the slice
     * @param d drift factors of the slice's devices (null: all 1)
     * @param vx the DAC outputs of the inputs, per used input line
     * @param vc the DAC outputs of the calibration input
     * @param lines input lines of the array (unused ones driven at 0)
     * @param ohm wire resistance per segment, Ω
     * @param dropX receives the drop of the inputs' currents, per output
     * @param dropC receives the drop of the calibration currents
     */
    void drop(ProgrammedCrossbar pc, int j, double[] d, double[] vx, double[] vc, int lines, double ohm,
              double[] dropX, double[] dropC) {
        int rows = pc.rows();
        int n = lines * rows;
        if (dense.length < n) {
            dense = new double[n];
        }
        if (denseV.length < lines) {
            denseV = new double[lines];
        }
        if (currents.length < rows) {
            currents = new double[rows];
            ideal = new double[rows];
        }
        java.util.Arrays.fill(dropX, 0, rows, 0.0);
        java.util.Arrays.fill(dropC, 0, rows, 0.0);
        int[] start = pc.rowStart[j];
        int[] col = pc.column[j];
        double[] g0 = pc.programmed[j];
        for (int sign = 1; sign >= -1; sign -= 2) {
            java.util.Arrays.fill(dense, 0, n, 0.0);
            for (int o = 0; o < rows; o++) {
                for (int p = start[o]; p < start[o + 1]; p++) {
                    double g = d == null ? g0[p] : g0[p] * d[p];
                    if (g * sign > 0) {
                        dense[col[p] * rows + o] = Math.abs(g);
                    }
                }
            }
            solveInto(dense, lines, rows, vx, pc.cols(), ohm, sign, dropX);
            solveInto(dense, lines, rows, vc, pc.cols(), ohm, sign, dropC);
        }
    }

    /** Adds sign · (exact − ideal) currents of one array for inputs v (padded with 0 to every line). */
    private void solveInto(double[] g, int lines, int rows, double[] v, int used, double ohm, int sign, double[] drop) {
        java.util.Arrays.fill(denseV, 0, lines, 0.0);
        System.arraycopy(v, 0, denseV, 0, used);
        solver.solve(g, lines, rows, denseV, ohm, currents);
        IrDrop.ideal(g, lines, rows, denseV, ideal);
        for (int o = 0; o < rows; o++) {
            drop[o] += sign * (currents[o] - ideal[o]);
        }
    }
}
