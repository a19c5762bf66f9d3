package org.pcmsim.periphery;

import org.pcmsim.internal.Checks;

/**
 * The first-order IR-drop read ({@link IrDrop}, "First order") of one tile, prepared for its
 * conductances so that many inputs can be read at the cost of an ideal read each. Immutable and
 * thread-safe.
 *
 * <p>The first-order read is linear in the inputs, so everything that depends on the conductances alone
 * is folded into the effective conductances M of {@link IrDropMatrix#firstOrder} once: a read is then
 * I_j = Σ_i M_ij V_i, the ideal read of M (one multiply-add per cell, no allocation). It equals the
 * first-order formula of {@link IrDrop} up to the order of the floating-point sums.
 */
public final class FirstOrderIrDrop {
    private final double[] m;
    private final int rows;
    private final int cols;

    /**
     * @param g conductances, µS, row-major rows × cols
     * @param rows R
     * @param cols C
     * @param wireOhm r, Ω per cell segment
     */
    public FirstOrderIrDrop(double[] g, int rows, int cols, double wireOhm) {
        Checks.nonNegative("wire resistance (Ω)", wireOhm);
        Checks.atLeast("rows", rows, 1);
        Checks.atLeast("columns", cols, 1);
        int n = rows * cols;
        if (g.length < n) {
            throw new IllegalArgumentException("conductances hold " + g.length + " values, need rows × columns = "
                    + n);
        }
        // With r = 0 this is a copy of g, so a read is IrDrop.ideal of g to the bit.
        this.m = IrDropMatrix.firstOrder(g, rows, cols, wireOhm);
        this.rows = rows;
        this.cols = cols;
    }

    /** A first-order read of one input. */
    static void readOnce(double[] g, int rows, int cols, double wireOhm, double[] v, double[] out) {
        new FirstOrderIrDrop(g, rows, cols, wireOhm).read(v, out);
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
        IrDrop.ideal(m, rows, cols, v, out);
    }
}
