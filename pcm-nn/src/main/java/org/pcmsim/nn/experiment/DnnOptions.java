package org.pcmsim.nn.experiment;

import java.nio.file.Path;
import java.util.Objects;
import org.pcmsim.nn.analog.LayerConverters;
import org.pcmsim.nn.model.ResNetSpec;

/**
 * Everything a Figure 5 run or a training run needs.
 *
 * @param dataset which images
 * @param dataDir CIFAR-10 binary folder (required for {@link DatasetKind#CIFAR10}); for synthetic
 *     data the folder the generated files are written to and read from (null: {@code outDir/synthetic-data})
 * @param trainImages at most this many training images (50 000 = all of CIFAR-10), ≥ 1
 * @param testImages at most this many test images (10 000 = all of CIFAR-10), ≥ 1
 * @param network the architecture (ResNet-32 by default)
 * @param modelFile a trained model to reuse; if null or missing, one is trained and saved
 *     (to this path, or to {@code outDir/model-<dataset>-<network>.zip} when null)
 * @param outDir folder for the trained model, checkpoints and synthetic data
 * @param epochs digital baseline epochs when training, ≥ 0
 * @param noiseAwareEpochs noise-aware fine-tuning epochs when training, ≥ 0 (15 in the reference)
 * @param batchSize training images per step, ≥ 1 (128)
 * @param evalBatchSize test images per forward pass (= per chip read), ≥ 1
 * @param chips independently programmed chips per configuration, ≥ 1 (100 in the reference)
 * @param seed root seed of data, training, programming and reads
 * @param programmingNoiseScale multiplier of σ_P, ≥ 0 (1)
 * @param driftScale multiplier of ν, ≥ 0 (1)
 * @param readNoiseScale multiplier of Q_s, ≥ 0 (1)
 * @param timePoints log-spaced read times t0 … 1 year for Figure 5(a), ≥ 2 (12)
 * @param threads Java threads of the chip evaluations, ≥ 1 (default: the available processors); the
 *     results do not depend on it
 * @param converters the converters and periphery of the chips' tiles ({@link LayerConverters#NONE}: the
 *     paper's path, no conversion; docs/model.md §9)
 */
public record DnnOptions(DatasetKind dataset, Path dataDir, int trainImages, int testImages, ResNetSpec network,
                         Path modelFile, Path outDir, int epochs, int noiseAwareEpochs, int batchSize,
                         int evalBatchSize, int chips, long seed, double programmingNoiseScale, double driftScale,
                         double readNoiseScale, int timePoints, int threads, LayerConverters converters) {

    /** Validates every field; messages name the value. */
    public DnnOptions {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(outDir, "outDir");
        if (dataset == DatasetKind.CIFAR10 && dataDir == null) {
            throw new IllegalArgumentException("the cifar10 dataset needs a data folder (--data-dir) holding "
                    + "data_batch_1.bin ... data_batch_5.bin and test_batch.bin");
        }
        if (dataset == DatasetKind.FASHION_MNIST && dataDir == null) {
            throw new IllegalArgumentException("the fashion-mnist dataset needs a data folder: "
                    + org.pcmsim.nn.data.FashionMnist.HOW_TO_GET);
        }
        positive("trainImages", trainImages);
        positive("testImages", testImages);
        if (epochs < 0 || noiseAwareEpochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, got " + epochs + " and " + noiseAwareEpochs);
        }
        positive("batchSize", batchSize);
        positive("evalBatchSize", evalBatchSize);
        positive("chips", chips);
        if (!(programmingNoiseScale >= 0) || !(driftScale >= 0) || !(readNoiseScale >= 0)) {
            throw new IllegalArgumentException("noise scales must be >= 0, got " + programmingNoiseScale + ", "
                    + driftScale + ", " + readNoiseScale);
        }
        if (timePoints < 2) {
            throw new IllegalArgumentException("timePoints must be >= 2, got " + timePoints);
        }
        positive("threads", threads);
        Objects.requireNonNull(converters, "converters");
    }

    /**
     * Options without converters ({@link LayerConverters#NONE}, the paper's DNN path); the parameters
     * are those of the record.
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public DnnOptions(DatasetKind dataset, Path dataDir, int trainImages, int testImages, ResNetSpec network,
                      Path modelFile, Path outDir, int epochs, int noiseAwareEpochs, int batchSize, int evalBatchSize,
                      int chips, long seed, double programmingNoiseScale, double driftScale, double readNoiseScale,
                      int timePoints, int threads) {
        this(dataset, dataDir, trainImages, testImages, network, modelFile, outDir, epochs, noiseAwareEpochs, batchSize,
                evalBatchSize, chips, seed, programmingNoiseScale, driftScale, readNoiseScale, timePoints, threads,
                LayerConverters.NONE);
    }

    /**
     * @param c the converters and periphery of every analog layer's tiles (docs/model.md §9)
     * @return a copy whose chips have them
     */
    public DnnOptions withConverters(LayerConverters c) {
        return new DnnOptions(dataset, dataDir, trainImages, testImages, network, modelFile, outDir, epochs,
                noiseAwareEpochs, batchSize, evalBatchSize, chips, seed, programmingNoiseScale, driftScale,
                readNoiseScale, timePoints, threads, c);
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + v);
        }
    }

    /**
     * The published scale: ResNet-32, all of CIFAR-10 (or 50 000/10 000 synthetic images), 160
     * baseline + 15 noise-aware epochs, 100 chips, 12 time points.
     *
     * @param dataset which images
     * @param dataDir data folder (see the record)
     * @param outDir output folder
     * @param seed root seed
     * @return the defaults
     */
    public static DnnOptions published(DatasetKind dataset, Path dataDir, Path outDir, long seed) {
        return new DnnOptions(dataset, dataDir, 50_000, 10_000, ResNetSpec.RESNET32, null, outDir, 160, 15, 128,
                500, 100, seed, 1, 1, 1, 12, defaultThreads());
    }

    /**
     * A reduced scale that runs end to end in a few minutes on 2 cores (CI): synthetic data,
     * 4 000 training and 1 000 test images, the reduced ResNet-8, 8 + 2 epochs, 10 chips, 8 time
     * points. Not the published network or scale; every output says so via its provenance.
     *
     * @param outDir output folder
     * @param seed root seed
     * @return the CI options
     */
    public static DnnOptions ci(Path outDir, long seed) {
        return new DnnOptions(DatasetKind.SYNTHETIC, null, 4_000, 1_000, ResNetSpec.RESNET8_CI, null, outDir, 8, 2,
                64, 500, 10, seed, 1, 1, 1, 8, defaultThreads());
    }

    /**
     * Fashion-MNIST at full scale: every image (60 000 training, 10 000 test), the network chosen
     * for it in docs/dnn.md (ResNet-14 at the published widths 16/32/64 on the 1 × 28 × 28 input), 20
     * baseline + 5 noise-aware epochs, 20 chips per point (the published 100 with
     * {@code withChips(100)}), 12 log-spaced times t0 … 1 year.
     *
     * @param dataDir the folder of the four IDX files
     * @param outDir output folder
     * @param seed root seed
     * @return the options
     */
    public static DnnOptions fashionMnist(Path dataDir, Path outDir, long seed) {
        return new DnnOptions(DatasetKind.FASHION_MNIST, dataDir, 60_000, 10_000, FASHION_NETWORK, null, outDir,
                FASHION_EPOCHS, FASHION_NOISE_AWARE_EPOCHS, 128, 500, 20, seed, 1, 1, 1, 12, defaultThreads());
    }

    /**
     * The full Fashion-MNIST run's network (see docs/dnn.md, "Fashion-MNIST"): ResNet-14, whose clipped
     * digital baseline reached 93.37 % where ResNet-8's stopped at 91.98 %.
     */
    public static final ResNetSpec FASHION_NETWORK = ResNetSpec.RESNET14;
    /** The full Fashion-MNIST run's digital baseline epochs. */
    public static final int FASHION_EPOCHS = 20;
    /** The full Fashion-MNIST run's noise-aware fine-tuning epochs. */
    public static final int FASHION_NOISE_AWARE_EPOCHS = 5;

    /**
     * Fashion-MNIST at CI scale (both figures in well under 10 minutes on 2 cores, training
     * included): the first 10 000 training and 2 000 test images, the reduced ResNet-8, 10 + 2 epochs,
     * 5 chips, 8 times. Not the full protocol; the outputs say so.
     *
     * @param dataDir the folder of the four IDX files
     * @param outDir output folder
     * @param seed root seed
     * @return the options
     */
    public static DnnOptions fashionMnistCi(Path dataDir, Path outDir, long seed) {
        return new DnnOptions(DatasetKind.FASHION_MNIST, dataDir, 10_000, 2_000, ResNetSpec.RESNET8_CI, null, outDir,
                10, 2, 64, 500, 5, seed, 1, 1, 1, 8, defaultThreads());
    }

    /** @param v chips @return a copy with that many chips */
    public DnnOptions withChips(int v) {
        return new DnnOptions(dataset, dataDir, trainImages, testImages, network, modelFile, outDir, epochs,
                noiseAwareEpochs, batchSize, evalBatchSize, v, seed, programmingNoiseScale, driftScale,
                readNoiseScale, timePoints, threads, converters);
    }

    /** @param baseline digital epochs @param noiseAware noise-aware epochs @return a copy with those epochs */
    public DnnOptions withEpochs(int baseline, int noiseAware) {
        return new DnnOptions(dataset, dataDir, trainImages, testImages, network, modelFile, outDir, baseline,
                noiseAware, batchSize, evalBatchSize, chips, seed, programmingNoiseScale, driftScale,
                readNoiseScale, timePoints, threads, converters);
    }

    /** @param file model file @return a copy that reuses (or trains and saves to) that file */
    public DnnOptions withModelFile(Path file) {
        return new DnnOptions(dataset, dataDir, trainImages, testImages, network, file, outDir, epochs,
                noiseAwareEpochs, batchSize, evalBatchSize, chips, seed, programmingNoiseScale, driftScale,
                readNoiseScale, timePoints, threads, converters);
    }

    /** @param train images @param test images @return a copy with those dataset limits */
    public DnnOptions withImages(int train, int test) {
        return new DnnOptions(dataset, dataDir, train, test, network, modelFile, outDir, epochs, noiseAwareEpochs,
                batchSize, evalBatchSize, chips, seed, programmingNoiseScale, driftScale, readNoiseScale, timePoints, threads, converters);
    }

    /** @param spec network @return a copy with that network */
    public DnnOptions withNetwork(ResNetSpec spec) {
        return new DnnOptions(dataset, dataDir, trainImages, testImages, spec, modelFile, outDir, epochs,
                noiseAwareEpochs, batchSize, evalBatchSize, chips, seed, programmingNoiseScale, driftScale,
                readNoiseScale, timePoints, threads, converters);
    }

    /** @param p programming @param d drift @param r read noise @return a copy with those noise scales */
    public DnnOptions withNoiseScales(double p, double d, double r) {
        return new DnnOptions(dataset, dataDir, trainImages, testImages, network, modelFile, outDir, epochs,
                noiseAwareEpochs, batchSize, evalBatchSize, chips, seed, p, d, r, timePoints, threads, converters);
    }

    /** @param v evaluation threads @return a copy evaluating on that many Java threads (same results) */
    public DnnOptions withThreads(int v) {
        return new DnnOptions(dataset, dataDir, trainImages, testImages, network, modelFile, outDir, epochs,
                noiseAwareEpochs, batchSize, evalBatchSize, chips, seed, programmingNoiseScale, driftScale,
                readNoiseScale, timePoints, v, converters);
    }

    /** @return the available processors: the default evaluation threads */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** @return the model path used when none is given */
    public Path resolvedModelFile() {
        return modelFile != null ? modelFile : outDir.resolve("model-" + dataset.id() + "-" + network.name() + ".zip");
    }

    /** @return the data folder actually used */
    public Path resolvedDataDir() {
        return dataDir != null ? dataDir : outDir.resolve("synthetic-data");
    }
}
