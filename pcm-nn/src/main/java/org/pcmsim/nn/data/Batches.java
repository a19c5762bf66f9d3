package org.pcmsim.nn.data;

import java.io.Serializable;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns images into network inputs: per-channel normalisation ((x/255 − mean_c) / std_c), NCHW
 * float tensors, one-hot labels, and the training augmentation ({@link Augmentation}: random crop
 * of the image padded on each side, then a random horizontal flip; CIFAR-10's standard is a pad of
 * 4). The pad value is 0 after normalisation, i.e. the channel mean.
 */
public final class Batches {
    private Batches() {
    }

    /**
     * Training augmentation: a random crop of the image padded by {@code pad} pixels on each side
     * (a shift of −pad … pad in each direction, uniform), then a horizontal flip with probability ½
     * when {@code flip}.
     *
     * @param pad padding, pixels, ≥ 0 (4 for CIFAR-10's 32 × 32)
     * @param flip random horizontal flips
     */
    public record Augmentation(int pad, boolean flip) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** CIFAR-10's standard: pad 4, flip (He et al. 2016). */
        public static final Augmentation CIFAR = new Augmentation(4, true);

        /** Checks the padding. */
        public Augmentation {
            if (pad < 0) {
                throw new IllegalArgumentException("pad must be >= 0, got " + pad);
            }
        }
    }

    /**
     * Per-channel statistics of pixel values scaled to 0 … 1.
     *
     * @param mean per channel
     * @param std per channel, &gt; 0
     */
    public record Normalization(double[] mean, double[] std) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Checks one mean and deviation per channel (at least one) and positive deviations. */
        public Normalization {
            if (mean.length < 1 || mean.length != std.length) {
                throw new IllegalArgumentException("need one mean and one std per channel, got " + mean.length
                        + " and " + std.length);
            }
            for (int c = 0; c < mean.length; c++) {
                if (!(std[c] > 0) || !Double.isFinite(mean[c])) {
                    throw new IllegalArgumentException("channel " + c + ": need finite mean and std > 0, got mean "
                            + mean[c] + ", std " + std[c]);
                }
            }
            mean = mean.clone();
            std = std.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Normalization n && java.util.Arrays.equals(n.mean, mean)
                    && java.util.Arrays.equals(n.std, std);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(mean) * 31 + java.util.Arrays.hashCode(std);
        }

        @Override
        public String toString() {
            return "Normalization[mean=" + java.util.Arrays.toString(mean) + ", std=" + java.util.Arrays.toString(std) + "]";
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] std() {
            return std.clone();
        }

        /**
         * @param images training images (at least one)
         * @return their per-channel mean and standard deviation
         */
        public static Normalization of(LabeledImages images) {
            if (images.count() == 0) {
                throw new IllegalArgumentException("cannot normalise an empty image set");
            }
            int channels = images.channels();
            int plane = images.side() * images.side();
            double[] s = new double[channels];
            double[] s2 = new double[channels];
            byte[] px = images.pixels();
            for (int i = 0; i < images.count(); i++) {
                for (int c = 0; c < channels; c++) {
                    int base = i * images.imageBytes() + c * plane;
                    for (int p = 0; p < plane; p++) {
                        double v = (px[base + p] & 0xff) / 255.0;
                        s[c] += v;
                        s2[c] += v * v;
                    }
                }
            }
            double n = images.count() * (double) plane;
            double[] m = new double[channels];
            double[] sd = new double[channels];
            for (int c = 0; c < channels; c++) {
                m[c] = s[c] / n;
                sd[c] = Math.sqrt(Math.max(s2[c] / n - m[c] * m[c], 1e-12));
            }
            return new Normalization(m, sd);
        }
    }

    /**
     * Builds one minibatch with CIFAR-10's augmentation ({@link Augmentation#CIFAR}) when a
     * generator is given.
     *
     * @param images source
     * @param index image indices of the batch
     * @param norm normalisation
     * @param augment random generator for crop and flip, or null for none (evaluation)
     * @return features [n, channels, side, side] and one-hot labels [n, 10]
     */
    public static DataSet batch(LabeledImages images, int[] index, Normalization norm, UniformRandomProvider augment) {
        return batch(images, index, norm, Augmentation.CIFAR, augment);
    }

    /**
     * Builds one minibatch.
     *
     * @param images source
     * @param index image indices of the batch
     * @param norm normalisation, one channel per image plane
     * @param augmentation crop padding and flips, applied only when {@code augment} is given
     * @param augment random generator for crop and flip, or null for none (evaluation)
     * @return features [n, channels, side, side] and one-hot labels [n, 10]
     */
    public static DataSet batch(LabeledImages images, int[] index, Normalization norm, Augmentation augmentation,
                                UniformRandomProvider augment) {
        Objects.requireNonNull(norm, "norm");
        Objects.requireNonNull(augmentation, "augmentation");
        int channels = images.channels();
        int side = images.side();
        int plane = side * side;
        int per = images.imageBytes();
        if (norm.mean.length != channels) {
            throw new IllegalArgumentException("normalisation has " + norm.mean.length + " channels, images have "
                    + channels);
        }
        int pad = augmentation.pad();
        int n = index.length;
        float[] f = new float[n * per];
        float[] l = new float[n * LabeledImages.CLASSES];
        byte[] px = images.pixels();
        double[] mean = norm.mean();
        double[] std = norm.std();
        for (int b = 0; b < n; b++) {
            int img = index[b];
            int dx = 0;
            int dy = 0;
            boolean flip = false;
            if (augment != null) {
                dx = augment.nextInt(2 * pad + 1) - pad;
                dy = augment.nextInt(2 * pad + 1) - pad;
                flip = augmentation.flip() && augment.nextBoolean();
            }
            for (int c = 0; c < channels; c++) {
                float m = (float) mean[c];
                float inv = (float) (1 / std[c]);
                int src = img * per + c * plane;
                int dst = b * per + c * plane;
                for (int r = 0; r < side; r++) {
                    int sr = r + dy;
                    for (int col = 0; col < side; col++) {
                        int sc = (flip ? side - 1 - col : col) + dx;
                        float v = 0f;
                        if (sr >= 0 && sr < side && sc >= 0 && sc < side) {
                            v = ((px[src + sr * side + sc] & 0xff) / 255f - m) * inv;
                        }
                        f[dst + r * side + col] = v;
                    }
                }
            }
            l[b * LabeledImages.CLASSES + images.label(img)] = 1f;
        }
        INDArray features = Nd4j.create(f, new long[] {n, channels, side, side}, 'c');
        INDArray labels = Nd4j.create(l, new long[] {n, LabeledImages.CLASSES}, 'c');
        return new DataSet(features, labels);
    }

    /**
     * @param n count
     * @param rng generator, or null for the identity order
     * @return a permutation of 0 … n−1 (Fisher–Yates)
     */
    public static int[] permutation(int n, UniformRandomProvider rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        if (rng != null) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
        }
        return p;
    }
}
