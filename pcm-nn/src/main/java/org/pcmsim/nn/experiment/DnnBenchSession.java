package org.pcmsim.nn.experiment;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.pcmsim.nn.OneDnn;
import org.pcmsim.nn.analog.AnalogConfig;
import org.pcmsim.nn.analog.AnalogNetwork;
import org.pcmsim.nn.data.Batches;
import org.pcmsim.nn.data.LabeledImages;
import org.pcmsim.nn.data.SyntheticCifar;
import org.pcmsim.nn.model.DataParallelStep;
import org.pcmsim.nn.model.Networks;
import org.pcmsim.nn.model.ResNetSpec;
import org.pcmsim.nn.model.ResNets;
import org.pcmsim.nn.training.ChunkedEvaluator;
import org.pcmsim.nn.training.TrainingThreads;
import org.pcmsim.slicing.SlicingAlgorithm;

/**
 * One network set up for timing in rounds, so that a caller can interleave these measurements with
 * another program's (PyTorch's, in {@code pcm bench --dnn NETWORK --vs-pytorch}) and both see the
 * same machine load. A round times, each as wall and process CPU time in seconds: a digital
 * training step (SGD with Nesterov momentum 0.9, L2 1e-4, no weight noise) at batch 64 and 128 in
 * every {@link TrainingThreads} mode, and digital and analog inference of 1000 images on the
 * figures' evaluation path ({@link ChunkedEvaluator}: chunks of 500, one chip read per chunk;
 * analog = Max-fill b_W = 1, n_W = 8, read one day after programming); and, as the floor under a
 * training step, the step's convolutions alone forward and backward through libnd4j
 * ({@link ConvolutionReference.Convolutions}) in both modes, and under inference, the network's
 * convolutions alone forward on the 1000 images, a chunk at a time on the session's threads.
 */
public final class DnnBenchSession implements AutoCloseable {
    /** Images per chunk, as in the figures ({@link DnnOptions#evalBatchSize()}). */
    private static final int CHUNK = 500;
    /** Training steps timed per batch size and round (their mean is the round's figure). */
    public static final int STEPS = 2;
    /** The training batch sizes timed. */
    public static final int[] TRAIN_BATCHES = {64, 128};

    /**
     * Wall and process CPU time of one measurement, s.
     *
     * @param wall wall-clock time, s
     * @param cpu CPU time of the whole process over the same interval, s
     */
    public record Time(double wall, double cpu) {
    }

    /**
     * One round's measurements.
     *
     * @param trainReproducible per training batch size ({@link #TRAIN_BATCHES}), one step in
     *     {@link TrainingThreads#REPRODUCIBLE} mode
     * @param trainFastest the same in {@link TrainingThreads#FASTEST} mode
     * @param trainReplicas the same in {@link TrainingThreads#REPLICAS} mode
     * @param digitalPer1000 digital inference of 1000 images on the session's threads
     * @param analogPer1000 analog inference of 1000 images (two chip reads included)
     * @param convReproducible per training batch size, one step's convolutions alone, forward and
     *     backward, on one native thread
     * @param convFastest the same on {@link TrainingThreads#FASTEST}'s threads
     * @param convPer1000 the network's convolutions alone forward on 1000 images, as the inference
     *     rows run them (chunks of 500 on the session's threads, one native thread each)
     */
    public record Round(Time[] trainReproducible, Time[] trainFastest, Time[] trainReplicas, Time digitalPer1000, Time analogPer1000,
                        Time[] convReproducible, Time[] convFastest, Time convPer1000) {
    }

    private final ComputationGraph net;
    /** The same network's steps split over {@link TrainingThreads#REPLICAS}'s replicas. */
    private final DataParallelStep replicas;
    private final DataSet[] batches;
    private final ConvolutionReference.Convolutions[] convolutions;
    /** Per inference thread, its own arrays (threads must not share libnd4j's outputs). */
    private final ConvolutionReference.Convolutions[] chunkConvolutions;
    private final ExecutorService convolutionThreads;
    private final LabeledImages images;
    private final Batches.Normalization norm;
    private final List<Model> nets = new ArrayList<>();
    private final List<AnalogNetwork> chips = new ArrayList<>();
    private final ChunkedEvaluator evaluator;
    private final int threads;

    /**
     * Builds the network, programs one chip and warms every measurement up once (JIT, workspaces,
     * oneDNN's primitive caches).
     *
     * @param spec the network
     * @param threads Java threads of the inference measurements, ≥ 1
     * @param channels input channels, 1..3
     * @param side input side, 1..32
     */
    public DnnBenchSession(ResNetSpec spec, int threads, int channels, int side) {
        if (channels < 1 || channels > 3 || side < 1 || side > LabeledImages.SIDE) {
            throw new IllegalArgumentException("need 1..3 channels and a side of 1..32, got " + channels + " and " + side);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        OneDnn.enableHelpers();
        this.threads = threads;
        images = DnnBenchmark.crop(new SyntheticCifar(1).generate(1000, 1), channels, side);
        norm = Batches.Normalization.of(images);
        net = ResNets.build(spec, channels, side, 1, new Nesterovs(0.01, 0.9), 1e-4, null);
        replicas = new DataParallelStep(net, TrainingThreads.REPLICAS.replicas());
        batches = new DataSet[TRAIN_BATCHES.length];
        convolutions = new ConvolutionReference.Convolutions[TRAIN_BATCHES.length];
        for (int b = 0; b < TRAIN_BATCHES.length; b++) {
            int[] first = Batches.permutation(TRAIN_BATCHES[b], null);
            batches[b] = Batches.batch(images, first, norm, null);
            convolutions[b] = new ConvolutionReference.Convolutions(spec, channels, side, TRAIN_BATCHES[b], true);
        }
        AnalogNetwork chip = AnalogNetwork.convert(net, AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 8, 1));
        chip.program(1, 0);
        for (int i = 0; i < threads; i++) {
            nets.add(Networks.copy(net));
            chips.add(chip.replica());
        }
        evaluator = new ChunkedEvaluator(threads);
        chunkConvolutions = new ConvolutionReference.Convolutions[threads];
        for (int i = 0; i < threads; i++) {
            chunkConvolutions[i] = new ConvolutionReference.Convolutions(spec, channels, side, CHUNK, false);
        }
        convolutionThreads = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-convolutions");
            t.setDaemon(true);
            return t;
        });
        round();
    }

    /** @return the Java threads of the inference measurements */
    public int threads() {
        return threads;
    }

    /**
     * Times one round. Training steps change the session's network (not the inference replicas).
     *
     * @return the round's measurements
     */
    public Round round() {
        Time[] reproducible = new Time[TRAIN_BATCHES.length];
        Time[] fastest = new Time[TRAIN_BATCHES.length];
        Time[] parallel = new Time[TRAIN_BATCHES.length];
        Time[] convOne = new Time[TRAIN_BATCHES.length];
        Time[] convAll = new Time[TRAIN_BATCHES.length];
        boolean oneThread = Nd4j.getEnvironment().maxThreads() == 1;
        for (int b = 0; b < TRAIN_BATCHES.length; b++) {
            DataSet ds = batches[b];
            // With libnd4j loaded on more threads the reproducible mode refuses to train: not measured.
            reproducible[b] = oneThread ? perStep(TrainingThreads.REPRODUCIBLE, ds) : new Time(Double.NaN, Double.NaN);
            fastest[b] = perStep(TrainingThreads.FASTEST, ds);
            parallel[b] = oneThread ? perStep(TrainingThreads.REPLICAS, () -> replicas.fit(ds))
                    : new Time(Double.NaN, Double.NaN);
            ConvolutionReference.Convolutions c = convolutions[b];
            convOne[b] = oneThread ? perStep(TrainingThreads.REPRODUCIBLE, c::run) : new Time(Double.NaN, Double.NaN);
            convAll[b] = perStep(TrainingThreads.FASTEST, c::run);
        }
        ChunkedEvaluator.Forward<Model> digital = (r, s, c, x) -> Networks.output(r, x);
        Time d = time(() -> evaluator.accuracy(nets, images, norm, CHUNK, 1, digital));
        Time a = time(() -> evaluator.accuracy(chips, images, norm, CHUNK, 1, DnnBenchmark::analogRead));
        return new Round(reproducible, fastest, parallel, d, a, convOne, convAll, time(this::chunkConvolutions));
    }

    /** 1000 images' convolutions, the chunks of 500 dealt to the threads in turn. */
    private Void chunkConvolutions() throws Exception {
        int chunks = images.count() / CHUNK;
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ConvolutionReference.Convolutions c = chunkConvolutions[t];
            int mine = (chunks - t + threads - 1) / threads;
            done.add(convolutionThreads.submit(() -> {
                for (int k = 0; k < mine; k++) {
                    c.run();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        return null;
    }

    private Time perStep(TrainingThreads mode, DataSet ds) {
        return perStep(mode, () -> Networks.fit(net, ds));
    }

    private static Time perStep(TrainingThreads mode, Runnable step) {
        Time t = time(() -> mode.during(() -> {
            for (int s = 0; s < STEPS; s++) {
                step.run();
            }
            return null;
        }));
        return new Time(t.wall() / STEPS, t.cpu() / STEPS);
    }

    private static Time time(Callable<?> work) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c = os.getProcessCpuTime();
        long t = System.nanoTime();
        try {
            work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new Time((System.nanoTime() - t) / 1e9, (os.getProcessCpuTime() - c) / 1e9);
    }

    @Override
    public void close() {
        convolutionThreads.shutdownNow();
        replicas.close();
        evaluator.close();
    }
}
