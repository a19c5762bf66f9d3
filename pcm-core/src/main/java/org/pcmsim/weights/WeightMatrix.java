package org.pcmsim.weights;

import java.util.Objects;
import org.pcmsim.slicing.IntegerQuantizer;

/**
 * A real-valued weight matrix of any shape, rows × cols (y = W·x: rows outputs, cols inputs), in the
 * user's own units, with a name for its source (a distribution's id or a file name). Immutable.
 *
 * <p>Quantised as the paper quantises its Gaussian weights (docs/model.md §1, §4.1), with σ the matrix's
 * root mean square: W = clip(rint(w / σ · scale_w), ±W_max), scale_w = W_max / k, so that the clip
 * sits at k·σ whatever the matrix's units. The RMS rather than the standard deviation because
 * the quantiser is symmetric about 0 (the two agree for zero-mean weights).
 */
public final class WeightMatrix {
    private final int rows;
    private final int cols;
    private final double[] data;
    private final String source;

    private WeightMatrix(double[] data, int rows, int cols, String source) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.source = source;
    }

    static void checkShape(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a weight matrix must be at least 1x1, got " + rows + "x" + cols);
        }
    }

    /**
     * @param rowMajor rows · cols values, row after row (copied)
     * @param rows matrix rows
     * @param cols matrix columns
     * @return the matrix, source {@code matrix}
     * @throws IllegalArgumentException naming the shape if the length differs, or a non-finite entry
     */
    public static WeightMatrix of(double[] rowMajor, int rows, int cols) {
        checkShape(rows, cols);
        if ((long) rows * cols != rowMajor.length) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + (long) rows * cols
                    + " values, got " + rowMajor.length);
        }
        double[] d = rowMajor.clone();
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException("weight (" + i / cols + ", " + i % cols + ") must be finite, got "
                        + d[i]);
            }
        }
        return new WeightMatrix(d, rows, cols, "matrix");
    }

    /**
     * @param w rows of equal length (copied)
     * @return the matrix, source {@code matrix}
     * @throws IllegalArgumentException naming the row whose length differs
     */
    public static WeightMatrix of(double[][] w) {
        if (w.length == 0 || w[0].length == 0) {
            throw new IllegalArgumentException("a weight matrix must be at least 1x1, got " + w.length + "x"
                    + (w.length == 0 ? 0 : w[0].length));
        }
        int cols = w[0].length;
        double[] d = new double[Math.multiplyExact(w.length, cols)];
        for (int i = 0; i < w.length; i++) {
            if (w[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + w[i].length + " columns, row 0 has " + cols);
            }
            System.arraycopy(w[i], 0, d, i * cols, cols);
        }
        return of(d, w.length, cols);
    }

    /**
     * @param name the source's name, e.g. a file name
     * @return this matrix with that name
     */
    public WeightMatrix withSource(String name) {
        return new WeightMatrix(data, rows, cols, Objects.requireNonNull(name, "name"));
    }

    /** @return rows (outputs) */
    public int rows() {
        return rows;
    }

    /** @return columns (inputs) */
    public int cols() {
        return cols;
    }

    /** @return the source's name: a distribution id such as {@code laplace}, a file name, or {@code matrix} */
    public String source() {
        return source;
    }

    /**
     * @param i row
     * @param k column
     * @return w_ik
     */
    public double get(int i, int k) {
        return data[i * cols + k];
    }

    /** @return a row-major copy of the values */
    public double[] toArray() {
        return data.clone();
    }

    /** @return √(mean w²), the σ of the k·σ clip; 0 for an all-zero matrix */
    public double rms() {
        double s = 0;
        for (double v : data) {
            s += v * v;
        }
        return Math.sqrt(s / data.length);
    }

    /**
     * The integer weights, clipped at k·σ (σ = {@link #rms}); all 0 for an all-zero matrix.
     *
     * @param quantizer bits and k
     * @return row-major integers, |W| ≤ 2^(bits−1) − 1
     */
    public int[] quantize(IntegerQuantizer quantizer) {
        int[] out = new int[data.length];
        double sigma = rms();
        if (sigma > 0) {
            quantizer.quantize(data, quantizer.scale(sigma), out);
        }
        return out;
    }

    /**
     * y = W·x in double precision.
     *
     * @param x cols inputs
     * @return rows outputs
     */
    public double[] multiply(double[] x) {
        if (x.length != cols) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + cols + " inputs, got "
                    + x.length);
        }
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int k = 0; k < cols; k++) {
                s += data[i * cols + k] * x[k];
            }
            y[i] = s;
        }
        return y;
    }

    /** @return e.g. {@code 300x64 laplace} */
    @Override
    public String toString() {
        return rows + "x" + cols + " " + source;
    }
}
