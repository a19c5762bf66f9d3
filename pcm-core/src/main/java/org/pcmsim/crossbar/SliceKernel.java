package org.pcmsim.crossbar;

import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.internal.DeviceLaws;
import org.pcmsim.internal.DeviceProgrammer;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/**
 * The programming kernel of {@link CrossbarProgrammer}: the tuned loops that program one slice of
 * every weight (docs/model.md §3–§4). Devices are stored as sparse rows (only programmed devices),
 * found in a first branch-free pass and programmed in a second. Without error correction the
 * targets and device laws come from a {@link LevelTable} per integer magnitude; with
 * {@link SlicingAlgorithm#MAX_FILL_EC} each slice is computed from the remainders the previous
 * slices left, after their actual programmed values ({@link CorrectingKernel}). Buffers are reused across calls, so an
 * instance is not thread-safe.
 */
final class SliceKernel {
    private final SlicingScheme scheme;
    private final PcmDeviceModel model;
    private final int n;
    /** The largest |target| a device holds, µS: G_max when clipped, +∞ when unbounded (then min/max are exact no-ops). */
    private final double limit;
    /**
     * Above this |target| a device counts as clipped: S = r maps to G_max only within an ulp (S · G_max / r
     * rounds), and such a device is at G_max, not beyond it.
     */
    private final double countLimit;
    /** Targets and device laws per slice and weight magnitude; null for error correction. */
    private final LevelTable table;
    /** The error-correcting kernel; null without error correction. */
    private final CorrectingKernel correcting;
    /** A slice's programming normals drawn from a generator (2 per weight position), reused. */
    private double[] drawn;
    /** Table index of each programmed device of a slice (bitwise-negated for negative weights), reused. */
    private int[] levelIndex;
    /** Per slice: the devices it had when this kernel last programmed it, or −1. */
    private final int[] lastCount;

    SliceKernel(SlicingScheme scheme, PcmDeviceModel model) {
        this.scheme = scheme;
        this.model = model;
        this.n = scheme.nSlices();
        this.limit = model.targetLimit();
        this.countLimit = limit * (1 + 1e-9);
        this.table = scheme.algorithm() == SlicingAlgorithm.MAX_FILL_EC ? null
                : new LevelTable(scheme, model, limit, countLimit);
        this.correcting = table == null ? new CorrectingKernel(this, scheme, model, limit, countLimit) : null;
        this.lastCount = new int[n];
        java.util.Arrays.fill(lastCount, -1);
    }

    /**
     * @param other another kernel
     * @return true if both program the same chip to the bit: the same device model, number of
     *     slices and, without error correction, the same targets and device laws for every level
     */
    boolean programsSameChipAs(SliceKernel other) {
        return table != null && other.table != null && n == other.n && model.equals(other.model)
                && table.sameAs(other.table);
    }

    /**
     * Programs a validated weight matrix into {@code pc}, slice by slice from the most significant.
     *
     * @param pc a crossbar of this scheme and model
     * @param weights signed integers within the scheme's range, row-major, rows·cols of them
     * @param device draws or takes the programming normals
     * @param normals the supplied normals per slice, or null to draw them from {@code device}
     * @param afterSlice told the index j of each finished slice, or {@code null}
     */
    void program(ProgrammedCrossbar pc, int[] weights, DeviceProgrammer device, IntFunction<double[]> normals,
                 IntConsumer afterSlice) {
        boolean finalQs = model.readNoiseNormalization() == ReadNoiseNormalization.G_MAX;
        if (correcting != null) {
            correcting.start(weights);
        }
        // Slice-major: each slice's devices are written in one sequential pass (weight-major order
        // would stream into 5 n arrays at once). Error correction only needs each weight's remainder.
        for (int j = n - 1; j >= 0; j--) {
            double[] xi = null;
            if (normals != null) {
                xi = normals.apply(j);
                if (xi.length < 2 * weights.length) {
                    throw new IllegalArgumentException("slice " + j + " needs " + 2 * weights.length
                            + " normals, got " + xi.length);
                }
            }
            // Column-major only from supplied normals (drawn ones come in sparse-row order) and when the
            // slice was dense enough the last time this kernel programmed it (a guess that changes no
            // number, only the layout).
            // Without error correction, only where every device's Q_s is final and no level is clipped
            // (ColumnSlices.programTabulated writes the positions directly, with no count of clipped levels).
            boolean columns = xi != null && pc.columnReads > 0 && lastCount[j] >= 0
                    && ColumnSlices.pays(lastCount[j], weights.length, pc.columnReads)
                    && (table == null || finalQs && !table.clipsAny());
            int count;
            if (table == null) {
                count = correcting.program(pc, j, weights, device, xi, finalQs, columns, lastCount[j]);
            } else if (columns) {
                count = pc.columns.programTabulated(j, weights, xi, table, j * (scheme.maxMagnitude() + 1), device);
                pc.rowStart[j][pc.rows()] = count;
                pc.clipped[j] = 0;
            } else {
                count = programTabulated(pc, j, weights, device, xi);
                pc.clipped[j] = table.clippedAmong(levelIndex, count);
            }
            lastCount[j] = count;
            if (!finalQs) {
                // The slice-maximum normalisation needs the whole slice before Q_s is known.
                DeviceLaws.normalizeReadNoise(model, pc.target[j], pc.qs[j], count);
                double[] gp = pc.programmed[j];
                double[] q = pc.qs[j];
                double[] a = pc.amplitude[j];
                for (int p = 0; p < count; p++) {
                    a[p] = gp[p] * q[p];
                }
            }
            pc.columnMajor[j] = columns;
            if (columns && table == null) {
                correcting.storeColumns(pc, j);
            }
            if (afterSlice != null) {
                afterSlice.accept(j);
            }
        }
    }

    /** The supplied normals of a slice, or its own normals drawn from the generator in device order. */
    double[] normalsOf(ProgrammedCrossbar pc, int j, DeviceProgrammer device, double[] supplied) {
        if (supplied != null) {
            return supplied;
        }
        int size = 2 * pc.rows() * pc.cols();
        if (drawn == null || drawn.length != size) {
            drawn = new double[size];
        }
        device.drawSlice(pc.rows(), pc.cols(), pc.rowStart[j], pc.column[j], drawn);
        return drawn;
    }

    /** Without error correction: programs slice j from the per-level tables; returns the device count. */
    private int programTabulated(ProgrammedCrossbar pc, int j, int[] weights, DeviceProgrammer device,
                                 double[] supplied) {
        int rows = pc.rows();
        int cols = pc.cols();
        int slice = j * (scheme.maxMagnitude() + 1);
        int[] levels = levelBuffer(weights.length);
        int[] levelProgrammed = table.programmed;
        double[] level = table.level;
        int[] column = pc.column[j];
        int[] start = pc.rowStart[j];
        // Pass 1, without branches: the table index of each programmed device of slice j.
        int p = 0;
        for (int r = 0; r < rows; r++) {
            start[r] = p;
            for (int k = 0; k < cols; k++) {
                int w = weights[r * cols + k];
                int at = slice + Math.abs(w);
                column[p] = k;
                // ~index for a negative weight, by xor with its sign (w >> 31 is 0 or −1): a branch
                // here mispredicts on every other random sign.
                levels[p] = (5 * at) ^ (w >> 31);
                // An integer add, not a comparison, so that the JIT cannot turn it into a branch.
                p += levelProgrammed[at];
            }
        }
        start[rows] = p;
        double[] xi = normalsOf(pc, j, device, supplied);
        // Pass 2: program them.
        double[] target = pc.target[j];
        double[] programmed = pc.programmed[j];
        double[] nu = pc.nu[j];
        double[] qs = pc.qs[j];
        double[] amplitude = pc.amplitude[j];
        for (int r = 0; r < rows; r++) {
            for (int q = start[r], end = start[r + 1]; q < end; q++) {
                int i = 2 * (r * cols + column[q]);
                int code = levels[q];
                int sign = code >> 31;
                int at = code ^ sign;
                double t = withSign(level[at], sign);
                target[q] = t;
                double gp = device.program(t, level[at + 1], level[at + 2], level[at + 3], xi[i], xi[i + 1], nu, q);
                programmed[q] = gp;
                qs[q] = level[at + 4];
                amplitude[q] = gp * level[at + 4];
            }
        }
        return p;
    }

    /** v with its sign flipped if sign is −1 (kept if 0), without a branch: exactly −v or v. */
    static double withSign(double v, int sign) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) ^ ((long) sign << 63));
    }

    private int[] levelBuffer(int size) {
        if (levelIndex == null || levelIndex.length != size) {
            levelIndex = new int[size];
        }
        return levelIndex;
    }
}
