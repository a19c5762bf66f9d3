package org.pcmsim.nn.training;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.pcmsim.montecarlo.ProgressListener;
import org.pcmsim.nn.data.Batches;
import org.pcmsim.nn.data.LabeledImages;
import org.pcmsim.nn.model.DataParallelStep;
import org.pcmsim.nn.model.Networks;
import org.pcmsim.nn.model.ResNetSpec;
import org.pcmsim.nn.model.ResNets;
import org.pcmsim.random.NamedStream;

/**
 * Trains a ResNet in two phases — digital baseline, then noise-aware fine-tuning — with a
 * checkpoint after every epoch, and resumes from the last checkpoint after an interruption.
 *
 * <p>Epoch e shuffles and augments with {@code NamedStream.TRAINING_ORDER.stream(seed, e)}, and the
 * training noise depends only on (seed, layer, iteration), so a resumed run repeats exactly what
 * an uninterrupted run would have done. The checkpoint is {@code checkpoint-<epochs>.zip} (model with
 * updater state and normalisation) plus {@code checkpoint.properties} (epochs done and a
 * fingerprint of the options), both replaced atomically.
 *
 * <p>Files: every model and checkpoint file is written under a unique temporary name and renamed
 * when complete ({@link TrainingFiles}); the checkpoint folder is locked while training, so a second
 * run on the same folder fails at once with a clear message instead of corrupting the first; a
 * damaged checkpoint or model file is reported with its path and what to do.
 */
public final class Trainer {
    /** Key of the normalisation object stored in model files. */
    public static final String NORMALIZATION_KEY = "pcmsim-normalization";
    /** Key of the training-threads mode ({@link TrainingThreads#id()}) stored in model files since 2026-12-01. */
    public static final String TRAINING_THREADS_KEY = "pcmsim-training-threads";

    private final ResNetSpec spec;
    private final TrainingOptions options;
    private final Path checkpointDir;
    private final Batches.Augmentation augmentation;
    private final TrainingThreads threads;

    /**
     * A trainer with CIFAR-10's augmentation (random crop with padding 4, flips).
     *
     * @param spec the architecture
     * @param options hyper-parameters
     * @param checkpointDir folder of the checkpoint, or null for none
     */
    public Trainer(ResNetSpec spec, TrainingOptions options, Path checkpointDir) {
        this(spec, options, checkpointDir, Batches.Augmentation.CIFAR);
    }

    /**
     * @param spec the architecture
     * @param options hyper-parameters
     * @param checkpointDir folder of the checkpoint, or null for none
     * @param augmentation the training images' random crop and flips
     */
    public Trainer(ResNetSpec spec, TrainingOptions options, Path checkpointDir, Batches.Augmentation augmentation) {
        this(spec, options, checkpointDir, augmentation, TrainingThreads.REPRODUCIBLE);
    }

    /**
     * @param spec the architecture
     * @param options hyper-parameters
     * @param checkpointDir folder of the checkpoint, or null for none
     * @param augmentation the training images' random crop and flips
     * @param threads the native threads of the training ops and what a seed then guarantees
     *     (not part of the checkpoint's fingerprint: a run resumed in the other mode continues)
     */
    public Trainer(ResNetSpec spec, TrainingOptions options, Path checkpointDir, Batches.Augmentation augmentation,
                   TrainingThreads threads) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.options = Objects.requireNonNull(options, "options");
        this.checkpointDir = checkpointDir;
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /**
     * Trains, resuming from the checkpoint if one exists for the same options.
     *
     * @param train training images
     * @param norm normalisation
     * @param stopAfterEpochs stop (with a checkpoint) once this many epochs in total are done, to
     *     simulate an interruption; use {@code Integer.MAX_VALUE} to run to the end
     * @param listener progress in steps over the whole run
     * @return the trained network (noise-aware if it had fine-tuning epochs)
     * @throws IOException if the checkpoint cannot be read or written
     * @throws IllegalStateException if the checkpoint belongs to other options
     */
    @SuppressWarnings("try") // the lock is held for the try block's duration; its body need not name it
    public ComputationGraph train(LabeledImages train, Batches.Normalization norm, int stopAfterEpochs,
                                  ProgressListener listener) throws IOException {
        if (train.count() < 1) {
            throw new IllegalArgumentException("no training images");
        }
        if (checkpointDir == null) {
            return train(train, norm, stopAfterEpochs, listener, fingerprint(train, norm));
        }
        try (TrainingFiles.Lock lock = TrainingFiles.lock(checkpointDir)) {
            TrainingFiles.removeStaleTemporaries(checkpointDir);
            // The fixed temporary names of earlier versions; safe to delete while the folder is locked.
            Files.deleteIfExists(checkpointDir.resolve(Checkpoints.LEGACY_MODEL + ".tmp"));
            Files.deleteIfExists(checkpointDir.resolve(Checkpoints.STATE + ".tmp"));
            return train(train, norm, stopAfterEpochs, listener, fingerprint(train, norm));
        }
    }

    private ComputationGraph train(LabeledImages train, Batches.Normalization norm, int stopAfterEpochs,
                                   ProgressListener listener, String fingerprint) throws IOException {
        try {
            return threads.during(() -> trainEpochs(train, norm, stopAfterEpochs, listener, fingerprint));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ComputationGraph trainEpochs(LabeledImages train, Batches.Normalization norm, int stopAfterEpochs,
                                         ProgressListener listener, String fingerprint) throws IOException {
        int done = 0;
        ComputationGraph net = null;
        Checkpoints.Checkpoint saved = checkpointDir == null ? null : Checkpoints.read(checkpointDir);
        if (saved != null) {
            if (!fingerprint.equals(saved.fingerprint())) {
                throw new IllegalStateException("checkpoint in " + checkpointDir + " was made with other options ("
                        + saved.fingerprint() + "), not " + fingerprint + "; delete it or use another folder");
            }
            if (saved.epochsDone() > options.totalEpochs()) {
                throw new IOException(Checkpoints.damaged(checkpointDir.resolve(Checkpoints.STATE), "epochsDone " + saved.epochsDone()
                        + " is more than the " + options.totalEpochs() + " epochs of this training"));
            }
            done = saved.epochsDone();
            net = Checkpoints.loadModel(saved.model());
        }
        int steps = (train.count() + options.batchSize() - 1) / options.batchSize();
        long total = (long) steps * options.totalEpochs();
        int end = Math.min(options.totalEpochs(), stopAfterEpochs);
        DataParallelStep replicas = null;
        try {
            for (int e = done; e < end; e++) {
                boolean noiseAware = e >= options.baselineEpochs();
                if (net == null) {
                    net = noiseAware ? noiseAwareNet(null, train) : baselineNet(train);
                } else if (noiseAware && e == options.baselineEpochs()) {
                    net = noiseAwareNet(net, train);
                }
                if (threads.replicas() > 1 && (replicas == null || replicas.network() != net)) {
                    if (replicas != null) {
                        replicas.close();
                    }
                    replicas = new DataParallelStep(net, threads.replicas());
                }
                // Epoch-based learning-rate schedules read the phase's own epoch count.
                net.getConfiguration().setEpochCount(noiseAware ? e - options.baselineEpochs() : e);
                UniformRandomProvider rng = NamedStream.TRAINING_ORDER.stream(options.seed(), e);
                int[] order = Batches.permutation(train.count(), rng);
                for (int s = 0; s < steps; s++) {
                    int from = s * options.batchSize();
                    int[] idx = java.util.Arrays.copyOfRange(order, from,
                            Math.min(order.length, from + options.batchSize()));
                    DataSet ds = Batches.batch(train, idx, norm, augmentation, rng);
                    if (replicas != null) {
                        replicas.fit(ds);
                    } else {
                        Networks.fit(net, ds);
                    }
                    listener.progress((long) e * steps + s + 1, total);
                }
                if (checkpointDir != null) {
                    checkpoint(net, norm, e + 1, fingerprint);
                }
            }
        } finally {
            if (replicas != null) {
                replicas.close();
            }
        }
        return net;
    }

    private ComputationGraph baselineNet(LabeledImages train) {
        int b = options.baselineEpochs();
        Map<Integer, Double> lr = new HashMap<>();
        lr.put(0, options.baselineLearningRate());
        if (b >= 4) {
            lr.put(b / 2, options.baselineLearningRate() * 0.1);
            lr.put(3 * b / 4, options.baselineLearningRate() * 0.01);
        }
        return ResNets.build(spec, train.channels(), train.side(), NamedStream.INITIALISATION.seed(options.seed()),
                new Nesterovs(new MapSchedule(ScheduleType.EPOCH, lr), options.momentum()), options.weightDecay(), null);
    }

    /** A fresh noise-aware network (its own updater state) starting from the baseline's parameters. */
    private ComputationGraph noiseAwareNet(ComputationGraph baseline, LabeledImages train) {
        int f = options.noiseAwareEpochs();
        Map<Integer, Double> lr = new HashMap<>();
        lr.put(0, options.noiseAwareLearningRate());
        if (f >= 3) {
            lr.put((2 * f + 2) / 3, options.noiseAwareLearningRate() * 0.1);
        }
        NoiseAwareWeightNoise noise = new NoiseAwareWeightNoise(options.seed(), options.relativeNoise(),
                options.clipSigmas());
        ComputationGraph net = ResNets.build(spec, train.channels(), train.side(),
                NamedStream.INITIALISATION.seed(options.seed()), new Nesterovs(new MapSchedule(ScheduleType.EPOCH, lr),
                options.momentum()), options.weightDecay(), noise);
        if (baseline != null) {
            net.setParams(baseline.params());
        }
        return net;
    }

    /**
     * The checkpoint after {@code epochsDone} epochs: the model as {@code checkpoint-<epochs>.zip},
     * then the state file naming it, each renamed into place when complete; older models are deleted
     * last. A run stopped at any point leaves a state file and the model it names.
     */
    private void checkpoint(ComputationGraph net, Batches.Normalization norm, int epochsDone, String fingerprint)
            throws IOException {
        Files.createDirectories(checkpointDir);
        String modelName = "checkpoint-" + epochsDone + ".zip";
        TrainingFiles.writeAtomically(checkpointDir.resolve(modelName), f -> writeModel(net, norm, f, true, threads));
        Properties p = new Properties();
        p.setProperty("epochsDone", Integer.toString(epochsDone));
        p.setProperty("fingerprint", fingerprint);
        p.setProperty("model", modelName);
        TrainingFiles.writeAtomically(checkpointDir.resolve(Checkpoints.STATE), f -> {
            try (OutputStream out = Files.newOutputStream(f)) {
                p.store(out, "pcm-nn training checkpoint");
            }
        });
        try (java.nio.file.DirectoryStream<Path> old = Files.newDirectoryStream(checkpointDir, "checkpoint*.zip")) {
            for (Path f : old) {
                if (!f.getFileName().toString().equals(modelName)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private String fingerprint(LabeledImages train, Batches.Normalization norm) {
        long h = java.util.Arrays.hashCode(train.labels()) * 31L + train.count();
        return spec.name() + "|" + options + "|augmentation=" + augmentation + "|streams=named|images=" + train.count()
                + "x" + train.channels() + "x" + train.side() + "|labels=" + Long.toHexString(h)
                + "|mean=" + java.util.Arrays.toString(norm.mean());
    }

    /**
     * Saves a network with its normalisation.
     *
     * @param net the network
     * @param norm its input normalisation
     * @param file destination zip
     * @param withUpdater also save the optimiser state (for resuming)
     * @throws IOException if it cannot be written
     */
    public static void save(ComputationGraph net, Batches.Normalization norm, Path file, boolean withUpdater)
            throws IOException {
        save(net, norm, file, withUpdater, null);
    }

    /**
     * Saves a network with its normalisation and the mode it was trained in.
     *
     * @param net the network
     * @param norm its input normalisation
     * @param file destination zip
     * @param withUpdater also save the optimiser state (for resuming)
     * @param mode the training-threads mode that trained it, or null if not known
     * @throws IOException if it cannot be written
     */
    public static void save(ComputationGraph net, Batches.Normalization norm, Path file, boolean withUpdater,
                            TrainingThreads mode) throws IOException {
        TrainingFiles.writeAtomically(file, f -> writeModel(net, norm, f, withUpdater, mode));
    }

    private static void writeModel(ComputationGraph net, Batches.Normalization norm, Path file, boolean withUpdater,
                                   TrainingThreads mode) throws IOException {
        ModelSerializer.writeModel(net, file.toFile(), withUpdater);
        ModelSerializer.addObjectToFile(file.toFile(), NORMALIZATION_KEY, norm);
        if (mode != null) {
            ModelSerializer.addObjectToFile(file.toFile(), TRAINING_THREADS_KEY, mode.id());
        }
    }

    /**
     * A saved network and its input normalisation.
     *
     * @param network the network
     * @param normalization per-channel statistics its inputs need
     * @param trainingThreads the training-threads mode that trained it ({@link TrainingThreads#id()}), or
     *     null for a file that does not record it (saved before 2026-12-01, or by {@link #save} without one)
     */
    public record SavedModel(ComputationGraph network, Batches.Normalization normalization, String trainingThreads) {
    }

    /**
     * @param file a model saved by {@link #save}
     * @return the network and its normalisation
     * @throws IOException if it cannot be read or holds no normalisation
     */
    public static SavedModel load(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "model file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("model file " + file + " is not a file; pass another --model (a model saved by "
                    + "pcm train, or a new path to train and save one there)");
        }
        String problem = Checkpoints.modelZipProblem(file);
        if (problem != null) {
            throw new IOException(notAModel(file, problem));
        }
        ComputationGraph net;
        try {
            net = ComputationGraph.load(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new IOException(notAModel(file, "it cannot be read as one (" + Checkpoints.reason(e) + ")"), e);
        }
        Batches.Normalization norm;
        try {
            norm = ModelSerializer.getObjectFromFile(file.toFile(), NORMALIZATION_KEY);
        } catch (RuntimeException e) {
            throw new IOException(notAModel(file, "it has no '" + NORMALIZATION_KEY + "' entry"), e);
        }
        if (norm == null) {
            throw new IOException(notAModel(file, "it has no '" + NORMALIZATION_KEY + "' entry"));
        }
        String mode;
        try {
            mode = ModelSerializer.getObjectFromFile(file.toFile(), TRAINING_THREADS_KEY);
        } catch (RuntimeException e) {
            mode = null; // a model saved before the mode was recorded
        }
        return new SavedModel(net, norm, mode);
    }

    private static String notAModel(Path file, String why) {
        return "model file " + file + " is not a pcm-sim model: " + why + "; delete it to train a new one there, "
                + "or pass another --model";
    }
}
