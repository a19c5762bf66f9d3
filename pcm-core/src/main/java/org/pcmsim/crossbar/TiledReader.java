package org.pcmsim.crossbar;

import java.util.Objects;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The analog MVM of a {@link TiledCrossbar}: every tile is read as one crossbar array
 * ({@link CrossbarReader}: per-slice ADCs, the tile's own calibration input), its slices are
 * shifted and added, and the digital periphery adds the partial outputs of the tiles that share
 * output lines, after global drift compensation per tile or per matrix
 * ({@link DriftCompensationScope}). With one tile the outputs are those of the paper's single
 * crossbar (docs/model.md §4.4–4.6) to the bit.
 *
 * <p>Read noise is drawn tile by tile in row-major tile order, and within a tile slice by slice
 * from the most significant, each slice at every requested time. Not thread-safe.
 */
public final class TiledReader {
    private final CrossbarConfig config;
    private final ArrayShape array;
    private final DriftCompensationScope scope;
    private final CrossbarReader reader;
    private double[][] sliceOut = new double[0][];
    private double[][] sliceCal = new double[0][];
    private double[] calLine = new double[0];
    private int[] tileX = new int[0];

    /**
     * @param config the periphery of every array (bit widths, clipping, GDC); its size is replaced by
     *               the array's input lines for the ADC gain
     * @param array the size of one array
     * @param sampling how read noise is drawn
     * @param scope which outputs share a drift calibration
     */
    public TiledReader(CrossbarConfig config, ArrayShape array, ReadNoiseSampling sampling,
                       DriftCompensationScope scope) {
        this.config = Objects.requireNonNull(config, "config");
        this.array = Objects.requireNonNull(array, "array");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.reader = new CrossbarReader(config.size() == array.cols() ? config : config.withSize(array.cols()),
                sampling);
    }

    /** @return the periphery each tile is read with (its size is the array's input lines) */
    public CrossbarConfig tileConfig() {
        return reader.config();
    }

    /**
     * The factor from a digital output to W·X in integer units (weight levels × input levels), the
     * same for every tile: r / (G_max · s_out).
     *
     * @param m the tiled matrix
     * @return the output scale
     */
    public double outputScale(TiledCrossbar m) {
        return reader.outputScale(m.tile(0, 0));
    }

    /**
     * Space for the outputs of {@link #read} of one matrix at a number of times.
     *
     * @param m the tiled matrix
     * @param times how many read times
     * @return an empty readout
     */
    public Readout newReadout(TiledCrossbar m, int times) {
        return new Readout(m, times);
    }

    /**
     * Reads every tile at every time.
     *
     * @param m the tiled matrix, on arrays of this reader's shape
     * @param times read times, s (fastest when increasing with a constant ratio)
     * @param x integer inputs, length m.cols()
     * @param normal the read-noise generator
     * @param out receives, per time and tile, the tile's outputs and calibration sum
     */
    public void read(TiledCrossbar m, double[] times, int[] x, NormalizedGaussianSampler normal, Readout out) {
        read(m, times, x, normal, null, out);
    }

    /**
     * Reads every tile at every time through the chip's periphery (docs/model.md §9, "Wiring"): each
     * tile's inputs are converted by its DACs once per read time, then its slices are read with IR drop
     * and its own ADCs. With {@code chip} null or ideal this is {@link #read(TiledCrossbar, double[], int[],
     * NormalizedGaussianSampler, Readout)} to the bit.
     *
     * @param m the tiled matrix, on arrays of this reader's shape
     * @param times read times, s
     * @param x integer inputs, length m.cols()
     * @param normal the read-noise generator
     * @param chip the chip's periphery, one ADC set per tile (or null: ideal)
     * @param out receives, per time and tile, the tile's outputs and calibration sum
     */
    public void read(TiledCrossbar m, double[] times, int[] x, NormalizedGaussianSampler normal, ChipPeriphery chip,
                     Readout out) {
        ChipPeriphery nonIdeal = chip == null || chip.periphery().isIdeal() ? null : chip;
        if (!m.array().equals(array)) {
            throw new IllegalArgumentException("the matrix is tiled on " + m.array() + " arrays, this reader reads "
                    + array + " arrays");
        }
        if (x.length != m.cols()) {
            throw new IllegalArgumentException("a " + m.rows() + "x" + m.cols() + " matrix needs " + m.cols()
                    + " inputs, got " + x.length);
        }
        if (out.matrix != m || out.y.length != times.length) {
            throw new IllegalArgumentException("readout was made for another matrix or number of times");
        }
        if (sliceOut.length != times.length || (times.length > 0 && sliceOut[0].length < array.rows())) {
            sliceOut = new double[times.length][array.rows()];
            sliceCal = new double[times.length][array.rows()];
        }
        if (calLine.length < array.rows()) {
            calLine = new double[array.rows()];
        }
        for (int a = 0; a < m.tilesDown(); a++) {
            for (int b = 0; b < m.tilesAcross(); b++) {
                int tile = a * m.tilesAcross() + b;
                ProgrammedCrossbar pc = m.tile(a, b);
                int[] xt = tileInputs(m, x, b);
                int rows = pc.rows();
                for (int ti = 0; ti < times.length; ti++) {
                    java.util.Arrays.fill(out.y[ti][tile], 0.0);
                }
                double[][] calSum = new double[times.length][rows];
                if (nonIdeal != null) {
                    CrossbarConfig tc = reader.config();
                    nonIdeal.convertInputs(xt, tc.calibrationInput(), tc.inputMax(), times.length);
                }
                for (int j = pc.nSlices() - 1; j >= 0; j--) {
                    reader.readSlice(pc, j, times, xt, normal, nonIdeal, tile, sliceOut, sliceCal);
                    double sig = pc.scheme().significance(j);
                    for (int ti = 0; ti < times.length; ti++) {
                        double[] y = out.y[ti][tile];
                        double[] s = sliceOut[ti];
                        double[] c = sliceCal[ti];
                        double[] cs = calSum[ti];
                        for (int i = 0; i < rows; i++) {
                            y[i] += sig * s[i];
                            cs[i] += sig * c[i];
                        }
                    }
                }
                for (int ti = 0; ti < times.length; ti++) {
                    out.cal[ti][tile] = reader.calibrationSum(calSum[ti]);
                }
            }
        }
    }

    private int[] tileInputs(TiledCrossbar m, int[] x, int b) {
        if (m.tilesAcross() == 1) {
            return x;
        }
        int tc = m.tileCols(b);
        if (tileX.length != tc) {
            tileX = new int[tc];
        }
        System.arraycopy(x, m.colOffset(b), tileX, 0, tc);
        return tileX;
    }

    /**
     * The digital outputs of the whole matrix at one read time, drift-compensated against
     * reference calibration sums: y_i = Σ_tiles f_tile · y_tile,i with f_tile = c_ref / c(t) per tile
     * or per matrix, 1 without GDC or where a calibration sum is 0 (no programmed device).
     *
     * @param r a readout filled by {@link #read}
     * @param time index of the read time in that readout
     * @param reference per tile, the calibration sums of the reference read (e.g. {@link Readout#calibration}
     *                  at t0)
     * @param y receives m.rows() outputs, in digital units (× {@link #outputScale} gives W·X)
     */
    public void combine(Readout r, int time, double[] reference, double[] y) {
        TiledCrossbar m = r.matrix;
        if (y.length != m.rows()) {
            throw new IllegalArgumentException("a " + m.rows() + "x" + m.cols() + " matrix has " + m.rows()
                    + " outputs, got space for " + y.length);
        }
        double[] c = r.cal[time];
        double matrixFactor = 1.0;
        if (scope == DriftCompensationScope.PER_MATRIX) {
            double sum = 0;
            double ref = 0;
            for (int k = 0; k < c.length; k++) {
                sum += c[k];
                ref += reference[k];
            }
            matrixFactor = factor(ref, sum);
        }
        java.util.Arrays.fill(y, 0.0);
        for (int a = 0; a < m.tilesDown(); a++) {
            int off = m.rowOffset(a);
            for (int b = 0; b < m.tilesAcross(); b++) {
                int tile = a * m.tilesAcross() + b;
                double f = scope == DriftCompensationScope.PER_MATRIX ? matrixFactor : factor(reference[tile], c[tile]);
                double[] yt = r.y[time][tile];
                for (int i = 0; i < yt.length; i++) {
                    y[off + i] += yt[i] * f;
                }
            }
        }
    }

    private double factor(double ref, double c) {
        return config.driftCompensation() && c > 0 && ref > 0 ? ref / c : 1.0;
    }

    /** The outputs of one {@link #read}: per read time and tile, the tile's outputs and calibration sum. */
    public static final class Readout {
        private final TiledCrossbar matrix;
        /** [time][tile][row of the tile]: Σ_j b^j a_j. */
        private final double[][][] y;
        /** [time][tile]: c(t) = Σ_i |Σ_j b^j a_cal,j,i|. */
        private final double[][] cal;

        private Readout(TiledCrossbar m, int times) {
            this.matrix = Objects.requireNonNull(m, "matrix");
            this.y = new double[times][m.tileCount()][];
            this.cal = new double[times][m.tileCount()];
            for (int t = 0; t < times; t++) {
                for (int a = 0; a < m.tilesDown(); a++) {
                    for (int b = 0; b < m.tilesAcross(); b++) {
                        y[t][a * m.tilesAcross() + b] = new double[m.tileRows(a)];
                    }
                }
            }
        }

        /**
         * @param time index of a read time
         * @return per tile, its calibration sum c(t) at that time (a copy; 0 without GDC)
         */
        public double[] calibration(int time) {
            return cal[time].clone();
        }
    }
}
