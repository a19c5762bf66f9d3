package org.pcmsim.crossbar;

import org.pcmsim.internal.DeviceProgrammer;

/**
 * The dense column-major form of a crossbar's slices, for the engine's vectorised read
 * ({@link ColumnRead}): per slice and input line k, the programmed conductance G_P, the read-noise
 * amplitude G_P · Q_s and the drift exponent ν of the device on every output line, 0 where no device
 * is programmed. One array per input line (not one flat array with an offset per line): C2 of Java 17
 * vectorises {@code a[i] op b[i]} but not {@code a[i] op b[off + i]} (docs/performance.md, "First-order
 * IR drop made faster"; the layout's costs and gains: "Engine speed, round 4"). Allocated
 * slice by slice on first use and shared by every crossbar that borrows the same storage.
 */
final class ColumnSlices {
    private final int rows;
    private final int cols;
    private final double[][][] programmed;
    private final double[][][] amplitude;
    private final double[][][] nu;

    ColumnSlices(int slices, int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        programmed = new double[slices][][];
        amplitude = new double[slices][][];
        nu = new double[slices][][];
    }

    /**
     * Whether a slice is cheaper to read column-major: the vectorised read visits every position, the
     * sparse one only the programmed devices, and storing column-major costs a scatter per device.
     *
     * @param count programmed devices of the slice
     * @param size positions (rows · cols)
     * @param reads read times per programming
     * @return true for at least three quarters of the positions programmed and three reads or more (at half,
     *     e.g. ternary weights' 58 %, the whole figures ran slower than with those slices sparse)
     */
    static boolean pays(int count, int size, int reads) {
        return reads >= 3 && 4L * count >= 3L * size;
    }

    /**
     * Stores slice j, programmed in column order, column-major: every position 0 but the devices'.
     *
     * @param j slice
     * @param columnStart the devices of input line k are at [columnStart[k], columnStart[k + 1])
     * @param rowOf the output line of each device
     * @param gp G_P of each device
     * @param amp G_P · Q_s of each device
     * @param v ν of each device
     */
    void store(int j, int[] columnStart, int[] rowOf, double[] gp, double[] amp, double[] v) {
        double[][] g = programmed(j);
        double[][] a = amplitude(j);
        double[][] d = nu(j);
        for (int k = 0; k < cols; k++) {
            double[] gk = g[k];
            double[] ak = a[k];
            double[] dk = d[k];
            java.util.Arrays.fill(gk, 0.0);
            java.util.Arrays.fill(ak, 0.0);
            java.util.Arrays.fill(dk, 0.0);
            for (int q = columnStart[k], end = columnStart[k + 1]; q < end; q++) {
                int r = rowOf[q];
                gk[r] = gp[q];
                ak[r] = amp[q];
                dk[r] = v[q];
            }
        }
    }

    /**
     * Programs slice j without error correction straight into this column-major form: every position,
     * input line by input line, with the per-level targets and laws and the same arithmetic as the sparse
     * kernel ({@link SliceKernel}), then set to +0 where no device is (an empty position still has a
     * level and normals, so the arithmetic runs everywhere without a branch). Q_s must be final (the
     * G_max normalisation) and no level clipped.
     *
     * @param j slice
     * @param weights signed integers, row-major
     * @param xi the slice's supplied normals, ξ_P of weight i at 2i and ξ_ν at 2i + 1
     * @param table the per-level targets and laws
     * @param slice the table's offset of slice j, j · (W_max + 1)
     * @param device the programming arithmetic
     * @return the device count
     */
    int programTabulated(int j, int[] weights, double[] xi, LevelTable table, int slice, DeviceProgrammer device) {
        int[] levelProgrammed = table.programmed;
        double[] level = table.level;
        double[][] g = programmed(j);
        double[][] a = amplitude(j);
        double[][] v = nu(j);
        int p = 0;
        for (int k = 0; k < cols; k++) {
            double[] gk = g[k];
            double[] ak = a[k];
            double[] vk = v[k];
            for (int r = 0; r < rows; r++) {
                int i = r * cols + k;
                int w = weights[i];
                int at = slice + Math.abs(w);
                int on = levelProgrammed[at];
                // All ones for a device, 0 for an empty position: what of the results to keep.
                long keep = -(long) on;
                int l = 5 * at;
                double gp = device.conductance(SliceKernel.withSign(level[l], w >> 31), level[l + 1], xi[2 * i]);
                double nu = device.driftExponent(level[l + 2], level[l + 3], xi[2 * i + 1]);
                gp = Double.longBitsToDouble(Double.doubleToRawLongBits(gp) & keep);
                gk[r] = gp;
                ak[r] = gp * level[l + 4];
                vk[r] = Double.longBitsToDouble(Double.doubleToRawLongBits(nu) & keep);
                p += on;
            }
        }
        return p;
    }

    /** @return G_P of slice j, µS, [input line][output line] */
    double[][] programmed(int j) {
        allocate(j);
        return programmed[j];
    }

    /** @return G_P · Q_s of slice j, [input line][output line] */
    double[][] amplitude(int j) {
        allocate(j);
        return amplitude[j];
    }

    /** @return ν of slice j, [input line][output line] */
    double[][] nu(int j) {
        allocate(j);
        return nu[j];
    }

    private void allocate(int j) {
        if (programmed[j] == null) {
            programmed[j] = new double[cols][rows];
            amplitude[j] = new double[cols][rows];
            nu[j] = new double[cols][rows];
        }
    }
}
