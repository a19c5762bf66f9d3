package org.pcmsim.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.pcmsim.montecarlo.ProgressListener;
import org.pcmsim.nn.data.Batches;
import org.pcmsim.nn.data.LabeledImages;
import org.pcmsim.nn.data.SyntheticCifar;
import org.pcmsim.nn.model.Networks;
import org.pcmsim.nn.model.ResNetSpec;
import org.pcmsim.nn.training.Trainer;
import org.pcmsim.nn.training.TrainingOptions;
import org.pcmsim.nn.training.TrainingThreads;

/**
 * The reproducible and replicas training modes give the same weights and accuracies for a seed whatever
 * OpenMP thread count the calling thread had (oneDNN's and OpenBLAS's threads), and leaves that setting as it
 * found it. (libnd4j's own loop threads are fixed when it loads; surefire starts it with one.)
 */
class TrainingThreadsTest {
    @Test
    void reproducibleModeIgnoresTheProcessThreadCount() throws IOException {
        sameWeightsWhateverTheThreadCount(TrainingThreads.REPRODUCIBLE);
    }

    @Test
    void replicasModeIgnoresTheProcessThreadCount() throws IOException {
        sameWeightsWhateverTheThreadCount(TrainingThreads.REPLICAS);
    }

    private static void sameWeightsWhateverTheThreadCount(TrainingThreads mode) throws IOException {
        OneDnn.enableHelpers();
        LabeledImages train = new SyntheticCifar(3).generate(200, 1);
        LabeledImages test = new SyntheticCifar(3).generate(100, 2);
        Batches.Normalization norm = Batches.Normalization.of(train);
        // One digital epoch and one noise-aware epoch, batch 64 (4 steps per epoch, the last one short).
        TrainingOptions opt = new TrainingOptions(1, 1, 64, 0.05, 0.01, 0.9, 1e-4, 0.038, 2.0, 23);

        setProcessThreads(1);
        ComputationGraph one = train(train, norm, opt, mode);
        // As if the JVM had been started with OMP_NUM_THREADS=2: the mode must still train on one thread.
        setProcessThreads(2);
        ComputationGraph two = train(train, norm, opt, mode);
        assertEquals(2, NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(),
                "the thread's setting is restored after training");
        setProcessThreads(1);

        // Sensitive: the same second run in FASTEST mode (2 oneDNN threads) differs by 2.4e-7 in the weights.
        assertEquals(0.0, one.params().sub(two.params()).amaxNumber().doubleValue(), 0.0, mode + ": bit-identical weights");
        assertEquals(correct(one, test, norm), correct(two, test, norm), mode + ": identical accuracy");
    }

    @Test
    void modeNamesAreCheckedAndTheDefaultIsReproducible() {
        assertEquals(TrainingThreads.REPRODUCIBLE, TrainingThreads.fromEnvironment(null));
        assertEquals(TrainingThreads.REPRODUCIBLE, TrainingThreads.fromEnvironment(" "));
        assertEquals(TrainingThreads.FASTEST, TrainingThreads.fromEnvironment("Fastest"));
        assertEquals(TrainingThreads.REPLICAS, TrainingThreads.fromEnvironment("replicas"));
        assertEquals(1, TrainingThreads.REPRODUCIBLE.threads());
        assertEquals(1, TrainingThreads.REPLICAS.threads());
        assertEquals(2, TrainingThreads.REPLICAS.replicas());
        assertEquals(1, TrainingThreads.FASTEST.replicas());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingThreads.fromEnvironment("fast"));
        assertTrue(e.getMessage().contains("'fast'") && e.getMessage().contains(TrainingThreads.ENVIRONMENT),
                e.getMessage());
    }

    private static ComputationGraph train(LabeledImages train, Batches.Normalization norm, TrainingOptions opt,
                                          TrainingThreads mode) throws IOException {
        return new Trainer(ResNetSpec.RESNET8_CI, opt, null, Batches.Augmentation.CIFAR, mode)
                .train(train, norm, Integer.MAX_VALUE, ProgressListener.NONE);
    }

    private static void setProcessThreads(int n) {
        Nd4j.getEnvironment(); // loads the backend, which NativeOpsHolder needs
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
    }

    private static int correct(ComputationGraph net, LabeledImages test, Batches.Normalization norm) {
        int[] all = Batches.permutation(test.count(), null);
        INDArray out = Networks.output(net, Batches.batch(test, all, norm, null).getFeatures());
        int hits = 0;
        for (int i = 0; i < test.count(); i++) {
            hits += out.getRow(i).argMax().getInt(0) == test.label(i) ? 1 : 0;
        }
        return hits;
    }
}
