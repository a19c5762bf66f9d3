package org.pcmsim.cli.figures;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a DNN command asks for, as the user gave it: null fields take the scale's default. Plain
 * values only, so that building, listing and validating a request never loads DL4J or ND4J
 * ({@link DnnRunner} turns it into pcm-nn's options when the figure actually runs).
 *
 * @param dataset {@code cifar10} or {@code synthetic}
 * @param dataDir CIFAR-10 binary folder (cifar10 only), else null
 * @param model model file to reuse or train into, or null for the default name in {@code out}
 * @param out output folder of the figures (and of the default model file)
 * @param work folder for synthetic data and training checkpoints
 * @param scale published or CI defaults
 * @param network {@code resnet32} or {@code resnet8-ci}, or null
 * @param epochs digital baseline epochs, or null
 * @param noiseAwareEpochs noise-aware epochs, or null
 * @param trainImages training images, or null
 * @param testImages test images, or null
 * @param chips chips per configuration, or null
 * @param seed root seed
 * @param programmingNoise scale of σ_P
 * @param drift scale of ν
 * @param readNoise scale of Q_s
 */
public record DnnRequest(String dataset, Path dataDir, Path model, Path out, Path work, Scale scale, String network,
                         Integer epochs, Integer noiseAwareEpochs, Integer trainImages, Integer testImages,
                         Integer chips, long seed, double programmingNoise, double drift, double readNoise) {

    /** The two scales of {@code --scale}. */
    public enum Scale {
        /** The paper: ResNet-32, all of CIFAR-10, 160 + 15 epochs, 100 chips, 12 times. */
        PUBLISHED("published"),
        /** A few minutes on 2 cores: reduced ResNet-8, 4 000/1 000 images, 8 + 2 epochs, 10 chips, 8 times. */
        CI("ci");

        private final String id;

        Scale(String id) {
            this.id = id;
        }

        /** @return the command-line name */
        public String id() {
            return id;
        }
    }

    /** Checks the required fields. */
    public DnnRequest {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(scale, "scale");
    }

    /** @return whether the images are the project's synthetic set (not CIFAR-10) */
    public boolean synthetic() {
        return "synthetic".equals(dataset);
    }

    /**
     * @param figure a figure name, e.g. {@code figure-5a}
     * @return the output file stem: {@code figure-5a} on CIFAR-10, {@code figure-5a-synthetic} on synthetic data
     */
    public String stem(String figure) {
        return synthetic() ? figure + "-synthetic" : figure;
    }
}
