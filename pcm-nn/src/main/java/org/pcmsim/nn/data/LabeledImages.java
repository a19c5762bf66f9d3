package org.pcmsim.nn.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A set of 32×32 RGB images with class labels, stored as in CIFAR-10's binary files: per image
 * 3072 unsigned pixel bytes, channel-major (the R plane, then G, then B, each 32 rows of 32).
 *
 * @param pixels {@code count × 3072} bytes, read as unsigned 0 … 255
 * @param labels {@code count} class indices 0 … 9
 */
public record LabeledImages(byte[] pixels, byte[] labels) {
    /** Image side, pixels. */
    public static final int SIDE = 32;
    /** Colour channels. */
    public static final int CHANNELS = 3;
    /** Bytes of pixels per image: 3 × 32 × 32. */
    public static final int IMAGE_BYTES = CHANNELS * SIDE * SIDE;
    /** Number of classes. */
    public static final int CLASSES = 10;

    /** Checks that pixels and labels agree in count and that every label is a class. */
    public LabeledImages {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (pixels.length != labels.length * IMAGE_BYTES) {
            throw new IllegalArgumentException("pixels must hold " + labels.length + " x " + IMAGE_BYTES
                    + " bytes, got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= CLASSES) {
                throw new IllegalArgumentException("label " + i + " must be in 0..9, got " + labels[i]);
            }
        }
    }

    /** @return number of images */
    public int count() {
        return labels.length;
    }

    /**
     * @param image index
     * @return the class of that image
     */
    public int label(int image) {
        return labels[image];
    }

    /**
     * @param image index
     * @param channel 0 = R, 1 = G, 2 = B
     * @param row 0 … 31
     * @param col 0 … 31
     * @return the pixel value 0 … 255
     */
    public int pixel(int image, int channel, int row, int col) {
        return pixels[image * IMAGE_BYTES + (channel * SIDE + row) * SIDE + col] & 0xff;
    }

    /**
     * @param n images to keep, ≥ 0
     * @return the first n images (all of them if there are fewer)
     */
    public LabeledImages first(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (n >= count()) {
            return this;
        }
        return new LabeledImages(Arrays.copyOf(pixels, n * IMAGE_BYTES), Arrays.copyOf(labels, n));
    }

    /**
     * @param parts image sets
     * @return their concatenation, in order
     */
    public static LabeledImages concat(java.util.List<LabeledImages> parts) {
        int n = 0;
        for (LabeledImages p : parts) {
            n += p.count();
        }
        byte[] px = new byte[n * IMAGE_BYTES];
        byte[] lb = new byte[n];
        int at = 0;
        for (LabeledImages p : parts) {
            System.arraycopy(p.pixels, 0, px, at * IMAGE_BYTES, p.pixels.length);
            System.arraycopy(p.labels, 0, lb, at, p.count());
            at += p.count();
        }
        return new LabeledImages(px, lb);
    }
}
