package org.pcmsim.nn.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.pcmsim.nn.data.Batches;
import org.pcmsim.nn.data.CifarBinary;
import org.pcmsim.nn.data.FashionMnist;
import org.pcmsim.nn.data.LabeledImages;
import org.pcmsim.nn.data.SyntheticCifar;

/**
 * Training and test data with the training set's normalisation.
 *
 * @param train training images
 * @param test test images
 * @param normalization per-channel statistics of the training images
 */
public record DnnData(LabeledImages train, LabeledImages test, Batches.Normalization normalization) {

    /**
     * Reads (CIFAR-10, Fashion-MNIST) or generates and reads (synthetic) the data.
     *
     * @param o options
     * @return the data
     * @throws IOException naming the missing or malformed file
     */
    static DnnData prepare(DnnOptions o) throws IOException {
        Path dir = o.resolvedDataDir();
        if (o.dataset() == DatasetKind.FASHION_MNIST) {
            LabeledImages train = FashionMnist.readTrain(dir, o.trainImages());
            LabeledImages test = FashionMnist.readTest(dir, o.testImages());
            return new DnnData(train, test, Batches.Normalization.of(train));
        }
        if (o.dataset() == DatasetKind.SYNTHETIC) {
            ensureSynthetic(dir, o.trainImages(), o.testImages(), o.seed());
        }
        LabeledImages train = CifarBinary.readTrain(dir, o.trainImages());
        LabeledImages test = CifarBinary.readTest(dir, o.testImages());
        return new DnnData(train, test, Batches.Normalization.of(train));
    }

    /** Generates the synthetic files unless the same ones (seed and counts) are already there. */
    private static void ensureSynthetic(Path dir, int train, int test, long seed) throws IOException {
        Path marker = dir.resolve("synthetic.properties");
        String want = "seed=" + seed + ",train=" + train + ",test=" + test;
        if (Files.exists(marker)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(marker)) {
                p.load(in);
            }
            if (want.equals(p.getProperty("generated"))) {
                return;
            }
        }
        new SyntheticCifar(seed).writeDataset(dir, Math.max(train, CifarBinary.TRAIN_FILES.size()), test);
        Properties p = new Properties();
        p.setProperty("generated", want);
        p.setProperty("note", "synthetic CIFAR-format data made by pcm-nn SyntheticCifar; NOT CIFAR-10");
        try (OutputStream out = Files.newOutputStream(marker)) {
            p.store(out, "pcm-nn synthetic dataset");
        }
    }
}
