package org.pcmsim.crossbar;

import java.util.Objects;
import java.util.function.IntFunction;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A signed integer matrix of any shape R × C (y = W·x) programmed on a grid of crossbar arrays of
 * a fixed {@link ArrayShape}: tile (a, b) holds rows a·rows … and columns b·cols … of W, the tiles
 * of the last tile row and column hold what is left (a 300 × 64 matrix on 128 × 128 arrays is three
 * tiles of 128, 128 and 44 rows). Each tile is a {@link ProgrammedCrossbar} of its own, with its own
 * per-slice ADCs; {@link TiledReader} reads them and adds their partial outputs in the digital
 * periphery. A matrix that fits one array is one tile, programmed and read exactly as a
 * {@link ProgrammedCrossbar} of the same matrix (same draws, same numbers to the bit).
 *
 * <p>Tiles are programmed one after the other in row-major tile order. Not thread-safe.
 */
public final class TiledCrossbar {
    private final ArrayShape array;
    private final int rows;
    private final int cols;
    private final int down;
    private final int across;
    private final ProgrammedCrossbar[] tiles;
    /** Buffers for one tile's weights and normals, reused. */
    private int[] tileWeights;
    private double[] tileNormals;

    private TiledCrossbar(CrossbarProgrammer programmer, ArrayShape array, int rows, int cols) {
        this.array = Objects.requireNonNull(array, "array");
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("matrix shape must be at least 1x1, got " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.down = array.tilesDown(rows);
        this.across = array.tilesAcross(cols);
        this.tiles = new ProgrammedCrossbar[down * across];
        for (int a = 0; a < down; a++) {
            for (int b = 0; b < across; b++) {
                tiles[a * across + b] = programmer.allocate(tileRows(a), tileCols(b));
            }
        }
    }

    /**
     * An unprogrammed tiled matrix, for {@link #programInto} to fill.
     *
     * @param programmer the slicing scheme and device model of every tile
     * @param array the size of one array
     * @param rows matrix rows (outputs)
     * @param cols matrix columns (inputs)
     * @return the empty matrix
     */
    public static TiledCrossbar allocate(CrossbarProgrammer programmer, ArrayShape array, int rows, int cols) {
        return new TiledCrossbar(Objects.requireNonNull(programmer, "programmer"), array, rows, cols);
    }

    /**
     * Programs a matrix, drawing every tile's programming noise from one generator, tile after tile.
     * With one tile this is {@link CrossbarProgrammer#program(int[], int, int, UniformRandomProvider)}.
     *
     * @param programmer the slicing scheme and device model
     * @param array the size of one array
     * @param weights signed integers, row-major rows × cols
     * @param rows matrix rows (outputs)
     * @param cols matrix columns (inputs)
     * @param rng the generator of this programming event
     * @return the programmed matrix
     */
    public static TiledCrossbar program(CrossbarProgrammer programmer, ArrayShape array, int[] weights, int rows,
                                        int cols, UniformRandomProvider rng) {
        TiledCrossbar m = allocate(programmer, array, rows, cols);
        m.checkLength(weights);
        Objects.requireNonNull(rng, "rng");
        for (int a = 0; a < m.down; a++) {
            for (int b = 0; b < m.across; b++) {
                programmer.programInto(m.tile(a, b), m.tileWeights(weights, a, b), rng);
            }
        }
        return m;
    }

    /**
     * Programs a matrix again into this one's tiles (reusing their buffers), drawing every tile's
     * programming noise from one generator, tile after tile, as {@link #program} does.
     *
     * @param programmer the slicing scheme and device model of every tile
     * @param weights signed integers, row-major rows × cols
     * @param rng the generator of this programming event
     */
    public void programInto(CrossbarProgrammer programmer, int[] weights, UniformRandomProvider rng) {
        checkLength(weights);
        Objects.requireNonNull(rng, "rng");
        for (int a = 0; a < down; a++) {
            for (int b = 0; b < across; b++) {
                programmer.programInto(tile(a, b), tileWeights(weights, a, b), rng);
            }
        }
    }

    /**
     * The weights the tiles hold at time t, read with fresh 1/f noise, tile after tile
     * ({@link ProgrammedCrossbar#effectiveWeights(double, UniformRandomProvider, double[])}): integer
     * weight units, row-major over the whole matrix. With one tile, exactly that method's numbers.
     *
     * @param t seconds after programming
     * @param rng the generator of this read
     * @param out receives rows × cols values, row-major
     */
    public void effectiveWeights(double t, UniformRandomProvider rng, double[] out) {
        if (out.length < rows * cols) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs room for " + rows * cols
                    + " weights, got " + out.length);
        }
        if (tiles.length == 1) {
            tiles[0].effectiveWeights(t, rng, out);
            return;
        }
        double[] buf = new double[array.rows() * array.cols()];
        for (int a = 0; a < down; a++) {
            for (int b = 0; b < across; b++) {
                int tr = tileRows(a);
                int tc = tileCols(b);
                tile(a, b).effectiveWeights(t, rng, buf);
                for (int i = 0; i < tr; i++) {
                    System.arraycopy(buf, i * tc, out, (rowOffset(a) + i) * cols + colOffset(b), tc);
                }
            }
        }
    }

    /**
     * Programs a matrix with the programming normals supplied for the whole matrix rather than drawn
     * (common random numbers: configurations given the same normals are correlated, each chip has the
     * distribution of {@link #programInto(CrossbarProgrammer, int[], UniformRandomProvider)}): every
     * tile uses the normals of its own weight positions, so the chip does
     * not depend on the array size's order of programming.
     *
     * @param programmer the slicing scheme and device model of every tile
     * @param weights signed integers, row-major rows × cols
     * @param normals for slice j, at least 2·rows·cols standard normals: ξ_P of weight i (row-major over
     *                the whole matrix) at 2i, ξ_ν at 2i + 1
     */
    public void programInto(CrossbarProgrammer programmer, int[] weights, IntFunction<double[]> normals) {
        checkLength(weights);
        Objects.requireNonNull(normals, "normals");
        if (tiles.length == 1) {
            programmer.programInto(tiles[0], weights, normals, null);
            return;
        }
        for (int a = 0; a < down; a++) {
            for (int b = 0; b < across; b++) {
                int fa = a;
                int fb = b;
                programmer.programInto(tile(a, b), tileWeights(weights, a, b), j -> tileNormals(normals.apply(j), fa, fb),
                        null);
            }
        }
    }

    private void checkLength(int[] weights) {
        if (weights.length != rows * cols) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + rows * cols
                    + " weights, got " + weights.length);
        }
    }

    /** The weights of tile (a, b), row-major; the matrix itself when it is one tile. */
    private int[] tileWeights(int[] weights, int a, int b) {
        if (tiles.length == 1) {
            return weights;
        }
        int tr = tileRows(a);
        int tc = tileCols(b);
        if (tileWeights == null || tileWeights.length != tr * tc) {
            tileWeights = new int[tr * tc];
        }
        for (int i = 0; i < tr; i++) {
            System.arraycopy(weights, (rowOffset(a) + i) * cols + colOffset(b), tileWeights, i * tc, tc);
        }
        return tileWeights;
    }

    private double[] tileNormals(double[] xi, int a, int b) {
        if (xi.length < 2 * rows * cols) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + 2 * rows * cols
                    + " normals per slice, got " + xi.length);
        }
        int tr = tileRows(a);
        int tc = tileCols(b);
        if (tileNormals == null || tileNormals.length != 2 * tr * tc) {
            tileNormals = new double[2 * tr * tc];
        }
        for (int i = 0; i < tr; i++) {
            System.arraycopy(xi, 2 * ((rowOffset(a) + i) * cols + colOffset(b)), tileNormals, 2 * i * tc, 2 * tc);
        }
        return tileNormals;
    }

    /** @return the size of one array */
    public ArrayShape array() {
        return array;
    }

    /** @return matrix rows (outputs) */
    public int rows() {
        return rows;
    }

    /** @return matrix columns (inputs) */
    public int cols() {
        return cols;
    }

    /** @return tiles along the rows */
    public int tilesDown() {
        return down;
    }

    /** @return tiles along the columns */
    public int tilesAcross() {
        return across;
    }

    /** @return the number of tiles (arrays) the matrix occupies */
    public int tileCount() {
        return tiles.length;
    }

    /**
     * @param a tile row, 0 … tilesDown − 1
     * @param b tile column, 0 … tilesAcross − 1
     * @return that tile
     */
    public ProgrammedCrossbar tile(int a, int b) {
        return tiles[a * across + b];
    }

    /**
     * @param a tile row
     * @return the first matrix row it holds
     */
    public int rowOffset(int a) {
        return a * array.rows();
    }

    /**
     * @param b tile column
     * @return the first matrix column it holds
     */
    public int colOffset(int b) {
        return b * array.cols();
    }

    /**
     * @param a tile row
     * @return the matrix rows it holds
     */
    public int tileRows(int a) {
        return Math.min(array.rows(), rows - a * array.rows());
    }

    /**
     * @param b tile column
     * @return the matrix columns it holds
     */
    public int tileCols(int b) {
        return Math.min(array.cols(), cols - b * array.cols());
    }

    /** @return the number of programmed (non-zero target) devices over every tile and slice */
    public long programmedDevices() {
        long count = 0;
        for (ProgrammedCrossbar t : tiles) {
            for (int j = 0; j < t.nSlices(); j++) {
                count += t.programmedDevices(j);
            }
        }
        return count;
    }
}
