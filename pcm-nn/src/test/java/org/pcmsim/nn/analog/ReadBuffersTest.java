package org.pcmsim.nn.analog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.pcmsim.slicing.SlicingAlgorithm;

/**
 * The per-reader buffers and the programmed copy that replaced a fresh allocation per read and a
 * crossbar-layout comparison per inference pass: the same values, bit for bit, and the same answers.
 */
class ReadBuffersTest {
    private static final AnalogConfig CONFIG = AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 8, 1);

    private static ProgrammedLayer programmed(Layer conf, long[] shape, INDArray w) {
        ProgrammedLayer layer = new ProgrammedLayer(conf, 3, shape, CONFIG);
        layer.program(w, 11, 2);
        return layer;
    }

    private static void assertBuffersReadAsFreshReads(ProgrammedLayer layer, char order) {
        ReadBuffers buffers = new ReadBuffers();
        INDArray first = null;
        double[] times = {20, 86_400, 86_400, 3.15e7};
        long[] passes = {0, 0, 5, 1};
        for (int r = 0; r < times.length; r++) {
            INDArray fresh = layer.read(times[r], passes[r], DataType.FLOAT);
            INDArray reused = layer.read(times[r], passes[r], DataType.FLOAT, buffers);
            assertArrayEquals(fresh.shape(), reused.shape());
            assertEquals(order, reused.ordering());
            // Bit for bit, element by element in the logical order.
            assertArrayEquals(fresh.dup('c').data().asFloat(), reused.dup('c').data().asFloat(), 0f,
                    "read at t = " + times[r] + ", pass " + passes[r]);
            if (first == null) {
                first = reused;
            }
            assertSame(first, reused, "the reader's tensor is reused");
        }
        assertArrayEquals(layer.read(86_400, 0, DataType.DOUBLE).data().asDouble(),
                layer.read(86_400, 0, DataType.DOUBLE, buffers).data().asDouble(), 0.0, "other types as before");
    }

    @Test
    void reusedBuffersReadExactlyWhatFreshReadsRead() {
        Nd4j.getRandom().setSeed(3);
        long[] conv = {16, 8, 3, 3};
        assertBuffersReadAsFreshReads(programmed(new ConvolutionLayer.Builder(3, 3).nIn(8).nOut(16).build(), conv,
                Nd4j.randn(DataType.FLOAT, conv)), 'c');
        // A dense layer of three tiles across: its [nIn, nOut] tensor is the crossbar matrix in 'f' order.
        long[] dense = {300, 10};
        assertBuffersReadAsFreshReads(programmed(new DenseLayer.Builder().nIn(300).nOut(10).build(), dense,
                Nd4j.randn(DataType.FLOAT, dense)), 'f');
    }

    @Test
    void changedWeightsAreStillDetected() {
        Nd4j.getRandom().setSeed(4);
        long[] shape = {16, 8, 3, 3};
        // A view into a larger flat buffer, as DL4J hands out a layer's parameter.
        INDArray flat = Nd4j.randn(DataType.FLOAT, 1, 2000);
        INDArray w = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(100, 100 + 16 * 8 * 9)).reshape('c', shape);
        ProgrammedLayer layer = programmed(new ConvolutionLayer.Builder(3, 3).nIn(8).nOut(16).build(), shape, w);
        assertTrue(layer.holds(w, 11, 2));
        assertFalse(layer.holds(w, 11, 3), "another chip");
        assertFalse(layer.holds(w, 12, 2), "another seed");
        flat.putScalar(0, 1999, 5f);
        flat.putScalar(0, 99, 5f);
        assertTrue(layer.holds(w, 11, 2), "values outside the layer's view do not matter");
        float before = w.getFloat(7, 3, 2, 1);
        w.putScalar(new long[] {7, 3, 2, 1}, Math.nextUp(before));
        assertFalse(layer.holds(w, 11, 2), "one weight changed in its last bit, in place");
        w.putScalar(new long[] {7, 3, 2, 1}, before);
        assertTrue(layer.holds(w, 11, 2));
        // The same values in another layout (an 'f'-order copy) are the same weights.
        INDArray f = w.dup('f');
        assertNotEquals(w.ordering(), f.ordering());
        assertTrue(layer.holds(f, 11, 2));
        f.putScalar(new long[] {0, 0, 0, 0}, f.getFloat(0, 0, 0, 0) + 1);
        assertFalse(layer.holds(f, 11, 2));
        assertTrue(layer.holds(w.castTo(DataType.DOUBLE), 11, 2), "compared by value in any type");
        // Sign of zero: the old comparison in doubles told 0.0 from -0.0, and so does this one.
        INDArray zeroed = w.dup();
        zeroed.putScalar(new long[] {0, 0, 0, 0}, 0f);
        layer.program(zeroed, 11, 2);
        INDArray negative = zeroed.dup();
        negative.putScalar(new long[] {0, 0, 0, 0}, -0f);
        assertTrue(layer.holds(zeroed, 11, 2));
        assertFalse(layer.holds(negative, 11, 2));
    }
}
