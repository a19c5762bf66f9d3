package org.pcmsim.nn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.pcmsim.nn.OneDnn;
import org.pcmsim.nn.training.NoiseAwareWeightNoise;

/**
 * Training without DL4J's second forward pass of each convolution gives the same weights to the
 * bit, with and without the noise-aware weight noise, and the pass is really skipped (every
 * convolution, every step) without DL4J falling back to its own convolution code.
 */
class TrainingConvolutionTest {
    private static final int STEPS = 3;
    /** ResNet-8: the stem, two in each of three blocks, two projection shortcuts. */
    private static final int CONVOLUTIONS = 9;

    @Test
    void trainingGivesTheSameWeightsToTheBit() throws ReflectiveOperationException {
        for (IWeightNoise noise : new IWeightNoise[] {null, new NoiseAwareWeightNoise(7)}) {
            ComputationGraph plain = resNet(noise);
            ComputationGraph fast = plain.clone();
            for (int step = 0; step < STEPS; step++) {
                DataSet batch = batch(8, step);
                plain.fit(batch);
                Networks.fit(fast, batch);
            }
            int convolutions = 0;
            for (Layer l : fast.getLayers()) {
                if (l instanceof ConvolutionLayer) {
                    assertTrue(TrainingConvolution.installedOn(l), l.conf().getLayer().getLayerName());
                    assertEquals(STEPS, TrainingConvolution.skippedOn(l), l.conf().getLayer().getLayerName());
                    assertEquals(0, helperFailures(l), "DL4J fell back to its own convolution");
                    convolutions++;
                }
            }
            assertEquals(CONVOLUTIONS, convolutions);
            for (Layer l : plain.getLayers()) {
                assertFalse(TrainingConvolution.installedOn(l));
            }
            assertArrayEquals(flat(plain.params()), flat(fast.params()), "noise " + noise);
        }
    }

    @Test
    void inferenceAfterTrainingStillConvolves() {
        ComputationGraph plain = resNet(null);
        ComputationGraph fast = plain.clone();
        DataSet batch = batch(8, 0);
        plain.fit(batch);
        Networks.fit(fast, batch);
        // The same input array twice in a row, as a forward pass and then its replay: both computed.
        INDArray x = batch.getFeatures();
        float[] expected = flat(plain.outputSingle(false, x));
        assertArrayEquals(expected, flat(fast.outputSingle(false, x)));
        assertArrayEquals(expected, flat(fast.outputSingle(false, x)));
        assertArrayEquals(flat(plain.outputSingle(true, x)), flat(fast.outputSingle(true, x)));
    }

    private static ComputationGraph resNet(IWeightNoise noise) {
        OneDnn.enableHelpers();
        return ResNets.build(ResNetSpec.RESNET8, 1, 12, 11, new Nesterovs(0.05, 0.9), 1e-4, noise);
    }

    private static int helperFailures(Layer l) throws ReflectiveOperationException {
        Field f = ConvolutionLayer.class.getDeclaredField("helperCountFail");
        f.setAccessible(true);
        return f.getInt(l);
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
