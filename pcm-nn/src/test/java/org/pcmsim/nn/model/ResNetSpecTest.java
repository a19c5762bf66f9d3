package org.pcmsim.nn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ResNetSpecTest {

    /** Hand counts: stem, 3 × 3 pairs per block, 1 × 1 shortcuts at the stride-2 blocks, dense weights. */
    @Test
    void multiplyAccumulatesMatchHandCounts() {
        // ResNet-8 on 1 × 28 × 28: 16·9·784 + 2·16·16·9·784 + (16·32·9 + 32·32·9 + 16·32)·196
        // + (32·64·9 + 64·64·9 + 32·64)·49 + 64·10.
        assertEquals(9_345_920L, ResNetSpec.RESNET8.multiplyAccumulates(1, 28));
        // ResNet-14: one more block per stage, 3 × 2 · 16·16·9·784 more.
        assertEquals(20_183_936L, ResNetSpec.RESNET14.multiplyAccumulates(1, 28));
        // ResNet-32 on CIFAR-10's 3 × 32 × 32: the ≈ 69 M usually quoted.
        assertEquals(69_124_736L, ResNetSpec.RESNET32.multiplyAccumulates(3, 32));
        assertEquals(645_216L, ResNetSpec.RESNET8_CI.multiplyAccumulates(1, 28));
        assertThrows(IllegalArgumentException.class, () -> ResNetSpec.RESNET8.convolutions(0, 28));
    }

    /** The listed convolutions are the built network's: weights × output area, summed, is the same count. */
    @Test
    void countAgreesWithTheBuiltNetwork() {
        for (ResNetSpec spec : new ResNetSpec[] {ResNetSpec.RESNET8, ResNetSpec.RESNET8_CI}) {
            ComputationGraph net = ResNets.build(spec, 1, 28, 1, null, 0, null);
            INDArray x = Nd4j.rand(DataType.FLOAT, 1, 1, 28, 28);
            Map<String, INDArray> acts = net.feedForward(x, false);
            long macs = 0;
            int convs = 0;
            for (GraphVertex v : net.getVertices()) {
                if (!v.hasLayer()) {
                    continue;
                }
                Object conf = v.getLayer().conf().getLayer();
                if (conf instanceof ConvolutionLayer) {
                    long[] shape = acts.get(v.getVertexName()).shape();
                    macs += v.getLayer().numParams() * shape[2] * shape[3];
                    convs++;
                } else if (conf instanceof OutputLayer) {
                    macs += v.getLayer().getParam("W").length();
                }
            }
            assertEquals(spec.convolutions(1, 28).size(), convs, spec.name());
            assertEquals(spec.multiplyAccumulates(1, 28), macs, spec.name());
        }
    }
}
