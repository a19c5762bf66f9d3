package org.pcmsim.crossbar;

/**
 * The size of one physical crossbar array: its output lines (rows of W, y = W·x) × input lines
 * (columns of W). A matrix larger than one array is tiled over several ({@link TiledCrossbar}).
 * The paper's array is 128 × 128; rectangular arrays are allowed. The ADC gain of every tile
 * assumes a full column of {@link #cols} inputs (docs/model.md §4.4, the √N of s_out), whatever part
 * of the tile a matrix uses: the periphery is fixed in hardware.
 *
 * @param rows output lines per array, ≥ 1
 * @param cols input lines per array, ≥ 1
 */
public record ArrayShape(int rows, int cols) {

    /** Validates; the message names the shape. */
    public ArrayShape {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("array shape must be at least 1x1, got " + rows + "x" + cols);
        }
    }

    /**
     * @param n rows = columns
     * @return an n × n array
     */
    public static ArrayShape square(int n) {
        return new ArrayShape(n, n);
    }

    /**
     * @param config a crossbar periphery
     * @return its square N × N array
     */
    public static ArrayShape of(CrossbarConfig config) {
        return square(config.size());
    }

    /**
     * @param text {@code ROWSxCOLS} (e.g. {@code 128x128}) or a single size {@code N}
     * @return the shape
     * @throws IllegalArgumentException naming the text if it does not parse
     */
    public static ArrayShape parse(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x", -1);
        try {
            if (parts.length == 1) {
                return square(Integer.parseInt(parts[0]));
            }
            if (parts.length == 2) {
                return new ArrayShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("array shape must be ROWSxCOLS such as 128x128, got '" + text + "'");
    }

    /**
     * @param matrixRows rows of a matrix
     * @return tiles along the rows, ⌈matrixRows / rows⌉
     */
    public int tilesDown(int matrixRows) {
        return (matrixRows + rows - 1) / rows;
    }

    /**
     * @param matrixCols columns of a matrix
     * @return tiles along the columns, ⌈matrixCols / cols⌉
     */
    public int tilesAcross(int matrixCols) {
        return (matrixCols + cols - 1) / cols;
    }

    /** @return {@code ROWSxCOLS}, e.g. {@code 128x128} (the CSV's {@code array} column) */
    @Override
    public String toString() {
        return rows + "x" + cols;
    }
}
