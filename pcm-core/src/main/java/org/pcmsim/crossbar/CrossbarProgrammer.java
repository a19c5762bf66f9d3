package org.pcmsim.crossbar;

import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.internal.Access;
import org.pcmsim.internal.DeviceProgrammer;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/**
 * Slices integer weights and programs the slices onto PCM devices ("programming a chip").
 *
 * <p>Slices are programmed from the most significant down, each in one pass over the weights in
 * row-major order; each programmed device draws its programming noise, then its drift-exponent
 * noise (docs/model.md §2). With {@link SlicingAlgorithm#MAX_FILL_EC} a weight's slice is
 * programmed before its next slice is computed, and the actual programmed value
 * (G_P · r / G_max, with the weight's sign) is subtracted from that weight's remainder.
 *
 * <p>Under {@link org.pcmsim.device.TargetRange#CLIPPED} a slice target above G_max (only error
 * correction's least significant slice gets there) is programmed at G_max with its sign, and the
 * error correction of later slices sees the conductance actually programmed; the crossbar counts
 * the clipped devices ({@link ProgrammedCrossbar#clippedDevices}).
 *
 * <p>Without error correction every slice value depends only on |W|, so the slices and the device
 * laws are tabulated once per integer magnitude; the loops are in {@link SliceKernel}. An instance
 * is not thread-safe; it is cheap to reuse across trials.
 */
public final class CrossbarProgrammer {
    /** Stands in for a generator when the caller supplies the normals; never asked for a number. */
    private static final UniformRandomProvider NO_GENERATOR = () -> {
        throw new IllegalStateException("the programming normals are supplied, none may be drawn");
    };

    static {
        Access.register(new EngineAccess());
    }

    private final SlicingScheme scheme;
    private final PcmDeviceModel model;
    private final SliceKernel kernel;
    /**
     * The device programmer of {@link #programInto(ProgrammedCrossbar, int[], IntFunction, IntConsumer)}, made
     * once: it never draws, so it holds no state between calls, and making one per chip (a Monte Carlo
     * engine programs tens of thousands) cost ≈ 1 % of Figure 4b in the map lookup of its law table.
     */
    private DeviceProgrammer suppliedNormals;

    /**
     * @param scheme the slicing scheme
     * @param model the device model
     */
    public CrossbarProgrammer(SlicingScheme scheme, PcmDeviceModel model) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.model = Objects.requireNonNull(model, "model");
        this.kernel = new SliceKernel(scheme, model);
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
    boolean programsSameChipAs(CrossbarProgrammer other) {
        return kernel.programsSameChipAs(other.kernel);
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
    ProgrammedCrossbar allocateIn(ProgrammedCrossbar storage) {
        return new ProgrammedCrossbar(scheme, model, storage);
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
        program(pc, weights, new DeviceProgrammer(model, Objects.requireNonNull(rng, "rng")), null, null);
    }

    /**
     * Programs a weight matrix with the programming normals supplied rather than drawn: every
     * weight position owns one pair (ξ_P, ξ_ν) per slice, used if that slice of that weight is
     * programmed and ignored otherwise. Each device still gets independent standard normals, so
     * the programmed chip has exactly the distribution of {@link #programInto(ProgrammedCrossbar,
     * int[], UniformRandomProvider)}; what changes is that configurations given the same normals are
     * correlated (common random numbers), which lets a Monte Carlo trial draw the normals once for
     * all its configurations. Slices are programmed from the most significant, and each is reported
     * as soon as it is complete, so that a caller can read it while its devices are still in cache.
     *
     * @param pc a crossbar made by this programmer (or one of the same scheme and model)
     * @param weights signed integers, row-major
     * @param normals for slice j, an array of at least 2·rows·cols standard normals: ξ_P of weight i
     *                (row-major) at 2i, ξ_ν at 2i + 1
     * @param afterSlice told the index j of each finished slice, or {@code null}
     */
    void programInto(ProgrammedCrossbar pc, int[] weights, IntFunction<double[]> normals, IntConsumer afterSlice) {
        if (suppliedNormals == null) {
            suppliedNormals = new DeviceProgrammer(model, NO_GENERATOR);
        }
        program(pc, weights, suppliedNormals, Objects.requireNonNull(normals, "normals"), afterSlice);
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
        kernel.program(pc, weights, device, normals, afterSlice);
    }
}
