package org.pcmsim.periphery;

import org.pcmsim.internal.Checks;

/**
 * Column currents of one tile read with resistive wires (IR drop).
 *
 * <h2>The tile</h2>
 * R rows (inputs i) × C columns (outputs j); conductances G_ij in µS, row-major ({@code g[i*C + j]});
 * input voltages V_i in any unit u (volts, or DAC levels: the network is linear, so the relative drop
 * does not depend on the read voltage); currents are returned in µS × u (µA for volts). Row i's wire
 * is driven by an ideal source V_i at its column-0 end: one segment r from the source to cell (i, 0),
 * one segment r between neighbouring cells, open after column C − 1. Column j's wire is open above
 * row 0 and runs through one segment r between neighbouring cells and one more from cell (R − 1, j)
 * into the virtual ground of its readout. Row 0 is thus the input farthest from the output (aihwkit's
 * convention) and column 0 the output nearest the drivers. Device (i, j) joins row node a_ij to column
 * node b_ij; the output of column j is the current into its virtual ground.
 *
 * <h2>First order</h2>
 * With the ideal device currents I⁰_ij = G_ij V_i, the segment of row i that feeds cell (i, k) carries
 * S_ik = Σ_{j ≥ k} I⁰_ij and the segment below cell (k, j) of column j carries T_kj = Σ_{i ≤ k} I⁰_ij, so
 * <pre>
 *   a_ij = V_i − ρ Σ_{k ≤ j} S_ik,    b_ij = ρ Σ_{k ≥ i} T_kj,    I_j = Σ_i G_ij (a_ij − b_ij),
 * </pre>
 * with ρ = r · 10⁻⁶ (Ω → 1/µS). This is exactly the first-order term of the circuit's solution in r:
 * the exact node voltages differ from the ideal ones by O(r), so the device currents that load the
 * wires differ from I⁰ by O(r) and change the drops by O(r²). It is the construction of the first sweep of
 * CrossSim's relaxation solver started from the ideal currents, with relaxation factor 1 (Xiao et al.
 * 2021). aihwkit's {@code applyIrDrop}
 * (learnt from, not copied) models the drop along the input wire only, with a closed-form profile
 * 1 − (1 − j/n)² of a uniformly loaded line and a cubic saturation in its total current; here both
 * wires carry their actual currents, to first order only. {@link FirstOrderIrDrop} reads many inputs
 * of one tile at the cost of an ideal read each, through the effective conductances of
 * {@link IrDropMatrix}.
 *
 * <h2>Exact</h2>
 * {@link ExactIrDropSolver} solves the same network's node equations.
 */
public final class IrDrop {
    private IrDrop() {
    }

    /**
     * The ideal read, I_j = Σ_i G_ij V_i, summed over i in increasing order.
     *
     * @param g conductances, µS, row-major rows × cols
     * @param rows R
     * @param cols C
     * @param v input voltages, one per row
     * @param out receives the C column currents, µS × unit of v
     */
    public static void ideal(double[] g, int rows, int cols, double[] v, double[] out) {
        checkShapes(g, rows, cols, v, out);
        java.util.Arrays.fill(out, 0, cols, 0.0);
        for (int i = 0; i < rows; i++) {
            double vi = v[i];
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += g[base + j] * vi;
            }
        }
    }

    /**
     * The first-order IR-drop read (class comment) of one input; {@link FirstOrderIrDrop} reads many
     * inputs of the same tile faster. With r = 0 it returns {@link #ideal} exactly.
     *
     * @param g conductances, µS, row-major rows × cols
     * @param rows R
     * @param cols C
     * @param v input voltages, one per row
     * @param wireOhm r, Ω per cell segment
     * @param out receives the C column currents
     */
    public static void firstOrder(double[] g, int rows, int cols, double[] v, double wireOhm, double[] out) {
        Checks.nonNegative("wire resistance (Ω)", wireOhm);
        if (wireOhm == 0) {
            ideal(g, rows, cols, v, out);
            return;
        }
        FirstOrderIrDrop.readOnce(g, rows, cols, wireOhm, v, out);
    }

    /**
     * The read under the periphery's IR-drop model and wire resistance. Not thread-safe for
     * {@link IrDropModel#EXACT} with a shared solver; pass one solver per thread.
     *
     * @param periphery model and r
     * @param solver the exact solver (used only for {@link IrDropModel#EXACT})
     * @param g conductances, µS, row-major rows × cols (≥ 0 for the exact model)
     * @param rows R
     * @param cols C
     * @param v input voltages, one per row
     * @param out receives the C column currents
     */
    public static void read(Periphery periphery, ExactIrDropSolver solver, double[] g, int rows, int cols,
                            double[] v, double[] out) {
        switch (periphery.irDropModel()) {
            case NONE -> ideal(g, rows, cols, v, out);
            case FIRST_ORDER -> firstOrder(g, rows, cols, v, periphery.wireResistanceOhm(), out);
            case EXACT -> solver.solve(g, rows, cols, v, periphery.wireResistanceOhm(), out);
            default -> throw new AssertionError(periphery.irDropModel());
        }
    }

    static void checkShapes(double[] g, int rows, int cols, double[] v, double[] out) {
        Checks.atLeast("rows", rows, 1);
        Checks.atLeast("columns", cols, 1);
        if (g.length < (long) rows * cols) {
            throw new IllegalArgumentException("conductances hold " + g.length + " values, need rows × columns = "
                    + (long) rows * cols);
        }
        if (v.length < rows) {
            throw new IllegalArgumentException("inputs hold " + v.length + " values, need rows = " + rows);
        }
        if (out.length < cols) {
            throw new IllegalArgumentException("output holds " + out.length + " values, need columns = " + cols);
        }
    }
}
