package org.pcmsim.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.pcmsim.cli.figures.DnnRequest;
import org.pcmsim.nn.data.FashionMnist;
import org.pcmsim.nn.experiment.DatasetKind;
import org.pcmsim.nn.model.ResNetSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of the DNN commands ({@code pcm run figure-5a|figure-5c}, {@code pcm train}): which
 * data, which model, how much training. Values are checked as they are parsed (usage errors naming
 * the option); combinations are checked by {@link #request}.
 */
public final class DnnArgs {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private String network;
    private Integer epochs;
    private Integer noiseAwareEpochs;
    private Integer trainImages;
    private Integer testImages;

    @Option(converter = EnumIds.DatasetIds.class, completionCandidates = EnumIds.DatasetIds.class,
            names = "--dataset", order = 40, paramLabel = "cifar10|fashion-mnist|synthetic",
            description = "DNN: the images (required). cifar10 reads CIFAR-10's binary files from --data-dir; "
                    + "fashion-mnist reads Fashion-MNIST's four IDX files (outputs <figure>-fashion-mnist.*, "
                    + "<figure>-fashion-mnist-ci.* at --scale ci); synthetic generates the project's synthetic "
                    + "CIFAR-format set (NOT CIFAR-10; its outputs are named <figure>-synthetic.* and say so).")
    DatasetKind dataset;

    /** The data folder. */
    @Option(names = "--data-dir", order = 41, paramLabel = "DIR",
            description = "DNN: with cifar10 (required) the folder of CIFAR-10's binary version (data_batch_1.bin ... "
                    + "data_batch_5.bin, test_batch.bin); with fashion-mnist the folder of its four IDX files, gzip or "
                    + "not (default: " + FashionMnist.DEBIAN_DIR + ", where 'apt-get install dataset-fashion-mnist' "
                    + "puts them). Nothing is downloaded.")
    Path dataDir;

    /** A trained model to reuse, or where to save the one trained. */
    @Option(names = "--model", order = 42, paramLabel = "FILE",
            description = "DNN: trained model to reuse; if FILE does not exist, the model is trained and saved there "
                    + "(default: OUT/model-<dataset>-<network>-<images>img-<epochs>ep-seed<S>.zip, reused when it exists).")
    Path model;

    @Option(converter = EnumIds.ScaleIds.class, completionCandidates = EnumIds.ScaleIds.class,
            names = "--scale", order = 43, paramLabel = "published|ci",
            description = "DNN: published (ResNet-32, all 50 000/10 000 images, 160 + 15 epochs, 100 chips, 12 times) or "
                    + "ci (reduced ResNet-8, 4 000/1 000 images, 8 + 2 epochs, 10 chips, 8 times: minutes). "
                    + "On fashion-mnist: published = the full protocol (ResNet-14 16/32/64, all 60 000/10 000 images, 20 + 5 "
                    + "epochs, 20 chips, "
                    + "12 times; --chips 100 is the published count), ci = ResNet-8 reduced, 10 000/2 000 images, 10 + 2 "
                    + "epochs, 5 chips, 8 times. Default: ci with --dataset synthetic, published otherwise.")
    DnnRequest.Scale scale;

    @Option(names = "--network", order = 44, paramLabel = "NAME",
            description = "DNN: the network, one of resnet32, resnet20, resnet14, resnet8 (16/32/64 channels) or resnet8-ci "
                    + "(8/16/32, stride-2 stem) (default: that of --scale).")
    void setNetwork(String v) {
        String id = v.toLowerCase(Locale.ROOT);
        try {
            ResNetSpec.byName(id);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--network': '" + v + "', expected " + ResNetSpec.names());
        }
        network = id;
    }

    @Option(names = "--epochs", order = 45, paramLabel = "N",
            description = "DNN: digital baseline training epochs (default: 160 published, 8 ci).")
    void setEpochs(int n) {
        epochs = Checks.inRange(spec, "--epochs", n, 0, 100_000);
    }

    @Option(names = "--noise-aware-epochs", order = 46, paramLabel = "N",
            description = "DNN: noise-aware fine-tuning epochs after the baseline (default: 15 published, 2 ci).")
    void setNoiseAwareEpochs(int n) {
        noiseAwareEpochs = Checks.inRange(spec, "--noise-aware-epochs", n, 0, 100_000);
    }

    @Option(names = "--train-images", order = 47, paramLabel = "N",
            description = "DNN: use at most N training images (default: that of --scale).")
    void setTrainImages(int n) {
        trainImages = Checks.inRange(spec, "--train-images", n, 1, 60_000);
    }

    @Option(names = "--test-images", order = 48, paramLabel = "N",
            description = "DNN: use at most N test images (default: that of --scale).")
    void setTestImages(int n) {
        testImages = Checks.inRange(spec, "--test-images", n, 1, 10_000);
    }

    /** Where synthetic data and training checkpoints go. */
    @Option(names = "--work", order = 49, paramLabel = "DIR",
            description = "DNN: folder for generated synthetic data and training checkpoints (a rerun resumes "
                    + "from them) (default: $XDG_CACHE_HOME/pcm-sim/dnn or ~/.cache/pcm-sim/dnn).")
    Path work;

    /**
     * The request these options describe, with combinations checked.
     *
     * @param command the command, for its messages (e.g. {@code figure-5a})
     * @param out output folder (figures and the default model)
     * @param seed root seed
     * @param chips chips per configuration, or null for the scale's count
     * @param noise programming, drift and read-noise scales
     * @param threads Java threads of the test-set evaluations (same results for any count)
     * @return the request
     * @throws ParameterException if an option is missing or does not fit the others
     */
    public DnnRequest request(String command, Path out, long seed, Integer chips, double[] noise, int threads) {
        if (dataset == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option "
                    + "'--dataset=cifar10|fashion-mnist|synthetic' for " + command
                    + " (synthetic: the project's generated set, not CIFAR-10)");
        }
        if (dataset == DatasetKind.CIFAR10 && dataDir == null) {
            throw new ParameterException(spec.commandLine(), "Missing option '--data-dir=DIR' (required with "
                    + "--dataset cifar10: the folder of data_batch_1.bin ... data_batch_5.bin and test_batch.bin)");
        }
        if (dataset == DatasetKind.SYNTHETIC && dataDir != null) {
            // The generator would write its files into DIR, over any real CIFAR-10 files there.
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--data-dir': " + dataDir
                    + " (only with --dataset cifar10; synthetic data is generated under --work)");
        }
        for (Object[] o : new Object[][] {{"--model", model}, {"--work", work}, {"--data-dir", dataDir}}) {
            if (o[1] != null && o[1].toString().isBlank()) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '" + o[0]
                        + "': '' (an empty path)");
            }
        }
        DnnRequest.Scale s = scale != null ? scale : dataset == DatasetKind.SYNTHETIC ? DnnRequest.Scale.CI
                : DnnRequest.Scale.PUBLISHED;
        Path w = work != null ? work : defaultWork();
        // Fashion-MNIST's default folder is Debian's; DnnRunner.checkData says how to get the files if it is missing.
        Path dir = dataDir == null && dataset == DatasetKind.FASHION_MNIST ? Path.of(FashionMnist.DEBIAN_DIR) : dataDir;
        return new DnnRequest(dataset.id(), dir, model, out, w, s, network, epochs, noiseAwareEpochs, trainImages,
                testImages, chips, seed, noise[0], noise[1], noise[2], threads);
    }

    /** @return {@code $XDG_CACHE_HOME/pcm-sim/dnn}, else {@code ~/.cache/pcm-sim/dnn} */
    static Path defaultWork() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("pcm-sim").resolve("dnn");
    }
}
