package org.pcmsim.nn.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.pcmsim.nn.data.LabeledImages;

/**
 * Builds CIFAR ResNets ({@link ResNetSpec}) as DL4J computation graphs, for CIFAR-10's 3 × 32 × 32
 * input or any other square input (Fashion-MNIST: 1 × 28 × 28). The network is fully
 * convolutional up to its global average pooling, so only the stem's input channels depend on the
 * input shape.
 */
public final class ResNets {
    private ResNets() {
    }

    /**
     * A ResNet for CIFAR-10's 3 × 32 × 32 input.
     *
     * @param spec the architecture
     * @param seed parameter-initialisation seed
     * @param updater the optimiser (e.g. SGD with momentum and a learning-rate schedule)
     * @param l2 L2 penalty on weights (PyTorch's weight decay), ≥ 0
     * @param weightNoise noise on every convolution and dense weight during training, or null
     * @return an initialised network
     */
    public static ComputationGraph build(ResNetSpec spec, long seed, IUpdater updater, double l2, IWeightNoise weightNoise) {
        return build(spec, LabeledImages.CHANNELS, LabeledImages.SIDE, seed, updater, l2, weightNoise);
    }

    /**
     * @param spec the architecture
     * @param channels input channels, ≥ 1 (3 for CIFAR-10, 1 for Fashion-MNIST)
     * @param side input height = width, pixels, ≥ 1 (32, 28)
     * @param seed parameter-initialisation seed
     * @param updater the optimiser (e.g. SGD with momentum and a learning-rate schedule)
     * @param l2 L2 penalty on weights (PyTorch's weight decay), ≥ 0
     * @param weightNoise noise on every convolution and dense weight during training, or null
     * @return an initialised network
     */
    public static ComputationGraph build(ResNetSpec spec, int channels, int side, long seed, IUpdater updater, double l2,
                                         IWeightNoise weightNoise) {
        if (channels < 1 || side < 1) {
            throw new IllegalArgumentException("channels and side must be >= 1, got " + channels + " and " + side);
        }
        if (!(l2 >= 0)) {
            throw new IllegalArgumentException("l2 must be >= 0, got " + l2);
        }
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater == null ? new Sgd(0.1) : updater)
                .weightInit(WeightInit.RELU)
                .l2(l2)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional(side, side, channels));
        int[] w = spec.widths();
        String x = convBn(g, "stem", "in", w[0], 3, spec.stemStride(), weightNoise, true);
        for (int s = 0; s < 3; s++) {
            for (int b = 0; b < spec.blocksPerStage(); b++) {
                String p = "s" + (s + 1) + "b" + (b + 1);
                int stride = (s > 0 && b == 0) ? 2 : 1;
                String y = convBn(g, p + "_c1", x, w[s], 3, stride, weightNoise, true);
                y = convBn(g, p + "_c2", y, w[s], 3, 1, weightNoise, false);
                String shortcut = x;
                if (stride != 1) {
                    shortcut = convBn(g, p + "_sc", x, w[s], 1, stride, weightNoise, false);
                }
                g.addVertex(p + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), y, shortcut);
                g.addLayer(p + "_out", new ActivationLayer.Builder().activation(Activation.RELU).build(), p + "_add");
                x = p + "_out";
            }
        }
        g.addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
        g.addLayer("fc", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(LabeledImages.CLASSES)
                .activation(Activation.SOFTMAX).weightNoise(weightNoise).build(), "gap");
        g.setOutputs("fc");
        ComputationGraph net = new ComputationGraph(g.build());
        net.init();
        return net;
    }

    private static String convBn(ComputationGraphConfiguration.GraphBuilder g, String name, String in, int nOut,
                                 int k, int stride, IWeightNoise noise, boolean relu) {
        // No conv bias: the batch norm that follows has its own shift.
        g.addLayer(name, new ConvolutionLayer.Builder(k, k).stride(stride, stride).nOut(nOut).hasBias(false)
                .activation(Activation.IDENTITY).weightNoise(noise).build(), in);
        g.addLayer(name + "_bn", new BatchNormalization.Builder().build(), name);
        if (!relu) {
            return name + "_bn";
        }
        g.addLayer(name + "_relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "_bn");
        return name + "_relu";
    }
}
