package org.pcmsim.periphery;

import org.pcmsim.internal.Checks;

/**
 * The first-order IR-drop read ({@link IrDrop}, "First order") of one tile, prepared for its
 * conductances so that many inputs can be read at the cost of one vectorisable pass each. Immutable
 * and thread-safe; it keeps a copy of the conductances.
 *
 * <p>Everything that depends on the conductances alone is computed here once: the row factor
 * f_ij = 1 − ρ Σ_{k ≤ j} Σ_{j' ≥ k} G_ij' (the row drop scales with V_i, so a_ij = f_ij V_i) and the
 * column weight c_kj = ρ Σ_{i ≤ k} G_ij. A read is then
 * <pre>
 *   I_j = Σ_i G_ij V_i f_ij − Σ_k T_kj c_kj,    T_kj = Σ_{i ≤ k} G_ij V_i,
 * </pre>
 * where the second sum is Σ_i G_ij b_ij regrouped (b_ij = ρ Σ_{k ≥ i} T_kj).
 */
public final class FirstOrderIrDrop {
    private final double[] g;
    private final int rows;
    private final int cols;
    private final double[] rowFactor;
    private final double[] colWeight;

    /**
     * @param g conductances, µS, row-major rows × cols
     * @param rows R
     * @param cols C
     * @param wireOhm r, Ω per cell segment
     */
    public FirstOrderIrDrop(double[] g, int rows, int cols, double wireOhm) {
        this(g, rows, cols, wireOhm, true);
    }

    private FirstOrderIrDrop(double[] g, int rows, int cols, double wireOhm, boolean copy) {
        Checks.nonNegative("wire resistance (Ω)", wireOhm);
        Checks.atLeast("rows", rows, 1);
        Checks.atLeast("columns", cols, 1);
        int n = rows * cols;
        if (g.length < n) {
            throw new IllegalArgumentException("conductances hold " + g.length + " values, need rows × columns = " + n);
        }
        this.g = copy ? java.util.Arrays.copyOf(g, n) : g;
        this.rows = rows;
        this.cols = cols;
        if (wireOhm == 0) {
            rowFactor = null;
            colWeight = null;
            return;
        }
        double rho = wireOhm * 1e-6;
        // Suffix sums S along each row, then f_j = f_(j−1) − ρ S_j. Each is a chain of dependent
        // additions, so two rows advance together (a sweep across all rows at once would stride by a
        // power of two and thrash the cache).
        double[] f = new double[n];
        int i = 0;
        for (; i + 2 <= rows; i += 2) {
            int b0 = i * cols;
            int b1 = b0 + cols;
            double s0 = 0;
            double s1 = 0;
            for (int j = cols - 1; j >= 0; j--) {
                s0 += g[b0 + j];
                s1 += g[b1 + j];
                f[b0 + j] = s0;
                f[b1 + j] = s1;
            }
            double f0 = 1;
            double f1 = 1;
            for (int j = 0; j < cols; j++) {
                f0 -= rho * f[b0 + j];
                f1 -= rho * f[b1 + j];
                f[b0 + j] = f0;
                f[b1 + j] = f1;
            }
        }
        for (; i < rows; i++) {
            int b0 = i * cols;
            double s0 = 0;
            for (int j = cols - 1; j >= 0; j--) {
                s0 += g[b0 + j];
                f[b0 + j] = s0;
            }
            double f0 = 1;
            for (int j = 0; j < cols; j++) {
                f0 -= rho * f[b0 + j];
                f[b0 + j] = f0;
            }
        }
        double[] c = new double[n];
        for (int k = 0; k < cols; k++) {
            c[k] = rho * g[k];
        }
        for (int k = cols; k < n; k++) {
            c[k] = c[k - cols] + rho * g[k];
        }
        rowFactor = f;
        colWeight = c;
    }

    /**
     * A first-order read of one input without copying the conductances (they are read only here).
     */
    static void readOnce(double[] g, int rows, int cols, double wireOhm, double[] v, double[] out) {
        new FirstOrderIrDrop(g, rows, cols, wireOhm, false).read(v, out);
    }

    /** @return R */
    public int rows() {
        return rows;
    }

    /** @return C */
    public int cols() {
        return cols;
    }

    /**
     * Reads the tile. With r = 0 it returns {@link IrDrop#ideal} exactly.
     *
     * @param v input voltages, one per row
     * @param out receives the C column currents, µS × unit of v
     */
    public void read(double[] v, double[] out) {
        if (rowFactor == null) {
            IrDrop.ideal(g, rows, cols, v, out);
            return;
        }
        IrDrop.checkShapes(g, rows, cols, v, out);
        double[] colCurrent = new double[cols];
        double[] colDrop = new double[cols];
        java.util.Arrays.fill(out, 0, cols, 0.0);
        for (int i = 0; i < rows; i++) {
            double vi = v[i];
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                int k = base + j;
                double current = g[k] * vi;
                out[j] += current * rowFactor[k];
                colCurrent[j] += current;
                colDrop[j] += colCurrent[j] * colWeight[k];
            }
        }
        for (int j = 0; j < cols; j++) {
            out[j] -= colDrop[j];
        }
    }
}
