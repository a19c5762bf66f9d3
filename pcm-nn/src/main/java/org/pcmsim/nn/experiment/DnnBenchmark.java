package org.pcmsim.nn.experiment;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.pcmsim.nn.OneDnn;
import org.pcmsim.nn.analog.AnalogConfig;
import org.pcmsim.nn.analog.AnalogNetwork;
import org.pcmsim.nn.data.Batches;
import org.pcmsim.nn.data.LabeledImages;
import org.pcmsim.nn.data.SyntheticCifar;
import org.pcmsim.nn.model.ResNetSpec;
import org.pcmsim.nn.model.ResNets;
import org.pcmsim.nn.training.NoiseAwareWeightNoise;
import org.pcmsim.slicing.SlicingAlgorithm;

/**
 * The speed figures of the DNN pipeline (issue targets on 2 cores: a ResNet-32 training step on 64
 * images ≤ 2.5 s, inference ≤ 5 s per 1000 images, analog inference ≤ 1.25 × digital). Wall-clock
 * medians after warm-up; they depend on the machine's load.
 */
public final class DnnBenchmark {
    private DnnBenchmark() {
    }

    /**
     * @param network the network measured
     * @param trainStepSeconds median wall time of one noise-aware training step on 64 images, s
     * @param digitalInferSecondsPer1000 digital inference, s per 1000 images (batches of 500)
     * @param analogInferSecondsPer1000 analog inference (Max-fill b_W = 1, n_W = 8, every read
     *     included), s per 1000 images
     * @param onednnHelpers whether DL4J's oneDNN helpers were on
     */
    public record Result(String network, double trainStepSeconds, double digitalInferSecondsPer1000,
                         double analogInferSecondsPer1000, boolean onednnHelpers) {
        /** @return analog / digital inference time */
        public double analogOverhead() {
            return analogInferSecondsPer1000 / digitalInferSecondsPer1000;
        }
    }

    /**
     * @param spec the network (ResNet-32 for the published targets)
     * @param repeats timed repetitions of each measurement, ≥ 1 (the median is reported)
     * @return the measurements
     */
    public static Result run(ResNetSpec spec, int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        OneDnn.enableHelpers();
        LabeledImages img = new SyntheticCifar(1).generate(1000, 1);
        Batches.Normalization norm = Batches.Normalization.of(img);
        ComputationGraph net = ResNets.build(spec, 1, new Nesterovs(0.01, 0.9), 1e-4, new NoiseAwareWeightNoise(1));
        int[] first64 = new int[64];
        for (int i = 0; i < 64; i++) {
            first64[i] = i;
        }
        DataSet batch = Batches.batch(img, first64, norm, null);
        net.fit(batch);
        double[] train = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            net.fit(batch);
            train[r] = (System.nanoTime() - t) / 1e9;
        }
        INDArray[] halves = new INDArray[2];
        for (int h = 0; h < 2; h++) {
            int[] idx = new int[500];
            for (int i = 0; i < 500; i++) {
                idx[i] = h * 500 + i;
            }
            halves[h] = Batches.batch(img, idx, norm, null).getFeatures();
        }
        net.outputSingle(false, halves[0]);
        double[] digital = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            for (INDArray x : halves) {
                net.outputSingle(false, x);
            }
            digital[r] = (System.nanoTime() - t) / 1e9;
        }
        AnalogNetwork chip = AnalogNetwork.convert(net, AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 8, 1));
        chip.program(1, 0);
        chip.setDriftTime(86_400);
        chip.output(halves[0]);
        double[] analog = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            for (INDArray x : halves) {
                chip.output(x);
            }
            analog[r] = (System.nanoTime() - t) / 1e9;
        }
        return new Result(spec.name(), median(train), median(digital), median(analog), OneDnn.helpersEnabled());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
