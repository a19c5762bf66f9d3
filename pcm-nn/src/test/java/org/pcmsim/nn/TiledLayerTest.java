package org.pcmsim.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.pcmsim.nn.analog.AnalogConfig;
import org.pcmsim.nn.analog.ProgrammedLayer;
import org.pcmsim.slicing.SlicingAlgorithm;

/** DNN layers use pcm-core's tiling, and every weight in or out has the layer's parameter shape. */
class TiledLayerTest {
    @Test
    void aThreeByThreeBy64ConvolutionIsFiveTilesAndReadsBackInItsOwnShape() {
        long[] shape = {64, 64, 3, 3};
        ConvolutionLayer conv = new ConvolutionLayer.Builder(3, 3).nIn(64).nOut(64).build();
        AnalogConfig config = AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 2, 1);
        ProgrammedLayer layer = new ProgrammedLayer(conv, 0, shape, config);
        Nd4j.getRandom().setSeed(1);
        INDArray w = Nd4j.randn(DataType.FLOAT, shape).muli(0.05);
        layer.program(w, 7, 0);
        assertEquals(576, layer.cols());
        assertEquals(1, layer.crossbar().tilesDown());
        assertEquals(5, layer.crossbar().tilesAcross());
        assertEquals(64, layer.crossbar().tileCols(4));
        assertArrayEquals(shape, layer.quantized().shape());
        INDArray read = layer.read(20, 0, DataType.FLOAT);
        assertArrayEquals(shape, read.shape());
        // At t0 the read weights are the quantised ones plus programming and read noise: close to w.
        double rel = read.sub(w).norm2Number().doubleValue() / w.norm2Number().doubleValue();
        assertTrue(rel > 0.005 && rel < 0.3, "relative weight error at t0: " + rel);
    }

    @Test
    void denseLayersKeepTheirNInByNOutOrientation() {
        long[] shape = {300, 10};
        DenseLayer dense = new DenseLayer.Builder().nIn(300).nOut(10).build();
        ProgrammedLayer layer = new ProgrammedLayer(dense, 1, shape, AnalogConfig.paper(SlicingAlgorithm.EQUAL_FILL, 1, 1)
                .withDevice(org.pcmsim.device.PcmDeviceModel.ideal()));
        Nd4j.getRandom().setSeed(2);
        INDArray w = Nd4j.randn(DataType.FLOAT, shape);
        layer.program(w, 1, 0);
        assertEquals(10, layer.rows());
        assertEquals(300, layer.cols());
        assertEquals(3, layer.crossbar().tileCount());
        INDArray q = layer.quantized();
        assertArrayEquals(shape, q.shape());
        // A noise-free chip reads back exactly the quantised weights, in the same orientation.
        INDArray read = layer.read(1e6, 0, DataType.FLOAT);
        assertTrue(read.sub(q.div(layer.scale())).amaxNumber().doubleValue() < 1e-5);
    }
}
