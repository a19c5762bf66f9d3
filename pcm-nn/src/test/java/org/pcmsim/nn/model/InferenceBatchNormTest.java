package org.pcmsim.nn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.pcmsim.nn.OneDnn;

/**
 * The Java inference batch norm gives oneDNN's outputs to the bit, and leaves training alone. The
 * batch-norm statistics are made far from their initial values (mean 0, variance 1, γ 1, β 0), where
 * any other order of the arithmetic would show in the last bits of most outputs.
 */
class InferenceBatchNormTest {

    @Test
    void wholeNetworkOutputsEqualOneDnnsToTheBit() {
        ComputationGraph oneDnn = trainedLookingResNet();
        ComputationGraph java = oneDnn.clone();
        INDArray x = input(16, 1);

        float[] expected = flat(oneDnn.outputSingle(false, x));
        float[] actual = flat(Networks.output(java, x));

        int batchNorms = 0;
        for (Layer l : java.getLayers()) {
            if (l instanceof BatchNormalization) {
                assertTrue(InferenceBatchNorm.installedOn(l), "layer " + l.conf().getLayer().getLayerName());
                batchNorms++;
            }
        }
        assertEquals(9, batchNorms, "ResNet-8: the stem, 2 in each of 3 blocks, 1 in each of 2 projection shortcuts");
        for (Layer l : oneDnn.getLayers()) {
            assertFalse(InferenceBatchNorm.installedOn(l));
        }
        assertArrayEquals(expected, actual);
        // A second call reuses the installed helpers (and their buffers) and still agrees.
        INDArray x2 = input(5, 2);
        assertArrayEquals(flat(oneDnn.outputSingle(false, x2)), flat(Networks.output(java, x2)));
    }

    @Test
    void trainingStepsAreOneDnnsUnchanged() {
        ComputationGraph plain = trainedLookingResNet();
        ComputationGraph installed = plain.clone();
        Networks.output(installed, input(4, 3));
        INDArray x = input(8, 4);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 10);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 10, 1f);
        }
        for (int step = 0; step < 2; step++) {
            plain.fit(new INDArray[] {x}, new INDArray[] {y});
            installed.fit(new INDArray[] {x}, new INDArray[] {y});
        }
        assertArrayEquals(flat(plain.params()), flat(installed.params()));
    }

    /** ResNet-8 on 1 × 12 × 12 input, with every batch norm's γ, β, mean and log10 σ drawn at random. */
    private static ComputationGraph trainedLookingResNet() {
        OneDnn.enableHelpers();
        ComputationGraph net = ResNets.build(ResNetSpec.RESNET8, 1, 12, 11, new Nesterovs(0.05, 0.9), 1e-4, null);
        SplittableRandom r = new SplittableRandom(5);
        for (Layer l : net.getLayers()) {
            if (l instanceof BatchNormalization) {
                for (String key : l.paramTable().keySet()) {
                    INDArray p = l.getParam(key);
                    float[] v = new float[(int) p.length()];
                    for (int i = 0; i < v.length; i++) {
                        double z = r.nextGaussian();
                        v[i] = (float) switch (key) {
                            case "gamma" -> 1 + 0.3 * z;
                            case "log10stdev" -> 0.3 * z;
                            default -> 0.5 * z;
                        };
                    }
                    l.setParam(key, Nd4j.create(v, p.shape()));
                }
            }
        }
        return net;
    }

    private static float[] flat(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    private static INDArray input(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n * 12 * 12];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Nd4j.create(v, new long[] {n, 1, 12, 12});
    }
}
