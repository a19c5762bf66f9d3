package org.pcmsim.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0, as written by
 * {@code numpy.save}) holding one 2-D float32 or float64 array, little- or big-endian, in C
 * (row-major) or Fortran (column-major) order. Anything else is rejected with one line naming the
 * file and the problem: a wrong magic string or version, a header that does not parse, another
 * dtype or rank, data shorter or longer than the shape says.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'\\s*,?");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)\\s*,?");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^()]*)\\)\\s*,?");

    private Npy() {
    }

    /**
     * Reads a 2-D float array as a weight matrix named after the file.
     *
     * @param file a {@code .npy} file
     * @return the matrix (rows × cols as in numpy), source the file's name
     * @throws IOException with the message "FILE: problem" if it cannot be read or is not a 2-D
     *                     float32/float64 {@code .npy} array
     */
    public static WeightMatrix read(Path file) throws IOException {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + ")", e);
        }
        try {
            return parse(b).withSource(file.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the bytes of a file; the message of the exception says what is wrong. */
    static WeightMatrix parse(byte[] b) {
        if (b.length < 10 || !java.util.Arrays.equals(java.util.Arrays.copyOf(b, 6), MAGIC)) {
            throw new IllegalArgumentException("not a .npy file (it does not start with \\x93NUMPY)");
        }
        int major = b[6] & 0xff;
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = (b[8] & 0xff) | (b[9] & 0xff) << 8;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (b.length < 12) {
                throw new IllegalArgumentException("truncated header");
            }
            headerLength = ByteBuffer.wrap(b, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            headerStart = 12;
        } else {
            throw new IllegalArgumentException(".npy format version " + major + "." + (b[7] & 0xff)
                    + " is not supported (1.0, 2.0, 3.0 are)");
        }
        if (headerLength < 0 || headerStart + (long) headerLength > b.length) {
            throw new IllegalArgumentException("truncated header: it announces " + headerLength + " bytes, the file has "
                    + (b.length - headerStart));
        }
        String header = new String(b, headerStart, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).trim();
        Matcher descr = DESCR.matcher(header);
        Matcher order = ORDER.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!header.startsWith("{") || !header.endsWith("}") || !descr.find() || !order.find() || !shape.find()) {
            throw new IllegalArgumentException("header does not parse as {'descr': ..., 'fortran_order': ..., "
                    + "'shape': (...)}: " + header);
        }
        String rest = header.substring(1, header.length() - 1).replace(descr.group(), "").replace(order.group(), "")
                .replace(shape.group(), "").trim();
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("header has unexpected content '" + rest + "': " + header);
        }
        String dtype = descr.group(1);
        int itemSize;
        ByteOrder byteOrder;
        switch (dtype) {
            case "<f4" -> { itemSize = 4; byteOrder = ByteOrder.LITTLE_ENDIAN; }
            case ">f4" -> { itemSize = 4; byteOrder = ByteOrder.BIG_ENDIAN; }
            case "<f8" -> { itemSize = 8; byteOrder = ByteOrder.LITTLE_ENDIAN; }
            case ">f8" -> { itemSize = 8; byteOrder = ByteOrder.BIG_ENDIAN; }
            default -> throw new IllegalArgumentException("dtype '" + dtype
                    + "' is not supported (float32 '<f4' or float64 '<f8', either byte order)");
        }
        int[] dims = dimensions(shape.group(1));
        if (dims.length != 2) {
            throw new IllegalArgumentException("a " + dims.length + "-D array of shape (" + shape.group(1).trim()
                    + "), a weight matrix must be 2-D");
        }
        int rows = dims[0];
        int cols = dims[1];
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("shape (" + rows + ", " + cols + ") is empty");
        }
        long expected = (long) rows * cols * itemSize;
        long found = b.length - headerStart - (long) headerLength;
        if (found < expected) {
            throw new IllegalArgumentException("truncated data: a " + rows + "x" + cols + " " + dtype + " array needs "
                    + expected + " bytes, the file has " + found);
        }
        if (found > expected) {
            throw new IllegalArgumentException((found - expected) + " bytes after the data of a " + rows + "x" + cols
                    + " " + dtype + " array");
        }
        ByteBuffer data = ByteBuffer.wrap(b, headerStart + headerLength, (int) expected).order(byteOrder);
        boolean fortran = order.group(1).equals("True");
        double[] w = new double[rows * cols];
        for (int n = 0; n < w.length; n++) {
            double v = itemSize == 4 ? data.getFloat() : data.getDouble();
            // Fortran order stores column after column.
            int at = fortran ? (n % rows) * cols + n / rows : n;
            w[at] = v;
        }
        return WeightMatrix.of(w, rows, cols);
    }

    private static int[] dimensions(String shape) {
        String[] parts = shape.split(",", -1);
        int n = parts.length;
        // "(3, 5)" splits into 2 parts, "(5,)" into "5" and "".
        if (n > 0 && parts[n - 1].isBlank()) {
            n--;
        }
        int[] dims = new int[n];
        for (int i = 0; i < n; i++) {
            try {
                long d = Long.parseLong(parts[i].trim().replace("L", ""));
                if (d > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("dimension " + d + " is too large");
                }
                dims[i] = (int) d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("shape (" + shape.trim() + ") does not parse");
            }
        }
        return dims;
    }
}
