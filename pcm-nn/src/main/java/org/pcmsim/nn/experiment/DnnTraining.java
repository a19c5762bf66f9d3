package org.pcmsim.nn.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.pcmsim.montecarlo.ProgressListener;
import org.pcmsim.nn.OneDnn;
import org.pcmsim.nn.analog.AnalogConfig;
import org.pcmsim.nn.analog.AnalogNetwork;
import org.pcmsim.nn.data.Batches;
import org.pcmsim.nn.training.ChunkedEvaluator;
import org.pcmsim.nn.training.Trainer;
import org.pcmsim.nn.training.TrainingOptions;
import org.pcmsim.nn.training.TrainingThreads;
import org.pcmsim.slicing.SlicingAlgorithm;

/**
 * The model of a DNN run: loaded from its file, or trained (a digital baseline, then noise-aware
 * fine-tuning; docs/model.md §6) with the reference's hyper-parameters and saved, resuming from a
 * checkpoint after an interruption.
 */
final class DnnTraining {
    /** Initial learning rate of the digital baseline (SGD). */
    static final double BASELINE_LEARNING_RATE = 0.1;
    /** Initial learning rate of noise-aware fine-tuning. */
    static final double NOISE_AWARE_LEARNING_RATE = 0.01;
    /** SGD momentum. */
    static final double MOMENTUM = 0.9;
    /** L2 weight decay. */
    static final double WEIGHT_DECAY = 1e-4;
    /** Noise-aware training noise, σ / max|W| per layer. */
    static final double RELATIVE_NOISE = 0.038;
    /** Noise-aware clipping point, in σ_W of each layer. */
    static final double CLIP_SIGMAS = 2.0;

    private DnnTraining() {
    }

    /**
     * @param o options
     * @return the training hyper-parameters of these options
     */
    static TrainingOptions options(DnnOptions o) {
        return new TrainingOptions(o.epochs(), o.noiseAwareEpochs(), o.batchSize(), BASELINE_LEARNING_RATE,
                NOISE_AWARE_LEARNING_RATE, MOMENTUM, WEIGHT_DECAY, RELATIVE_NOISE, CLIP_SIGMAS, o.seed());
    }

    /**
     * Loads the model file if it exists, else trains one (resuming from a checkpoint) and saves it.
     *
     * @param o options
     * @param data the data
     * @param listener training progress (steps)
     * @return the model
     * @throws IOException if files cannot be read or written
     */
    static DnnExperiments.TrainedModel obtain(DnnOptions o, DnnData data, ProgressListener listener)
            throws IOException {
        OneDnn.enableHelpers();
        Path file = o.resolvedModelFile();
        if (Files.exists(file)) {
            Trainer.SavedModel m = Trainer.load(file);
            try (ChunkedEvaluator ev = new ChunkedEvaluator(o.threads())) {
                double acc = ChipEvaluation.digitalAccuracy(ev, m.network(), data.test(), m.normalization(),
                        o.evalBatchSize());
                return new DnnExperiments.TrainedModel(m.network(), m.normalization(), file, false, 0,
                        m.trainingThreads() == null ? "not recorded in the model file" : m.trainingThreads(), acc,
                        clippedAccuracy(ev, m.network(), data, m.normalization(), o));
            }
        }
        long start = System.nanoTime();
        TrainingThreads mode = TrainingThreads.fromEnvironment(System.getenv(TrainingThreads.ENVIRONMENT));
        Trainer trainer = new Trainer(o.network(), options(o), checkpointDir(o), o.dataset().augmentation(), mode);
        ComputationGraph net = trainer.train(data.train(), data.normalization(), Integer.MAX_VALUE, listener);
        Trainer.save(net, data.normalization(), file, false, mode);
        double secs = (System.nanoTime() - start) / 1e9;
        try (ChunkedEvaluator ev = new ChunkedEvaluator(o.threads())) {
            double acc = ChipEvaluation.digitalAccuracy(ev, net, data.test(), data.normalization(), o.evalBatchSize());
            return new DnnExperiments.TrainedModel(net, data.normalization(), file, true, secs, mode.id(), acc,
                    clippedAccuracy(ev, net, data, data.normalization(), o));
        }
    }

    /**
     * @param o options
     * @return the folder of the training checkpoint of these options
     */
    static Path checkpointDir(DnnOptions o) {
        return o.outDir().resolve("checkpoints-" + o.dataset().id() + "-" + o.network().name());
    }

    /** Test accuracy with conv/dense weights clipped at 2 σ_W: the figures' digital baseline. */
    private static double clippedAccuracy(ChunkedEvaluator ev, ComputationGraph net, DnnData data,
                                          Batches.Normalization norm, DnnOptions o) {
        Model clipped = AnalogNetwork.clippedDigital(net, AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 1, 1));
        return ChipEvaluation.digitalAccuracy(ev, clipped, data.test(), norm, o.evalBatchSize());
    }
}
