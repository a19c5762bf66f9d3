package org.pcmsim.nn.analog;

import java.lang.reflect.Field;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The forward pass of analog layers with converters. DL4J's weight-noise hook can change a layer's
 * weights but not its product (the ADCs round each slice's column currents, a non-linear operation),
 * so a layer whose {@link LayerConverters} are enabled gets an instance of DL4J's own layer class
 * extended here: in inference it computes its pre-activation with {@link ProgrammedLayer#forward}
 * (DL4J's im2col for convolutions, the same patch order as the crossbar's columns); in training, and
 * for every layer without converters, DL4J's own code runs unchanged. The configuration is not
 * changed (it serialises as before); {@link #attach} installs the instances in a network.
 */
final class ConverterLayers {
    private ConverterLayers() {
    }

    /**
     * Replaces, in the network, every instantiated analog layer whose configuration has converters by
     * the converter form of the same layer class, sharing its parameters. Idempotent.
     *
     * @param net a {@code ComputationGraph} or {@code MultiLayerNetwork}
     * @return how many layers were replaced
     */
    static int attach(Model net) {
        int replaced = 0;
        if (net instanceof ComputationGraph cg) {
            Layer[] layers = cg.getLayers();
            for (GraphVertex v : cg.getVertices()) {
                if (v instanceof LayerVertex lv && needs(lv.getLayer())) {
                    Layer old = lv.getLayer();
                    Layer impl = replacement(old);
                    lv.setLayer(impl);
                    for (int i = 0; i < layers.length; i++) {
                        if (layers[i] == old) {
                            layers[i] = impl;
                        }
                    }
                    replaced++;
                }
            }
        } else if (net instanceof MultiLayerNetwork mln) {
            Layer[] layers = mln.getLayers();
            for (int i = 0; i < layers.length; i++) {
                if (needs(layers[i])) {
                    Layer impl = replacement(layers[i]);
                    replaceInLayerMap(mln, layers[i], impl);
                    layers[i] = impl;
                    replaced++;
                }
            }
        } else {
            throw new IllegalArgumentException("unsupported network type " + net.getClass().getName());
        }
        return replaced;
    }

    private static boolean needs(Layer l) {
        AnalogWeightNoise hook = AnalogLayers.hook(l);
        return hook != null && hook.config().converters().enabled() && !(l instanceof WithConverters);
    }

    /**
     * MultiLayerNetwork keeps a second reference to each layer, by name, in a protected map with no
     * setter; {@code getLayer(name)} must return the instance that runs.
     */
    private static void replaceInLayerMap(MultiLayerNetwork mln, Layer old, Layer impl) {
        try {
            Field f = MultiLayerNetwork.class.getDeclaredField("layerMap");
            f.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, Layer> map = (Map<String, Layer>) f.get(mln);
            if (map != null) {
                map.replaceAll((name, l) -> l == old ? impl : l);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot install converter layers in this DL4J version's MultiLayerNetwork", e);
        }
    }

    private static Layer replacement(Layer old) {
        NeuralNetConfiguration conf = old.conf();
        DataType type = old.params().dataType();
        org.deeplearning4j.nn.layers.BaseLayer<?> impl;
        Class<?> c = conf.getLayer().getClass();
        if (c == ConvolutionLayer.class) {
            impl = new Convolution2d(conf, type);
        } else if (c == DenseLayer.class) {
            impl = new Dense(conf, type);
        } else if (c == OutputLayer.class) {
            impl = new Output(conf, type);
        } else {
            throw new IllegalArgumentException("layer " + conf.getLayer().getLayerName() + " cannot have converters");
        }
        impl.setListeners(old.getListeners());
        impl.setIndex(old.getIndex());
        impl.setParamsViewArray(old.params());
        impl.setParamTable(old.paramTable());
        if (old.getGradientsViewArray() != null) {
            impl.setBackpropGradientsViewArray(old.getGradientsViewArray());
        }
        impl.setIterationCount(old.getIterationCount());
        impl.setEpochCount(old.getEpochCount());
        return impl;
    }

    /** Marks the converter forms. */
    interface WithConverters {
    }

    /** y = W x (+ b) of a batch of row vectors through the layer's converters, in inference. */
    @SuppressWarnings("try")
    private static INDArray forward(Layer layer, INDArray x2d, LayerWorkspaceMgr workspaceMgr) {
        AnalogWeightNoise hook = AnalogLayers.hook(layer);
        LayerState s = hook.state(layer);
        ProgrammedLayer chip = s.current(layer.getParam("W"));
        int n = Math.toIntExact(x2d.size(0));
        double[] y;
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            // Blocks of rows, converted to double one at a time: a convolution's patches can be large.
            y = chip.forward((from, count) -> x2d.get(NDArrayIndex.interval(from, from + count), NDArrayIndex.all())
                    .castTo(DataType.DOUBLE).dup('c').data().asDouble(), n, s.driftTime, s.nextPass++);
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, layer.getParam("W").dataType(),
                new long[] {n, chip.rows()}, 'c');
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            out.assign(Nd4j.create(y, new long[] {n, chip.rows()}, 'c'));
        }
        INDArray b = layer.getParam("b");
        if (b != null) {
            out.addiRowVector(b.reshape(1, chip.rows()));
        }
        return out;
    }

    private static boolean converting(Layer layer, boolean training) {
        return !training && AnalogLayers.hook(layer) != null;
    }

    /** A dense layer with converters. */
    static final class Dense extends org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer implements WithConverters {
        private static final long serialVersionUID = 1L;

        Dense(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        protected INDArray preOutput(boolean training, LayerWorkspaceMgr workspaceMgr) {
            if (!converting(this, training)) {
                return super.preOutput(training, workspaceMgr);
            }
            assertInputSet(false);
            if (layerConf().hasLayerNorm()) {
                throw new IllegalStateException("layer " + layerId() + ": converters with layer normalisation are not supported");
            }
            return forward(this, input, workspaceMgr);
        }
    }

    /** An output layer with converters. */
    static final class Output extends org.deeplearning4j.nn.layers.OutputLayer implements WithConverters {
        private static final long serialVersionUID = 1L;

        Output(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        protected INDArray preOutput(boolean training, LayerWorkspaceMgr workspaceMgr) {
            if (!converting(this, training)) {
                return super.preOutput(training, workspaceMgr);
            }
            assertInputSet(false);
            return forward(this, input, workspaceMgr);
        }
    }

    /** A 2-D convolution with converters: im2col patches through the crossbar, then DL4J's output layout. */
    static final class Convolution2d extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer
            implements WithConverters {
        private static final long serialVersionUID = 1L;

        Convolution2d(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        @SuppressWarnings("try")
        protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop,
                                                     LayerWorkspaceMgr workspaceMgr) {
            if (!converting(this, training)) {
                return super.preOutput(training, forBackprop, workspaceMgr);
            }
            assertInputSet(false);
            ConvolutionLayer c = layerConf();
            boolean nhwc = c.getCnn2dDataFormat() == CNN2DFormat.NHWC;
            INDArray patches;
            long mb;
            int outH;
            int outW;
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                INDArray in = input;
                if (nhwc) {
                    in = in.permute(0, 3, 1, 2).dup('c');
                }
                validateInputDepth(in.size(1));
                int[] kernel = c.getKernelSize();
                int[] strides = c.getStride();
                int[] dilation = c.getDilation();
                ConvolutionMode mode = c.getConvolutionMode();
                int[] pad;
                int[] outSize;
                if (mode == ConvolutionMode.Same) {
                    outSize = ConvolutionUtils.getOutputSize(in, kernel, strides, null, mode, dilation, CNN2DFormat.NCHW);
                    pad = ConvolutionUtils.getSameModeTopLeftPadding(outSize,
                            new int[] {(int) in.size(2), (int) in.size(3)}, kernel, strides, dilation);
                } else {
                    pad = c.getPadding();
                    outSize = ConvolutionUtils.getOutputSize(in, kernel, strides, pad, mode, dilation, CNN2DFormat.NCHW);
                }
                mb = in.size(0);
                outH = outSize[0];
                outW = outSize[1];
                long depth = in.size(1);
                INDArray col = Nd4j.createUninitialized(in.dataType(),
                        new long[] {mb, outH, outW, depth, kernel[0], kernel[1]}, 'c');
                INDArray col2 = col.permute(0, 3, 4, 5, 1, 2);
                Convolution.im2col(in, kernel[0], kernel[1], strides[0], strides[1], pad[0], pad[1], dilation[0],
                        dilation[1], mode == ConvolutionMode.Same, col2);
                // Rows (image, y, x), columns (channel, ky, kx): the crossbar's fan-in order.
                patches = col.reshape('c', mb * outH * outW, depth * kernel[0] * kernel[1]);
            }
            INDArray y = forward(this, patches, workspaceMgr);
            long out = y.size(1);
            INDArray z = y.reshape('c', mb, outH, outW, out).permute(nhwc ? new int[] {0, 1, 2, 3} : new int[] {0, 3, 1, 2});
            INDArray ret = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, y.dataType(), z.shape(), 'c');
            ret.assign(z);
            return new Pair<>(ret, null);
        }
    }
}
