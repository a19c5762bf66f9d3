package org.pcmsim.nn.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A set of square images with class labels 0 … 9, stored channel-major as in CIFAR-10's binary
 * files: per image {@code channels × side × side} unsigned pixel bytes (plane 0, then plane 1, …,
 * each {@code side} rows of {@code side}). CIFAR-10 is 3 × 32 × 32 (R, G, B planes); Fashion-MNIST
 * is 1 × 28 × 28.
 *
 * @param pixels {@code count × channels × side × side} bytes, read as unsigned 0 … 255
 * @param labels {@code count} class indices 0 … 9
 * @param channels colour planes per image, ≥ 1
 * @param side image height = width, pixels, ≥ 1
 */
public record LabeledImages(byte[] pixels, byte[] labels, int channels, int side) {
    /** CIFAR-10's image side, pixels. */
    public static final int SIDE = 32;
    /** CIFAR-10's colour channels. */
    public static final int CHANNELS = 3;
    /** Bytes of pixels per CIFAR-10 image: 3 × 32 × 32. */
    public static final int IMAGE_BYTES = CHANNELS * SIDE * SIDE;
    /** Number of classes. */
    public static final int CLASSES = 10;

    /** Checks the shape, that pixels and labels agree in count and that every label is a class. */
    public LabeledImages {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (channels < 1 || side < 1) {
            throw new IllegalArgumentException("channels and side must be >= 1, got " + channels + " and " + side);
        }
        long per = (long) channels * side * side;
        if (pixels.length != labels.length * per) {
            throw new IllegalArgumentException("pixels must hold " + labels.length + " x " + per
                    + " bytes, got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= CLASSES) {
                throw new IllegalArgumentException("label " + i + " must be in 0..9, got " + labels[i]);
            }
        }
    }

    /**
     * CIFAR-shaped images (3 × 32 × 32).
     *
     * @param pixels {@code count × 3072} bytes
     * @param labels {@code count} classes
     */
    public LabeledImages(byte[] pixels, byte[] labels) {
        this(pixels, labels, CHANNELS, SIDE);
    }

    /** @return number of images */
    public int count() {
        return labels.length;
    }

    /** @return pixel bytes per image, channels × side² */
    public int imageBytes() {
        return channels * side * side;
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
     * @param channel plane (0 = R, 1 = G, 2 = B for CIFAR-10; 0 for grayscale)
     * @param row 0 … side − 1
     * @param col 0 … side − 1
     * @return the pixel value 0 … 255
     */
    public int pixel(int image, int channel, int row, int col) {
        return pixels[image * imageBytes() + (channel * side + row) * side + col] & 0xff;
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
        return new LabeledImages(Arrays.copyOf(pixels, n * imageBytes()), Arrays.copyOf(labels, n), channels, side);
    }

    /**
     * @param parts image sets of one shape (at least one)
     * @return their concatenation, in order
     */
    public static LabeledImages concat(java.util.List<LabeledImages> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        int channels = parts.get(0).channels;
        int side = parts.get(0).side;
        int n = 0;
        for (LabeledImages p : parts) {
            if (p.channels != channels || p.side != side) {
                throw new IllegalArgumentException("images of shapes " + channels + "x" + side + "x" + side + " and "
                        + p.channels + "x" + p.side + "x" + p.side + " cannot be concatenated");
            }
            n += p.count();
        }
        int per = channels * side * side;
        byte[] px = new byte[n * per];
        byte[] lb = new byte[n];
        int at = 0;
        for (LabeledImages p : parts) {
            System.arraycopy(p.pixels, 0, px, at * per, p.pixels.length);
            System.arraycopy(p.labels, 0, lb, at, p.count());
            at += p.count();
        }
        return new LabeledImages(px, lb, channels, side);
    }
}
