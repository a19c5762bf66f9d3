package org.pcmsim.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.pcmsim.nn.training.NoiseAwareWeightNoise;

/** The straight-through estimator of noise-aware training, checked against an explicit computation. */
class NoiseAwareTrainingTest {
    private static final double LR = 0.05;

    /** Delegates to the noise-aware hook and records the training-mode weights it hands out. */
    static final class Recording implements IWeightNoise {
        final NoiseAwareWeightNoise inner = new NoiseAwareWeightNoise(11);
        final Map<Integer, INDArray> noisy = new HashMap<>();

        @Override
        public INDArray getParameter(Layer layer, String key, int it, int ep, boolean train, LayerWorkspaceMgr m) {
            INDArray p = inner.getParameter(layer, key, it, ep, train, m);
            if (train && "W".equals(key)) {
                noisy.put(layer.getIndex(), p.dup());
            }
            return p;
        }

        @Override
        public IWeightNoise clone() {
            return this;
        }
    }

    private static MultiLayerNetwork net(IWeightNoise noise) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE)
                .updater(new Sgd(LR)).list()
                .layer(new DenseLayer.Builder().nIn(6).nOut(5).activation(Activation.TANH).weightNoise(noise).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(5).nOut(3)
                        .activation(Activation.SOFTMAX).weightNoise(noise).build())
                .build();
        MultiLayerNetwork n = new MultiLayerNetwork(conf);
        n.init();
        return n;
    }

    @Test
    void updateIsTheGradientAtTheNoisyWeightAppliedToTheCleanOne() {
        Recording rec = new Recording();
        MultiLayerNetwork net = net(rec);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 8, 6).subi(0.5).muli(3);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 8, 3);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 3, 1.0);
        }
        INDArray w0 = net.getParam("0_W").dup();
        INDArray w1 = net.getParam("1_W").dup();
        INDArray params0 = net.params().dup();
        net.fit(x, y);

        // The forward pass really used noisy, clipped weights.
        INDArray n0 = rec.noisy.get(0);
        assertNotEquals(0.0, n0.sub(w0).norm2Number().doubleValue(), "training forward pass must be noisy");
        double clip = 2 * w0.stdNumber(false).doubleValue();
        assertTrue(n0.amaxNumber().doubleValue() <= clip * (1 + 1e-6), "noisy weights are clipped at 2 sigma_W");
        // Same noise as the hook's own deterministic function of (seed, layer, iteration).
        assertEquals(0.0, rec.inner.noisy(w0, 0, 0).sub(n0).amaxNumber().doubleValue(), 1e-12);

        // Gradient of a noise-free copy that holds the noisy weights.
        MultiLayerNetwork ref = net(null);
        ref.setParams(params0);
        ref.setParam("0_W", n0);
        ref.setParam("1_W", rec.noisy.get(1));
        ref.setInput(x);
        ref.setLabels(y);
        ref.computeGradientAndScore();
        INDArray g0 = ref.gradient().getGradientFor("0_W");
        INDArray g1 = ref.gradient().getGradientFor("1_W");

        // DL4J's computeGradientAndScore sums over the minibatch; the updater divides by its size.
        double batch = x.rows();
        INDArray expect0 = w0.sub(g0.mul(LR / batch));
        INDArray expect1 = w1.sub(g1.mul(LR / batch));
        assertEquals(0.0, net.getParam("0_W").sub(expect0).amaxNumber().doubleValue(), 1e-12);
        assertEquals(0.0, net.getParam("1_W").sub(expect1).amaxNumber().doubleValue(), 1e-12);
        // Not the update of the noisy weight itself (that would be a plain noisy-weights SGD).
        assertNotEquals(0.0, net.getParam("0_W").sub(n0.sub(g0.mul(LR / batch))).amaxNumber().doubleValue(), 1e-6);
        // Nor the clean-weight gradient: the noise changed the gradient.
        MultiLayerNetwork clean = net(null);
        clean.setParams(params0);
        clean.setInput(x);
        clean.setLabels(y);
        clean.computeGradientAndScore();
        INDArray gClean = clean.gradient().getGradientFor("0_W");
        assertTrue(gClean.sub(g0).amaxNumber().doubleValue() > 1e-3, "noise must change the gradient");
    }

    @Test
    void inferenceUsesTheCleanWeightsAndBiasesAreNeverNoisy() {
        Recording rec = new Recording();
        MultiLayerNetwork net = net(rec);
        MultiLayerNetwork plain = net(null);
        plain.setParams(net.params());
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 6);
        assertEquals(0.0, net.output(x, false).sub(plain.output(x, false)).amaxNumber().doubleValue(), 0.0);
        assertTrue(rec.noisy.isEmpty(), "no training-mode weights requested in inference");
    }
}
