package org.pcmsim.crossbar;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The read of one slice at one time with first-order IR drop (docs/model.md §9, "IR drop in the read"),
 * for the common case of a uniform calibration input (a DAC without noise or INL) and aggregated read
 * noise. It computes what {@link NonIdealRead}'s currents and first-order drop compute, faster
 * (docs/performance.md, "First-order IR drop made faster"). Slices with at least half of the tile's
 * devices go to {@link DenseFirstOrder}, which vectorises the row term; sparser ones are read here, in
 * two passes over the slice's devices: the currents and the forward half of the row term, then the
 * backward half and the column term.
 *
 * <p>For output o and one array of the pair the drop is −ρ [Σ_k G_ko V_k A_k(o) + column term] with
 * A_k(o) = Σ_o' G_ko' (min(o, o') + 1), split as F_k(o) + (o + 1) B_k(o): F_k(o) = Σ_{o' ≤ o} G_ko' (o' + 1)
 * is a running sum over the outputs in increasing order (the forward pass, with the currents) and
 * B_k(o) = Σ_{o' > o} G_ko' one in decreasing order (the backward pass), so no line totals are needed
 * first. The running sums per input line are kept for |G| and for the signed G, so no store goes to an
 * index that depends on the weight's sign. The column term is {@link NonIdealRead}'s, by segments of the
 * output wire. The row and column sums use fused multiply-adds; the result equals the two-pass drop to
 * rounding (PeripheryReadTest).
 *
 * <p>Where the work sits matters as much as how much there is (on this code's target, time follows the
 * instruction count): the forward pass stores each drifted conductance once, so the backward pass reads
 * 8 bytes per device instead of 16 and multiplies nothing, and the column term sits in the backward pass,
 * so neither pass keeps more than eight running sums (with it in the forward pass, as before, that loop
 * kept eleven). Together these took about a fifth off the sparse read; the drop is the same to the bit.
 *
 * <p>Not thread-safe: one per {@link NonIdealRead}.
 */
final class FusedFirstOrder {
    /**
     * Per input line k: at 2k the running sum of |G| (both arrays), at 2k + 1 of the signed G (G+ minus
     * G−); forward weighted by (o' + 1), backward plain.
     */
    private double[] run = new double[0];
    private double[] ones = new double[0];
    /** The read of dense slices, made on first use. */
    private DenseFirstOrder dense;
    /** The drifted signed conductance of each device, from the forward pass for the backward one. */
    private double[] drifted = new double[0];
    /** Per output, the forward row sums Σ_k V_k w and Σ_k w. */
    private double[] rowX = new double[0];
    private double[] rowC = new double[0];

    /**
     * Writes the noisy ideal currents (through {@link NonIdealRead#noisy}) and the first-order drop of
     * every output of slice j.
     *
     * @param target receives the currents
     * @param pc the crossbar
     * @param j the slice
     * @param d drift factors (null: all 1)
     * @param f the read-noise time factor
     * @param normal read noise
     * @param vx the DAC outputs of the inputs, per input line
     * @param c the calibration input, the same on every line
     * @param lines input lines of the array (the output wires' length)
     * @param rho wire resistance, 1/µS (Ω · 10⁻⁶)
     * @param dropX receives the drop of the inputs' currents
     * @param dropC receives the drop of the calibration currents
     */
    void read(NonIdealRead target, ProgrammedCrossbar pc, int j, double[] d, double f,
              NormalizedGaussianSampler normal, double[] vx, double c, int lines, double rho, double[] dropX,
              double[] dropC) {
        int cols = pc.cols();
        int rows = pc.rows();
        int[] start = pc.rowStart[j];
        int count = start[rows];
        // Drift factors of 1 at t0 from an array rather than a test per device: a branch in these loops
        // costs more than the load (the JIT does not unswitch a loop this large). 1.0 · G is exact.
        double[] drift = d != null ? d : ones(count);
        if (2L * count >= (long) rows * cols) {
            // Half the tile or more: the dense row term's vector loops beat the gathers (at 45 % they tie).
            if (dense == null) {
                dense = new DenseFirstOrder();
            }
            dense.read(target, pc, j, drift, f, normal, vx, c, lines, rho, dropX, dropC);
            return;
        }
        if (run.length < 2 * cols) {
            run = new double[2 * cols];
        }
        if (rowX.length < rows) {
            rowX = new double[rows];
            rowC = new double[rows];
        }
        if (drifted.length < count) {
            drifted = new double[count];
        }
        java.util.Arrays.fill(run, 0, 2 * cols, 0.0);
        int[] col = pc.column[j];
        double[] g0 = pc.programmed[j];
        double[] a0 = pc.amplitude[j];
        double[] gd = drifted;
        for (int o = 0; o < rows; o++) {
            double pos = o + 1;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double s5 = 0;
            double fx = 0;
            double fc = 0;
            for (int p = start[o]; p < start[o + 1]; p++) {
                double dp = drift[p];
                double gs = g0[p] * dp;
                double a = a0[p] * dp;
                int k = col[p];
                double xk = vx[k];
                gd[p] = gs;
                // The ideal read's sums, in its order: the currents are bit for bit the ideal read's.
                double gx = gs * xk;
                s1 += gx;
                s2 += gs;
                double a2 = a * a;
                s5 += a2;
                double a2x = a2 * xk;
                s4 += a2x;
                s3 += a2x * xk;
                // Row term as the column term: per input line, FU = F+ + F− and FD = F+ − F−, so that
                // G+ F+ − G− F− = (|G| FD + G FU) / 2 with no index that depends on the sign (a store to
                // such an index stalls the next iteration's loads).
                double g = Math.abs(gs);
                double fu = Math.fma(g, pos, run[2 * k]);
                double fd = Math.fma(gs, pos, run[2 * k + 1]);
                run[2 * k] = fu;
                run[2 * k + 1] = fd;
                double w = Math.fma(g, fd, gs * fu);
                fx = Math.fma(w, xk, fx);
                fc += w;
            }
            target.noisy(o, s1, s2, s3, s4, s5, c, f, normal);
            rowX[o] = fx;
            rowC[o] = fc;
        }
        java.util.Arrays.fill(run, 0, 2 * cols, 0.0);
        // Backward: the row sums with B (the running sums per input line include an output after its
        // devices are done) and the column term, both arrays at once: with U = Gpre+ + Gpre−,
        // D = Gpre+ − Gpre− and TU, TD the same for the currents, Gpre+ Tpre+ − Gpre− Tpre− =
        // (U TD + D TU) / 2; for the uniform calibration input TU = c U and TD = c D, so its term is c U D.
        for (int o = rows - 1; o >= 0; o--) {
            double bx = 0;
            double bc = 0;
            double u = 0;
            double dd = 0;
            double tu = 0;
            double td = 0;
            double colX = 0;
            double colC = 0;
            int last = 0;
            for (int p = start[o]; p < start[o + 1]; p++) {
                double gs = gd[p];
                double g = Math.abs(gs);
                int k = col[p];
                double xk = vx[k];
                // The segments of the output wire from the previous device to this one carry the sums so far.
                double gap = k - last;
                last = k;
                colX = Math.fma(gap, Math.fma(u, td, dd * tu), colX);
                colC = Math.fma(gap, u * dd, colC);
                u += g;
                dd += gs;
                tu = Math.fma(g, xk, tu);
                // As the ideal read's s1 (not fused), so the column term is what it was in the forward pass.
                td += gs * xk;
                double bu = run[2 * k];
                double bd = run[2 * k + 1];
                double w = Math.fma(g, bd, gs * bu);
                bx = Math.fma(w, xk, bx);
                bc += w;
                run[2 * k] = bu + g;
                run[2 * k + 1] = bd + gs;
            }
            double tail = lines - last;
            colX = Math.fma(tail, Math.fma(u, td, dd * tu), colX);
            colC = Math.fma(tail, u * dd, colC);
            double pos = o + 1;
            dropX[o] = -rho * Math.fma(0.5 * pos, bx, 0.5 * (rowX[o] + colX));
            dropC[o] = -rho * c * Math.fma(0.5 * pos, bc, 0.5 * rowC[o] + colC);
        }
    }

    private double[] ones(int n) {
        if (ones.length < n) {
            ones = new double[n];
            java.util.Arrays.fill(ones, 1.0);
        }
        return ones;
    }
}
