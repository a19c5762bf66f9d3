package org.pcmsim.crossbar;

import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.internal.DeviceLaws;
import org.pcmsim.internal.DeviceProgrammer;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.Slicer;
import org.pcmsim.slicing.SlicingScheme;

/**
 * Slices integer weights and programs the slices onto PCM devices ("programming a chip").
 *
 * <p>Slices are programmed from the most significant down, each in one pass over the weights in
 * row-major order; each programmed device draws its programming noise, then its drift-exponent
 * noise ({@link DeviceProgrammer}). With {@link SlicingAlgorithm#MAX_FILL_EC} a weight's slice is
 * programmed before its next slice is computed, and the actual programmed value
 * (G_P · r / G_max, with the weight's sign) is subtracted from that weight's remainder.
 *
 * <p>Under {@link org.pcmsim.device.TargetRange#CLIPPED} a slice target above G_max (only error
 * correction's least significant slice gets there) is programmed at G_max with its sign, and the
 * error correction of later slices sees the conductance actually programmed; the crossbar counts
 * the clipped devices ({@link ProgrammedCrossbar#clippedDevices}).
 *
 * <p>Without error correction every slice value depends only on |W|, so the slices and the device
 * laws are tabulated once per integer magnitude. An instance is not thread-safe; it is cheap to
 * reuse across trials.
 */
public final class CrossbarProgrammer {
    /** Stands in for a generator when the caller supplies the normals; never asked for a number. */
    private static final UniformRandomProvider NO_GENERATOR = () -> {
        throw new IllegalStateException("the programming normals are supplied, none may be drawn");
    };
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
    /** Table index of each programmed device of a slice (bitwise-negated for negative weights), reused. */
    private int[] levelIndex;

    /**
     * @param scheme the slicing scheme
     * @param model the device model
     */
    public CrossbarProgrammer(SlicingScheme scheme, PcmDeviceModel model) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.model = Objects.requireNonNull(model, "model");
        this.slicer = new Slicer(scheme);
        this.n = scheme.nSlices();
        this.unit = model.gMax() / scheme.range();
        this.limit = model.targetLimit();
        this.countLimit = limit * (1 + 1e-9);
        this.table = scheme.algorithm() == SlicingAlgorithm.MAX_FILL_EC ? null
                : new LevelTable(scheme, model, limit, countLimit);
    }

    /**
     * Whether this programmer and {@code other} program the same chip (to the bit) from the same
     * weights and programming normals: the same device model, number of slices and, without error
     * correction, the same target and device laws for every weight magnitude and slice. Equal-fill
     * schemes with the same n_W and any b_W do; a Monte Carlo trial can then read such a chip once
     * for all of them.
     *
     * @param other another programmer
     * @return true if the chips are identical
     */
    public boolean programsSameChipAs(CrossbarProgrammer other) {
        return table != null && other.table != null && n == other.n && model.equals(other.model)
                && table.sameAs(other.table);
    }

    /** @return the slicing scheme */
    public SlicingScheme scheme() {
        return scheme;
    }

    /** @return the device model */
    public PcmDeviceModel model() {
        return model;
    }

    /**
     * Programs a weight matrix.
     *
     * @param weights signed integers, |W| ≤ 2^bits − 1, row-major rows × cols
     * @param rows output lines
     * @param cols input lines
     * @param rng the generator of this programming event
     * @return the programmed crossbar
     */
    public ProgrammedCrossbar program(int[] weights, int rows, int cols, UniformRandomProvider rng) {
        ProgrammedCrossbar pc = allocate(rows, cols);
        programInto(pc, weights, rng);
        return pc;
    }

    /**
     * An unprogrammed crossbar (every device at 0 µS) of this scheme and shape, for
     * {@link #programInto} to fill; reusing one across trials avoids reallocating its buffers.
     *
     * @param rows output lines
     * @param cols input lines
     * @return the empty crossbar
     */
    public ProgrammedCrossbar allocate(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows and cols must be >= 1, got " + rows + " x " + cols);
        }
        return new ProgrammedCrossbar(scheme, model, rows, cols);
    }

    /**
     * An unprogrammed crossbar of this scheme that stores its slices in the arrays of
     * {@code storage} (at least as many slices, any scheme): programming one overwrites the other.
     * For an engine that programs many configurations one after the other, so that they all work
     * in the same memory (which then stays in cache) instead of each in its own.
     *
     * @param storage a crossbar whose storage is lent, with at least n_W slices
     * @return the empty crossbar
     */
    public ProgrammedCrossbar allocateIn(ProgrammedCrossbar storage) {
        return new ProgrammedCrossbar(scheme, model, storage);
    }

    /**
     * Programs a weight matrix given as an ND4J array of integer-valued numbers.
     *
     * @param weights rows × cols matrix of integers, |W| ≤ 2^bits − 1
     * @param rng the generator of this programming event
     * @return the programmed crossbar
     */
    public ProgrammedCrossbar program(INDArray weights, UniformRandomProvider rng) {
        if (weights.rank() != 2) {
            throw new IllegalArgumentException("weights must be a matrix, got shape "
                    + java.util.Arrays.toString(weights.shape()));
        }
        double[] d = weights.dup('c').data().asDouble();
        int[] w = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            if (d[i] != Math.rint(d[i]) || Math.abs(d[i]) > scheme.maxMagnitude()) {
                throw new IllegalArgumentException("weight " + i + " must be an integer in -" + scheme.maxMagnitude()
                        + ".." + scheme.maxMagnitude() + ", got " + d[i]);
            }
            w[i] = (int) d[i];
        }
        return program(w, weights.rows(), weights.columns(), rng);
    }

    /**
     * Programs a weight matrix into an existing crossbar of the same scheme and shape, reusing its
     * buffers.
     *
     * @param pc a crossbar made by this programmer (or one of the same scheme and model)
     * @param weights signed integers, row-major
     * @param rng the generator of this programming event
     */
    public void programInto(ProgrammedCrossbar pc, int[] weights, UniformRandomProvider rng) {
        programInto(pc, weights, rng, null);
    }

    /**
     * Programs a weight matrix slice by slice, from the most significant, and reports each slice as
     * soon as it is complete — so that a caller can read it while its devices are still in cache.
     *
     * @param pc a crossbar made by this programmer (or one of the same scheme and model)
     * @param weights signed integers, row-major
     * @param rng the generator of this programming event
     * @param afterSlice told the index j of each finished slice, or {@code null}
     */
    public void programInto(ProgrammedCrossbar pc, int[] weights, UniformRandomProvider rng, IntConsumer afterSlice) {
        program(pc, weights, new DeviceProgrammer(model, Objects.requireNonNull(rng, "rng")), null, afterSlice);
    }

    /**
     * Programs a weight matrix with the programming normals supplied rather than drawn: every
     * weight position owns one pair (ξ_P, ξ_ν) per slice, used if that slice of that weight is
     * programmed and ignored otherwise. Each device still gets independent standard normals, so
     * the programmed chip has exactly the distribution of {@link #programInto(ProgrammedCrossbar,
     * int[], UniformRandomProvider, IntConsumer)}; what changes is that configurations given the same
     * normals are correlated (common random numbers), which lets a Monte Carlo trial draw the normals
     * once for all its configurations.
     *
     * @param pc a crossbar made by this programmer (or one of the same scheme and model)
     * @param weights signed integers, row-major
     * @param normals for slice j, an array of at least 2·rows·cols standard normals: ξ_P of weight i
     *                (row-major) at 2i, ξ_ν at 2i + 1
     * @param afterSlice told the index j of each finished slice, or {@code null}
     */
    public void programInto(ProgrammedCrossbar pc, int[] weights, IntFunction<double[]> normals,
                            IntConsumer afterSlice) {
        program(pc, weights, new DeviceProgrammer(model, NO_GENERATOR), Objects.requireNonNull(normals, "normals"),
                afterSlice);
    }

    private void program(ProgrammedCrossbar pc, int[] weights, DeviceProgrammer device, IntFunction<double[]> normals,
                         IntConsumer afterSlice) {
        if (!pc.scheme().equals(scheme) || !pc.model().equals(model)) {
            throw new IllegalArgumentException("crossbar was made for " + pc.scheme() + ", not " + scheme);
        }
        int rows = pc.rows();
        int cols = pc.cols();
        if (weights.length != rows * cols) {
            throw new IllegalArgumentException("expected " + rows * cols + " weights, got " + weights.length);
        }
        int max = scheme.maxMagnitude();
        for (int i = 0; i < weights.length; i++) {
            // Not Math.abs: it is negative for Integer.MIN_VALUE.
            if (weights[i] > max || weights[i] < -max) {
                throw new IllegalArgumentException(
                        "weight " + i + " must be in -" + max + ".." + max + ", got " + weights[i]);
            }
        }
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
            int count = table == null
                    ? programCorrecting(pc, j, weights, rest, device, xi, finalQs)
                    : programTabulated(pc, j, weights, device, xi);
            if (table != null) {
                pc.clipped[j] = table.clippedAmong(levelIndex, count);
            }
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
                                  double[] supplied, boolean finalQs) {
        int rows = pc.rows();
        int cols = pc.cols();
        double[] values = valueBuffer(weights.length);
        int[] column = pc.column[j];
        int[] start = pc.rowStart[j];
        // Pass 1, over every weight: its slice value and its remainder as if the slice were
        // programmed exactly; then the slice's devices as sparse rows, counted by an integer add
        // rather than a branch (which would mispredict on random weights).
        slicer.maxFillStep(j, rest, values, weights.length);
        int p = 0;
        for (int r = 0; r < rows; r++) {
            start[r] = p;
            for (int k = 0; k < cols; k++) {
                column[p] = k;
                p += values[r * cols + k] * unit != 0.0 ? 1 : 0;
            }
        }
        start[rows] = p;
        double[] xi = normalsOf(pc, j, device, supplied);
        // Pass 2, over the programmed devices only: program, then correct the remainder by the
        // programming error, b^j (actual − S_j) — the same value as remainderAfter(j, R, S_j, actual).
        double significance = scheme.significance(j);
        double[] target = pc.target[j];
        double[] programmed = pc.programmed[j];
        double[] nu = pc.nu[j];
        double[] qs = pc.qs[j];
        double[] amplitude = pc.amplitude[j];
        int clipped = 0;
        for (int r = 0; r < rows; r++) {
            for (int q = start[r], end = start[r + 1]; q < end; q++) {
                int i = r * cols + column[q];
                double s = values[i];
                int sign = weights[i] >> 31;
                // Clipped without a branch (a large share of the last slice is clipped at b_W >= 4); with
                // an infinite limit both bounds leave the value unchanged to the bit.
                double v = s * unit;
                clipped += Math.abs(v) > countLimit ? 1 : 0;
                double t = withSign(Math.max(-limit, Math.min(v, limit)), sign);
                target[q] = t;
                double gp = device.program(t, xi[2 * i], xi[2 * i + 1], nu, qs, q);
                programmed[q] = gp;
                if (finalQs) {
                    double qq = DeviceLaws.readNoiseFromRaw(model.readNoise(), qs[q], 1.0);
                    qs[q] = qq;
                    amplitude[q] = gp * qq;
                }
                double actual = withSign(gp, sign) / unit;
                rest[i] -= significance * (actual - s);
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
    private static double withSign(double v, int sign) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) ^ ((long) sign << 63));
    }

    private int[] levelBuffer(int size) {
        if (levelIndex == null || levelIndex.length != size) {
            levelIndex = new int[size];
        }
        return levelIndex;
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
