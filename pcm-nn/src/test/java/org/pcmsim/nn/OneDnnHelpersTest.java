package org.pcmsim.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The convolution, batch-norm and pooling layers really run through libnd4j's oneDNN helpers (not
 * only that the system property is set): after a training step, forward and backward, each layer
 * still holds its oneDNN helper. DL4J drops a helper that fails and falls back to im2col silently,
 * so a missing shim ({@code pcm-onednn-compat}) or a changed binding shows up here.
 */
class OneDnnHelpersTest {

    @Test
    void convolutionBatchNormAndPoolingUseOneDnnForwardAndBackward() {
        OneDnn.enableHelpers();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(1).dataType(DataType.FLOAT).updater(new Sgd(0.01))
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1, 8, 8);
        INDArray y = Nd4j.eye(3).getRows(0, 1, 2, 0).castTo(DataType.FLOAT);
        net.fit(x, y);

        assertHelper(net.getLayer(0).getHelper(), "MKLDNNConvHelper");
        assertHelper(net.getLayer(1).getHelper(), "MKLDNNBatchNormHelper");
        assertHelper(net.getLayer(2).getHelper(), "MKLDNNSubsamplingHelper");
    }

    private static void assertHelper(LayerHelper helper, String expected) {
        assertNotNull(helper, "no layer helper: DL4J fell back to its own implementation");
        assertEquals(expected, helper.getClass().getSimpleName());
    }
}
