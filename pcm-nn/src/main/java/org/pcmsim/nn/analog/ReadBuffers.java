package org.pcmsim.nn.analog;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The working arrays of one reader of a layer's chip ({@link ProgrammedLayer#read(double, long, DataType,
 * ReadBuffers)}): the effective conductances in doubles, the real weights in floats and the weight
 * tensor handed to DL4J. One instance per layer instance, hence per thread: an inference pass reads
 * every analog layer once, and without these a ResNet-32 pass allocated ≈ 7 MB of arrays the size of
 * its layers (and as many off-heap tensors for the collector to free). Reusing them changes no value:
 * every element is written by each read.
 *
 * <p>The weight tensor is overwritten by the next read through the same buffers, so it must not be
 * kept beyond the forward pass it was read for (DL4J does not: an inference pass asks for the
 * weights again). It lives outside any ND4J workspace.
 */
final class ReadBuffers {
    private double[] effective = new double[0];
    private float[] real = new float[0];
    private INDArray weights;

    /** @return n doubles, contents undefined */
    double[] effective(int n) {
        if (effective.length != n) {
            effective = new double[n];
        }
        return effective;
    }

    /** @return n floats, contents undefined */
    float[] real(int n) {
        if (real.length != n) {
            real = new float[n];
        }
        return real;
    }

    /**
     * @param values the tensor's elements in the order of {@code order}, as many as the shape holds
     * @param shape the tensor's shape
     * @param order its element order, 'c' or 'f'
     * @return a detached float tensor of that shape and order holding the values, reused between calls
     */
    INDArray weights(float[] values, long[] shape, char order) {
        if (weights == null || weights.ordering() != order || !Arrays.equals(weights.shape(), shape)) {
            weights = Nd4j.createUninitializedDetached(DataType.FLOAT, order, shape);
        }
        if (values.length != weights.length()) {
            throw new IllegalArgumentException("a tensor of shape " + Arrays.toString(shape) + " needs "
                    + weights.length() + " values, got " + values.length);
        }
        weights.data().setData(values);
        return weights;
    }
}
