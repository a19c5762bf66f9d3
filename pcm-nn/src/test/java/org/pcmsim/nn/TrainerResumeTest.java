package org.pcmsim.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcmsim.montecarlo.ProgressListener;
import org.pcmsim.nn.data.Batches;
import org.pcmsim.nn.data.LabeledImages;
import org.pcmsim.nn.data.SyntheticCifar;
import org.pcmsim.nn.model.ResNetSpec;
import org.pcmsim.nn.training.NoiseAwareWeightNoise;
import org.pcmsim.nn.training.Trainer;
import org.pcmsim.nn.training.TrainingOptions;

/** An interrupted training run, resumed from its checkpoint, ends exactly where an uninterrupted one does. */
class TrainerResumeTest {
    @TempDir
    Path dir;

    @Test
    void resumedRunEqualsUninterruptedRun() throws IOException {
        OneDnn.enableHelpers();
        LabeledImages train = new SyntheticCifar(2).generate(160, 1);
        Batches.Normalization norm = Batches.Normalization.of(train);
        // 2 digital epochs then 1 noise-aware epoch, batch 64 (3 steps per epoch, the last one short).
        TrainingOptions opt = new TrainingOptions(2, 1, 64, 0.05, 0.01, 0.9, 1e-4, 0.038, 2.0, 17);
        ComputationGraph straight = new Trainer(ResNetSpec.RESNET8_CI, opt, dir.resolve("a"))
                .train(train, norm, Integer.MAX_VALUE, ProgressListener.NONE);

        Path b = dir.resolve("b");
        new Trainer(ResNetSpec.RESNET8_CI, opt, b).train(train, norm, 1, ProgressListener.NONE);
        // A new trainer, as after a crash: resumes in the digital phase, crosses into the noise-aware one.
        ComputationGraph resumed = new Trainer(ResNetSpec.RESNET8_CI, opt, b)
                .train(train, norm, Integer.MAX_VALUE, ProgressListener.NONE);

        assertEquals(straight.numParams(), resumed.numParams());
        assertEquals(0.0, straight.params().sub(resumed.params()).amaxNumber().doubleValue(), 1e-6,
                "parameters after resuming");
        assertTrue(resumed.getLayer("stem").conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BaseLayer bl
                && bl.getWeightNoise() instanceof NoiseAwareWeightNoise, "final phase is noise-aware");

        // A checkpoint made with other options is refused, not silently mixed in.
        TrainingOptions other = new TrainingOptions(3, 1, 64, 0.05, 0.01, 0.9, 1e-4, 0.038, 2.0, 17);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Trainer(ResNetSpec.RESNET8_CI, other, b).train(train, norm, Integer.MAX_VALUE, ProgressListener.NONE));
        assertTrue(e.getMessage().contains(b.toString()), e.getMessage());

        // Saved models load with their normalisation.
        Path file = dir.resolve("model.zip");
        Trainer.save(resumed, norm, file, false);
        Trainer.SavedModel m = Trainer.load(file);
        assertEquals(0.0, m.network().params().sub(resumed.params()).amaxNumber().doubleValue(), 0.0);
        assertEquals(norm, m.normalization());
    }

    @Test
    void resumedRunEqualsUninterruptedRunOnReplicas() throws IOException {
        OneDnn.enableHelpers();
        LabeledImages train = new SyntheticCifar(2).generate(150, 1);
        Batches.Normalization norm = Batches.Normalization.of(train);
        // 1 digital epoch then 2 noise-aware ones, batch 64: the last step of an epoch has 22 images (11 + 11).
        TrainingOptions opt = new TrainingOptions(1, 2, 64, 0.05, 0.01, 0.9, 1e-4, 0.038, 2.0, 19);
        ComputationGraph straight = replicas(opt, dir.resolve("ra")).train(train, norm, Integer.MAX_VALUE,
                ProgressListener.NONE);
        Path b = dir.resolve("rb");
        replicas(opt, b).train(train, norm, 2, ProgressListener.NONE);
        ComputationGraph resumed = replicas(opt, b).train(train, norm, Integer.MAX_VALUE, ProgressListener.NONE);
        // The replicas' state is the network's (parameters, updater, counts): a resumed run is the same run.
        assertEquals(0.0, straight.params().sub(resumed.params()).amaxNumber().doubleValue(), 0.0,
                "parameters after resuming on replicas");
    }

    private static Trainer replicas(TrainingOptions opt, Path checkpoint) {
        return new Trainer(ResNetSpec.RESNET8_CI, opt, checkpoint, Batches.Augmentation.CIFAR,
                org.pcmsim.nn.training.TrainingThreads.REPLICAS);
    }
}
