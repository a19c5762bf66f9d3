package org.pcmsim.periphery;

import org.pcmsim.internal.Checks;

/**
 * IR drop of one tile as the linear map it is: the tile's column currents are I_j = Σ_i M_ij V_i for
 * every input V, with M an effective conductance matrix (µS) that depends on the conductances and the
 * wires only. Reading many inputs through the same conductances (a DNN layer applies one read of its
 * tile to every image and every convolution patch of a batch) then costs one matrix product instead
 * of one IR-drop solve per input. Topology, units and orientation as in {@link IrDrop}: rows are
 * inputs i, columns outputs j, {@code g[i*C + j]}.
 *
 * <p>First order ({@link IrDrop}, "First order"): regrouping the column term,
 * <pre>
 *   M_ij = G_ij (f_ij − Σ_{k ≥ i} c_kj),   f_ij = 1 − ρ Σ_{k ≤ j} Σ_{j' ≥ k} G_ij',   c_kj = ρ Σ_{i' ≤ k} G_i'j,
 * </pre>
 * with ρ = r · 10⁻⁶ /µS, so M V equals the first-order formula of {@link IrDrop} up to rounding
 * ({@link FirstOrderIrDrop} reads through M). Exact: the
 * circuit is linear, so row i of M is the solution for the unit input e_i (R solves of
 * {@link ExactIrDropSolver}). With r = 0 both return G itself, bit for bit.
 */
public final class IrDropMatrix {
    private IrDropMatrix() {
    }

    /**
     * @param periphery the IR-drop model and wire resistance
     * @param solver the exact solver (used only for {@link IrDropModel#EXACT}; one per thread)
     * @param g conductances, µS, row-major rows × cols, each ≥ 0
     * @param rows R (inputs)
     * @param cols C (outputs)
     * @return M, row-major rows × cols (a new array; a copy of g when the wires are ideal)
     */
    public static double[] of(Periphery periphery, ExactIrDropSolver solver, double[] g, int rows, int cols) {
        return switch (periphery.irDropModel()) {
            case NONE -> java.util.Arrays.copyOf(g, rows * cols);
            case FIRST_ORDER -> firstOrder(g, rows, cols, periphery.wireResistanceOhm());
            case EXACT -> exact(solver, g, rows, cols, periphery.wireResistanceOhm());
        };
    }

    /**
     * @param g conductances, µS, row-major rows × cols
     * @param rows R
     * @param cols C
     * @param wireOhm r, Ω per cell segment, ≥ 0
     * @return the first-order effective conductances M, row-major rows × cols
     */
    public static double[] firstOrder(double[] g, int rows, int cols, double wireOhm) {
        Checks.nonNegative("wire resistance (Ω)", wireOhm);
        check(g, rows, cols);
        int n = rows * cols;
        double[] m = java.util.Arrays.copyOf(g, n);
        if (wireOhm == 0) {
            return m;
        }
        double rho = wireOhm * 1e-6;
        // colDrop[j] accumulates Σ_{k ≥ i} c_kj from the last row up; c_kj needs the prefix sums of
        // column j down to row k, so both are formed in one pass each.
        double[] prefix = new double[n];
        for (int j = 0; j < cols; j++) {
            prefix[j] = rho * g[j];
        }
        for (int k = cols; k < n; k++) {
            prefix[k] = prefix[k - cols] + rho * g[k];
        }
        double[] suffix = new double[cols];
        double[] rowSuffix = new double[cols];
        for (int i = rows - 1; i >= 0; i--) {
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                suffix[j] += prefix[base + j];
            }
            double s = 0;
            for (int j = cols - 1; j >= 0; j--) {
                s += g[base + j];
                rowSuffix[j] = s;
            }
            double f = 1;
            for (int j = 0; j < cols; j++) {
                f -= rho * rowSuffix[j];
                m[base + j] = g[base + j] * (f - suffix[j]);
            }
        }
        return m;
    }

    /**
     * @param solver the exact solver (its tolerance applies to every unit-input solve)
     * @param g conductances, µS, row-major rows × cols, each ≥ 0
     * @param rows R
     * @param cols C
     * @param wireOhm r, Ω per cell segment, ≥ 0
     * @return the exact effective conductances M, row-major rows × cols (R solves)
     */
    public static double[] exact(ExactIrDropSolver solver, double[] g, int rows, int cols, double wireOhm) {
        Checks.nonNegative("wire resistance (Ω)", wireOhm);
        check(g, rows, cols);
        if (wireOhm == 0) {
            return java.util.Arrays.copyOf(g, rows * cols);
        }
        double[] m = new double[rows * cols];
        double[] unit = new double[rows];
        double[] out = new double[cols];
        for (int i = 0; i < rows; i++) {
            unit[i] = 1;
            solver.solve(g, rows, cols, unit, wireOhm, out);
            System.arraycopy(out, 0, m, i * cols, cols);
            unit[i] = 0;
        }
        return m;
    }

    private static void check(double[] g, int rows, int cols) {
        Checks.atLeast("rows", rows, 1);
        Checks.atLeast("columns", cols, 1);
        if (g.length < (long) rows * cols) {
            throw new IllegalArgumentException("conductances hold " + g.length + " values, need rows × columns = "
                    + (long) rows * cols);
        }
    }
}
