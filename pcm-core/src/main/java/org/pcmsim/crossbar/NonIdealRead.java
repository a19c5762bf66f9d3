package org.pcmsim.crossbar;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.pcmsim.periphery.Converters;
import org.pcmsim.periphery.IrDropModel;
import org.pcmsim.periphery.Periphery;

/**
 * One slice's read at one time through a non-ideal periphery (docs/model.md §9, "Wiring"): the
 * currents of {@link CrossbarReader} with the DAC's analog inputs instead of the integer levels, plus
 * the IR-drop correction of the slice's G+ and G− arrays, then the chip's ADCs (mismatch and
 * per-conversion noise). The ideal read never comes here.
 *
 * <p>Layout: each weight slice of a tile is a differential pair of physical arrays, G+ (the devices of
 * positive weights) and G− (negative ones), each with its own row and column wires, of the array's full
 * size (input lines × output columns; the used block sits at input 0, output 0, unused cells hold no
 * device). Inputs are signed voltages on the rows; the column currents of the pair are subtracted
 * before the slice's ADC. In {@link org.pcmsim.periphery.IrDrop}'s terms the physical rows are the
 * crossbar's input lines (its columns k) and the physical columns its output lines (rows o).
 *
 * <p>IR drop is computed on the drifted conductances without read noise and added to the noisy
 * ideal current: the cross term (read noise × drop) is a few per cent of a few per cent and is left
 * out, which lets the aggregated read-noise sampler stay exact in distribution.
 */
final class NonIdealRead {
    private final CrossbarConfig config;
    private final boolean aggregated;
    /** The exact-solve drop, made on first use. */
    private ExactDrop exact;
    /** The one-pass first-order read (uniform calibration input, aggregated read noise), made on first use. */
    private FusedFirstOrder fused;
    private double[] id = new double[0];
    private double[] ic = new double[0];
    private double[] dropX = new double[0];
    private double[] dropC = new double[0];
    /** Per input line k, of |G| at 2k and of the signed G at 2k + 1: total, running, weighted running sums. */
    private double[] tot = new double[0];
    private double[] run0 = new double[0];
    private double[] run1 = new double[0];

    NonIdealRead(CrossbarConfig config, ReadNoiseSampling sampling) {
        this.config = config;
        this.aggregated = sampling == ReadNoiseSampling.AGGREGATED;
    }

    /**
     * Writes ADC(slice current) of every output line into y (and cal).
     *
     * @param pc the crossbar
     * @param j the slice
     * @param d drift factors of the slice's devices (null: all 1)
     * @param f the read-noise time factor
     * @param normal read noise
     * @param chip the chip's periphery, with this tile's inputs converted
     * @param tile the tile index (for its ADCs)
     * @param ti the read-time index (for the DAC outputs)
     * @param y receives the slice's ADC outputs
     * @param cal receives the calibration outputs (when GDC is on)
     */
    void accumulate(ProgrammedCrossbar pc, int j, double[] d, double f, NormalizedGaussianSampler normal,
                    ChipPeriphery chip, int tile, int ti, double[] y, double[] cal) {
        int rows = pc.rows();
        if (chip.lines() != pc.cols()) {
            throw new IllegalStateException("the chip's DAC converted " + chip.lines() + " inputs, the tile has "
                    + pc.cols() + ": call convertInputs for this tile first");
        }
        if (id.length < rows) {
            id = new double[rows];
            ic = new double[rows];
            dropX = new double[rows];
            dropC = new double[rows];
        }
        double[] vx = chip.inputs(ti);
        double[] vc = chip.calibrationInputs(ti);
        Periphery p = chip.periphery();
        double c = uniform(vc, pc.cols());
        boolean wires;
        if (aggregated && !Double.isNaN(c) && p.irDropModel() == IrDropModel.FIRST_ORDER
                && p.wireResistanceOhm() > 0) {
            if (fused == null) {
                fused = new FusedFirstOrder();
            }
            fused.read(this, pc, j, d, f, normal, vx, c, config.size(), p.wireResistanceOhm() * 1e-6, dropX, dropC);
            wires = true;
        } else {
            currents(pc, j, d, f, normal, vx, vc, c);
            wires = drop(pc, j, d, vx, vc, p);
        }
        double gain = config.adcGain(pc.model().gMax(), pc.nSlices());
        for (int i = 0; i < rows; i++) {
            id[i] = gain * (wires ? id[i] + dropX[i] : id[i]);
            ic[i] = gain * (wires ? ic[i] + dropC[i] : ic[i]);
        }
        double adcMax = config.adcMax();
        Converters.adc(id, y, rows, adcMax, p, chip.mismatch(tile), j, chip.noise());
        if (config.driftCompensation()) {
            Converters.adc(ic, cal, rows, adcMax, p, chip.mismatch(tile), j, chip.noise());
        }
    }

    /**
     * Output i's noisy currents from its sums with a uniform calibration input c, as the ideal read
     * draws them (CrossbarReader): s1 = Σ G V, s2 = Σ G, s3 = Σ A² V², s4 = Σ A² V, s5 = Σ A².
     */
    void noisy(int i, double s1, double s2, double s3, double s4, double s5, double c, double f,
               NormalizedGaussianSampler normal) {
        double z1 = normal.sample();
        double z2 = normal.sample();
        double sd = Math.sqrt(s3);
        id[i] = s1 + f * sd * z1;
        double nc;
        if (sd > 0) {
            double along = c * s4 / sd;
            double across = Math.sqrt(Math.max(0.0, c * c * s5 - along * along));
            nc = along * z1 + across * z2;
        } else {
            nc = c * Math.sqrt(s5) * z2;
        }
        ic[i] = c * s2 + f * nc;
    }

    /**
     * The IR-drop correction of every output of slice j (into {@link #drop()}, {@link #calibrationDrop()}):
     * the G+ array's minus the G− array's, first-order or exact.
     *
     * @return false (and nothing computed) with ideal wires
     */
    boolean drop(ProgrammedCrossbar pc, int j, double[] d, double[] vx, double[] vc, Periphery p) {
        if (p.irDropModel() == IrDropModel.NONE || p.wireResistanceOhm() == 0) {
            return false;
        }
        if (dropX.length < pc.rows()) {
            dropX = new double[pc.rows()];
            dropC = new double[pc.rows()];
        }
        if (p.irDropModel() == IrDropModel.FIRST_ORDER) {
            firstOrderDrop(pc, j, d, vx, vc, p.wireResistanceOhm() * 1e-6);
        } else {
            if (exact == null) {
                exact = new ExactDrop();
            }
            exact.drop(pc, j, d, vx, vc, config.size(), p.wireResistanceOhm(), dropX, dropC);
        }
        return true;
    }

    /** @return the IR-drop correction of the last {@link #drop}, per output, µS × input LSB */
    double[] drop() {
        return dropX;
    }

    /** @return the IR-drop correction of the calibration input of the last {@link #drop} */
    double[] calibrationDrop() {
        return dropC;
    }

    /**
     * @return the common value of v[0 … n) when they are all equal (the calibration input through a DAC
     *     without noise or INL), else NaN
     */
    static double uniform(double[] v, int n) {
        double c = v[0];
        for (int k = 1; k < n; k++) {
            if (v[k] != c) {
                return Double.NaN;
            }
        }
        return c;
    }

    /**
     * The noisy ideal-wire currents of the inputs (id) and of the calibration input (ic), per output.
     * With a uniform calibration input c (not NaN) the calibration sums are those of the ideal read,
     * c · Σ G (exactly the per-line sums when c is a power of two, as the paper's 64).
     */
    private void currents(ProgrammedCrossbar pc, int j, double[] d, double f, NormalizedGaussianSampler normal,
                          double[] vx, double[] vc, double c) {
        int[] start = pc.rowStart[j];
        int[] col = pc.column[j];
        double[] g0 = pc.programmed[j];
        double[] a0 = pc.amplitude[j];
        boolean uniform = !Double.isNaN(c);
        for (int i = 0; i < pc.rows(); i++) {
            int from = start[i];
            int to = start[i + 1];
            if (aggregated && uniform) {
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                double s4 = 0;
                double s5 = 0;
                for (int p = from; p < to; p++) {
                    double dp = d == null ? 1.0 : d[p];
                    double g = g0[p] * dp;
                    double a = a0[p] * dp;
                    double xk = vx[col[p]];
                    s1 += g * xk;
                    s2 += g;
                    double a2 = a * a;
                    s5 += a2;
                    double a2x = a2 * xk;
                    s4 += a2x;
                    s3 += a2x * xk;
                }
                noisy(i, s1, s2, s3, s4, s5, c, f, normal);
            } else if (aggregated) {
                // As CrossbarReader's aggregated sampler, with a calibration input that varies by line.
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                double s4 = 0;
                double s5 = 0;
                for (int p = from; p < to; p++) {
                    double dp = d == null ? 1.0 : d[p];
                    double g = g0[p] * dp;
                    double a = a0[p] * dp;
                    int k = col[p];
                    double xk = vx[k];
                    double ck = vc[k];
                    s1 += g * xk;
                    s2 += g * ck;
                    double a2 = a * a;
                    s3 += a2 * xk * xk;
                    s4 += a2 * xk * ck;
                    s5 += a2 * ck * ck;
                }
                double z1 = normal.sample();
                double z2 = normal.sample();
                double sd = Math.sqrt(s3);
                double nc;
                if (sd > 0) {
                    double along = s4 / sd;
                    nc = along * z1 + Math.sqrt(Math.max(0.0, s5 - along * along)) * z2;
                } else {
                    nc = Math.sqrt(s5) * z2;
                }
                id[i] = s1 + f * sd * z1;
                ic[i] = s2 + f * nc;
            } else {
                double s1 = 0;
                double s2 = 0;
                for (int p = from; p < to; p++) {
                    double dp = d == null ? 1.0 : d[p];
                    double gr = g0[p] * dp + a0[p] * dp * f * normal.sample();
                    s1 += gr * vx[col[p]];
                    s2 += gr * vc[col[p]];
                }
                id[i] = s1;
                ic[i] = s2;
            }
        }
    }

    /**
     * First-order IR drop (docs/model.md §9) of the G+ and G− arrays, on the sparse devices: for output o
     * and one array, ΔI_o = −ρ [Σ_k G_ko V_k A_k(o) + Σ_m Gpre_o(m) Tpre_o(m)] with
     * A_k(o) = Σ_o' G_ko' (min(o, o') + 1) (the drop along input wire k, driven at output 0) and, for the
     * output wire grounded after input line R − 1, the sum over its R segments m of the conductance
     * Gpre_o(m) = Σ_{k ≤ m} G_ko above segment m times the current Tpre_o(m) = Σ_{k ≤ m} G_ko V_k it
     * carries (the column term Σ_i G_io V_i Σ_k G_ko (R − max(i, k)) regrouped by segment).
     *
     * <p>Two passes over the slice's devices: the totals per input line, then per output the row term
     * from running sums per input line (A = Q + (o + 1)(T − P), P and Q the running Σ G and Σ G (o' + 1))
     * and the column term from running sums along the output. Both are written without a branch, mask
     * or index on the weight's sign (random, so unpredictable; and a store to a sign-dependent index
     * stalls the next loads): with sums U of |G| (G+ plus G−) and D of the signed G (G+ minus G−),
     * X+ Y+ − X− Y− = (U_X D_Y + D_X U_Y) / 2 for any two such sums, so one set serves both arrays.
     * {@link FusedFirstOrder} computes the same with the currents, the first of its two passes being theirs.
     */
    private void firstOrderDrop(ProgrammedCrossbar pc, int j, double[] d, double[] vx, double[] vc, double rho) {
        int cols = pc.cols();
        int rows = pc.rows();
        double lines = config.size();
        if (tot.length < 2 * cols) {
            tot = new double[2 * cols];
            run0 = new double[2 * cols];
            run1 = new double[2 * cols];
        }
        java.util.Arrays.fill(tot, 0, 2 * cols, 0.0);
        java.util.Arrays.fill(run0, 0, 2 * cols, 0.0);
        java.util.Arrays.fill(run1, 0, 2 * cols, 0.0);
        int[] start = pc.rowStart[j];
        int[] col = pc.column[j];
        double[] g0 = pc.programmed[j];
        int count = start[rows];
        for (int p = 0; p < count; p++) {
            double g = d == null ? g0[p] : g0[p] * d[p];
            int k = col[p];
            tot[2 * k] += Math.abs(g);
            tot[2 * k + 1] += g;
        }
        for (int o = 0; o < rows; o++) {
            double pos = o + 1;
            double rowX = 0;
            double rowC = 0;
            double u = 0;
            double dd = 0;
            double tux = 0;
            double tdx = 0;
            double tuc = 0;
            double tdc = 0;
            double colX = 0;
            double colC = 0;
            int last = 0;
            for (int p = start[o]; p < start[o + 1]; p++) {
                double gs = d == null ? g0[p] : g0[p] * d[p];
                int k = col[p];
                double g = Math.abs(gs);
                double pu = run0[2 * k] + g;
                double pd = run0[2 * k + 1] + gs;
                double qu = run1[2 * k] + g * pos;
                double qd = run1[2 * k + 1] + gs * pos;
                run0[2 * k] = pu;
                run0[2 * k + 1] = pd;
                run1[2 * k] = qu;
                run1[2 * k + 1] = qd;
                double au = qu + pos * (tot[2 * k] - pu);
                double ad = qd + pos * (tot[2 * k + 1] - pd);
                double xk = vx[k];
                double ck = vc[k];
                double w = g * ad + gs * au;
                rowX += w * xk;
                rowC += w * ck;
                // The segments between the previous device and this one carry the sums so far.
                double gap = k - last;
                last = k;
                colX += gap * (u * tdx + dd * tux);
                colC += gap * (u * tdc + dd * tuc);
                u += g;
                dd += gs;
                tux += g * xk;
                tdx += gs * xk;
                tuc += g * ck;
                tdc += gs * ck;
            }
            double tail = lines - last;
            colX += tail * (u * tdx + dd * tux);
            colC += tail * (u * tdc + dd * tuc);
            dropX[o] = -rho * 0.5 * (rowX + colX);
            dropC[o] = -rho * 0.5 * (rowC + colC);
        }
    }
}
