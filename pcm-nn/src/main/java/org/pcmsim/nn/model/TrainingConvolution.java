package org.pcmsim.nn.model;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution layer's oneDNN helper without the second forward pass that DL4J runs in every
 * training step: the same gradients to the bit, one convolution fewer per layer and step.
 *
 * <p>Why: DL4J 1.0.0-M2.1's {@code ConvolutionLayer.backpropGradient} computes the layer's
 * pre-activation output again ({@code preOutput4d(true, true, …)}, through the helper: a whole oneDNN
 * convolution with its layout reorders) only to hand it to the activation's {@code backprop}. Its own
 * cache for that ({@code CacheMode}) is never filled inside a {@code ComputationGraph} (checked with
 * {@code DNNL_VERBOSE}: two forward convolutions per layer and step either way). The convolutions of
 * this project's networks have the identity activation, whose {@code backprop(z, ε)} checks only that
 * z and ε have the same shape and returns ε: the values of z are never read. So when the helper is
 * asked for the forward pass from {@code backpropGradient}, on the input and weights of the forward
 * pass it just ran, it returns an uninitialised array of that output's shape instead of convolving.
 * Every other call is DL4J's oneDNN helper's own. {@code TrainingConvolutionTest} checks that
 * training with and without it gives the same weights to the bit.
 *
 * <p>It extends DL4J's oneDNN helper instead of wrapping it because the layer treats that helper
 * specially ({@code instanceof}: no dummy bias for a layer without one). Installed only on
 * {@link ConvolutionLayer}s (not its subclasses) with the identity activation whose helper is DL4J's
 * oneDNN one; any other layer keeps what it has.
 */
final class TrainingConvolution extends MKLDNNConvHelper {
    /** DL4J keeps a convolution layer's helper in this protected field; there is no setter. */
    private static final Field HELPER = helperField();
    private static final String LAYER = ConvolutionLayer.class.getName();
    private static final StackWalker STACK = StackWalker.getInstance();

    /** The last forward pass's input, weights and output shape: what a backprop call must match. */
    private INDArray lastInput;
    private INDArray lastWeights;
    private long[] lastShape;
    /** Forward passes not run again: checked by the tests, which cannot see oneDNN's calls. */
    private long skipped;

    private TrainingConvolution(org.nd4j.linalg.api.buffer.DataType dataType) {
        super(dataType);
    }

    /**
     * Replaces the oneDNN helper of every identity-activation convolution layer of {@code net} with
     * this one (idempotent; other layers are left alone).
     *
     * @param net a network
     */
    static void install(Model net) {
        if (HELPER == null) {
            return;
        }
        for (Layer l : Networks.layers(net)) {
            if (l.getClass() == ConvolutionLayer.class && l.conf().getLayer()
                    instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer c
                    && c.getActivationFn() instanceof ActivationIdentity) {
                try {
                    Object h = HELPER.get(l);
                    if (h != null && h.getClass() == MKLDNNConvHelper.class) {
                        HELPER.set(l, new TrainingConvolution(l.getParam("W").dataType()));
                    }
                } catch (IllegalAccessException e) {
                    return; // as if not installed: DL4J runs its second forward pass, same numbers
                }
            }
        }
    }

    /** @return whether {@code layer} skips DL4J's second forward pass */
    static boolean installedOn(Layer layer) {
        return layer instanceof ConvolutionLayer c && c.getHelper() instanceof TrainingConvolution;
    }

    /** @return the second forward passes {@code layer}'s helper has skipped, 0 without this helper */
    static long skippedOn(Layer layer) {
        return installedOn(layer) ? ((TrainingConvolution) ((ConvolutionLayer) layer).getHelper()).skipped : 0;
    }

    private static Field helperField() {
        try {
            Field f = ConvolutionLayer.class.getDeclaredField("helper");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another DL4J version: keep its helper as it is
        }
    }

    @Override
    public INDArray preOutput(INDArray input, INDArray weights, INDArray bias, int[] kernel, int[] strides, int[] pad,
            org.deeplearning4j.nn.conf.layers.ConvolutionLayer.AlgoMode algoMode,
            org.deeplearning4j.nn.conf.layers.ConvolutionLayer.FwdAlgo fwdAlgo, ConvolutionMode convolutionMode,
            int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (input == lastInput && weights == lastWeights && calledFromBackprop()) {
            lastInput = null;
            lastWeights = null;
            skipped++;
            return workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), lastShape, 'c');
        }
        INDArray out = super.preOutput(input, weights, bias, kernel, strides, pad, algoMode, fwdAlgo,
                convolutionMode, dilation, format, workspaceMgr);
        // A null output (the helper declined) leaves nothing a backward call could match.
        lastInput = out == null ? null : input;
        lastWeights = weights;
        lastShape = out == null ? null : out.shape();
        return out;
    }

    /** Whether the layer's {@code backpropGradient} is a few frames up: preOutput4d, preOutput, here. */
    private static boolean calledFromBackprop() {
        return STACK.walk(frames -> frames.skip(2).limit(4)
                .anyMatch(f -> f.getMethodName().equals("backpropGradient") && f.getClassName().equals(LAYER)));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray weights, INDArray bias, INDArray delta,
            int[] kernel, int[] strides, int[] pad, INDArray biasGradView, INDArray weightGradView, IActivation afn,
            org.deeplearning4j.nn.conf.layers.ConvolutionLayer.AlgoMode algoMode,
            org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdFilterAlgo bwdFilterAlgo,
            org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdDataAlgo bwdDataAlgo,
            ConvolutionMode convolutionMode, int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        lastInput = null;
        lastWeights = null;
        return super.backpropGradient(input, weights, bias, delta, kernel, strides, pad, biasGradView, weightGradView,
                afn, algoMode, bwdFilterAlgo, bwdDataAlgo, convolutionMode, dilation, format, workspaceMgr);
    }
}
