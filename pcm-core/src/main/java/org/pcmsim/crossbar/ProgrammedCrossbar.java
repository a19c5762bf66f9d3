package org.pcmsim.crossbar;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.internal.DeviceLaws;
import org.pcmsim.slicing.SlicingScheme;

/**
 * A signed integer weight matrix (rows × cols, y = W·x) after slicing and programming onto PCM
 * devices: one device per weight per slice, holding the target G_T, the programmed conductance G_P
 * and the drift exponent ν, drawn once (docs/model.md §3, §2). Create one with
 * {@link CrossbarProgrammer}; read it with {@link CrossbarReader} (the MVM) or
 * {@link #effectiveWeights} (the weights it represents at a time t).
 *
 * <p>Devices whose target is 0 are never programmed and hold 0 µS. Each slice stores only its
 * programmed devices, row by row (compressed sparse rows): most devices of a Max-fill slice are
 * unprogrammed, and reads skip them. (The Monte Carlo engine may also store a dense slice of a crossbar
 * it keeps to itself column-major, for a faster read of the same numbers: {@code ColumnSlices}.) The
 * accessors return fresh dense arrays of rows · cols values,
 * row-major (element (i, k) at i · cols + k), in µS.
 */
public final class ProgrammedCrossbar {
    private final SlicingScheme scheme;
    private final PcmDeviceModel model;
    private final int rows;
    private final int cols;
    /** Per slice: offset of each row's first device; rowStart[j][rows] is the device count. */
    final int[][] rowStart;
    final int[][] column;
    final double[][] target;
    final double[][] programmed;
    final double[][] nu;
    /** Read-noise amplitude Q_s of each device. */
    final double[][] qs;
    /** G_P · Q_s, the read-noise standard deviation per unit 1/f factor and drift. */
    final double[][] amplitude;
    /** Per slice: devices whose target exceeded G_max and was clipped to it (TargetRange.CLIPPED). */
    final int[] clipped;
    /**
     * Per slice: true if the slice was last programmed into {@link #columns} (dense, column-major) instead
     * of the sparse rows; only when {@link #columnReads} allows it.
     */
    final boolean[] columnMajor;
    /** Dense column-major slices, shared with the crossbar whose storage this one borrows. */
    final ColumnSlices columns;
    /**
     * The devices of a dense enough slice may be stored column-major: the engine's ideal read with
     * aggregated read noise reads them so, vectorised across output lines ({@link ColumnRead}); no other
     * read does, so only the engine sets this, for the crossbar it lends to its configurations.
     */
    int columnReads;

    ProgrammedCrossbar(SlicingScheme scheme, PcmDeviceModel model, int rows, int cols) {
        this.scheme = scheme;
        this.model = model;
        this.rows = rows;
        this.cols = cols;
        int n = scheme.nSlices();
        int size = Math.multiplyExact(rows, cols);
        rowStart = new int[n][rows + 1];
        column = new int[n][size];
        target = new double[n][size];
        programmed = new double[n][size];
        nu = new double[n][size];
        qs = new double[n][size];
        amplitude = new double[n][size];
        clipped = new int[n];
        columnMajor = new boolean[n];
        columns = new ColumnSlices(n, rows, cols);
    }

    /** A crossbar of another scheme on the first n_W slices of {@code storage}'s arrays. */
    ProgrammedCrossbar(SlicingScheme scheme, PcmDeviceModel model, ProgrammedCrossbar storage) {
        int n = scheme.nSlices();
        if (storage.nSlices() < n) {
            throw new IllegalArgumentException("storage has " + storage.nSlices() + " slices, " + scheme + " needs " + n);
        }
        this.scheme = scheme;
        this.model = model;
        this.rows = storage.rows;
        this.cols = storage.cols;
        rowStart = java.util.Arrays.copyOf(storage.rowStart, n);
        column = java.util.Arrays.copyOf(storage.column, n);
        target = java.util.Arrays.copyOf(storage.target, n);
        programmed = java.util.Arrays.copyOf(storage.programmed, n);
        nu = java.util.Arrays.copyOf(storage.nu, n);
        qs = java.util.Arrays.copyOf(storage.qs, n);
        amplitude = java.util.Arrays.copyOf(storage.amplitude, n);
        clipped = new int[n];
        columnMajor = new boolean[n];
        columns = storage.columns;
    }

    /** @return the slicing scheme */
    public SlicingScheme scheme() {
        return scheme;
    }

    /** @return the device model */
    public PcmDeviceModel model() {
        return model;
    }

    /** @return output lines (rows of W) */
    public int rows() {
        return rows;
    }

    /** @return input lines (columns of W) */
    public int cols() {
        return cols;
    }

    /** @return n_W */
    public int nSlices() {
        return scheme.nSlices();
    }

    /**
     * @param slice j
     * @return the number of programmed (non-zero target) devices of slice j
     */
    public int programmedDevices(int slice) {
        return rowStart[slice][rows];
    }

    /**
     * @param slice j
     * @return how many devices of slice j were asked for more than G_max and programmed at G_max
     *     instead ({@link org.pcmsim.device.TargetRange#CLIPPED}; always 0 when unbounded)
     */
    public int clippedDevices(int slice) {
        return clipped[slice];
    }

    /** @return {@link #clippedDevices(int)} summed over the slices */
    public int clippedDevices() {
        int c = 0;
        for (int v : clipped) {
            c += v;
        }
        return c;
    }

    /**
     * @param slice j
     * @return target conductances of slice j, µS, rows · cols row-major (as programmed, after any clipping)
     */
    public double[] targets(int slice) {
        return dense(slice, target[slice]);
    }

    /**
     * @param slice j
     * @return programmed conductances G_P of slice j, µS, rows · cols row-major
     */
    public double[] programmed(int slice) {
        return dense(slice, programmed[slice]);
    }

    /**
     * @param slice j
     * @return drift exponents ν of slice j, rows · cols row-major (0 for unprogrammed devices)
     */
    public double[] driftExponents(int slice) {
        return dense(slice, nu[slice]);
    }

    /**
     * The 1/f read-noise amplitude Q_s of every device of a slice under the model's normalisation
     * (docs/model.md §2), evaluated exactly from the targets: what a simulator that keeps the
     * devices outside the crossbar (the analog DNN layers) needs to read them with the same law.
     * The crossbar's own reads use these values, except under error correction, where Q_s of each
     * continuous target comes from a table within 2 × 10⁻⁷ relative (docs/model.md §2).
     *
     * @param slice j
     * @return Q_s of slice j, rows · cols row-major (0 for unprogrammed devices)
     */
    public double[] readNoiseAmplitudes(int slice) {
        return DeviceLaws.readNoiseAmplitudes(model, dense(slice, target[slice]));
    }

    /** Scatters one packed per-device quantity of a slice into a dense row-major array. */
    double[] dense(int slice, double[] packed) {
        requireRows(slice);
        double[] out = new double[rows * cols];
        int[] start = rowStart[slice];
        int[] col = column[slice];
        for (int i = 0; i < rows; i++) {
            for (int p = start[i]; p < start[i + 1]; p++) {
                out[i * cols + col[p]] = packed[p];
            }
        }
        return out;
    }

    /**
     * The weights the crossbar holds at time t, read with fresh 1/f noise on every programmed device:
     * W_eff = Σ_j b^j · G_j,read(t) · r / G_max, in integer weight units with the weight's sign
     * (comparable to the programmed integers). This is what an analog DNN layer multiplies by.
     *
     * @param t seconds after programming
     * @param rng the generator of this read
     * @param out receives rows × cols values, row-major
     */
    public void effectiveWeights(double t, UniformRandomProvider rng, double[] out) {
        for (int j = 0; j < nSlices(); j++) {
            requireRows(j);
        }
        double f = model.readNoiseTimeFactor(t);
        NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(Objects.requireNonNull(rng, "rng"));
        double unit = scheme.range() / model.gMax();
        java.util.Arrays.fill(out, 0, rows * cols, 0.0);
        double logT = t > model.t0() ? Math.log(t / model.t0()) : 0.0;
        for (int j = nSlices() - 1; j >= 0; j--) {
            double w = scheme.significance(j) * unit;
            int[] start = rowStart[j];
            int[] col = column[j];
            double[] gp = programmed[j];
            double[] v = nu[j];
            double[] a = amplitude[j];
            for (int i = 0; i < rows; i++) {
                int base = i * cols;
                for (int p = start[i]; p < start[i + 1]; p++) {
                    double d = logT != 0.0 ? Math.exp(-v[p] * logT) : 1.0;
                    out[base + col[p]] += w * d * (gp[p] + a[p] * f * normal.sample());
                }
            }
        }
    }

    /**
     * {@link #effectiveWeights(double, UniformRandomProvider, double[])} into a new array.
     *
     * @param t seconds after programming
     * @param rng the generator of this read
     * @return rows · cols effective weights, row-major, integer weight units
     */
    public double[] effectiveWeights(double t, UniformRandomProvider rng) {
        double[] out = new double[rows * cols];
        effectiveWeights(t, rng, out);
        return out;
    }

    /** Fails if slice j is stored column-major: only {@link ColumnRead} reads such a slice. */
    void requireRows(int slice) {
        if (columnMajor[slice]) {
            throw new IllegalStateException("slice " + slice + " is stored column-major for the engine's reads");
        }
    }
}
