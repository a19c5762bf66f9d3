package org.pcmsim.crossbar;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * {@link FusedFirstOrder}'s read for a dense slice (at least half of the tile's devices programmed): the
 * same currents and first-order drop, with the row term computed on a dense copy of the slice so that
 * the compiler vectorises it (docs/performance.md, "First-order IR drop made faster").
 *
 * <p>The row term's running sums per input line k, F_k(o) forward and B_k(o) backward (see
 * {@link FusedFirstOrder}), are elementwise over k for one output o: with output line o's drifted
 * conductances in a row of its own (absent devices as 0, which leave every sum unchanged exactly), the
 * updates F_k += |G| (o + 1), the weight w_k = |G| F_D + G F_U and the same for B are loops over
 * contiguous arrays with one index, which C2 turns into AVX instructions; gathering by column index,
 * as the sparse path must, it cannot. Each row is its own array: a loop over a row stored at an offset
 * in one large array ({@code a[k] op b[off + k]}) was not vectorised by C2 of Java 17 in our
 * measurements. The per-output sums Σ_k w_k V_k and Σ_k w_k, of the forward and backward weights
 * together, run as four independent partial sums. The currents and the column term stay in the sparse
 * pass over the devices, so the currents are the ideal read's to the bit and the column term is the
 * sparse path's; the row term differs from the sparse path's by rounding only (summation order).
 *
 * <p>Not thread-safe: one per {@link FusedFirstOrder}.
 */
final class DenseFirstOrder {
    /** Per output o, its drifted signed conductance per input line k (0 where no device). */
    private double[][] g = new double[0][];
    /** Per output o, the row term's weight per input line: forward part, then plus (o + 1) × backward part. */
    private double[][] w = new double[0][];
    /** Running sums per input line of |G| (U) and of the signed G (D): forward F, then backward B. */
    private double[] su = new double[0];
    private double[] sd = new double[0];
    private double[] colX = new double[0];
    private double[] colC = new double[0];
    private double sumX;
    private double sumC;

    /** As {@link FusedFirstOrder#read}, with the drift factors {@code drift} (never null). */
    void read(NonIdealRead target, ProgrammedCrossbar pc, int j, double[] drift, double f,
              NormalizedGaussianSampler normal, double[] vx, double c, int lines, double rho, double[] dropX,
              double[] dropC) {
        int cols = pc.cols();
        int rows = pc.rows();
        if (g.length < rows || (rows > 0 && g[0].length < cols)) {
            g = new double[rows][cols];
            w = new double[rows][cols];
            su = new double[cols];
            sd = new double[cols];
            colX = new double[rows];
            colC = new double[rows];
        }
        int[] start = pc.rowStart[j];
        int[] col = pc.column[j];
        double[] g0 = pc.programmed[j];
        double[] a0 = pc.amplitude[j];
        java.util.Arrays.fill(su, 0, cols, 0.0);
        java.util.Arrays.fill(sd, 0, cols, 0.0);
        for (int o = 0; o < rows; o++) {
            int from = start[o];
            int to = start[o + 1];
            double[] row = g[o];
            if (to - from != cols) {
                java.util.Arrays.fill(row, 0, cols, 0.0);
            }
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double s5 = 0;
            // The column term as FusedFirstOrder's, with D and TD the currents' own sums s2 and s1.
            double u = 0;
            double tu = 0;
            double cx = 0;
            double cc = 0;
            int last = 0;
            for (int p = from; p < to; p++) {
                double dp = drift[p];
                double gs = g0[p] * dp;
                double a = a0[p] * dp;
                int k = col[p];
                double xk = vx[k];
                row[k] = gs;
                double gap = k - last;
                last = k;
                cx = Math.fma(gap, Math.fma(u, s1, s2 * tu), cx);
                cc = Math.fma(gap, u * s2, cc);
                // The ideal read's sums, in its order: the currents are bit for bit the ideal read's.
                double gx = gs * xk;
                s1 += gx;
                s2 += gs;
                double a2 = a * a;
                s5 += a2;
                double a2x = a2 * xk;
                s4 += a2x;
                s3 += a2x * xk;
                double ga = Math.abs(gs);
                u += ga;
                tu = Math.fma(ga, xk, tu);
            }
            target.noisy(o, s1, s2, s3, s4, s5, c, f, normal);
            double tail = lines - last;
            colX[o] = Math.fma(tail, Math.fma(u, s1, s2 * tu), cx);
            colC[o] = Math.fma(tail, u * s2, cc);
            forward(row, su, sd, w[o], o + 1, cols);
        }
        java.util.Arrays.fill(su, 0, cols, 0.0);
        java.util.Arrays.fill(sd, 0, cols, 0.0);
        for (int o = rows - 1; o >= 0; o--) {
            backward(g[o], su, sd, w[o], o + 1, cols);
            sums(w[o], vx, cols);
            dropX[o] = -rho * 0.5 * (sumX + colX[o]);
            dropC[o] = -rho * c * (0.5 * sumC + colC[o]);
        }
    }

    /**
     * One output line's forward step: F += |G| pos and F_D += G pos per input line, and the weight
     * w = |G| F_D + G F_U (G+ F+ − G− F− = w / 2, as in {@link FusedFirstOrder}). Written for C2's
     * vectoriser: one index, no call but intrinsics.
     */
    private static void forward(double[] row, double[] fu, double[] fd, double[] w, double pos, int n) {
        for (int k = 0; k < n; k++) {
            double gs = row[k];
            double ga = Math.abs(gs);
            double u = Math.fma(ga, pos, fu[k]);
            double d = Math.fma(gs, pos, fd[k]);
            fu[k] = u;
            fd[k] = d;
            w[k] = Math.fma(ga, d, gs * u);
        }
    }

    /**
     * One output line's backward step: w += pos (|G| B_D + G B_U) with B the sums over the later outputs,
     * then B += |G|, B_D += G.
     */
    private static void backward(double[] row, double[] bu, double[] bd, double[] w, double pos, int n) {
        for (int k = 0; k < n; k++) {
            double gs = row[k];
            double ga = Math.abs(gs);
            double u = bu[k];
            double d = bd[k];
            w[k] = Math.fma(pos, Math.fma(ga, d, gs * u), w[k]);
            bu[k] = u + ga;
            bd[k] = d + gs;
        }
    }

    /** Σ_k w_k v_k and Σ_k w_k into {@link #sumX}, {@link #sumC}, as four interleaved partial sums. */
    private void sums(double[] wo, double[] v, int n) {
        double x0 = 0;
        double x1 = 0;
        double x2 = 0;
        double x3 = 0;
        double c0 = 0;
        double c1 = 0;
        double c2 = 0;
        double c3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            double w0 = wo[k];
            double w1 = wo[k + 1];
            double w2 = wo[k + 2];
            double w3 = wo[k + 3];
            x0 = Math.fma(w0, v[k], x0);
            x1 = Math.fma(w1, v[k + 1], x1);
            x2 = Math.fma(w2, v[k + 2], x2);
            x3 = Math.fma(w3, v[k + 3], x3);
            c0 += w0;
            c1 += w1;
            c2 += w2;
            c3 += w3;
        }
        for (; k < n; k++) {
            x0 = Math.fma(wo[k], v[k], x0);
            c0 += wo[k];
        }
        sumX = (x0 + x1) + (x2 + x3);
        sumC = (c0 + c1) + (c2 + c3);
    }
}
