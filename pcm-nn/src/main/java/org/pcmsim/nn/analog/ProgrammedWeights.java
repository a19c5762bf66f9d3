package org.pcmsim.nn.analog;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weights a layer was last programmed from, kept to answer "does the layer still hold these
 * weights?" exactly ({@link ProgrammedLayer#holds}) on every inference pass. DL4J changes a layer's
 * parameters in place (training, {@code setParams}, a user's {@code assign}), so neither the array's
 * identity nor a version number can tell; the values must be compared.
 *
 * <p>For the usual parameter, a contiguous float view of the network's flat parameter buffer, the
 * copy is the view's own elements in buffer order and the check one bulk copy and one
 * {@link Arrays#equals(float[], float[])} of the same layout: a few hundred microseconds for the
 * 464 432 weights of ResNet-32 where the crossbar-layout comparison in doubles cost a transposing
 * {@code dup} and two conversions. Any other parameter (another type, a strided view) is compared in
 * the crossbar layout in doubles, as before. Both compare bit patterns with NaN canonicalised
 * ({@code floatToIntBits}, {@code doubleToLongBits}), so both agree on every tensor.
 */
final class ProgrammedWeights {
    /** The layout of {@link #flat}: shape, strides and order of the programmed array. */
    private final long[] shape;
    private final long[] stride;
    private final char order;
    /** The elements in buffer order, for contiguous float arrays; otherwise null. */
    private final float[] flat;
    /** The crossbar-layout doubles, when {@link #flat} is null. */
    private final double[] matrix;

    private ProgrammedWeights(INDArray w, double[] matrix) {
        this.shape = w.shape();
        this.stride = w.stride();
        this.order = w.ordering();
        this.flat = contiguousFloat(w) ? w.data().asFloat() : null;
        this.matrix = flat == null ? matrix : null;
    }

    /**
     * @param w the weights programmed
     * @param matrix the same weights in the crossbar layout ({@link ProgrammedLayer#toMatrix}); kept
     *     only when {@code w} is not a contiguous float array
     * @return the copy
     */
    static ProgrammedWeights of(INDArray w, double[] matrix) {
        return new ProgrammedWeights(w, matrix);
    }

    /**
     * @param w a weight tensor of the layer
     * @param layer the layer, for the crossbar layout of the fallback comparison
     * @return whether {@code w} has exactly the programmed values
     */
    boolean sameAs(INDArray w, ProgrammedLayer layer) {
        if (flat != null && contiguousFloat(w) && w.ordering() == order && Arrays.equals(w.shape(), shape)
                && Arrays.equals(w.stride(), stride)) {
            return Arrays.equals(flat, w.data().asFloat());
        }
        return Arrays.equals(matrix != null ? matrix : layer.toMatrix(fromFlat()), layer.toMatrix(w));
    }

    /** The float copy as an array again (only reached when a later tensor has another layout). */
    private INDArray fromFlat() {
        return org.nd4j.linalg.factory.Nd4j.create(flat, shape, stride, order, DataType.FLOAT);
    }

    /** Whether the array's elements are exactly its data buffer (from the view's start), as floats. */
    private static boolean contiguousFloat(INDArray w) {
        return w.dataType() == DataType.FLOAT && w.elementWiseStride() == 1 && w.data().length() == w.length();
    }
}
