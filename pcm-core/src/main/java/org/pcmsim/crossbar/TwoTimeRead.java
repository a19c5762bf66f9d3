package org.pcmsim.crossbar;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The aggregated ideal read of one slice at t0 and at one later time in a single pass over its
 * devices (Figures 4a and 4b read so): each device's conductance, amplitude and input are loaded
 * once for both reads, and the ten sums (five per read) give the processor twice the independent
 * chains of additions. Each sum adds its line's devices in the same order and with the same
 * products as {@link CrossbarReader} reading the two times one after the other (at t0 a drift
 * factor of 1, and 1.0 · G is G), and the read-noise normals are drawn in the same order, every line
 * of the first read before any line of the second; so the outputs are the same to the bit.
 */
final class TwoTimeRead {
    private TwoTimeRead() {
    }

    /**
     * @param reader the reader (its periphery and line conversion)
     * @param pc the programmed crossbar
     * @param j slice
     * @param xd the inputs as doubles
     * @param d the drift factors of the later read, per programmed device
     * @param later scratch space, five per line
     * @param f0 the read-noise time factor at the first read
     * @param f1 the read-noise time factor at the later read
     * @param normal the read-noise generator
     * @param y receives a_j at both times
     * @param cal receives the calibration outputs at both times
     */
    static void accumulate(CrossbarReader reader, ProgrammedCrossbar pc, int j, double[] xd, double[] d,
                           double[] later, double f0, double f1, NormalizedGaussianSampler normal, double[][] y,
                           double[][] cal) {
        int rows = pc.rows();
        int[] start = pc.rowStart[j];
        int[] col = pc.column[j];
        double[] g0 = pc.programmed[j];
        double[] a0 = pc.amplitude[j];
        double gain = reader.config().adcGain(pc.model().gMax(), pc.nSlices());
        for (int i = 0; i < rows; i++) {
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double s5 = 0;
            double u1 = 0;
            double u2 = 0;
            double u3 = 0;
            double u4 = 0;
            double u5 = 0;
            for (int p = start[i], to = start[i + 1]; p < to; p++) {
                double g = g0[p];
                double a = a0[p];
                double xk = xd[col[p]];
                s1 += g * xk;
                s2 += g;
                double a2 = a * a;
                s5 += a2;
                double a2x = a2 * xk;
                s4 += a2x;
                s3 += a2x * xk;
                double dp = d[p];
                double h = g * dp;
                double b = a * dp;
                u1 += h * xk;
                u2 += h;
                double b2 = b * b;
                u5 += b2;
                double b2x = b2 * xk;
                u4 += b2x;
                u3 += b2x * xk;
            }
            reader.convert(i, s1, s2, s3, s4, s5, f0, gain, normal, y[0], cal[0]);
            later[5 * i] = u1;
            later[5 * i + 1] = u2;
            later[5 * i + 2] = u3;
            later[5 * i + 3] = u4;
            later[5 * i + 4] = u5;
        }
        for (int i = 0; i < rows; i++) {
            int at = 5 * i;
            reader.convert(i, later[at], later[at + 1], later[at + 2], later[at + 3], later[at + 4], f1, gain,
                    normal, y[1], cal[1]);
        }
    }
}
