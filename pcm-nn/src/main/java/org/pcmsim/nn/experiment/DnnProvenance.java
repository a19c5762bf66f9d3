package org.pcmsim.nn.experiment;

import java.util.Objects;
import org.pcmsim.Build;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.experiment.Provenance;
import org.pcmsim.nn.OneDnn;
import org.pcmsim.nn.model.ResNetSpec;

/**
 * The provenance of a DNN figure (5(a), 5(c)): data, network and training, seed and chips, the digital
 * baselines, the analog hardware, the evaluation and its timing, and the software.
 *
 * @param data the images
 * @param network the network and how it was trained
 * @param seed the root seed of training, programming and reads
 * @param chips chips programmed per configuration
 * @param baseline the digital accuracies the analog ones compare with
 * @param hardware the device model and periphery of the chips
 * @param evaluation how the chips were evaluated, and how long it took
 * @param build the software
 */
public record DnnProvenance(Data data, Network network, long seed, int chips, Baseline baseline, Hardware hardware,
                            Evaluation evaluation, Build build) implements Provenance {

    /** Checks that every part is given and the chip count. */
    public DnnProvenance {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(build, "build");
        if (chips < 1) {
            throw new IllegalArgumentException("chips must be >= 1, got " + chips);
        }
    }

    /**
     * The images.
     *
     * @param dataset the dataset's name in titles, e.g. {@code Fashion-MNIST}
     * @param datasetId its id on the command line, e.g. {@code fashion-mnist}
     * @param synthetic whether it is the synthetic stand-in (not a real dataset)
     * @param dataDir the folder read
     * @param trainImages training images used
     * @param testImages test images every chip is evaluated on
     * @param inputShape {@code channels x height x width}
     * @param augmentation the training augmentation
     */
    public record Data(String dataset, String datasetId, boolean synthetic, String dataDir, int trainImages,
                       int testImages, String inputShape, String augmentation) {
        /** Checks the names. */
        public Data {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(datasetId, "datasetId");
        }
    }

    /**
     * The network and its training.
     *
     * @param network the ResNet, e.g. {@code resnet8-ci (1 blocks/stage, …)}
     * @param publishedNetwork whether it is the paper's ResNet-32
     * @param modelFile the saved model
     * @param modelTrainedInThisRun whether this run trained it (otherwise it was reused)
     * @param trainingSeconds training wall time in this run, s (0 when reused)
     * @param trainingThreads the training-threads mode that trained the model ({@code reproducible},
     *     {@code fastest} or {@code replicas}: the latter two give other weights for the same seed), as
     *     recorded in the model file when it was reused; null only in records written before 2026-12-01
     * @param epochs digital training epochs
     * @param noiseAwareEpochs noise-aware fine-tuning epochs
     */
    public record Network(String network, boolean publishedNetwork, String modelFile, boolean modelTrainedInThisRun,
                          double trainingSeconds, String trainingThreads, int epochs, int noiseAwareEpochs) {
        /** Checks the names. */
        public Network {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(modelFile, "modelFile");
        }
    }

    /**
     * The digital accuracies, percent of the test images.
     *
     * @param digitalBaseline what the digital baseline is
     * @param digitalAccuracyPercent the digital baseline's accuracy
     * @param digitalUnclippedAccuracyPercent the float network's accuracy without the weight clip
     * @param quantizedInt9AccuracyPercent the accuracy with int9-quantised weights
     * @param weightQuantizer how weights are quantised for the chips
     */
    public record Baseline(String digitalBaseline, double digitalAccuracyPercent,
                           double digitalUnclippedAccuracyPercent, double quantizedInt9AccuracyPercent,
                           String weightQuantizer) {
        /** Checks the descriptions. */
        public Baseline {
            Objects.requireNonNull(digitalBaseline, "digitalBaseline");
            Objects.requireNonNull(weightQuantizer, "weightQuantizer");
        }
    }

    /**
     * The analog hardware.
     *
     * @param device the device preset, e.g. {@code nandakumar2019}
     * @param deviceModel every parameter of the device model the chips were programmed with (the preset
     *     with the noise scales); null only in records written by version 0.1.0, which named the preset alone
     * @param conventions the device's conventions in one word
     * @param noiseScales the programming, drift and read-noise scales
     * @param converters the chips' converters and periphery ({@code none} for ideal)
     * @param gdc how the global drift compensation is calibrated
     */
    public record Hardware(String device, PcmDeviceModel deviceModel, String conventions, String noiseScales,
                           String converters, String gdc) {
        /** Checks every field is given. */
        public Hardware {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(conventions, "conventions");
            Objects.requireNonNull(noiseScales, "noiseScales");
            Objects.requireNonNull(converters, "converters");
            Objects.requireNonNull(gdc, "gdc");
        }
    }

    /**
     * The evaluation of the chips.
     *
     * @param evalBatchSize images per forward pass
     * @param evalThreads evaluation threads (recorded, not a cause of the numbers)
     * @param readStreams how the random streams are keyed
     * @param onednnHelpers whether DL4J's oneDNN helpers ran the convolutions
     * @param chipsReusedFromWorkFolder chips whose results came from an earlier run's work folder
     * @param evaluationSeconds evaluation wall time, s
     */
    public record Evaluation(int evalBatchSize, int evalThreads, String readStreams, boolean onednnHelpers,
                             int chipsReusedFromWorkFolder, double evaluationSeconds) {
        /** Checks the counts. */
        public Evaluation {
            Objects.requireNonNull(readStreams, "readStreams");
            if (evalBatchSize < 1 || evalThreads < 1 || chipsReusedFromWorkFolder < 0) {
                throw new IllegalArgumentException("evalBatchSize and evalThreads must be >= 1 and "
                        + "chipsReusedFromWorkFolder >= 0, got " + evalBatchSize + ", " + evalThreads + ", "
                        + chipsReusedFromWorkFolder);
            }
        }
    }

    /**
     * @param o options
     * @param data the data
     * @param m the model
     * @param device the device model the chips were programmed with
     * @param clippedAcc the digital baseline accuracy, percent
     * @param quantAcc the accuracy with int9-quantised weights, percent
     * @param reusedChips chips whose results came from an earlier run's work folder
     * @param evaluationSeconds wall time of the evaluation, s
     * @return the record of that figure
     */
    static DnnProvenance of(DnnOptions o, DnnData data, DnnExperiments.TrainedModel m, PcmDeviceModel device,
                            double clippedAcc, double quantAcc, int reusedChips, double evaluationSeconds) {
        return new DnnProvenance(
                new Data(o.dataset().label(), o.dataset().id(), o.dataset() == DatasetKind.SYNTHETIC,
                        o.resolvedDataDir().toString(), data.train().count(), data.test().count(),
                        data.test().channels() + "x" + data.test().side() + "x" + data.test().side(),
                        "random crop with padding " + o.dataset().augmentation().pad()
                                + (o.dataset().augmentation().flip() ? ", horizontal flip" : "")),
                new Network(o.network().toString(), o.network().equals(ResNetSpec.RESNET32), m.file().toString(),
                        m.trainedNow(), m.trainingSeconds(), m.trainingThreads(), o.epochs(), o.noiseAwareEpochs()),
                o.seed(), o.chips(),
                new Baseline("float32 weights clipped at 2 sigma_W (the noise-aware forward pass without noise)",
                        clippedAcc, m.digitalAccuracy(), quantAcc, "int9, clipped at 2 sigma_W per layer"),
                new Hardware("nandakumar2019", device, device.conventions(), noiseScales(o),
                        o.converters().describe(), "per layer, calibration c = sum_i |sum_k W_ik(t)|, reference at t0"),
                new Evaluation(o.evalBatchSize(), o.threads(), "per layer, keyed by (seed, chip, layer) for "
                        + "programming and (seed, chip, layer, time, chunk) for each read; independent of the thread "
                        + "count", OneDnn.helpersEnabled(), reusedChips, evaluationSeconds),
                Build.current());
    }

    /**
     * @param o options
     * @return the noise scales in one line, e.g. {@code programming=1.0, drift=1.0, read=1.0}
     */
    static String noiseScales(DnnOptions o) {
        return "programming=" + o.programmingNoiseScale() + ", drift=" + o.driftScale() + ", read="
                + o.readNoiseScale();
    }
}
