package org.pcmsim.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.nn.analog.AnalogConfig;
import org.pcmsim.nn.analog.AnalogNetwork;
import org.pcmsim.nn.model.Networks;
import org.pcmsim.nn.model.ResNetSpec;
import org.pcmsim.nn.model.ResNets;
import org.pcmsim.slicing.SlicingAlgorithm;

/** Deployment of DL4J networks on simulated PCM chips. Deterministic: every random stream is seeded. */
class AnalogNetworkTest {

    static ComputationGraph resnet() {
        OneDnn.enableHelpers();
        return ResNets.build(ResNetSpec.RESNET8_CI, 3, new Sgd(0.1), 0, null);
    }

    static MultiLayerNetwork convMlp() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(4).dataType(DataType.FLOAT)
                .updater(new Sgd(0.1)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(4).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(12).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(32, 32, 3)).build();
        MultiLayerNetwork n = new MultiLayerNetwork(conf);
        n.init();
        return n;
    }

    static INDArray input() {
        return Nd4j.rand(DataType.FLOAT, 4, 3, 32, 32).subi(0.5).muli(2);
    }

    @Test
    void idealChipAtT0EqualsTheQuantizedDigitalNetwork() {
        INDArray x = input();
        for (Model net : new Model[] {resnet(), convMlp()}) {
            for (AnalogConfig c : new AnalogConfig[] {AnalogConfig.paper(SlicingAlgorithm.EQUAL_FILL, 4, 1),
                AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 1, 1), AnalogConfig.paper(SlicingAlgorithm.MAX_FILL_EC, 2, 2),
                AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 8, 1)}) {
                AnalogNetwork a = AnalogNetwork.convert(net, c.withDevice(PcmDeviceModel.ideal()));
                a.program(1, 0);
                INDArray analog = a.output(x);
                INDArray digital = Networks.output(AnalogNetwork.quantizedDigital(net, c), x);
                assertEquals(0.0, analog.sub(digital).amaxNumber().doubleValue(), 1e-5, c.scheme() + " on " + net.getClass());
            }
        }
    }

    @Test
    void chipKeepsItsProgrammingAcrossForwardPassesAndTimes() {
        ComputationGraph net = resnet();
        INDArray x = input();
        // Programming noise and drift on, read noise off: reads are then deterministic.
        AnalogConfig c = AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 2, 1)
                .withDevice(PcmDeviceModel.nandakumar2019().withNoiseScales(1, 1, 0));
        AnalogNetwork a = AnalogNetwork.convert(net, c);
        a.program(9, 0);
        INDArray first = a.output(x).dup();
        assertEquals(0.0, first.sub(a.output(x)).amaxNumber().doubleValue(), 0.0, "same chip, same time: same output");
        a.setDriftTime(ReadTimes.MONTH);
        INDArray month = a.output(x).dup();
        assertTrue(month.sub(first).amaxNumber().doubleValue() > 1e-6, "drift changes the output");
        a.setDriftTime(ReadTimes.T0);
        assertEquals(0.0, first.sub(a.output(x)).amaxNumber().doubleValue(), 0.0, "back at t0 without re-programming");
        a.program(9, 1);
        assertTrue(first.sub(a.output(x)).amaxNumber().doubleValue() > 1e-6, "another chip has other programming noise");
        a.program(9, 0);
        assertEquals(0.0, first.sub(a.output(x)).amaxNumber().doubleValue(), 0.0, "chip 0 replays exactly");
    }

    @Test
    void readNoiseIsFreshButProgrammedConductancesDoNotChange() {
        ComputationGraph net = resnet();
        INDArray x = input();
        AnalogNetwork a = AnalogNetwork.convert(net, AnalogConfig.paper(SlicingAlgorithm.EQUAL_FILL, 2, 1));
        a.program(5, 0);
        double[] gp = a.analogLayers().get(0).crossbar().tile(0, 0).programmed(1);
        double[] nu = a.analogLayers().get(0).crossbar().tile(0, 0).driftExponents(1);
        INDArray o1 = a.output(x).dup();
        a.setDriftTime(ReadTimes.YEAR);
        a.output(x);
        a.setDriftTime(ReadTimes.T0);
        INDArray o2 = a.output(x).dup();
        assertTrue(o1.sub(o2).amaxNumber().doubleValue() > 0, "every read draws fresh 1/f noise");
        assertArrayEquals(gp, a.analogLayers().get(0).crossbar().tile(0, 0).programmed(1), 0.0);
        assertArrayEquals(nu, a.analogLayers().get(0).crossbar().tile(0, 0).driftExponents(1), 0.0);
    }

    @Test
    void theOriginalNetworkIsLeftUntouched() {
        ComputationGraph net = resnet();
        INDArray params = net.params().dup();
        INDArray x = input();
        INDArray before = Networks.output(net, x).dup();
        AnalogNetwork a = AnalogNetwork.convert(net, AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 1, 1));
        a.program(1, 0);
        a.output(x);
        assertEquals(0.0, net.params().sub(params).amaxNumber().doubleValue(), 0.0);
        for (org.deeplearning4j.nn.api.Layer l : net.getLayers()) {
            if (l.conf().getLayer() instanceof BaseLayer b) {
                assertNull(b.getWeightNoise(), "original layer " + b.getLayerName() + " got a hook");
            }
        }
        assertEquals(0.0, Networks.output(net, x).sub(before).amaxNumber().doubleValue(), 0.0);
        assertEquals(ResNetSpec.RESNET8_CI.depth(), a.analogLayers().size() - 2,
                "every conv (incl. 2 projection shortcuts) and the output layer are analog");
        assertNotEquals(net, a.network());
    }
}
