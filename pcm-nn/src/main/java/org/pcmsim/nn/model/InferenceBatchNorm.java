package org.pcmsim.nn.model;

import java.lang.reflect.Field;
import java.nio.FloatBuffer;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Batch normalisation in inference mode, in Java, with oneDNN's arithmetic to the bit: a DL4J layer
 * helper that wraps the layer's oneDNN helper and replaces only its inference forward pass.
 *
 * <p>Why: libnd4j 1.0.0-M2.1 runs inference batch norm on plain NCHW tensors with oneDNN's generic
 * {@code ncsp_bnorm} kernel, 22-24 % of a 500-image ResNet chunk (docs/performance.md, "DNN side by
 * side with PyTorch"). The same arithmetic in a loop that the JIT vectorises costs about a third of
 * that. It is oneDNN's arithmetic, not only its formula: per channel c, in float,
 * {@code sm = γ_c / sqrtf(σ²_c + ε)} and then {@code y = sm · (x − μ_c) + β_c}, with ε rounded to
 * float, no fused multiply-add (Java never contracts), so every output equals oneDNN's to the bit
 * ({@code InferenceBatchNormTest} compares whole networks). DL4J's built-in path (no helper) uses a
 * different order, {@code (x − μ)/√(σ² + ε)·γ + β}, which is why this helper is installed only where
 * oneDNN's would run.
 *
 * <p>Everything else goes to the wrapped helper unchanged: training forward passes (batch statistics),
 * backpropagation, the mean and variance caches, and tensors this loop does not handle (other than
 * 4-D NCHW float in C order, or too large for int indexing).
 */
final class InferenceBatchNorm implements BatchNormalizationHelper {
    /** DL4J keeps a batch-norm layer's helper in this package-private field; there is no setter. */
    private static final Field HELPER = helperField();

    private final BatchNormalizationHelper oneDnn;
    /** One channel plane of one image, reused: the off-heap tensor is processed a plane at a time. */
    private float[] plane = new float[0];

    private InferenceBatchNorm(BatchNormalizationHelper oneDnn) {
        this.oneDnn = oneDnn;
    }

    /**
     * Wraps the oneDNN helper of every batch-norm layer of {@code net} that has one (idempotent;
     * layers without a helper, or with another, are left alone).
     *
     * @param net a network
     */
    static void install(Model net) {
        if (HELPER == null) {
            return;
        }
        for (Layer l : Networks.layers(net)) {
            if (l instanceof BatchNormalization bn) {
                try {
                    Object h = HELPER.get(bn);
                    if (h != null && h.getClass() == MKLDNNBatchNormHelper.class) {
                        HELPER.set(bn, new InferenceBatchNorm((BatchNormalizationHelper) h));
                    }
                } catch (IllegalAccessException e) {
                    return; // as if not installed: the oneDNN helper keeps running, same numbers
                }
            }
        }
    }

    /** @return whether {@code layer} runs its inference batch norm here */
    static boolean installedOn(Layer layer) {
        return layer instanceof BatchNormalization bn && bn.getHelper() instanceof InferenceBatchNorm;
    }

    private static Field helperField() {
        try {
            Field f = BatchNormalization.class.getDeclaredField("helper");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another DL4J version: stay on oneDNN's kernel
        }
    }

    @Override
    public INDArray preOutput(INDArray x, boolean training, long[] shape, INDArray gamma, INDArray beta,
            INDArray mean, INDArray var, double decay, double eps, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        if (training || !handles(x, format, gamma, beta, mean, var)) {
            return oneDnn.preOutput(x, training, shape, gamma, beta, mean, var, decay, eps, format, workspaceMgr);
        }
        int n = (int) x.size(0);
        int channels = (int) x.size(1);
        int hw = (int) (x.size(2) * x.size(3));
        float[] g = gamma.toFloatVector();
        float[] b = beta.toFloatVector();
        float[] m = mean.toFloatVector();
        float[] v = var.toFloatVector();
        float e = (float) eps;
        float[] sm = new float[channels];
        for (int c = 0; c < channels; c++) {
            sm[c] = g[c] / (float) Math.sqrt(v[c] + e);
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, x.shape(), 'c');
        FloatBuffer in = x.data().asNioFloat();
        FloatBuffer o = out.data().asNioFloat();
        int inOffset = (int) x.offset();
        int outOffset = (int) out.offset();
        if (plane.length < hw) {
            plane = new float[hw];
        }
        float[] p = plane;
        for (int img = 0; img < n; img++) {
            for (int c = 0; c < channels; c++) {
                int at = (img * channels + c) * hw;
                in.get(inOffset + at, p, 0, hw);
                float s = sm[c];
                float mu = m[c];
                float be = b[c];
                for (int i = 0; i < hw; i++) {
                    p[i] = s * (p[i] - mu) + be;
                }
                o.put(outOffset + at, p, 0, hw);
            }
        }
        return out;
    }

    private static boolean handles(INDArray x, CNN2DFormat format, INDArray... params) {
        if (x.rank() != 4 || format != CNN2DFormat.NCHW || x.dataType() != DataType.FLOAT || x.ordering() != 'c'
                || !Shape.hasDefaultStridesForShape(x) || x.offset() + x.length() > Integer.MAX_VALUE) {
            return false;
        }
        for (INDArray p : params) {
            if (p == null || p.dataType() != DataType.FLOAT || p.length() != x.size(1)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean checkSupported(double eps, boolean fixedGammaBeta) {
        return oneDnn.checkSupported(eps, fixedGammaBeta);
    }

    @Override
    public boolean checkSupported() {
        return oneDnn.checkSupported();
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, long[] shape, INDArray gamma,
            INDArray beta, INDArray dGammaView, INDArray dBetaView, double eps, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        return oneDnn.backpropGradient(input, epsilon, shape, gamma, beta, dGammaView, dBetaView, eps, format,
                workspaceMgr);
    }

    @Override
    public INDArray getMeanCache(DataType dataType) {
        return oneDnn.getMeanCache(dataType);
    }

    @Override
    public INDArray getVarCache(DataType dataType) {
        return oneDnn.getVarCache(dataType);
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return oneDnn.helperMemoryUse();
    }
}
