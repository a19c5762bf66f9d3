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

    /** q = A p (a-nodes first, then b-nodes, each row-major). */
    private static void apply(double[] g, int rows, int cols, double w, double[] p, double[] q) {
        int n = rows * cols;
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                int k = base + j;
                double pa = p[k];
                double pb = p[n + k];
                double gij = g[k];
                // Row wire: the segment to the left always exists (source or cell j − 1).
                double qa = (w + gij) * pa - gij * pb;
                if (j > 0) {
                    qa -= w * p[k - 1];
                }
                if (j < cols - 1) {
                    qa += w * (pa - p[k + 1]);
                }
                // Column wire: the segment below always exists (cell i + 1 or the virtual ground).
                double qb = (w + gij) * pb - gij * pa;
                if (i < rows - 1) {
                    qb -= w * p[n + k + cols];
                }
                if (i > 0) {
                    qb += w * (pb - p[n + k - cols]);
                }
                q[k] = qa;
                q[n + k] = qb;
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
            double m = 0;
            for (int j = 0; j < cols; j++) {
                int k = i * cols + j;
                double gij = g[k];
                if (!(gij >= 0) || gij == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("conductance (" + i + ", " + j
                            + ") must be >= 0 and finite for the exact IR-drop solve, got " + gij);
                }
                double d = w + gij + (j < cols - 1 ? w : 0);
                m = j == 0 ? d : d - w2 / m;
                invRow[k] = 1 / m;
            }
        }
        for (int j = 0; j < cols; j++) {
            double m = 0;
            for (int i = 0; i < rows; i++) {
                int k = i * cols + j;
                double d = w + g[k] + (i > 0 ? w : 0);
                m = i == 0 ? d : d - w2 / m;
                invCol[k] = 1 / m;
            }
        }
    }

    /** z = M⁻¹ r: forward and back substitution along every row wire (a) and column wire (b). */
    private void precondition(int rows, int cols, double w) {
        int n = rows * cols;
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            double prev = 0;
            for (int j = 0; j < cols; j++) {
                int k = base + j;
                double y = j > 0 ? r[k] + w * prev * invRow[k - 1] : r[k];
                z[k] = y;
                prev = y;
            }
            double next = 0;
            for (int j = cols - 1; j >= 0; j--) {
                int k = base + j;
                next = (z[k] + w * next) * invRow[k];
                z[k] = next;
            }
        }
        for (int j = 0; j < cols; j++) {
            double prev = 0;
            for (int i = 0; i < rows; i++) {
                int k = n + i * cols + j;
                double y = i > 0 ? r[k] + w * prev * invCol[k - n - cols] : r[k];
                z[k] = y;
                prev = y;
            }
            double next = 0;
            for (int i = rows - 1; i >= 0; i--) {
                int k = n + i * cols + j;
                next = (z[k] + w * next) * invCol[k - n];
                z[k] = next;
            }
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
