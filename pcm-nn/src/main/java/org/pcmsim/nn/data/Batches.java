package org.pcmsim.nn.data;

import java.io.Serializable;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns images into network inputs: per-channel normalisation ((x/255 − mean_c) / std_c), NCHW
 * float tensors, one-hot labels, and the standard CIFAR training augmentation (random crop of the
 * image padded by 4 on each side, then a random horizontal flip). The pad value is 0 after
 * normalisation, i.e. the channel mean.
 */
public final class Batches {
    private Batches() {
    }

    /**
     * Per-channel statistics of pixel values scaled to 0 … 1.
     *
     * @param mean per channel
     * @param std per channel, &gt; 0
     */
    public record Normalization(double[] mean, double[] std) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Checks three channels and positive deviations. */
        public Normalization {
            if (mean.length != 3 || std.length != 3) {
                throw new IllegalArgumentException("need 3 channels, got " + mean.length + " and " + std.length);
            }
            for (int c = 0; c < 3; c++) {
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
            double[] s = new double[3];
            double[] s2 = new double[3];
            byte[] px = images.pixels();
            for (int i = 0; i < images.count(); i++) {
                for (int c = 0; c < 3; c++) {
                    int base = i * LabeledImages.IMAGE_BYTES + c * 1024;
                    for (int p = 0; p < 1024; p++) {
                        double v = (px[base + p] & 0xff) / 255.0;
                        s[c] += v;
                        s2[c] += v * v;
                    }
                }
            }
            double n = images.count() * 1024.0;
            double[] m = new double[3];
            double[] sd = new double[3];
            for (int c = 0; c < 3; c++) {
                m[c] = s[c] / n;
                sd[c] = Math.sqrt(Math.max(s2[c] / n - m[c] * m[c], 1e-12));
            }
            return new Normalization(m, sd);
        }
    }

    /**
     * Builds one minibatch.
     *
     * @param images source
     * @param index image indices of the batch
     * @param norm normalisation
     * @param augment random generator for crop and flip, or null for none (evaluation)
     * @return features [n, 3, 32, 32] and one-hot labels [n, 10]
     */
    public static DataSet batch(LabeledImages images, int[] index, Normalization norm, UniformRandomProvider augment) {
        Objects.requireNonNull(norm, "norm");
        int n = index.length;
        float[] f = new float[n * LabeledImages.IMAGE_BYTES];
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
                dx = augment.nextInt(9) - 4;
                dy = augment.nextInt(9) - 4;
                flip = augment.nextBoolean();
            }
            for (int c = 0; c < 3; c++) {
                float m = (float) mean[c];
                float inv = (float) (1 / std[c]);
                int src = img * LabeledImages.IMAGE_BYTES + c * 1024;
                int dst = b * LabeledImages.IMAGE_BYTES + c * 1024;
                for (int r = 0; r < 32; r++) {
                    int sr = r + dy;
                    for (int col = 0; col < 32; col++) {
                        int sc = (flip ? 31 - col : col) + dx;
                        float v = 0f;
                        if (sr >= 0 && sr < 32 && sc >= 0 && sc < 32) {
                            v = ((px[src + sr * 32 + sc] & 0xff) / 255f - m) * inv;
                        }
                        f[dst + r * 32 + col] = v;
                    }
                }
            }
            l[b * LabeledImages.CLASSES + images.label(img)] = 1f;
        }
        INDArray features = Nd4j.create(f, new long[] {n, 3, 32, 32}, 'c');
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
