package org.pcmsim.crossbar;

import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ReadNoise;
import org.pcmsim.internal.Access;
import org.pcmsim.internal.DeviceLaws;
import org.pcmsim.internal.DeviceProgrammer;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.Slicer;
import org.pcmsim.slicing.SlicingScheme;

/**
 * The error-correcting half of {@link SliceKernel} ({@link SlicingAlgorithm#MAX_FILL_EC}, docs/model.md §3):
 * each slice is computed from the remainders the slices above left after their actual programmed
 * values, a whole slice at a time. Buffers are reused across calls, so an instance is not
 * thread-safe.
 */
final class CorrectingKernel {
    /** Devices programmed per round of short loops: their arrays fit the L1 cache. */
    private static final int CHUNK = 256;
    /** The top slice is tabulated per |W| up to this magnitude (16 bits: a 1 MB table). */
    private static final int MAX_TABULATED = (1 << 16) - 1;

    private final SliceKernel owner;
    private final SlicingScheme scheme;
    private final PcmDeviceModel model;
    private final Slicer slicer;
    private final int n;
    /** Conductance per slice unit, G_max / r (µS). */
    private final double unit;
    /** The largest |target| a device holds, µS (+∞ when unbounded). */
    private final double limit;
    /** Above this |target| a device counts as clipped (see {@link SliceKernel}). */
    private final double countLimit;
    /** Remainder of each weight, reused. */
    private double[] restBuffer;
    /** Slice value of each weight, reused. */
    private double[] valueBuffer;
    /** The weight index of each programmed device of a slice, reused. */
    private int[] deviceIndex;
    /** Per programmed device: ξ_P, ξ_ν, ln g, S_j, the weight's sign and b^j times the error; reused. */
    private final double[][] scratch = new double[6][];
    /** |W| of each programmed device of the top slice, reused. */
    private int[] levelBuffer;
    /** Whether the top slice is tabulated per |W| (up to {@link #MAX_TABULATED}). */
    private final boolean tabulated;
    /** The top slice per |W|: its value S, the remainder after it, ln g and raw Q_s ({@link #tabulateTop}). */
    private double[] topValue;
    private double[] topRest;
    private double[] topLaws;
    /** Column-major programming: the first device of each input line, and the output line of each device. */
    private int[] columnStart;
    private int[] rowOf;

    CorrectingKernel(SliceKernel owner, SlicingScheme scheme, PcmDeviceModel model, double limit, double countLimit) {
        this.owner = owner;
        this.scheme = scheme;
        this.model = model;
        this.slicer = new Slicer(scheme);
        this.n = scheme.nSlices();
        this.unit = model.gMax() / scheme.range();
        this.limit = limit;
        this.countLimit = countLimit;
        this.tabulated = scheme.maxMagnitude() <= MAX_TABULATED;
    }

    /** Starts a chip: every weight's remainder is |W| (set by the top slice's table when there is one). */
    void start(int[] weights) {
        if (restBuffer == null || restBuffer.length != weights.length) {
            restBuffer = new double[weights.length];
        }
        if (!tabulated) {
            for (int i = 0; i < weights.length; i++) {
                restBuffer[i] = Math.abs(weights[i]);
            }
        }
    }

    /**
     * Programs slice j of every weight and updates the remainders; slices go from the most
     * significant down, after {@link #start}.
     *
     * @param pc the crossbar being programmed
     * @param j the slice
     * @param weights signed integers within the scheme's range, row-major
     * @param device takes or draws the programming normals
     * @param supplied the slice's normals (ξ_P, ξ_ν of weight i at 2i, 2i + 1), or null to draw them
     * @param finalQs true if Q_s is final per device (G_max normalisation), false if raw (slice maximum)
     * @param columns true to compact the devices column by column ({@link ColumnSlices})
     * @param lastCount the devices slice j had the last time it was programmed, or −1
     * @return the device count
     */
    int program(ProgrammedCrossbar pc, int j, int[] weights, DeviceProgrammer device, double[] supplied,
                boolean finalQs, boolean columns, int lastCount) {
        int rows = pc.rows();
        int cols = pc.cols();
        int size = weights.length;
        double[] rest = restBuffer;
        double[] values = valueBuffer(size);
        int[] column = pc.column[j];
        int[] start = pc.rowStart[j];
        int[] index = indexBuffer(size);
        double[] xiP = scratch(0, size);
        double[] xiNu = scratch(1, size);
        double[] lnG = scratch(2, size);
        double[] slice = scratch(3, size);
        double[] sign = scratch(4, size);
        double[] error = scratch(5, size);
        // Pass 1, over every weight: its slice value and its remainder as if the slice were
        // programmed exactly; then the slice's devices as sparse rows, counted by an integer add
        // rather than a branch (which would mispredict on random weights).
        if (j == n - 1 && tabulated) {
            // The top slice's Max-fill step starts from R = |W|: its value and remainder per |W| from a table.
            if (topValue == null) {
                tabulateTop(device);
            }
            for (int i = 0; i < size; i++) {
                int m = Math.abs(weights[i]);
                values[i] = topValue[m];
                rest[i] = topRest[m];
            }
        } else {
            Access.slicing().maxFillStep(slicer, j, rest, values, size);
        }
        int p = 0;
        int clipped = 0;
        // With supplied normals, each device's slice value, sign and normals are copied as it is
        // found, in the same pass over the weights (each weight's data then read in order, once)
        // rather than gathered afterwards through the device index; only where the slice was at least
        // half full the last time (a guess that changes no number), since the copies are made for every
        // weight and a sparse slice (most of those between the top and the last at b_W = 1) pays more
        // for them than for the gathers.
        boolean gathered = supplied != null && !columns && 2L * lastCount >= size;
        if (columns) {
            p = compactByColumn(values, index, rows, cols);
        } else if (gathered) {
            double[] xi = supplied;
            for (int r = 0; r < rows; r++) {
                start[r] = p;
                int base = r * cols;
                for (int k = 0; k < cols; k++) {
                    int i = base + k;
                    double s = values[i];
                    column[p] = k;
                    index[p] = i;
                    slice[p] = s;
                    sign[p] = (weights[i] >> 31) | 1;
                    xiP[p] = xi[2 * i];
                    xiNu[p] = xi[2 * i + 1];
                    // Unprogrammed weights have S = 0, which counts as nothing.
                    clipped += Math.abs(s * unit) > countLimit ? 1 : 0;
                    p += s * unit != 0.0 ? 1 : 0;
                }
            }
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
        double[] xi = gathered ? null : owner.normalsOf(pc, j, device, supplied);
        // Pass 2, over the programmed devices only, a chunk at a time (its arrays stay in the L1
        // cache): the devices programmed, then each remainder corrected by the programming error,
        // b^j (actual − S_j), as the one-weight error correction of Slicer does. Several short loops
        // rather than one long one: see DeviceProgrammer.program.
        double significance = scheme.significance(j);
        double[] target = pc.target[j];
        double[] programmed = pc.programmed[j];
        double[] nu = pc.nu[j];
        double[] qs = pc.qs[j];
        double[] amplitude = pc.amplitude[j];
        ReadNoise law = model.readNoise();
        // At b_W = 1 every slice above the last holds r or nothing (Slicer.maxFillStep): one target
        // magnitude, whose laws need one lookup.
        boolean oneLevel = scheme.base() == 1 && j > 0;
        // The top slice's value depends on |W| alone (nothing was programmed before it): its laws
        // come from a table per |W| rather than from a lookup per device.
        int[] levels = null;
        if (j == n - 1 && !oneLevel && tabulated) {
            levels = levelBuffer(size);
        }
        for (int from = 0; from < p; from += CHUNK) {
            int to = Math.min(p, from + CHUNK);
            if (!gathered) {
                // The gathers: slice value, the weight's sign as ±1 (a product by ±1 is an exact negation
                // or nothing, as withSign), the normals; the clipped count an integer add, not a branch.
                for (int q = from; q < to; q++) {
                    int i = index[q];
                    double s = values[i];
                    slice[q] = s;
                    sign[q] = (weights[i] >> 31) | 1;
                    clipped += Math.abs(s * unit) > countLimit ? 1 : 0;
                    xiP[q] = xi[2 * i];
                    xiNu[q] = xi[2 * i + 1];
                }
            }
            // Clipped without a branch (a large share of the last slice is clipped at b_W >= 4); with an
            // infinite limit both bounds leave the value unchanged to the bit.
            for (int q = from; q < to; q++) {
                target[q] = Math.max(-limit, Math.min(slice[q] * unit, limit)) * sign[q];
            }
            if (levels != null) {
                for (int q = from; q < to; q++) {
                    levels[q] = Math.abs(weights[index[q]]);
                }
                device.programLevels(target, xiP, xiNu, from, to, programmed, nu, qs, lnG, levels, topLaws);
            } else {
                device.program(target, xiP, xiNu, from, to, programmed, nu, qs, lnG, oneLevel);
            }
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

    /** Stores a slice programmed column by column into {@code pc}'s columns (after its Q_s is final). */
    void storeColumns(ProgrammedCrossbar pc, int j) {
        pc.columns.store(j, columnStart, rowOf, pc.programmed[j], pc.amplitude[j], pc.nu[j]);
    }

    /**
     * The top slice per weight magnitude m = |W|: its value, the remainder after it (if programmed
     * exactly), and ln g and the raw read-noise amplitude of its target, interleaved; computed as the
     * per-weight path computes them (the same Max-fill step from R = m, the same clip, the same table
     * lookup), so the same numbers to the bit.
     */
    private void tabulateTop(DeviceProgrammer device) {
        int levels = scheme.maxMagnitude() + 1;
        double[] rest = new double[levels];
        double[] value = new double[levels];
        for (int m = 0; m < levels; m++) {
            rest[m] = m;
        }
        Access.slicing().maxFillStep(slicer, n - 1, rest, value, levels);
        double[] target = new double[levels];
        for (int m = 0; m < levels; m++) {
            // As in program, with the sign of a positive weight (a product by 1.0 is exact).
            target[m] = Math.max(-limit, Math.min(value[m] * unit, limit)) * 1.0;
        }
        double[] ln = new double[levels];
        double[] raw = new double[levels];
        device.laws(target, 0, levels, ln, raw);
        double[] laws = new double[2 * levels];
        for (int m = 0; m < levels; m++) {
            laws[2 * m] = ln[m];
            laws[2 * m + 1] = raw[m];
        }
        topValue = value;
        topRest = rest;
        topLaws = laws;
    }

    /**
     * Pass 1 for a column-major slice ({@link ColumnSlices}): the devices (non-zero slice values) input
     * line by input line, in output-line order, with their weight index and output line; returns the
     * count. A method of its own, so that the sparse kernel stays as the JIT knew it.
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

    private int[] levelBuffer(int size) {
        if (levelBuffer == null || levelBuffer.length != size) {
            levelBuffer = new int[size];
        }
        return levelBuffer;
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
}
