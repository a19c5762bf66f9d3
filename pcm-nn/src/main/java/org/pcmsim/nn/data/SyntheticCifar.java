package org.pcmsim.nn.data;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.random.NamedStream;

/**
 * A synthetic stand-in for CIFAR-10, written in the same binary format: ten classes of 32×32 RGB
 * images that a small CNN learns to well above chance but not perfectly, so that analog weight
 * noise visibly costs accuracy. It is for tests, CI and a first run; it is not CIFAR-10, and
 * results on it are labelled as synthetic.
 *
 * <p>Each class is a texture: the sum of three coloured plane-wave gratings (spatial frequencies
 * up to 3 cycles per image) chosen from a small shared pool, so classes overlap in some
 * components and differ in their combination and colours. An image of class c is that texture at a
 * random translation (a phase shift, so the network must be shift-invariant), random contrast and
 * per-component amplitude, plus a weaker texture of another random class, a random colour cast and
 * Gaussian pixel noise (σ = 70 grey levels). Everything derives from one seed.
 */
public final class SyntheticCifar {
    private static final int COMPONENTS = 3;
    private static final double PIXEL_NOISE = 70.0;
    private static final double DISTRACTOR = 0.8;

    private final double[][] fx = new double[LabeledImages.CLASSES][COMPONENTS];
    private final double[][] fy = new double[LabeledImages.CLASSES][COMPONENTS];
    private final double[][] phase = new double[LabeledImages.CLASSES][COMPONENTS];
    private final double[][][] colour = new double[LabeledImages.CLASSES][COMPONENTS][3];
    private final long seed;

    /** @param seed the root seed of the class textures and the images */
    public SyntheticCifar(long seed) {
        this.seed = seed;
        // A shared pool of (fx, fy) pairs: classes reuse gratings, which is what makes it non-trivial.
        int[][] pool = {{1, 0}, {0, 1}, {1, 1}, {1, -1}, {2, 0}, {0, 2}, {2, 1}, {1, 2}, {2, -1}, {3, 0}, {0, 3}, {3, 1}};
        UniformRandomProvider rng = NamedStream.SYNTHETIC_CLASSES.stream(seed, 0);
        for (int c = 0; c < LabeledImages.CLASSES; c++) {
            for (int k = 0; k < COMPONENTS; k++) {
                int[] f = pool[rng.nextInt(pool.length)];
                fx[c][k] = f[0];
                fy[c][k] = f[1];
                phase[c][k] = 2 * Math.PI * rng.nextDouble();
                for (int ch = 0; ch < 3; ch++) {
                    colour[c][k][ch] = 2 * rng.nextDouble() - 1;
                }
            }
        }
    }

    /**
     * Generates images with labels cycling over the classes in a random order.
     *
     * @param count images, ≥ 0
     * @param set index of this set within {@code NamedStream.SYNTHETIC_IMAGES} (1 for training, 2 for
     *     test), so that sets differ
     * @return the images
     */
    public LabeledImages generate(int count, int set) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (set < 1) {
            throw new IllegalArgumentException("set must be >= 1, got " + set);
        }
        UniformRandomProvider rng = NamedStream.SYNTHETIC_IMAGES.stream(seed, set);
        NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
        byte[] px = new byte[count * LabeledImages.IMAGE_BYTES];
        byte[] lb = new byte[count];
        double[] img = new double[LabeledImages.IMAGE_BYTES];
        for (int i = 0; i < count; i++) {
            int c = rng.nextInt(LabeledImages.CLASSES);
            int d = (c + 1 + rng.nextInt(LabeledImages.CLASSES - 1)) % LabeledImages.CLASSES;
            java.util.Arrays.fill(img, 0.0);
            addTexture(img, c, 55 * (0.6 + 0.6 * rng.nextDouble()), rng);
            addTexture(img, d, 55 * DISTRACTOR * rng.nextDouble(), rng);
            int base = i * LabeledImages.IMAGE_BYTES;
            for (int ch = 0; ch < 3; ch++) {
                double cast = 128 + 40 * (2 * rng.nextDouble() - 1);
                for (int p = 0; p < 1024; p++) {
                    int at = ch * 1024 + p;
                    double v = cast + img[at] + PIXEL_NOISE * normal.sample();
                    px[base + at] = (byte) (int) Math.max(0, Math.min(255, Math.rint(v)));
                }
            }
            lb[i] = (byte) c;
        }
        return new LabeledImages(px, lb);
    }

    private void addTexture(double[] img, int c, double contrast, UniformRandomProvider rng) {
        double dx = 32 * rng.nextDouble();
        double dy = 32 * rng.nextDouble();
        for (int k = 0; k < COMPONENTS; k++) {
            double amp = contrast * (0.7 + 0.6 * rng.nextDouble());
            double wx = 2 * Math.PI * fx[c][k] / 32;
            double wy = 2 * Math.PI * fy[c][k] / 32;
            double ph = phase[c][k] + wx * dx + wy * dy;
            for (int r = 0; r < 32; r++) {
                for (int col = 0; col < 32; col++) {
                    double s = amp * Math.cos(wx * col + wy * r + ph);
                    int p = r * 32 + col;
                    for (int ch = 0; ch < 3; ch++) {
                        img[ch * 1024 + p] += s * colour[c][k][ch];
                    }
                }
            }
        }
    }

    /**
     * Writes a synthetic dataset as CIFAR-10 binary files: {@code data_batch_1..5.bin} (the
     * training images split as evenly as possible) and {@code test_batch.bin}.
     *
     * @param dir destination folder (created)
     * @param trainImages training images, ≥ 5
     * @param testImages test images, ≥ 1
     * @throws IOException if a file cannot be written
     */
    public void writeDataset(Path dir, int trainImages, int testImages) throws IOException {
        if (trainImages < CifarBinary.TRAIN_FILES.size() || testImages < 1) {
            throw new IllegalArgumentException("need trainImages >= 5 and testImages >= 1, got " + trainImages
                    + " and " + testImages);
        }
        LabeledImages train = generate(trainImages, 1);
        int files = CifarBinary.TRAIN_FILES.size();
        int at = 0;
        for (int f = 0; f < files; f++) {
            int n = trainImages / files + (f < trainImages % files ? 1 : 0);
            byte[] px = java.util.Arrays.copyOfRange(train.pixels(), at * LabeledImages.IMAGE_BYTES,
                    (at + n) * LabeledImages.IMAGE_BYTES);
            byte[] lb = java.util.Arrays.copyOfRange(train.labels(), at, at + n);
            CifarBinary.write(dir.resolve(CifarBinary.TRAIN_FILES.get(f)), new LabeledImages(px, lb));
            at += n;
        }
        CifarBinary.write(dir.resolve(CifarBinary.TEST_FILE), generate(testImages, 2));
    }
}
