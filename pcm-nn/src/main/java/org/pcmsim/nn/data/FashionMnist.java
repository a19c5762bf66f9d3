package org.pcmsim.nn.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Zalando's Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 60 000 training and 10 000 test
 * grayscale images of 28 × 28 pixels in ten clothing classes, 6 000 and 1 000 per class, as the
 * four original IDX files ({@link IdxFiles}), gzip-compressed (as Debian's
 * {@code dataset-fashion-mnist} installs them in {@value #DEBIAN_DIR}) or not. Nothing is
 * downloaded.
 */
public final class FashionMnist {
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";
    /** Training images. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    /** Training labels. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    /** Test images. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    /** Test labels. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** The four files, without the optional {@code .gz}. */
    public static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    /** Image side, pixels. */
    public static final int SIDE = 28;
    /** How to get the data, for error messages. */
    public static final String HOW_TO_GET = "install it with 'apt-get install dataset-fashion-mnist' (into "
            + DEBIAN_DIR + "), or give --data-dir a folder holding train-images-idx3-ubyte.gz, "
            + "train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz "
            + "(gzip or not)";

    private FashionMnist() {
    }

    /**
     * @param dir a folder
     * @param name one of {@link #FILES}
     * @return {@code name.gz} if it exists, else {@code name} if it exists, else null
     */
    public static Path find(Path dir, String name) {
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = dir.resolve(name);
        return Files.isRegularFile(plain) ? plain : null;
    }

    /**
     * @param dir a folder
     * @return the files of {@link #FILES} missing from it (in neither form)
     */
    public static List<String> missing(Path dir) {
        List<String> out = new ArrayList<>();
        for (String f : FILES) {
            if (find(dir, f) == null) {
                out.add(f + ".gz");
            }
        }
        return out;
    }

    private static Path require(Path dir, String name) throws NoSuchFileException {
        Path f = find(dir, name);
        if (f == null) {
            throw new NoSuchFileException(dir.resolve(name + ".gz").toString(), null,
                    "Fashion-MNIST file not found (nor " + name + "); " + HOW_TO_GET);
        }
        return f;
    }

    /**
     * @param dir the folder of the four files
     * @param maxImages keep at most this many
     * @return the first training images (1 × 28 × 28)
     * @throws IOException naming the missing or malformed file
     */
    public static LabeledImages readTrain(Path dir, int maxImages) throws IOException {
        return IdxFiles.read(require(dir, TRAIN_IMAGES), require(dir, TRAIN_LABELS), maxImages);
    }

    /**
     * @param dir the folder of the four files
     * @param maxImages keep at most this many
     * @return the first test images (1 × 28 × 28)
     * @throws IOException naming the missing or malformed file
     */
    public static LabeledImages readTest(Path dir, int maxImages) throws IOException {
        return IdxFiles.read(require(dir, TEST_IMAGES), require(dir, TEST_LABELS), maxImages);
    }
}
