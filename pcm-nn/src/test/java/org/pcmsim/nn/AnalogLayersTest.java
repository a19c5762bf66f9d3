package org.pcmsim.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.nn.analog.AnalogConfig;
import org.pcmsim.nn.analog.AnalogLayers;
import org.pcmsim.nn.analog.AnalogNetwork;
import org.pcmsim.nn.analog.AnalogWeightNoise;
import org.pcmsim.nn.analog.ProgrammedLayer;
import org.pcmsim.nn.model.Networks;
import org.pcmsim.nn.training.NoiseAwareWeightNoise;
import org.pcmsim.slicing.SlicingAlgorithm;

/** Analog layers a DL4J user puts in a network configuration. Deterministic: every stream is seeded. */
class AnalogLayersTest {
    @TempDir
    Path dir;

    static MultiLayerConfiguration mlp(AnalogWeightNoise analog) {
        return new NeuralNetConfiguration.Builder().seed(4).dataType(DataType.FLOAT).updater(new Sgd(0.1)).list()
                .layer(AnalogLayers.convolution(analog, 3, 3).stride(2, 2).nOut(4).activation(Activation.RELU).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(AnalogLayers.dense(analog).nOut(12).activation(Activation.RELU).build())
                .layer(AnalogLayers.output(analog, LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(32, 32, 3)).build();
    }

    static ComputationGraphConfiguration graph(AnalogWeightNoise analog) {
        return new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.FLOAT).updater(new Sgd(0.1))
                .graphBuilder().addInputs("in")
                .addLayer("conv", AnalogLayers.convolution(analog, 3, 3).convolutionMode(
                        org.deeplearning4j.nn.conf.ConvolutionMode.Same).nOut(6).activation(Activation.RELU).build(), "in")
                .addLayer("side", AnalogLayers.convolution(analog, 1, 1).nOut(6).activation(Activation.IDENTITY).build(), "in")
                .addVertex("sum", new org.deeplearning4j.nn.conf.graph.ElementWiseVertex(
                        org.deeplearning4j.nn.conf.graph.ElementWiseVertex.Op.Add), "conv", "side")
                .addLayer("out", AnalogLayers.output(analog, LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build(), "sum")
                .setOutputs("out").setInputTypes(InputType.convolutional(16, 16, 3)).build();
    }

    static MultiLayerNetwork net(MultiLayerConfiguration conf) {
        MultiLayerNetwork n = new MultiLayerNetwork(conf);
        n.init();
        return n;
    }

    static ComputationGraph net(ComputationGraphConfiguration conf) {
        ComputationGraph n = new ComputationGraph(conf);
        n.init();
        return n;
    }

    static INDArray input(int size) {
        Nd4j.getRandom().setSeed(12);
        return Nd4j.rand(DataType.FLOAT, 4, 3, size, size).subi(0.5).muli(2);
    }

    static double maxDiff(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }

    static long programmings(Model net) {
        return AnalogLayers.programmed(net).stream().mapToLong(ProgrammedLayer::programmings).sum();
    }

    @Test
    void idealLayersAtT0EqualTheQuantizedDigitalNetwork() {
        for (SlicingAlgorithm a : new SlicingAlgorithm[] {SlicingAlgorithm.EQUAL_FILL, SlicingAlgorithm.MAX_FILL,
            SlicingAlgorithm.MAX_FILL_EC}) {
            AnalogWeightNoise ideal = AnalogWeightNoise.paper(a, 4, 2, 7).withNoiseScales(0, 0, 0);
            MultiLayerNetwork m = net(mlp(ideal));
            ComputationGraph g = net(graph(ideal));
            for (Object[] c : new Object[][] {{m, input(32)}, {g, input(16)}}) {
                Model n = (Model) c[0];
                INDArray x = (INDArray) c[1];
                INDArray analog = Networks.output(n, x);
                // quantizedDigital copies the network, drops the analog hooks and quantises W: the digital twin.
                INDArray digital = Networks.output(AnalogNetwork.quantizedDigital(n, ideal.config()), x);
                assertEquals(0.0, maxDiff(analog, digital), 1e-5, a + " on " + n.getClass().getSimpleName());
            }
        }
    }

    @Test
    void programmingIsKeptAcrossForwardPassesAndOnlyReadNoiseVaries() {
        MultiLayerNetwork n = net(mlp(AnalogWeightNoise.paper(SlicingAlgorithm.MAX_FILL, 2, 1, 3)));
        INDArray x = input(32);
        INDArray first = n.output(x).dup();
        List<ProgrammedLayer> chips = AnalogLayers.programmed(n);
        assertEquals(3, chips.size(), "conv, dense and output are analog; batch norm is not");
        double[] gp = chips.get(0).crossbar().tile(0, 0).programmed(0);
        double[] nu = chips.get(0).crossbar().tile(0, 0).driftExponents(0);
        INDArray second = n.output(x).dup();
        assertTrue(maxDiff(first, second) > 0, "every inference pass reads with fresh 1/f noise");
        assertEquals(3, programmings(n), "programmed once, on the first pass");
        assertArrayEquals(gp, chips.get(0).crossbar().tile(0, 0).programmed(0), 0.0);
        assertArrayEquals(nu, chips.get(0).crossbar().tile(0, 0).driftExponents(0), 0.0);

        // Without read noise the reads of one chip at one time are identical.
        MultiLayerNetwork quiet = net(mlp(AnalogWeightNoise.paper(SlicingAlgorithm.MAX_FILL, 2, 1, 3)
                .withNoiseScales(1, 1, 0)));
        assertEquals(0.0, maxDiff(quiet.output(x), quiet.output(x)), 0.0);
        // A read index replays a pass exactly, read noise included.
        AnalogLayers.seekRead(n, 1);
        assertEquals(0.0, maxDiff(second, n.output(x)), 0.0);
    }

    @Test
    void settingTheDriftTimeReadsAgainWithoutReprogramming() {
        MultiLayerNetwork n = net(mlp(AnalogWeightNoise.paper(SlicingAlgorithm.MAX_FILL_EC, 4, 1, 8)
                .withNoiseScales(1, 1, 0)));
        INDArray x = input(32);
        INDArray t0 = n.output(x).dup();
        List<ProgrammedLayer> chips = AnalogLayers.programmed(n);
        AnalogLayers.setDriftTime(n, ReadTimes.YEAR);
        INDArray year = n.output(x).dup();
        assertTrue(maxDiff(t0, year) > 1e-6, "drift changes the output");
        AnalogLayers.setDriftTime(n, ReadTimes.T0);
        assertEquals(0.0, maxDiff(t0, n.output(x)), 0.0, "back at t0, the same chip");
        assertEquals(3, programmings(n), "no layer was programmed again");
        for (int i = 0; i < chips.size(); i++) {
            assertSame(chips.get(i), AnalogLayers.programmed(n).get(i));
        }
        assertEquals(ReadTimes.T0, AnalogLayers.driftTime(n), 0.0);
    }

    @Test
    void changedWeightsAreProgrammedAgainAndTrainingUsesItsOwnHook() {
        AnalogWeightNoise analog = AnalogWeightNoise.paper(SlicingAlgorithm.EQUAL_FILL, 2, 1, 4)
                .withTrainingNoise(new NoiseAwareWeightNoise(4));
        MultiLayerNetwork n = net(mlp(analog));
        INDArray x = input(32);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 4, 10);
        for (int i = 0; i < 4; i++) {
            y.putScalar(i, i, 1);
        }
        n.output(x);
        assertEquals(3, programmings(n));
        n.fit(x, y);
        assertEquals(3, programmings(n), "training passes do not touch the chip");
        n.output(x);
        assertEquals(6, programmings(n), "the trained weights are programmed on the next inference pass");
        AnalogLayers.setChip(n, 4, 1);
        AnalogLayers.program(n);
        assertEquals(9, programmings(n), "another chip");
        assertEquals(1, AnalogLayers.programmed(n).get(0).chip());
    }

    @Test
    void jsonRoundTripKeepsTheAnalogConfigurationAndTheChip() {
        AnalogWeightNoise analog = AnalogWeightNoise.paper(SlicingAlgorithm.MAX_FILL_EC, 8, 2, 11)
                .withChip(11, 5).withDriftTime(ReadTimes.MONTH).withNoiseScales(1, 0.5, 2)
                .withTrainingNoise(new NoiseAwareWeightNoise(3));
        MultiLayerConfiguration conf = mlp(analog);
        String json = conf.toJson();
        assertTrue(json.contains("max-fill-ec") && json.contains("\"chip\" : 5"), json);
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(json);
        assertEquals(conf, back);
        BaseLayer layer = (BaseLayer) back.getConf(0).getLayer();
        assertEquals(analog, layer.getWeightNoise());
        assertEquals(analog.config(), ((AnalogWeightNoise) layer.getWeightNoise()).config());

        ComputationGraphConfiguration g = graph(analog);
        assertEquals(g, ComputationGraphConfiguration.fromJson(g.toJson()));

        // The same parameters under the round-tripped configuration program and read the same chip.
        MultiLayerNetwork a = net(conf);
        MultiLayerNetwork b = net(back);
        b.setParams(a.params());
        INDArray x = input(32);
        assertEquals(0.0, maxDiff(a.output(x), b.output(x)), 0.0);
    }

    @Test
    void modelSerializerSavesTheConfigurationAndTheLoadedNetworkProgramsTheSameChip() throws Exception {
        ComputationGraph g = net(graph(AnalogWeightNoise.paper(SlicingAlgorithm.MAX_FILL, 4, 1, 2)
                .withDriftTime(ReadTimes.DAY)));
        INDArray x = input(16);
        INDArray before = g.outputSingle(false, x).dup();
        File f = dir.resolve("analog.zip").toFile();
        ModelSerializer.writeModel(g, f, true);
        ComputationGraph loaded = ModelSerializer.restoreComputationGraph(f, true);
        assertTrue(AnalogLayers.programmed(loaded).stream().allMatch(p -> p == null), "programming is not saved");
        assertEquals(0.0, maxDiff(before, loaded.outputSingle(false, x)), 0.0,
                "re-programmed from the seed: the same chip, read at the same time with the same read index");
        assertEquals(ReadTimes.DAY, AnalogLayers.driftTime(loaded), 0.0);
    }

    @Test
    void theConverterAndTheLayersProgramTheSameChip() {
        AnalogConfig c = AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 2, 1);
        MultiLayerNetwork layers = net(mlp(AnalogWeightNoise.of(c, 21, 3)));
        // The converter copies the network (parameters included) and puts its own hooks on the copy.
        AnalogNetwork converted = AnalogNetwork.convert(layers, c);
        converted.program(21, 3);
        INDArray x = input(32);
        assertEquals(0.0, maxDiff(layers.output(x), converted.output(x)), 0.0);
    }

    @Test
    void onlyTheDevicePresetCanBeDescribed() {
        AnalogConfig other = AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 1, 1).withDevice(
                PcmDeviceModel.nandakumar2019().withNoiseScales(1, 1, 1).withReadNoiseNormalization(
                        org.pcmsim.device.ReadNoiseNormalization.SLICE_MAX));
        assertEquals(org.pcmsim.device.ReadNoiseNormalization.SLICE_MAX,
                AnalogWeightNoise.of(other, 1, 0).config().device().readNoiseNormalization());
        PcmDeviceModel d = PcmDeviceModel.nandakumar2019();
        AnalogConfig custom = other.withDevice(new PcmDeviceModel(10, d.t0(), d.tRead(), d.programming(), d.drift(),
                d.readNoise(), d.readNoiseNormalization()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnalogWeightNoise.of(custom, 1, 0));
        assertTrue(e.getMessage().contains("nandakumar2019"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AnalogWeightNoise.paper(SlicingAlgorithm.MAX_FILL, 2, 1, 1)
                .withChip(1, -1));
    }
}
