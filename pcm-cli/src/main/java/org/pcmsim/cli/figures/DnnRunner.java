package org.pcmsim.cli.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pcmsim.cli.CliFailure;
import org.pcmsim.cli.output.AtomicOutput;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.montecarlo.ProgressListener;
import org.pcmsim.nn.data.CifarBinary;
import org.pcmsim.nn.data.FashionMnist;
import org.pcmsim.nn.experiment.DatasetKind;
import org.pcmsim.nn.experiment.DnnExperiments;
import org.pcmsim.nn.experiment.DnnOptions;
import org.pcmsim.nn.experiment.PeripheryStudy;
import org.pcmsim.nn.model.ResNetSpec;
import org.pcmsim.nn.training.Checkpoints;
import org.pcmsim.nn.training.Trainer;
import org.pcmsim.nn.training.TrainingFiles;

/**
 * The bridge from the command line to pcm-nn. {@link #options} only builds pcm-nn's option record
 * (plain Java, no ND4J); {@link #figure} and {@link #train} run DL4J/ND4J, which initialise on first
 * use. Library exceptions become one-line {@link CliFailure}s.
 */
public final class DnnRunner {
    private DnnRunner() {
    }

    /**
     * pcm-nn's options for a request: the scale's defaults with the user's overrides, the model file
     * (default {@code OUT/model-<dataset>-<network>-<n>img-<e>+<na>ep-seed<S>.zip}, named after what
     * trained it so that a model from other options is never silently reused), a work folder per
     * training configuration (checkpoints) and per data configuration (synthetic files), and the
     * request's evaluation threads.
     *
     * @param r the request
     * @return the options
     */
    public static DnnOptions options(DnnRequest r) {
        DatasetKind kind = DatasetKind.fromId(r.dataset());
        DnnOptions o;
        if (kind == DatasetKind.FASHION_MNIST) {
            o = r.scale() == DnnRequest.Scale.CI ? DnnOptions.fashionMnistCi(r.dataDir(), r.work(), r.seed())
                    : DnnOptions.fashionMnist(r.dataDir(), r.work(), r.seed());
            o = o.withThreads(r.threads());
        } else if (r.scale() == DnnRequest.Scale.CI) {
            DnnOptions c = DnnOptions.ci(r.work(), r.seed());
            o = new DnnOptions(kind, r.dataDir(), c.trainImages(), c.testImages(), c.network(), null, r.work(),
                    c.epochs(), c.noiseAwareEpochs(), c.batchSize(), c.evalBatchSize(), c.chips(), r.seed(), 1, 1, 1,
                    c.timePoints(), r.threads());
        } else {
            o = DnnOptions.published(kind, r.dataDir(), r.work(), r.seed());
        }
        if (r.network() != null) {
            o = o.withNetwork(ResNetSpec.byName(r.network()));
        }
        o = o.withEpochs(r.epochs() != null ? r.epochs() : o.epochs(),
                r.noiseAwareEpochs() != null ? r.noiseAwareEpochs() : o.noiseAwareEpochs());
        o = o.withImages(r.trainImages() != null ? r.trainImages() : o.trainImages(),
                r.testImages() != null ? r.testImages() : o.testImages());
        if (r.chips() != null) {
            o = o.withChips(r.chips());
        }
        o = o.withNoiseScales(r.programmingNoise(), r.drift(), r.readNoise());
        String training = o.dataset().id() + "-" + o.network().name() + "-" + o.trainImages() + "img-" + o.epochs()
                + "+" + o.noiseAwareEpochs() + "ep-seed" + o.seed();
        Path model = r.model() != null ? r.model() : r.out().resolve("model-" + training + ".zip");
        Path outDir = r.work().resolve("train-" + training + "-b" + o.batchSize());
        Path dataDir = kind == DatasetKind.SYNTHETIC
                ? r.work().resolve("synthetic-seed" + o.seed() + "-" + o.trainImages() + "+" + o.testImages())
                : r.dataDir();
        return new DnnOptions(o.dataset(), dataDir, o.trainImages(), o.testImages(), o.network(), model, outDir,
                o.epochs(), o.noiseAwareEpochs(), o.batchSize(), o.evalBatchSize(), o.chips(), o.seed(),
                o.programmingNoiseScale(), o.driftScale(), o.readNoiseScale(), o.timePoints(), r.threads());
    }

    /**
     * Checks, before anything is computed or written, that a CIFAR-10 folder holds the six binary files.
     *
     * @param r the request
     * @throws CliFailure naming the folder and the missing files
     */
    public static void checkData(DnnRequest r) {
        if (r.synthetic()) {
            return;
        }
        Path dir = r.dataDir();
        if (r.fashionMnist()) {
            if (!Files.isDirectory(dir)) {
                throw new CliFailure("no Fashion-MNIST data: folder '" + dir + "' " + (Files.exists(dir)
                        ? "is not a folder" : "does not exist") + "; " + FashionMnist.HOW_TO_GET, null);
            }
            List<String> missing = FashionMnist.missing(dir);
            if (!missing.isEmpty()) {
                throw new CliFailure("no Fashion-MNIST data: folder '" + dir + "' has no " + String.join(", ", missing)
                        + "; " + FashionMnist.HOW_TO_GET, null);
            }
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new CliFailure("CIFAR-10 data folder '" + dir + "' "
                    + (Files.exists(dir) ? "is not a folder" : "does not exist"), null);
        }
        List<String> missing = new ArrayList<>();
        List<String> expected = new ArrayList<>(CifarBinary.TRAIN_FILES);
        expected.add(CifarBinary.TEST_FILE);
        for (String f : expected) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new CliFailure("CIFAR-10 data folder '" + dir + "' has no " + String.join(", ", missing)
                    + " (expected the binary version: " + String.join(", ", expected) + ")", null);
        }
    }

    /**
     * Checks, before anything is computed, that the model can be read or saved and the work folder
     * written, and reads the training checkpoint a run would resume from.
     *
     * @param r the request
     * @return a line saying where training resumes, if it resumes
     * @throws CliFailure naming the file or folder that is in the way, or a damaged checkpoint
     */
    public static Optional<String> checkFiles(DnnRequest r) {
        DnnOptions o = options(r);
        Path model = o.resolvedModelFile();
        try {
            // Model temporaries of a run that was killed (SIGKILL) before it could rename or delete them.
            TrainingFiles.removeStaleTemporaries(model.toAbsolutePath().getParent());
            if (Files.exists(model)) {
                if (!Files.isRegularFile(model) || !Files.isReadable(model)) {
                    throw new CliFailure("model file '" + model + "' is " + (Files.isRegularFile(model)
                            ? "not readable" : "not a file") + "; pass another --model", null);
                }
                return Optional.empty();
            }
            Path parent = model.toAbsolutePath().getParent();
            try {
                AtomicOutput.checkWritable(parent);
            } catch (IOException e) {
                throw new CliFailure("cannot save the trained model to '" + model + "': " + e.getMessage()
                        + "; pass a --model in a folder you can write", e);
            }
            try {
                AtomicOutput.checkWritable(r.work());
            } catch (IOException e) {
                throw new CliFailure("cannot use the --work folder for checkpoints: " + e.getMessage(), e);
            }
            Path dir = DnnExperiments.checkpointDir(o);
            if (Files.isDirectory(dir)) {
                // Fails at once, naming the folder, if another run is training there.
                TrainingFiles.lock(dir).close();
            }
            Checkpoints.Checkpoint c = Checkpoints.read(dir);
            if (c == null || c.epochsDone() == 0) {
                return Optional.empty();
            }
            int total = o.epochs() + o.noiseAwareEpochs();
            return Optional.of(String.format(Locale.ROOT, "resuming from epoch %d of %d, checkpoint %s",
                    Math.min(c.epochsDone(), total), total, c.model()));
        } catch (IOException e) {
            throw new CliFailure(CliFailure.describe(e), e);
        } catch (IllegalStateException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }

    /**
     * Runs Figure 5(a) or 5(c).
     *
     * @param figure {@code figure-5a}, {@code figure-5c} or {@code periphery-dnn}
     * @param o the options
     * @param listener training steps, then chip evaluations
     * @param notes receives "resuming: …" when chips finished by an interrupted run are reused
     * @return the figure
     */
    public static FigureResult figure(String figure, DnnOptions o, ProgressListener listener,
                                      java.util.function.Consumer<String> notes) {
        return call(() -> switch (figure) {
            case "figure-5a" -> DnnExperiments.figure5a(o, listener, notes);
            case "figure-5c" -> DnnExperiments.figure5c(o, listener, notes);
            case "periphery-dnn" -> PeripheryStudy.run(o, PeripheryStudy.defaultSettings(), listener, notes);
            default -> throw new IllegalArgumentException("not a DNN figure: " + figure);
        });
    }

    /**
     * What {@code pcm train} reports.
     *
     * @param file the model file
     * @param trainedNow whether this run trained it
     * @param trainingSeconds training wall time in this run
     * @param digitalAccuracy floating-point test accuracy, percent
     * @param clippedAccuracy test accuracy with weights clipped at 2 σ_W (the figures' digital baseline)
     * @param testImages test images evaluated
     */
    public record Trained(Path file, boolean trainedNow, double trainingSeconds, double digitalAccuracy,
                          double clippedAccuracy, int testImages) {
    }

    /**
     * Trains (or resumes, or loads) the model of the options.
     *
     * @param o the options
     * @param listener training steps
     * @return where it is and how good it is
     */
    public static Trained train(DnnOptions o, ProgressListener listener) {
        DnnExperiments.TrainedModel m = call(() -> DnnExperiments.train(o, listener));
        return new Trained(m.file(), m.trainedNow(), m.trainingSeconds(), m.digitalAccuracy(), m.clippedAccuracy(),
                o.testImages());
    }

    private interface Work<T> {
        T run() throws IOException;
    }

    private static <T> T call(Work<T> work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new CliFailure(CliFailure.describe(e), e);
        } catch (java.io.UncheckedIOException e) {
            throw new CliFailure(CliFailure.describe(e.getCause()), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliFailure(e.getMessage(), e);
        } catch (LinkageError e) {
            // ND4J's native library could not be loaded (another OS or CPU, a broken JavaCPP cache, ...).
            throw new CliFailure("cannot start ND4J, the DNN engine: " + e, e);
        } catch (OutOfMemoryError e) {
            throw new CliFailure(String.format(Locale.ROOT, "out of memory (Java heap %d MB); give Java more with "
                    + "PCM_JAVA_OPTS=-Xmx8g", Runtime.getRuntime().maxMemory() >> 20), e);
        }
    }
}
