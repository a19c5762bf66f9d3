package org.pcmsim.crossbar;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.internal.Checks;
import org.pcmsim.internal.FastExp;

/**
 * The engine's ideal read with aggregated read noise of a slice stored column-major
 * ({@link ColumnSlices}), at several times: at each time, the five sums of every output line at once,
 * input line by input line, in loops over the output lines that C2 vectorises (the sparse read adds one
 * line's devices one after the other, a chain the JIT cannot vectorise without reordering it).
 *
 * <p>The same numbers as {@link CrossbarReader}'s sparse read, to the bit: each line's sums add the
 * same products, computed the same way, in the same order (input lines in increasing order); a
 * position without a device adds products of +0 or −0, which leave a sum unchanged (x + (±0) = x for
 * x ≠ 0, and a sum that starts at +0 stays +0 under the addition of ±0). The drift factors are carried
 * from read to read as in the sparse read, the vector or scalar form of the drift step chosen once for
 * the whole slice (ν = 0 at an empty position, which never changes that choice), and the read-noise
 * normals are drawn time by time, line by line. Not thread-safe: one per reader.
 */
final class ColumnRead {
    /** Per input line and output line: the drift factor (t / t0)^(−ν) and the last step factor. */
    private double[][] drift = new double[0][];
    private double[][] step = new double[0][];
    /** Per output line: Σ G x, Σ G, Σ A² x², Σ A² x, Σ A². */
    private double[] s1 = new double[0];
    private double[] s2 = new double[0];
    private double[] s3 = new double[0];
    private double[] s4 = new double[0];
    private double[] s5 = new double[0];

    /**
     * As {@link CrossbarReader#readSlice(ProgrammedCrossbar, int, double[], int[], NormalizedGaussianSampler,
     * double[][], double[][])} for a column-major slice.
     *
     * @param reader the reader (its periphery and line conversion)
     * @param pc the programmed crossbar
     * @param j slice, stored column-major
     * @param times read times, s
     * @param xd the inputs as doubles
     * @param normal the read-noise generator
     * @param y per time, receives a_j
     * @param cal per time, receives the calibration outputs
     */
    void read(CrossbarReader reader, ProgrammedCrossbar pc, int j, double[] times, double[] xd,
              NormalizedGaussianSampler normal, double[][] y, double[][] cal) {
        int rows = pc.rows();
        int cols = pc.cols();
        if (drift.length != cols || drift[0].length != rows) {
            drift = new double[cols][rows];
            step = new double[cols][rows];
        }
        if (s1.length != rows) {
            s1 = new double[rows];
            s2 = new double[rows];
            s3 = new double[rows];
            s4 = new double[rows];
            s5 = new double[rows];
        }
        PcmDeviceModel model = pc.model();
        double[][] v = pc.columns.nu(j);
        double gain = reader.config().adcGain(model.gMax(), pc.nSlices());
        double lastLog = 0.0;
        double lastDelta = 0.0;
        boolean stepValid = false;
        for (int ti = 0; ti < times.length; ti++) {
            double t = times[ti];
            Checks.readTime(t);
            double log = t > model.t0() ? Math.log(t / model.t0()) : 0.0;
            double[][] d = null;
            if (log != 0.0) {
                double delta = log - lastLog;
                if (delta != 0.0) {
                    boolean reuse = stepValid && Math.abs(delta - lastDelta)
                            <= CrossbarReader.SAME_STEP_TOLERANCE * Math.abs(delta);
                    if (reuse) {
                        multiply(drift, step, cols, rows);
                    } else {
                        boolean vector = true;
                        for (int k = 0; k < cols; k++) {
                            vector &= FastExp.withinVectorBound(v[k], -delta, rows);
                        }
                        for (int k = 0; k < cols; k++) {
                            FastExp.exp(v[k], -delta, step[k], rows, vector);
                        }
                        if (lastLog == 0.0) {
                            // From t0 every factor is 1, so the new factor is the step itself.
                            for (int k = 0; k < cols; k++) {
                                System.arraycopy(step[k], 0, drift[k], 0, rows);
                            }
                        } else {
                            multiply(drift, step, cols, rows);
                        }
                    }
                    lastDelta = delta;
                    stepValid = true;
                }
                d = drift;
            } else {
                stepValid = false;
            }
            lastLog = log;
            sums(pc, j, d, xd, rows, cols);
            double f = model.readNoiseTimeFactor(t);
            for (int i = 0; i < rows; i++) {
                reader.convert(i, s1[i], s2[i], s3[i], s4[i], s5[i], f, gain, normal, y[ti], cal[ti]);
            }
        }
    }

    private static void multiply(double[][] drift, double[][] step, int cols, int rows) {
        for (int k = 0; k < cols; k++) {
            double[] dk = drift[k];
            double[] sk = step[k];
            for (int i = 0; i < rows; i++) {
                dk[i] *= sk[i];
            }
        }
    }

    /** The five sums of every output line for drift factors d (null: all 1, the products unchanged). */
    private void sums(ProgrammedCrossbar pc, int j, double[][] d, double[] xd, int rows, int cols) {
        double[][] g0 = pc.columns.programmed(j);
        double[][] a0 = pc.columns.amplitude(j);
        double[] t1 = s1;
        double[] t2 = s2;
        double[] t3 = s3;
        double[] t4 = s4;
        double[] t5 = s5;
        java.util.Arrays.fill(t1, 0.0);
        java.util.Arrays.fill(t2, 0.0);
        java.util.Arrays.fill(t3, 0.0);
        java.util.Arrays.fill(t4, 0.0);
        java.util.Arrays.fill(t5, 0.0);
        for (int k = 0; k < cols; k++) {
            double xk = xd[k];
            double[] g = g0[k];
            double[] a = a0[k];
            if (d == null) {
                // At t0 the sparse read multiplies by a factor 1.0, which is exact: the products are these.
                for (int i = 0; i < rows; i++) {
                    double gi = g[i];
                    double ai = a[i];
                    t1[i] += gi * xk;
                    t2[i] += gi;
                    double a2 = ai * ai;
                    t5[i] += a2;
                    double a2x = a2 * xk;
                    t4[i] += a2x;
                    t3[i] += a2x * xk;
                }
            } else {
                double[] dk = d[k];
                for (int i = 0; i < rows; i++) {
                    double dp = dk[i];
                    double gi = g[i] * dp;
                    double ai = a[i] * dp;
                    t1[i] += gi * xk;
                    t2[i] += gi;
                    double a2 = ai * ai;
                    t5[i] += a2;
                    double a2x = a2 * xk;
                    t4[i] += a2x;
                    t3[i] += a2x * xk;
                }
            }
        }
    }
}
