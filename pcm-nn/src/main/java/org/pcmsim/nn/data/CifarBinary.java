package org.pcmsim.nn.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * CIFAR-10's standard binary format: a file is a sequence of 3073-byte records, each one label byte
 * (0 … 9) followed by 3072 pixel bytes (R, G, B planes of 32 × 32). The training set is
 * {@code data_batch_1.bin} … {@code data_batch_5.bin}, the test set {@code test_batch.bin}.
 *
 * <p>Reading is strict: an empty file, a file whose length is not a whole number of records, or a
 * label outside 0 … 9 raises a {@link CifarFormatException} naming the file and the byte offset.
 * Nothing is ever downloaded.
 */
public final class CifarBinary {
    /** Bytes per record: 1 label + 3072 pixels. */
    public static final int RECORD_BYTES = 1 + LabeledImages.IMAGE_BYTES;
    /** Training file names, in order. */
    public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    /** Test file name. */
    public static final String TEST_FILE = "test_batch.bin";

    private CifarBinary() {
    }

    /** A file that is not in CIFAR-10's binary format. */
    public static final class CifarFormatException extends IOException {
        private static final long serialVersionUID = 1L;

        /** @param message names the file and byte offset */
        public CifarFormatException(String message) {
            super(message);
        }
    }

    /**
     * Reads one binary file.
     *
     * @param file a CIFAR-10 binary batch
     * @param maxImages read at most this many records (≥ 0); the rest of the file is still checked
     *     for length
     * @return the images
     * @throws CifarFormatException if the file is empty, truncated or holds a bad label
     * @throws IOException if it cannot be read
     */
    public static LabeledImages read(Path file, int maxImages) throws IOException {
        Objects.requireNonNull(file, "file");
        if (maxImages < 0) {
            throw new IllegalArgumentException("maxImages must be >= 0, got " + maxImages);
        }
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "CIFAR-10 binary file not found");
        }
        if (size == 0) {
            throw new CifarFormatException(file + ": empty file at byte offset 0, expected records of "
                    + RECORD_BYTES + " bytes");
        }
        if (size % RECORD_BYTES != 0) {
            long whole = size / RECORD_BYTES;
            throw new CifarFormatException(file + ": truncated record at byte offset " + whole * RECORD_BYTES
                    + " (file has " + size + " bytes, " + (size - whole * RECORD_BYTES)
                    + " past the last whole record; records are " + RECORD_BYTES + " bytes)");
        }
        long records = size / RECORD_BYTES;
        int n = (int) Math.min(records, maxImages);
        byte[] px = new byte[n * LabeledImages.IMAGE_BYTES];
        byte[] lb = new byte[n];
        byte[] rec = new byte[RECORD_BYTES];
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (int i = 0; i < n; i++) {
                long offset = (long) i * RECORD_BYTES;
                int got = in.readNBytes(rec, 0, RECORD_BYTES);
                if (got != RECORD_BYTES) {
                    // The file shrank while we read it.
                    throw new CifarFormatException(file + ": truncated record at byte offset " + (offset + got));
                }
                int label = rec[0] & 0xff;
                if (label >= LabeledImages.CLASSES) {
                    throw new CifarFormatException(file + ": label " + label + " at byte offset " + offset
                            + " is not a class 0..9 (is this a CIFAR-100 or a corrupt file?)");
                }
                lb[i] = (byte) label;
                System.arraycopy(rec, 1, px, i * LabeledImages.IMAGE_BYTES, LabeledImages.IMAGE_BYTES);
            }
        }
        return new LabeledImages(px, lb);
    }

    /**
     * Writes images as one binary file, atomically (a temporary file, then a move).
     *
     * @param file destination
     * @param images the records
     * @throws IOException if it cannot be written
     */
    public static void write(Path file, LabeledImages images) throws IOException {
        if (images.channels() != LabeledImages.CHANNELS || images.side() != LabeledImages.SIDE) {
            throw new IllegalArgumentException("CIFAR-10 records hold 3 x 32 x 32 images, got " + images.channels()
                    + " x " + images.side() + " x " + images.side());
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            for (int i = 0; i < images.count(); i++) {
                out.write(images.labels()[i]);
                out.write(images.pixels(), i * LabeledImages.IMAGE_BYTES, LabeledImages.IMAGE_BYTES);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads the training files present in a folder ({@code data_batch_1.bin} must exist; later
     * batches are read while they exist and more images are wanted).
     *
     * @param dir the CIFAR-10 binary folder
     * @param maxImages at most this many images
     * @return the training images
     * @throws IOException naming the missing or malformed file
     */
    public static LabeledImages readTrain(Path dir, int maxImages) throws IOException {
        List<LabeledImages> parts = new ArrayList<>();
        int left = maxImages;
        for (String name : TRAIN_FILES) {
            Path f = dir.resolve(name);
            if (left <= 0) {
                break;
            }
            if (!Files.exists(f)) {
                if (parts.isEmpty()) {
                    throw new NoSuchFileException(f.toString(), null,
                            "CIFAR-10 training file not found; expected data_batch_1.bin ... data_batch_5.bin and "
                                    + TEST_FILE + " (the binary version) in " + dir);
                }
                break;
            }
            LabeledImages part = read(f, left);
            parts.add(part);
            left -= part.count();
        }
        return LabeledImages.concat(parts);
    }

    /**
     * @param dir the CIFAR-10 binary folder
     * @param maxImages at most this many images
     * @return the test images
     * @throws IOException naming the missing or malformed file
     */
    public static LabeledImages readTest(Path dir, int maxImages) throws IOException {
        Path f = dir.resolve(TEST_FILE);
        if (!Files.exists(f)) {
            throw new NoSuchFileException(f.toString(), null, "CIFAR-10 test file not found in " + dir);
        }
        return read(f, maxImages);
    }
}
