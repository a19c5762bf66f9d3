package org.pcmsim.periphery;

import org.pcmsim.internal.Checks;

/**
 * The exact IR-drop read of one tile: the node equations of its resistive network (topology in
 * {@link IrDrop}) solved by preconditioned conjugate gradients (our own implementation; the system is
 * small, structured and symmetric positive definite, so a general sparse library would add a dependency
 * for less speed).
 *
 * <h2>Equations</h2>
 * Unknowns: the 2RC node voltages a_ij (row wires) and b_ij (column wires); w = 10⁶ / r µS is the
 * conductance of one wire segment. Kirchhoff's current law at each node, with the source V_i at the
 * left of a_i0 and the virtual ground below b_(R−1)j:
 * <pre>
 *   a_ij:  w (a_ij − a_i,j−1) + w (a_ij − a_i,j+1) + G_ij (a_ij − b_ij) = 0,   a_i,−1 = V_i, no a_i,C term
 *   b_ij:  w (b_ij − b_i−1,j) + w (b_ij − b_i+1,j) + G_ij (b_ij − a_ij) = 0,   b_R,j = 0,    no b_−1,j term
 * </pre>
 * The matrix is symmetric, and positive definite when every G_ij ≥ 0 (each wire reaches a source or
 * the ground). The solve runs on the deviation from the ideal voltages (a = V_i, b = 0), whose initial
 * residual is the ideal device current ∓G_ij V_i, so the tolerance is relative to currents of the size
 * of the outputs rather than to the large w V_i terms. The preconditioner is line block-Jacobi: each
 * row wire's and each column wire's tridiagonal block (wire segments plus G_ij on the diagonal) solved
 * exactly by the Thomas algorithm; only the device coupling −G_ij between a_ij and b_ij is left to the
 * iteration, which is weak because w ≫ G. Convergence: ‖residual‖₂ ≤ tolerance · ‖ideal device
 * currents‖₂. The output is I_j = Σ_i G_ij (a_ij − b_ij), which equals the current into the virtual
 * ground at the solution and does not amplify the residual by w.
 *
 * <p>Holds work arrays for the last tile size; one instance per thread.
 */
public final class ExactIrDropSolver {
    /** Default relative residual, 10⁻¹⁰ (docs/model.md §9 shows its effect on the outputs). */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    private final double tolerance;
    private final int maxIterations;
    private int size = -1;
    private double[] x;
    private double[] r;
    private double[] z;
    private double[] p;
    private double[] q;
    private double[] invRow;
    private double[] invCol;
    private int lastIterations;
    private double lastResidual;

    /** A solver with {@link #DEFAULT_TOLERANCE} and at most 10 000 iterations. */
    public ExactIrDropSolver() {
        this(DEFAULT_TOLERANCE, 10_000);
    }

    /**
     * @param tolerance relative residual at which the iteration stops, in (0, 1)
     * @param maxIterations the iteration limit, ≥ 1
     */
    public ExactIrDropSolver(double tolerance, int maxIterations) {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
        }
        Checks.atLeast("maxIterations", maxIterations, 1);
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** @return the relative residual at which the iteration stops */
    public double tolerance() {
        return tolerance;
    }

    /** @return the number of conjugate-gradient iterations of the last solve (0 if r = 0) */
    public int lastIterations() {
        return lastIterations;
    }

    /** @return the relative residual reached by the last solve */
    public double lastResidual() {
        return lastResidual;
    }

    /**
     * Column currents of the tile with wire resistance r. With r = 0 it returns {@link IrDrop#ideal}
     * exactly.
     *
     * @param g conductances, µS, row-major rows × cols, each ≥ 0
     * @param rows R
     * @param cols C
     * @param v input voltages, one per row
     * @param wireOhm r, Ω per cell segment
     * @param out receives the C column currents, µS × unit of v
     * @throws IllegalStateException if the iteration limit is reached first
     */
    public void solve(double[] g, int rows, int cols, double[] v, double wireOhm, double[] out) {
        Checks.nonNegative("wire resistance (Ω)", wireOhm);
        IrDrop.checkShapes(g, rows, cols, v, out);
        lastIterations = 0;
        lastResidual = 0;
        if (wireOhm == 0) {
            IrDrop.ideal(g, rows, cols, v, out);
            return;
        }
        int n = rows * cols;
        allocate(n);
        double w = 1e6 / wireOhm;
        factorLines(g, rows, cols, w);

        double r0 = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int k = i * cols + j;
                double current = g[k] * v[i];
                r[k] = -current;
                r[n + k] = current;
                r0 += 2 * current * current;
            }
        }
        java.util.Arrays.fill(x, 0, 2 * n, 0.0);
        r0 = Math.sqrt(r0);
        if (r0 > 0) {
            iterate(g, rows, cols, w, r0);
        }
        java.util.Arrays.fill(out, 0, cols, 0.0);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int k = i * cols + j;
                out[j] += g[k] * (v[i] + x[k] - x[n + k]);
            }
        }
    }

    private void iterate(double[] g, int rows, int cols, double w, double r0) {
        int n2 = 2 * rows * cols;
        precondition(rows, cols, w);
        System.arraycopy(z, 0, p, 0, n2);
        double rz = dot(r, z, n2);
        double target = tolerance * r0;
        for (int it = 1; it <= maxIterations; it++) {
            apply(g, rows, cols, w, p, q);
            double alpha = rz / dot(p, q, n2);
            double rr = 0;
            for (int k = 0; k < n2; k++) {
                x[k] += alpha * p[k];
                r[k] -= alpha * q[k];
                rr += r[k] * r[k];
            }
            double res = Math.sqrt(rr);
            lastIterations = it;
            lastResidual = res / r0;
            if (res <= target) {
                return;
            }
            precondition(rows, cols, w);
            double rzNew = dot(r, z, n2);
            double beta = rzNew / rz;
            rz = rzNew;
            for (int k = 0; k < n2; k++) {
                p[k] = z[k] + beta * p[k];
            }
        }
        throw new IllegalStateException("IR-drop solve did not converge in " + maxIterations
                + " iterations: relative residual " + lastResidual + " > tolerance " + tolerance);
    }

    /**
     * q = A p (a-nodes first, then b-nodes, each row-major). Written as branch-free loops over
     * contiguous indices so that the JIT vectorises them.
     */
    private static void apply(double[] g, int rows, int cols, double w, double[] p, double[] q) {
        int n = rows * cols;
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            int end = base + cols;
            // Device coupling and the wire segment every node has: to the left of a_ij (source or
            // cell j − 1) and below b_ij (cell i + 1 or the virtual ground).
            for (int k = base; k < end; k++) {
                double gk = g[k];
                double pa = p[k];
                double pb = p[n + k];
                q[k] = (w + gk) * pa - gk * pb;
                q[n + k] = (w + gk) * pb - gk * pa;
            }
            for (int k = base + 1; k < end; k++) {
                q[k] -= w * p[k - 1];
            }
            for (int k = base; k < end - 1; k++) {
                q[k] += w * (p[k] - p[k + 1]);
            }
            if (i < rows - 1) {
                for (int k = base; k < end; k++) {
                    q[n + k] -= w * p[n + k + cols];
                }
            }
            if (i > 0) {
                for (int k = base; k < end; k++) {
                    q[n + k] += w * (p[n + k] - p[n + k - cols]);
                }
            }
        }
    }

    /**
     * Thomas factors of every line block: invRow[k] = 1/m for the row tridiagonals, invCol for the
     * column ones, where m is the pivot of LU elimination with the constant off-diagonal −w.
     */
    private void factorLines(double[] g, int rows, int cols, double w) {
        double w2 = w * w;
        for (int i = 0; i < rows; i++) {
            int b = i * cols;
            double inv = 0;
            for (int j = 0; j < cols; j++) {
                double gij = g[b + j];
                if (!(gij >= 0) || gij == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("conductance (" + i + ", " + j
                            + ") must be >= 0 and finite for the exact IR-drop solve, got " + gij);
                }
                double d = w + gij + (j < cols - 1 ? w : 0);
                inv = 1 / (d - w2 * inv);
                invRow[b + j] = inv;
            }
        }
        // Column pivots advance row by row for all columns at once (contiguous memory).
        for (int k = 0; k < cols; k++) {
            invCol[k] = 1 / (w + g[k]);
        }
        for (int k = cols; k < rows * cols; k++) {
            invCol[k] = 1 / (2 * w + g[k] - w2 * invCol[k - cols]);
        }
    }

    /**
     * z = M⁻¹ r: forward and back substitution along every row wire (a) and column wire (b). Each
     * substitution is a chain of dependent steps, so several lines advance together: four rows at a
     * time (contiguous memory; a sweep across all rows at once would stride by a power of two and thrash
     * the cache) and all columns at a time (one row of the tile after the other).
     */
    private void precondition(int rows, int cols, double w) {
        int n = rows * cols;
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            substituteFourRows(i * cols, cols, w);
        }
        for (; i < rows; i++) {
            int b = i * cols;
            z[b] = r[b];
            for (int k = b + 1; k < b + cols; k++) {
                z[k] = r[k] + w * z[k - 1] * invRow[k - 1];
            }
            z[b + cols - 1] *= invRow[b + cols - 1];
            for (int k = b + cols - 2; k >= b; k--) {
                z[k] = (z[k] + w * z[k + 1]) * invRow[k];
            }
        }
        System.arraycopy(r, n, z, n, cols);
        for (int k = cols; k < n; k++) {
            z[n + k] = r[n + k] + w * z[n + k - cols] * invCol[k - cols];
        }
        for (int k = n - cols; k < n; k++) {
            z[n + k] *= invCol[k];
        }
        for (int k = n - cols - 1; k >= 0; k--) {
            z[n + k] = (z[n + k] + w * z[n + k + cols]) * invCol[k];
        }
    }

    /** The row-wire substitutions of rows starting at offsets b, b + cols, b + 2 cols, b + 3 cols. */
    private void substituteFourRows(int b, int cols, double w) {
        int b1 = b + cols;
        int b2 = b1 + cols;
        int b3 = b2 + cols;
        z[b] = r[b];
        z[b1] = r[b1];
        z[b2] = r[b2];
        z[b3] = r[b3];
        for (int j = 1; j < cols; j++) {
            z[b + j] = r[b + j] + w * z[b + j - 1] * invRow[b + j - 1];
            z[b1 + j] = r[b1 + j] + w * z[b1 + j - 1] * invRow[b1 + j - 1];
            z[b2 + j] = r[b2 + j] + w * z[b2 + j - 1] * invRow[b2 + j - 1];
            z[b3 + j] = r[b3 + j] + w * z[b3 + j - 1] * invRow[b3 + j - 1];
        }
        int last = cols - 1;
        z[b + last] *= invRow[b + last];
        z[b1 + last] *= invRow[b1 + last];
        z[b2 + last] *= invRow[b2 + last];
        z[b3 + last] *= invRow[b3 + last];
        for (int j = cols - 2; j >= 0; j--) {
            z[b + j] = (z[b + j] + w * z[b + j + 1]) * invRow[b + j];
            z[b1 + j] = (z[b1 + j] + w * z[b1 + j + 1]) * invRow[b1 + j];
            z[b2 + j] = (z[b2 + j] + w * z[b2 + j + 1]) * invRow[b2 + j];
            z[b3 + j] = (z[b3 + j] + w * z[b3 + j + 1]) * invRow[b3 + j];
        }
    }

    private void allocate(int n) {
        if (n == size) {
            return;
        }
        size = n;
        x = new double[2 * n];
        r = new double[2 * n];
        z = new double[2 * n];
        p = new double[2 * n];
        q = new double[2 * n];
        invRow = new double[n];
        invCol = new double[n];
    }

    private static double dot(double[] a, double[] b, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
