package org.pcmsim.crossbar;

import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ReadNoise;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.internal.Access;
import org.pcmsim.internal.DeviceLaws;
import org.pcmsim.internal.DeviceProgrammer;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.Slicer;
import org.pcmsim.slicing.SlicingScheme;

/**
 * The programming kernel of {@link CrossbarProgrammer}: the tuned loops that program one slice of
 * every weight (docs/model.md §3–§4). Devices are stored as sparse rows (only programmed devices),
 * found in a first branch-free pass and programmed in a second. Without error correction the
 * targets and device laws come from a {@link LevelTable} per integer magnitude; with
 * {@link SlicingAlgorithm#MAX_FILL_EC} each slice is computed from the remainders the previous
 * slices left, after their actual programmed values. Buffers are reused across calls, so an
 * instance is not thread-safe.
 */
final class SliceKernel {
    /** Error-corrected devices programmed per round of short loops: their arrays fit the L1 cache. */
    private static final int CHUNK = 256;

    private final SlicingScheme scheme;
    private final PcmDeviceModel model;
    private final Slicer slicer;
    private final int n;
    /** Conductance per slice unit, G_max / r (µS). */
    private final double unit;
    /** The largest |target| a device holds, µS: G_max when clipped, +∞ when unbounded (then min/max are exact no-ops). */
    private final double limit;
    /**
     * Above this |target| a device counts as clipped: S = r maps to G_max only within an ulp (S · G_max / r
     * rounds), and such a device is at G_max, not beyond it.
     */
    private final double countLimit;
    /** Targets and device laws per slice and weight magnitude; null for error correction. */
    private final LevelTable table;
    /** Remainder of each weight during error-correcting programming, reused. */
    private double[] restBuffer;
    /** Slice value of each weight during error-correcting programming, reused. */
    private double[] valueBuffer;
    /** A slice's programming normals drawn from a generator (2 per weight position), reused. */
    private double[] drawn;
    /** Error correction: the weight index of each programmed device of a slice, reused. */
    private int[] deviceIndex;
    /** Error correction: per programmed device, ξ_P, ξ_ν, ln g, S_j, the weight's sign and b^j times the error; reused. */
    private final double[][] scratch = new double[6][];
    /** Table index of each programmed device of a slice (bitwise-negated for negative weights), reused. */
    private int[] levelIndex;
    /** Column-major programming: the first device of each input line, and the output line of each device. */
    private int[] columnStart;
    private int[] rowOf;
    /** Per slice: the devices it had when this kernel last programmed it, or −1. */
    private final int[] lastCount;

    SliceKernel(SlicingScheme scheme, PcmDeviceModel model) {
        this.scheme = scheme;
        this.model = model;
        this.slicer = new Slicer(scheme);
        this.n = scheme.nSlices();
        this.unit = model.gMax() / scheme.range();
        this.limit = model.targetLimit();
        this.countLimit = limit * (1 + 1e-9);
        this.table = scheme.algorithm() == SlicingAlgorithm.MAX_FILL_EC ? null
                : new LevelTable(scheme, model, limit, countLimit);
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
        double[] rest = null;
        if (table == null) {
            rest = remainders(weights.length);
            for (int i = 0; i < weights.length; i++) {
                rest[i] = Math.abs(weights[i]);
            }
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
                count = programCorrecting(pc, j, weights, rest, device, xi, finalQs, columns);
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
                pc.columns.store(j, columnStart, rowOf, pc.programmed[j], pc.amplitude[j], pc.nu[j]);
            }
            if (afterSlice != null) {
                afterSlice.accept(j);
            }
        }
    }

    /** The supplied normals of a slice, or its own normals drawn from the generator in device order. */
    private double[] normalsOf(ProgrammedCrossbar pc, int j, DeviceProgrammer device, double[] supplied) {
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

    /** Max-fill EC: programs slice j of every weight and updates the remainders; returns the device count. */
    private int programCorrecting(ProgrammedCrossbar pc, int j, int[] weights, double[] rest, DeviceProgrammer device,
                                  double[] supplied, boolean finalQs, boolean columns) {
        int rows = pc.rows();
        int cols = pc.cols();
        int size = weights.length;
        double[] values = valueBuffer(size);
        int[] column = pc.column[j];
        int[] start = pc.rowStart[j];
        int[] index = indexBuffer(size);
        // Pass 1, over every weight: its slice value and its remainder as if the slice were
        // programmed exactly; then the slice's devices as sparse rows, counted by an integer add
        // rather than a branch (which would mispredict on random weights).
        Access.slicing().maxFillStep(slicer, j, rest, values, size);
        int p = 0;
        if (columns) {
            p = compactByColumn(values, index, rows, cols);
        } else {
            for (int r = 0; r < rows; r++) {
                start[r] = p;
                int base = r * cols;
                for (int k = 0; k < cols; k++) {
                    column[p] = k;
                    index[p] = base + k;
                    p += values[base + k] * unit != 0.0 ? 1 : 0;
                }
            }
        }
        start[rows] = p;
        double[] xi = normalsOf(pc, j, device, supplied);
        // Pass 2, over the programmed devices only, a chunk at a time (its arrays stay in the L1
        // cache): the targets and normals gathered, the devices programmed, then each remainder
        // corrected by the programming error, b^j (actual − S_j), as the one-weight error correction
        // of Slicer does. Several short loops rather than one long one: see DeviceProgrammer.program.
        double significance = scheme.significance(j);
        double[] target = pc.target[j];
        double[] programmed = pc.programmed[j];
        double[] nu = pc.nu[j];
        double[] qs = pc.qs[j];
        double[] amplitude = pc.amplitude[j];
        double[] xiP = scratch(0, size);
        double[] xiNu = scratch(1, size);
        double[] lnG = scratch(2, size);
        double[] slice = scratch(3, size);
        double[] sign = scratch(4, size);
        double[] error = scratch(5, size);
        ReadNoise law = model.readNoise();
        // At b_W = 1 every slice above the last holds r or nothing (Slicer.maxFillStep): one target
        // magnitude, whose laws need one lookup.
        boolean oneLevel = scheme.base() == 1 && j > 0;
        int clipped = 0;
        for (int from = 0; from < p; from += CHUNK) {
            int to = Math.min(p, from + CHUNK);
            // The gathers: slice value, the weight's sign as ±1 (a product by ±1 is an exact negation
            // or nothing, as withSign), the normals; and the clipped count, an integer add, not a branch.
            for (int q = from; q < to; q++) {
                int i = index[q];
                double s = values[i];
                slice[q] = s;
                sign[q] = (weights[i] >> 31) | 1;
                clipped += Math.abs(s * unit) > countLimit ? 1 : 0;
                xiP[q] = xi[2 * i];
                xiNu[q] = xi[2 * i + 1];
            }
            // Clipped without a branch (a large share of the last slice is clipped at b_W >= 4); with an
            // infinite limit both bounds leave the value unchanged to the bit.
            for (int q = from; q < to; q++) {
                target[q] = Math.max(-limit, Math.min(slice[q] * unit, limit)) * sign[q];
            }
            device.program(target, xiP, xiNu, from, to, programmed, nu, qs, lnG, oneLevel);
            if (finalQs) {
                for (int q = from; q < to; q++) {
                    double qq = DeviceLaws.readNoiseFromRaw(law, qs[q], 1.0);
                    qs[q] = qq;
                    amplitude[q] = programmed[q] * qq;
                }
            }
            for (int q = from; q < to; q++) {
                // b^j (actual − S_j), the actual value with the weight's sign.
                error[q] = significance * (programmed[q] * sign[q] / unit - slice[q]);
            }
            for (int q = from; q < to; q++) {
                rest[index[q]] -= error[q];
            }
        }
        pc.clipped[j] = clipped;
        return p;
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

    /**
     * Error correction's pass 1 for a column-major slice ({@link ColumnSlices}): the devices (non-zero
     * slice values) input line by input line, in output-line order, with their weight index and output
     * line; returns the count. A method of its own, so that the sparse kernel stays as the JIT knew it.
     */
    private int compactByColumn(double[] values, int[] index, int rows, int cols) {
        int[] line = columnBuffers(rows, cols);
        int p = 0;
        for (int k = 0; k < cols; k++) {
            columnStart[k] = p;
            for (int r = 0; r < rows; r++) {
                int i = r * cols + k;
                line[p] = r;
                index[p] = i;
                p += values[i] * unit != 0.0 ? 1 : 0;
            }
        }
        columnStart[cols] = p;
        return p;
    }

    /** Sizes {@link #columnStart} and returns {@link #rowOf}. */
    private int[] columnBuffers(int rows, int cols) {
        if (columnStart == null || columnStart.length != cols + 1) {
            columnStart = new int[cols + 1];
        }
        if (rowOf == null || rowOf.length != rows * cols) {
            rowOf = new int[rows * cols];
        }
        return rowOf;
    }

    private int[] indexBuffer(int size) {
        if (deviceIndex == null || deviceIndex.length != size) {
            deviceIndex = new int[size];
        }
        return deviceIndex;
    }

    private double[] scratch(int which, int size) {
        if (scratch[which] == null || scratch[which].length != size) {
            scratch[which] = new double[size];
        }
        return scratch[which];
    }

    private double[] valueBuffer(int size) {
        if (valueBuffer == null || valueBuffer.length != size) {
            valueBuffer = new double[size];
        }
        return valueBuffer;
    }

    private double[] remainders(int size) {
        if (restBuffer == null || restBuffer.length != size) {
            restBuffer = new double[size];
        }
        return restBuffer;
    }
}
