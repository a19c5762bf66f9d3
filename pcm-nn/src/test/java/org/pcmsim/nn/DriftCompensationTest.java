package org.pcmsim.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.random.TrialStream;
import org.pcmsim.random.TrialStreams;
import org.pcmsim.nn.analog.AnalogConfig;
import org.pcmsim.nn.analog.AnalogNetwork;
import org.pcmsim.slicing.SlicingAlgorithm;

/**
 * Drift lowers a deployed classifier's accuracy and per-layer GDC recovers most of the loss. A
 * dense network is trained on ten Gaussian clusters (offset from the origin, so biases matter and a
 * uniform weight shrinkage moves the decision boundaries) and deployed on 12 chips.
 *
 * <p>Deterministic: fixed seeds for data, initialisation, programming and reads, so it cannot fail
 * at random. The margins were checked for root seeds 1 … 5 (with the per-layer keyed streams of
 * {@code ProgrammedLayer}): drift without GDC cost 9 … 31 points and GDC recovered 54 … 91 % of the
 * loss; seed 1, used here, is the tightest (9.2 points lost, 54 % recovered).
 */
class DriftCompensationTest {
    private static final int DIM = 16;
    private static final int CLASSES = 10;

    private static INDArray[] data(double[][] centres, int n, long seed) {
        UniformRandomProvider rng = TrialStreams.stream(seed, 1, TrialStream.DATA);
        var normal = ZigguratSampler.NormalizedGaussian.of(rng);
        float[] x = new float[n * DIM];
        float[] y = new float[n * CLASSES];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(CLASSES);
            for (int d = 0; d < DIM; d++) {
                x[i * DIM + d] = (float) (centres[c][d] + 0.9 * normal.sample());
            }
            y[i * CLASSES + c] = 1;
        }
        return new INDArray[] {Nd4j.create(x, new long[] {n, DIM}, 'c'), Nd4j.create(y, new long[] {n, CLASSES}, 'c')};
    }

    private static double accuracy(INDArray out, INDArray y) {
        INDArray p = out.argMax(1);
        INDArray t = y.argMax(1);
        int ok = 0;
        for (int i = 0; i < p.length(); i++) {
            ok += p.getInt(i) == t.getInt(i) ? 1 : 0;
        }
        return 100.0 * ok / p.length();
    }

    @Test
    void driftLowersAccuracyAndGdcRecoversMostOfIt() {
        long seed = 1;
        UniformRandomProvider rng = TrialStreams.stream(seed, 0, TrialStream.DATA);
        double[][] centres = new double[CLASSES][DIM];
        for (double[] c : centres) {
            for (int d = 0; d < DIM; d++) {
                c[d] = 2.0 + (rng.nextDouble() - 0.5) * 2.0;
            }
        }
        INDArray[] train = data(centres, 2000, seed);
        INDArray[] test = data(centres, 1000, seed + 1);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT)
                .updater(new Adam(0.01)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(DIM).nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(32).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        for (int e = 0; e < 150; e++) {
            net.fit(train[0], train[1]);
        }
        double digital = accuracy(net.output(test[0], false), test[1]);

        int chips = 12;
        double t0 = 0;
        double yearRaw = 0;
        double yearGdc = 0;
        AnalogConfig gdc = AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 1, 1);
        AnalogNetwork with = AnalogNetwork.convert(net, gdc);
        AnalogNetwork without = AnalogNetwork.convert(net, gdc.withDriftCompensation(false));
        for (int k = 0; k < chips; k++) {
            without.program(seed, k);
            t0 += accuracy(without.output(test[0]), test[1]) / chips;
            without.setDriftTime(ReadTimes.YEAR);
            yearRaw += accuracy(without.output(test[0]), test[1]) / chips;
            with.program(seed, k);
            with.setDriftTime(ReadTimes.YEAR);
            yearGdc += accuracy(with.output(test[0]), test[1]) / chips;
        }
        String msg = String.format("digital %.2f, t0 %.2f, 1 year without GDC %.2f, with GDC %.2f", digital, t0, yearRaw, yearGdc);
        assertTrue(digital > 60, "the classifier must have learned: " + msg);
        assertTrue(t0 - yearRaw > 5, "drift must cost accuracy without compensation: " + msg);
        assertTrue(yearGdc - yearRaw > 0.5 * (t0 - yearRaw), "GDC must recover most of the loss: " + msg);
    }
}
