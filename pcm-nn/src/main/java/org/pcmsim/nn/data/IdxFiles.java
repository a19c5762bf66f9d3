package org.pcmsim.nn.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST (LeCun et al.; Xiao, Rasul and Vollgraf 2017), plain or
 * gzip-compressed (recognised by its first two bytes, 0x1f 0x8b, whatever the file name). A file
 * is a big-endian header, then one unsigned byte per value:
 *
 * <ul>
 *   <li>images: magic 0x00000803 (unsigned bytes, 3 dimensions), image count, rows, columns, then
 *       count × rows × columns pixel bytes, row-major;</li>
 *   <li>labels: magic 0x00000801 (unsigned bytes, 1 dimension), count, then count label bytes.</li>
 * </ul>
 *
 * <p>Reading is strict: a wrong magic number, a truncated file, bytes after the data, a label ≥ 10,
 * non-square images, or an images file and a labels file of different counts raise an
 * {@link IdxFormatException} naming the file and the byte offset. Offsets are those of the
 * decompressed data for a gzip file (the message says so). Nothing is ever downloaded.
 */
public final class IdxFiles {
    /** Magic number of an unsigned-byte, 3-dimensional IDX file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte, 1-dimensional IDX file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;

    private IdxFiles() {
    }

    /** A file that is not a well-formed IDX file of the expected kind. */
    public static final class IdxFormatException extends IOException {
        private static final long serialVersionUID = 1L;

        /** @param message names the file and the byte offset */
        public IdxFormatException(String message) {
            super(message);
        }
    }

    /** The decompressed bytes of a file and how to describe an offset in them. */
    private record Content(Path file, byte[] bytes, boolean gzip) {
        String at(long offset) {
            return file + ": " + (gzip ? "at byte offset " + offset + " of the decompressed data"
                    : "at byte offset " + offset);
        }

        int intAt(int offset, String what) throws IdxFormatException {
            if (bytes.length < offset + 4) {
                throw new IdxFormatException(at(bytes.length) + ": truncated header, the file ends before the "
                        + what + " (a 4-byte big-endian integer at offset " + offset + ")");
            }
            return ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16)
                    | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
        }
    }

    private static Content load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "IDX file not found");
        }
        boolean gzip;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            gzip = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
            return new Content(file, in.readAllBytes(), gzip);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IdxFormatException(file + ": corrupt or truncated gzip data (" + e.getMessage() + ")");
        }
    }

    private static void checkMagic(Content c, int expected, String kind) throws IdxFormatException {
        int magic = c.intAt(0, "magic number");
        if (magic != expected) {
            throw new IdxFormatException(c.at(0) + ": magic number 0x" + String.format("%08x", magic) + ", expected 0x"
                    + String.format("%08x", expected) + " (" + kind + ")");
        }
    }

    private static void checkLength(Content c, int header, long expected, String what) throws IdxFormatException {
        long have = c.bytes.length - (long) header;
        if (have < expected) {
            throw new IdxFormatException(c.at(c.bytes.length) + ": truncated " + what + ", the header announces "
                    + expected + " data bytes after the " + header + "-byte header but the file holds " + have);
        }
        if (have > expected) {
            throw new IdxFormatException(c.at(header + expected) + ": " + (have - expected)
                    + " unexpected bytes after the " + expected + " data bytes the header announces");
        }
    }

    /**
     * Pixels of an IDX images file.
     *
     * @param count images
     * @param side rows = columns
     * @param pixels count × side × side bytes, unsigned, row-major
     */
    private record Images(int count, int side, byte[] pixels) {
    }

    private static Images readImages(Path file) throws IOException {
        Content c = load(file);
        checkMagic(c, IMAGES_MAGIC, "IDX images: unsigned bytes, 3 dimensions");
        int count = c.intAt(4, "image count");
        int rows = c.intAt(8, "row count");
        int cols = c.intAt(12, "column count");
        if (count < 0 || rows < 1 || cols < 1) {
            throw new IdxFormatException(c.at(4) + ": header announces " + count + " images of " + rows + " x " + cols
                    + " pixels");
        }
        if (rows != cols) {
            throw new IdxFormatException(c.at(8) + ": images of " + rows + " x " + cols
                    + " pixels are not square, which this reader needs");
        }
        long bytes = (long) count * rows * cols;
        checkLength(c, IMAGES_HEADER, bytes, "pixel data");
        byte[] px = java.util.Arrays.copyOfRange(c.bytes, IMAGES_HEADER, IMAGES_HEADER + (int) bytes);
        return new Images(count, rows, px);
    }

    private static byte[] readLabels(Path file) throws IOException {
        Content c = load(file);
        checkMagic(c, LABELS_MAGIC, "IDX labels: unsigned bytes, 1 dimension");
        int count = c.intAt(4, "label count");
        if (count < 0) {
            throw new IdxFormatException(c.at(4) + ": header announces " + count + " labels");
        }
        checkLength(c, LABELS_HEADER, count, "label data");
        for (int i = 0; i < count; i++) {
            int label = c.bytes[LABELS_HEADER + i] & 0xff;
            if (label >= LabeledImages.CLASSES) {
                throw new IdxFormatException(c.at(LABELS_HEADER + i) + ": label " + label
                        + " is not a class 0..9");
            }
        }
        return java.util.Arrays.copyOfRange(c.bytes, LABELS_HEADER, LABELS_HEADER + count);
    }

    /**
     * Reads an images file and its labels file as one grayscale image set. Both files are read and
     * checked whole; only the first {@code maxImages} images are kept.
     *
     * @param imagesFile IDX images (magic 0x00000803), plain or gzip
     * @param labelsFile IDX labels (magic 0x00000801), plain or gzip
     * @param maxImages keep at most this many, ≥ 0
     * @return the images, 1 channel of side = rows
     * @throws IdxFormatException naming the file and the byte offset of what is malformed, or both
     *     files if their counts differ
     * @throws IOException if a file cannot be read
     */
    public static LabeledImages read(Path imagesFile, Path labelsFile, int maxImages) throws IOException {
        if (maxImages < 0) {
            throw new IllegalArgumentException("maxImages must be >= 0, got " + maxImages);
        }
        Images img = readImages(imagesFile);
        byte[] labels = readLabels(labelsFile);
        if (labels.length != img.count()) {
            throw new IdxFormatException(imagesFile + " holds " + img.count() + " images (count at byte offset 4) but "
                    + labelsFile + " holds " + labels.length + " labels (count at byte offset 4)");
        }
        int n = Math.min(img.count(), maxImages);
        int per = img.side() * img.side();
        byte[] px = n == img.count() ? img.pixels() : java.util.Arrays.copyOf(img.pixels(), n * per);
        byte[] lb = n == labels.length ? labels : java.util.Arrays.copyOf(labels, n);
        return new LabeledImages(px, lb, 1, img.side());
    }
}
