package org.pcmsim.nn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.pcmsim.nn.OneDnn;
import org.pcmsim.nn.training.NoiseAwareWeightNoise;

/**
 * Data-parallel steps: one replica is DL4J's {@code fit} to the bit; two replicas on a batch made of
 * the same half twice are {@code fit} on that half to the bit (which checks the sum of the gradients,
 * the division by the whole batch and the weighting of the batch-norm statistics exactly); and two
 * replicas give the same weights on every run, on an odd batch size too. Deterministic: no tolerance.
 */
class DataParallelStepTest {
    private static final int STEPS = 3;
    private static final IWeightNoise[] NOISES = {null, new NoiseAwareWeightNoise(7)};

    @Test
    void oneReplicaIsFitToTheBit() {
        for (IWeightNoise noise : NOISES) {
            ComputationGraph plain = resNet(noise);
            ComputationGraph net = plain.clone();
            try (DataParallelStep step = new DataParallelStep(net, 1)) {
                for (int s = 0; s < STEPS; s++) {
                    DataSet batch = batch(8, s);
                    Networks.fit(plain, batch);
                    step.fit(batch);
                }
            }
            assertEquals(plain.getIterationCount(), net.getIterationCount());
            assertArrayEquals(flat(plain.params()), flat(net.params()), "noise " + noise);
        }
    }

    @Test
    void twoReplicasOnTheSameHalfTwiceAreFitOnThatHalf() {
        for (IWeightNoise noise : NOISES) {
            ComputationGraph plain = resNet(noise);
            ComputationGraph net = plain.clone();
            try (DataParallelStep step = new DataParallelStep(net, 2)) {
                for (int s = 0; s < STEPS; s++) {
                    DataSet half = batch(6, s);
                    Networks.fit(plain, half);
                    step.fit(new DataSet(Nd4j.concat(0, half.getFeatures(), half.getFeatures()),
                            Nd4j.concat(0, half.getLabels(), half.getLabels())));
                }
            }
            assertEquals(plain.getIterationCount(), net.getIterationCount());
            assertArrayEquals(flat(plain.params()), flat(net.params()), "noise " + noise);
        }
    }

    @Test
    void twoReplicasGiveTheSameWeightsOnEveryRun() {
        ComputationGraph start = resNet(new NoiseAwareWeightNoise(3));
        float[][] runs = new float[2][];
        for (int run = 0; run < runs.length; run++) {
            ComputationGraph net = start.clone();
            try (DataParallelStep step = new DataParallelStep(net, 2)) {
                for (int s = 0; s < STEPS; s++) {
                    step.fit(batch(9, s)); // parts of 5 and 4 images
                }
            }
            runs[run] = flat(net.params());
        }
        assertArrayEquals(runs[0], runs[1]);
        ComputationGraph whole = start.clone();
        for (int s = 0; s < STEPS; s++) {
            Networks.fit(whole, batch(9, s));
        }
        // Batch norm over each part, not the whole batch: other weights than single-replica training.
        assertFalse(Arrays.equals(runs[0], flat(whole.params())));
    }

    @Test
    void aBatchSmallerThanTheReplicasUsesFewerAndZeroReplicasIsRefused() {
        ComputationGraph plain = resNet(null);
        ComputationGraph net = plain.clone();
        try (DataParallelStep step = new DataParallelStep(net, 2)) {
            DataSet one = batch(1, 5);
            Networks.fit(plain, one);
            step.fit(one);
        }
        assertArrayEquals(flat(plain.params()), flat(net.params()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DataParallelStep(resNet(null), 0));
        assertEquals("replicas must be >= 1, got 0", e.getMessage());
    }

    private static ComputationGraph resNet(IWeightNoise noise) {
        OneDnn.enableHelpers();
        return ResNets.build(ResNetSpec.RESNET8, 1, 12, 11, new Nesterovs(0.05, 0.9), 1e-4, noise);
    }

    private static DataSet batch(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n * 12 * 12];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 10);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, r.nextInt(10), 1f);
        }
        return new DataSet(Nd4j.create(v, new long[] {n, 1, 12, 12}), y);
    }

    private static float[] flat(INDArray a) {
        return a.dup('c').data().asFloat();
    }
}
