package org.pcmsim.periphery;

/**
 * How the voltage lost on the wires of a tile (IR drop) is computed; see {@link IrDrop}.
 */
public enum IrDropModel {
    /** Ideal wires: column current Σ_i G_ij V_i. */
    NONE,
    /**
     * The first-order term in the wire resistance r: every device sees its input reduced by the drop
     * that the ideal device currents accumulate along its row and column wires. Cost O(rows × columns),
     * a few passes over the tile; error O((r G N²)²) relative to the exact solve.
     */
    FIRST_ORDER,
    /** The tile's resistive network solved by preconditioned conjugate gradients ({@link ExactIrDropSolver}). */
    EXACT
}
