package org.pcmsim.nn.experiment;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
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
import org.pcmsim.nn.model.Networks;
import org.pcmsim.nn.model.ResNetSpec;
import org.pcmsim.nn.model.ResNets;
import org.pcmsim.nn.training.ChunkedEvaluator;
import org.pcmsim.nn.training.NoiseAwareWeightNoise;
import org.pcmsim.slicing.SlicingAlgorithm;

/**
 * The speed figures of the DNN pipeline (issue targets on 2 cores: a ResNet-32 training step on 64
 * images ≤ 2.5 s, inference ≤ 5 s per 1000 images, analog inference ≤ 1.25 × digital). Wall-clock
 * medians after warm-up; they depend on the machine's load. Inference is timed on the evaluation
 * path of the figures ({@link ChunkedEvaluator}: 1000 images in chunks of 500, one chip read per
 * chunk), on one Java thread and on {@code threads}. Each inference figure comes with the CPU time
 * the process used for it: on a machine shared with other jobs the wall time of the parallel runs
 * depends on how many cores the others leave free, the CPU time much less.
 *
 * <p>Run it with {@code java -cp <pcm-nn classpath> org.pcmsim.nn.experiment.DnnBenchmark [network]
 * [repeats] [threads]}, e.g. {@code resnet32 5 2}, with {@code OMP_NUM_THREADS=1
 * OMP_WAIT_POLICY=PASSIVE MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4294967296
 * MALLOC_TOP_PAD_=268435456} as the launcher sets them (without the glibc settings every forward pass
 * faults libnd4j's layer buffers in again, ≈ 18 % of the inference CPU time; docs/performance.md).
 */
public final class DnnBenchmark {
    /** Images per chunk, as in the figures ({@link DnnOptions#evalBatchSize()}). */
    private static final int CHUNK = 500;

    private DnnBenchmark() {
    }

    /**
     * @param network the network measured
     * @param trainStepSeconds median wall time of one noise-aware training step on 64 images, s
     * @param digitalInferSecondsPer1000 digital inference on one thread, s per 1000 images
     * @param analogInferSecondsPer1000 analog inference (Max-fill b_W = 1, n_W = 8, every read
     *     included) on one thread, s per 1000 images
     * @param threads Java threads of the parallel measurements
     * @param digitalParallelSecondsPer1000 digital inference on {@code threads} threads, s per 1000 images
     * @param analogParallelSecondsPer1000 analog inference on {@code threads} threads, s per 1000 images
     * @param cpuSecondsPer1000 process CPU time of the four inference figures in the order above
     *     (digital, analog, digital parallel, analog parallel), s per 1000 images
     * @param onednnHelpers whether DL4J's oneDNN helpers were on
     */
    public record Result(String network, double trainStepSeconds, double digitalInferSecondsPer1000,
                         double analogInferSecondsPer1000, int threads, double digitalParallelSecondsPer1000,
                         double analogParallelSecondsPer1000, double[] cpuSecondsPer1000, boolean onednnHelpers) {
        /** @return analog / digital inference time on one thread */
        public double analogOverhead() {
            return analogInferSecondsPer1000 / digitalInferSecondsPer1000;
        }

        /** @return analog / digital inference time on {@code threads} threads */
        public double analogParallelOverhead() {
            return analogParallelSecondsPer1000 / digitalParallelSecondsPer1000;
        }
    }

    /**
     * @param spec the network (ResNet-32 for the published targets)
     * @param repeats timed repetitions of each measurement, ≥ 1 (the median is reported)
     * @return the measurements, parallel ones on the available processors
     */
    public static Result run(ResNetSpec spec, int repeats) {
        return run(spec, repeats, DnnOptions.defaultThreads());
    }

    /**
     * @param spec the network (ResNet-32 for the published targets)
     * @param repeats timed repetitions of each measurement, ≥ 1 (the median is reported)
     * @param threads Java threads of the parallel inference measurements, ≥ 1
     * @return the measurements
     */
    public static Result run(ResNetSpec spec, int repeats, int threads) {
        return run(spec, repeats, threads, LabeledImages.CHANNELS, LabeledImages.SIDE);
    }

    /**
     * @param spec the network
     * @param repeats timed repetitions of each measurement, ≥ 1 (the median is reported)
     * @param threads Java threads of the parallel inference measurements, ≥ 1
     * @param channels input channels: 3 (CIFAR-10) or 1 (Fashion-MNIST)
     * @param side input side: 32 (CIFAR-10) or 28 (Fashion-MNIST), ≤ 32
     * @return the measurements
     */
    public static Result run(ResNetSpec spec, int repeats, int threads, int channels, int side) {
        if (channels < 1 || channels > 3 || side < 1 || side > LabeledImages.SIDE) {
            throw new IllegalArgumentException("need 1..3 channels and a side of 1..32, got " + channels + " and " + side);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        OneDnn.enableHelpers();
        LabeledImages img = crop(new SyntheticCifar(1).generate(1000, 1), channels, side);
        Batches.Normalization norm = Batches.Normalization.of(img);
        ComputationGraph net = ResNets.build(spec, channels, side, 1, new Nesterovs(0.01, 0.9), 1e-4,
                new NoiseAwareWeightNoise(1));
        int[] first64 = new int[64];
        for (int i = 0; i < 64; i++) {
            first64[i] = i;
        }
        DataSet batch = Batches.batch(img, first64, norm, null);
        Networks.fit(net, batch);
        double[] train = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            Networks.fit(net, batch);
            train[r] = (System.nanoTime() - t) / 1e9;
        }
        AnalogNetwork chip = AnalogNetwork.convert(net, AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 8, 1));
        chip.program(1, 0);
        List<Model> nets = new ArrayList<>();
        List<AnalogNetwork> chips = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            nets.add(Networks.copy(net));
            chips.add(chip.replica());
        }
        ChunkedEvaluator.Forward<Model> digital = (r, s, c, x) -> Networks.output(r, x);
        // [configuration][wall, cpu][repeat]; the four configurations alternate within each repeat, so
        // that a change in the machine's load between repeats affects them alike.
        double[][][] t = new double[4][2][repeats];
        try (ChunkedEvaluator one = new ChunkedEvaluator(1); ChunkedEvaluator many = new ChunkedEvaluator(threads)) {
            for (int r = -1; r < repeats; r++) {
                // r = -1 warms up every configuration (JIT, workspaces) untimed.
                time(t[0], r, () -> one.accuracy(nets.subList(0, 1), img, norm, CHUNK, 1, digital));
                time(t[1], r, () -> one.accuracy(chips.subList(0, 1), img, norm, CHUNK, 1, DnnBenchmark::analogRead));
                time(t[2], r, () -> many.accuracy(nets, img, norm, CHUNK, 1, digital));
                time(t[3], r, () -> many.accuracy(chips, img, norm, CHUNK, 1, DnnBenchmark::analogRead));
            }
        }
        double[] cpu = {median(t[0][1]), median(t[1][1]), median(t[2][1]), median(t[3][1])};
        return new Result(spec.name(), median(train), median(t[0][0]), median(t[1][0]), threads, median(t[2][0]),
                median(t[3][0]), cpu, OneDnn.helpersEnabled());
    }

    /** The first planes and the top-left side × side pixels of each image: same cost as real data of that shape. */
    static LabeledImages crop(LabeledImages img, int channels, int side) {
        if (channels == img.channels() && side == img.side()) {
            return img;
        }
        byte[] px = new byte[img.count() * channels * side * side];
        int at = 0;
        for (int i = 0; i < img.count(); i++) {
            for (int c = 0; c < channels; c++) {
                for (int r = 0; r < side; r++) {
                    for (int col = 0; col < side; col++) {
                        px[at++] = (byte) img.pixel(i, c, r, col);
                    }
                }
            }
        }
        return new LabeledImages(px, img.labels(), channels, side);
    }

    /** One chunk of the figures' evaluation: read the chip one day after programming. */
    static INDArray analogRead(AnalogNetwork r, int setting, int chunk, INDArray x) {
        r.setDriftTime(86_400);
        r.seekRead(chunk);
        return r.output(x);
    }

    /** Runs one evaluation of the 1000 images; records its wall and process CPU time, s, unless r &lt; 0. */
    private static void time(double[][] into, int r, Runnable evaluation) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c = os.getProcessCpuTime();
        long t = System.nanoTime();
        evaluation.run();
        if (r >= 0) {
            into[0][r] = (System.nanoTime() - t) / 1e9;
            into[1][r] = (os.getProcessCpuTime() - c) / 1e9;
        }
    }

    /** @return the median of v (the mean of the middle two for an even length) */
    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
