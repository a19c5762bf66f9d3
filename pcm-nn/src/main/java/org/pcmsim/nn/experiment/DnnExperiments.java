package org.pcmsim.nn.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.pcmsim.Version;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.experiment.ResultRow;
import org.pcmsim.experiment.XAxis;
import org.pcmsim.montecarlo.ProgressListener;
import org.pcmsim.nn.OneDnn;
import org.pcmsim.nn.analog.AnalogConfig;
import org.pcmsim.nn.analog.AnalogNetwork;
import org.pcmsim.nn.data.Batches;
import org.pcmsim.nn.data.LabeledImages;
import org.pcmsim.nn.model.Networks;
import org.pcmsim.nn.training.ChunkedEvaluator;
import org.pcmsim.nn.training.Trainer;
import org.pcmsim.nn.training.TrainingOptions;
import org.pcmsim.slicing.SlicingAlgorithm;

/**
 * Entry points of the DNN experiment (docs/model.md §6) for the command line: {@link #train} for
 * {@code pcm train}, {@link #figure5a} and {@link #figure5c} for {@code pcm run figure-5a|5c}.
 *
 * <p>A run prepares the data (CIFAR-10 binary files, or the synthetic set generated in that format),
 * obtains a model (loads {@link DnnOptions#modelFile()}, or trains a digital baseline, fine-tunes it
 * noise-aware, and saves it, resuming from {@code outDir/checkpoints} after an interruption), then
 * for each slicing configuration programs {@code chips} independent chips and reads each at every
 * time, reporting mean ± std test accuracy (percent) over chips, plus one digital baseline row (the
 * trained floating-point network). Evaluations run on {@link DnnOptions#threads()} Java threads with
 * the same results for any thread count (see {@link #chipAccuracies}). Library code: progress goes to
 * the listener, errors are exceptions, nothing is printed.
 */
public final class DnnExperiments {
    /** Figure 5(a) n_W values. */
    public static final int[] FIG5_SLICES = {1, 2, 4, 8};

    private DnnExperiments() {
    }

    /**
     * A trained model ready for deployment.
     *
     * @param network the trained network (noise-aware if it had fine-tuning epochs)
     * @param normalization its input normalisation
     * @param file where it is saved
     * @param trainedNow whether this run trained it (false: loaded)
     * @param trainingSeconds wall time of training in this run, s (0 if loaded)
     * @param digitalAccuracy floating-point test accuracy with the raw weights, percent
     * @param clippedAccuracy floating-point test accuracy with conv/dense weights clipped at 2 σ_W
     *     (the noise-aware forward pass without noise; the figures' digital baseline), percent
     */
    public record TrainedModel(ComputationGraph network, Batches.Normalization normalization, Path file,
                               boolean trainedNow, double trainingSeconds, double digitalAccuracy,
                               double clippedAccuracy) {
    }

    /**
     * Reads (CIFAR-10, Fashion-MNIST) or generates and reads (synthetic) the data.
     *
     * @param o options
     * @return the data
     * @throws IOException naming the missing or malformed file
     */
    public static DnnData prepareData(DnnOptions o) throws IOException {
        return DnnData.prepare(o);
    }

    /**
     * Loads the model file if it exists, else trains one (resuming from a checkpoint) and saves it.
     *
     * @param o options
     * @param data the data
     * @param listener training progress (steps)
     * @return the model
     * @throws IOException if files cannot be read or written
     */
    public static TrainedModel obtainModel(DnnOptions o, DnnData data, ProgressListener listener) throws IOException {
        OneDnn.enableHelpers();
        Path file = o.resolvedModelFile();
        if (Files.exists(file)) {
            Trainer.SavedModel m = Trainer.load(file);
            try (ChunkedEvaluator ev = new ChunkedEvaluator(o.threads())) {
                double acc = digitalAccuracy(ev, m.network(), data.test(), m.normalization(), o.evalBatchSize());
                return new TrainedModel(m.network(), m.normalization(), file, false, 0, acc,
                        clippedAccuracy(ev, m.network(), data, m.normalization(), o));
            }
        }
        long start = System.nanoTime();
        TrainingOptions t = new TrainingOptions(o.epochs(), o.noiseAwareEpochs(), o.batchSize(), 0.1, 0.01, 0.9,
                1e-4, 0.038, 2.0, o.seed());
        Trainer trainer = new Trainer(o.network(), t, checkpointDir(o), o.dataset().augmentation());
        ComputationGraph net = trainer.train(data.train(), data.normalization(), Integer.MAX_VALUE, listener);
        Trainer.save(net, data.normalization(), file, false);
        double secs = (System.nanoTime() - start) / 1e9;
        try (ChunkedEvaluator ev = new ChunkedEvaluator(o.threads())) {
            double acc = digitalAccuracy(ev, net, data.test(), data.normalization(), o.evalBatchSize());
            return new TrainedModel(net, data.normalization(), file, true, secs, acc,
                    clippedAccuracy(ev, net, data, data.normalization(), o));
        }
    }

    /**
     * @param o options
     * @return the folder of the training checkpoint of these options
     */
    public static Path checkpointDir(DnnOptions o) {
        return o.outDir().resolve("checkpoints-" + o.dataset().id() + "-" + o.network().name());
    }

    private static double clippedAccuracy(ChunkedEvaluator ev, ComputationGraph net, DnnData data,
                                          Batches.Normalization norm, DnnOptions o) {
        Model clipped = AnalogNetwork.clippedDigital(net, AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 1, 1));
        return digitalAccuracy(ev, clipped, data.test(), norm, o.evalBatchSize());
    }

    /**
     * Test accuracy of a digital network on the evaluator's threads (one copy of the network each),
     * in chunks of {@code chunkSize} images: the same number for any thread count.
     */
    static double digitalAccuracy(ChunkedEvaluator ev, Model net, LabeledImages test, Batches.Normalization norm,
                                  int chunkSize) {
        List<Model> replicas = new ArrayList<>();
        for (int i = 0; i < ev.threads(); i++) {
            replicas.add(i == 0 ? net : Networks.copy(net));
        }
        return ev.accuracy(replicas, test, norm, chunkSize, 1, (r, s, c, x) -> Networks.output(r, x))[0];
    }

    /**
     * {@code pcm train}: prepares the data and trains (or resumes training of) a model, saving it
     * to {@link DnnOptions#resolvedModelFile()}; an existing model file is loaded instead.
     *
     * @param o options
     * @param listener progress in training steps
     * @return the model with its digital accuracy
     * @throws IOException if files cannot be read or written
     */
    public static TrainedModel train(DnnOptions o, ProgressListener listener) throws IOException {
        return obtainModel(o, prepareData(o), listener);
    }

    /**
     * Figure 5(a): Max-fill b_W = 1 at n_W ∈ {1, 2, 4, 8}, accuracy vs time (t0 … 1 year, GDC on).
     *
     * @param o options
     * @param listener progress: training steps first (if training), then chip reads
     * @return the figure
     * @throws IOException if data or model files fail
     */
    public static FigureResult figure5a(DnnOptions o, ProgressListener listener) throws IOException {
        return figure5a(o, listener, note -> { });
    }

    /**
     * Figure 5(a), saying when it resumes from chips evaluated by an earlier, interrupted run.
     *
     * @param o options
     * @param listener progress: training steps first (if training), then chip reads
     * @param notes receives one line when finished chips are reused ("resuming: …")
     * @return the figure
     * @throws IOException if data, model or result files fail
     */
    public static FigureResult figure5a(DnnOptions o, ProgressListener listener, Consumer<String> notes)
            throws IOException {
        DnnData data = prepareData(o);
        TrainedModel m = obtainModel(o, data, listener);
        double[] times = ReadTimes.logSpaced(ReadTimes.T0, ReadTimes.YEAR, o.timePoints());
        String panel = "Max-fill (b_W = 1) with GDC";
        List<Config> configs = new ArrayList<>();
        for (int n : FIG5_SLICES) {
            configs.add(new Config("n_W = " + n, SlicingAlgorithm.MAX_FILL, 1, n));
        }
        return figure(o, data, m, "figure-5a", "5a", "Figure 5(a): " + panel + ", " + o.network().name() + " on "
                + o.dataset().label(), XAxis.TIME, times, configs, panel, listener, notes);
    }

    /**
     * Figure 5(c): Equal-fill b1, Max-fill b1, Max-fill EC b1, Max-fill b2, Max-fill EC b2 at
     * n_W ∈ {1, 2, 4, 8}, at t0 and one month (GDC on).
     *
     * @param o options
     * @param listener progress: training steps first (if training), then chip reads
     * @return the figure
     * @throws IOException if data or model files fail
     */
    public static FigureResult figure5c(DnnOptions o, ProgressListener listener) throws IOException {
        return figure5c(o, listener, note -> { });
    }

    /**
     * Figure 5(c), saying when it resumes from chips evaluated by an earlier, interrupted run.
     *
     * @param o options
     * @param listener progress: training steps first (if training), then chip reads
     * @param notes receives one line when finished chips are reused ("resuming: …")
     * @return the figure
     * @throws IOException if data, model or result files fail
     */
    public static FigureResult figure5c(DnnOptions o, ProgressListener listener, Consumer<String> notes)
            throws IOException {
        DnnData data = prepareData(o);
        TrainedModel m = obtainModel(o, data, listener);
        double[] times = {ReadTimes.T0, ReadTimes.MONTH};
        List<Config> configs = new ArrayList<>();
        Object[][] series = {{"Equal-fill (b_W = 1)", SlicingAlgorithm.EQUAL_FILL, 1},
            {"Max-fill (b_W = 1)", SlicingAlgorithm.MAX_FILL, 1}, {"Max-fill EC (b_W = 1)", SlicingAlgorithm.MAX_FILL_EC, 1},
            {"Max-fill (b_W = 2)", SlicingAlgorithm.MAX_FILL, 2}, {"Max-fill EC (b_W = 2)", SlicingAlgorithm.MAX_FILL_EC, 2}};
        for (Object[] s : series) {
            for (int n : FIG5_SLICES) {
                configs.add(new Config((String) s[0], (SlicingAlgorithm) s[1], (Integer) s[2], n));
            }
        }
        return figure(o, data, m, "figure-5c", "5c", "Figure 5(c): accuracy vs n_W at t0 and one month, "
                + o.network().name() + " on " + o.dataset().label(), XAxis.N_SLICES, times, configs, null, listener, notes);
    }

    /** One slicing configuration of a figure. */
    record Config(String series, SlicingAlgorithm algorithm, int base, int nSlices) {
    }

    /**
     * Chip k of every configuration with n_W slices uses trial index n_W·10^6 + k of the root seed:
     * common random numbers across algorithms and bases. Comparisons between configurations are
     * then paired, the same configuration programs the same chips in 5a and 5c, and at n_W = 1
     * (where every algorithm gives the same slices) every series reads the very same chips.
     */
    static long chipIndex(Config c, int chip) {
        return c.nSlices() * 1_000_000L + chip;
    }

    private static FigureResult figure(DnnOptions o, DnnData data, TrainedModel m, String name, String fig, String title,
                                       XAxis axis, double[] times, List<Config> configs, String panel,
                                       ProgressListener listener, Consumer<String> notes) throws IOException {
        long start = System.nanoTime();
        ChipResults store = ChipResults.open(o.outDir(), m.network(), data.test(), m.normalization(), o);
        int finished = 0;
        for (Config c : configs) {
            for (int k = 0; k < o.chips(); k++) {
                finished += store.load(c, k, times).size() == times.length ? 1 : 0;
            }
        }
        int chipTotal = configs.size() * o.chips();
        if (finished > 0) {
            notes.accept("resuming: " + finished + " of " + chipTotal + " chips done (every read time) in "
                    + store.dir() + "; evaluating the other " + (chipTotal - finished));
        }
        PcmDeviceModel device = PcmDeviceModel.nandakumar2019().withNoiseScales(o.programmingNoiseScale(),
                o.driftScale(), o.readNoiseScale());
        List<ResultRow> rows = new ArrayList<>();
        Map<String, String> panels = new LinkedHashMap<>();
        long total = (long) configs.size() * o.chips() * times.length;
        AtomicLong done = new AtomicLong();
        AnalogConfig base = AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 1, 1).withDevice(device);
        double clippedAcc = m.clippedAccuracy();
        Model quantized = AnalogNetwork.quantizedDigital(m.network(), base);
        double quantAcc;
        try (ChunkedEvaluator ev = new ChunkedEvaluator(o.threads())) {
            quantAcc = digitalAccuracy(ev, quantized, data.test(), m.normalization(), o.evalBatchSize());
            for (Config c : configs) {
                AnalogConfig ac = AnalogConfig.paper(c.algorithm(), c.nSlices(), c.base()).withDevice(device)
                        .withConverters(o.converters());
                double[][] acc = chipAccuracies(ev, m.network(), ac, c, times, data.test(), m.normalization(), o,
                        store, () -> listener.progress(done.addAndGet(times.length), total));
                for (int ti = 0; ti < times.length; ti++) {
                    rows.add(new ResultRow(fig, c.series(), "int9", c.algorithm().id(), c.base(), c.nSlices(),
                            times[ti], o.chips(), "accuracy", mean(acc[ti]), std(acc[ti])));
                }
                if (panel != null) {
                    panels.put(c.series(), panel);
                }
            }
        }
        String digital = "Digital baseline";
        double[] digitalTimes = axis == XAxis.TIME ? new double[] {ReadTimes.T0} : times;
        for (double t : digitalTimes) {
            rows.add(new ResultRow(fig, digital, "float32", "digital", 0, 0, t, 1, "accuracy", clippedAcc, 0.0));
        }
        if (panel != null) {
            panels.put(digital, panel);
        }
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("dataset", o.dataset().label());
        prov.put("dataset_id", o.dataset().id());
        prov.put("synthetic", o.dataset() == DatasetKind.SYNTHETIC);
        prov.put("data_dir", o.resolvedDataDir().toString());
        prov.put("train_images", data.train().count());
        prov.put("test_images", data.test().count());
        prov.put("input_shape", data.test().channels() + "x" + data.test().side() + "x" + data.test().side());
        prov.put("augmentation", "random crop with padding " + o.dataset().augmentation().pad()
                + (o.dataset().augmentation().flip() ? ", horizontal flip" : ""));
        prov.put("network", o.network().toString());
        prov.put("published_network", o.network().equals(org.pcmsim.nn.model.ResNetSpec.RESNET32));
        prov.put("model_file", m.file().toString());
        prov.put("model_trained_in_this_run", m.trainedNow());
        prov.put("training_seconds", m.trainingSeconds());
        prov.put("epochs", o.epochs());
        prov.put("noise_aware_epochs", o.noiseAwareEpochs());
        prov.put("seed", o.seed());
        prov.put("chips", o.chips());
        prov.put("digital_baseline", "float32 weights clipped at 2 sigma_W (the noise-aware forward pass without noise)");
        prov.put("digital_accuracy_percent", clippedAcc);
        prov.put("digital_unclipped_accuracy_percent", m.digitalAccuracy());
        prov.put("quantized_int9_accuracy_percent", quantAcc);
        prov.put("weight_quantizer", "int9, clipped at 2 sigma_W per layer");
        prov.put("device", "nandakumar2019");
        prov.put("conventions", device.conventions());
        prov.put("noise_scales", "programming=" + o.programmingNoiseScale() + ", drift=" + o.driftScale() + ", read="
                + o.readNoiseScale());
        prov.put("converters", o.converters().describe());
        prov.put("gdc", "per layer, calibration c = sum_i |sum_k W_ik(t)|, reference at t0");
        prov.put("eval_batch_size", o.evalBatchSize());
        prov.put("eval_threads", o.threads());
        prov.put("read_streams", "per layer, keyed by (seed, chip, layer) for programming and (seed, chip, layer, "
                + "time, chunk) for each read; independent of the thread count");
        prov.put("onednn_helpers", OneDnn.helpersEnabled());
        prov.put("chips_reused_from_work_folder", finished);
        prov.put("evaluation_seconds", (System.nanoTime() - start) / 1e9);
        prov.put("version", Version.get());
        return new FigureResult(name, fig, title, axis, times, panels, rows, prov);
    }

    /**
     * Accuracy of chips 0 … chips − 1 of one configuration at every time. Chip k is programmed once
     * (on this thread); then every (time, chunk of {@link DnnOptions#evalBatchSize()} test images)
     * is one task on the evaluator's threads, each with its own replica of the analog network sharing
     * the chip read-only. Chunk c at time t reads with read index c, so the noise of every read, and
     * the accuracies, are the same for any thread count.
     *
     * @param afterChip called after each chip's evaluations
     * @return accuracy, percent, [time][chip]
     */
    static double[][] chipAccuracies(ChunkedEvaluator ev, Model trained, AnalogConfig ac, Config c, double[] times,
                                     LabeledImages test, Batches.Normalization norm, DnnOptions o, Runnable afterChip) {
        try {
            return chipAccuracies(ev, trained, ac, c, times, test, norm, o, null, afterChip);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * As {@link #chipAccuracies(ChunkedEvaluator, Model, AnalogConfig, Config, double[], LabeledImages,
     * Batches.Normalization, DnnOptions, Runnable)}, taking the (chip, time) results found in
     * {@code store} and adding each chip's new ones to it once the chip is done.
     *
     * @param store per-chip results of earlier runs, or null for none
     * @throws IOException if the store cannot be read or written
     */
    static double[][] chipAccuracies(ChunkedEvaluator ev, Model trained, AnalogConfig ac, Config c, double[] times,
                                     LabeledImages test, Batches.Normalization norm, DnnOptions o, ChipResults store,
                                     Runnable afterChip) throws IOException {
        AnalogNetwork chip = AnalogNetwork.convert(trained, ac);
        List<AnalogNetwork> replicas = new ArrayList<>();
        for (int i = 0; i < ev.threads(); i++) {
            replicas.add(chip.replica());
        }
        double[][] acc = new double[times.length][o.chips()];
        for (int k = 0; k < o.chips(); k++) {
            // A read's noise depends only on (seed, chip, layer, time, chunk), so any subset of the
            // times gives each time the accuracy it has in the whole set.
            Map<Double, Double> known = store == null ? Map.of() : store.load(c, k, times);
            double[] todo = java.util.Arrays.stream(times).filter(t -> !known.containsKey(t)).toArray();
            double[] a = new double[0];
            if (todo.length > 0) {
                chip.program(o.seed(), chipIndex(c, k));
                a = ev.accuracy(replicas, test, norm, o.evalBatchSize(), todo.length, (r, ti, chunk, x) -> {
                    r.setDriftTime(todo[ti]);
                    r.seekRead(chunk);
                    return r.output(x);
                });
                if (store != null) {
                    store.store(c, k, todo, a);
                }
            }
            for (int ti = 0, j = 0; ti < times.length; ti++) {
                acc[ti][k] = known.containsKey(times[ti]) ? known.get(times[ti]) : a[j++];
            }
            afterChip.run();
        }
        return acc;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample standard deviation; 0 for a single value. */
    static double std(double[] v) {
        if (v.length < 2) {
            return 0.0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

}
