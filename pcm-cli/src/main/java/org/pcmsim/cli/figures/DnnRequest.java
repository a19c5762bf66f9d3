package org.pcmsim.cli.figures;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a DNN command asks for, as the user gave it: null fields take the scale's default. Plain
 * values only, so that building, listing and validating a request never loads DL4J or ND4J
 * ({@link DnnRunner} turns it into pcm-nn's options when the figure actually runs).
 *
 * @param dataset {@code cifar10}, {@code synthetic} or {@code fashion-mnist}
 * @param dataDir CIFAR-10 binary folder (cifar10), Fashion-MNIST's IDX folder (fashion-mnist), else null
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
 * @param threads Java threads of the test-set evaluations, ≥ 1 (the results do not depend on it)
 */
public record DnnRequest(String dataset, Path dataDir, Path model, Path out, Path work, Scale scale, String network,
                         Integer epochs, Integer noiseAwareEpochs, Integer trainImages, Integer testImages,
                         Integer chips, long seed, double programmingNoise, double drift, double readNoise,
                         int threads) {

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
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /**
     * A request evaluating on all available processors.
     *
     * @param dataset see the record
     * @param dataDir see the record
     * @param model see the record
     * @param out see the record
     * @param work see the record
     * @param scale see the record
     * @param network see the record
     * @param epochs see the record
     * @param noiseAwareEpochs see the record
     * @param trainImages see the record
     * @param testImages see the record
     * @param chips see the record
     * @param seed see the record
     * @param programmingNoise see the record
     * @param drift see the record
     * @param readNoise see the record
     */
    public DnnRequest(String dataset, Path dataDir, Path model, Path out, Path work, Scale scale, String network,
                      Integer epochs, Integer noiseAwareEpochs, Integer trainImages, Integer testImages,
                      Integer chips, long seed, double programmingNoise, double drift, double readNoise) {
        this(dataset, dataDir, model, out, work, scale, network, epochs, noiseAwareEpochs, trainImages, testImages,
                chips, seed, programmingNoise, drift, readNoise, Runtime.getRuntime().availableProcessors());
    }

    /** @return whether the images are the project's synthetic set (not CIFAR-10) */
    public boolean synthetic() {
        return "synthetic".equals(dataset);
    }

    /** @return whether the images are Fashion-MNIST */
    public boolean fashionMnist() {
        return "fashion-mnist".equals(dataset);
    }

    /**
     * @param figure a figure name, e.g. {@code figure-5a}
     * @return the output file stem: {@code figure-5a} on CIFAR-10, {@code figure-5a-synthetic} on synthetic
     *     data, {@code figure-5a-fashion-mnist} on Fashion-MNIST ({@code figure-5a-fashion-mnist-ci} at CI
     *     scale, so that a CI run never overwrites the full-scale figure)
     */
    public String stem(String figure) {
        if (synthetic()) {
            return figure + "-synthetic";
        }
        if (fashionMnist()) {
            return figure + "-fashion-mnist" + (scale == Scale.CI ? "-ci" : "");
        }
        return figure;
    }
}
