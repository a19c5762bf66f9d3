package org.pcmsim.nn.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.experiment.ResultRow;
import org.pcmsim.experiment.XAxis;
import org.pcmsim.montecarlo.ProgressListener;
import org.pcmsim.nn.analog.AnalogConfig;
import org.pcmsim.nn.analog.AnalogNetwork;
import org.pcmsim.nn.data.Batches;
import org.pcmsim.nn.training.ChunkedEvaluator;
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
 * the same results for any thread count (see {@link ChipEvaluation}). Library code: progress goes to
 * the listener, errors are exceptions, nothing is printed.
 *
 * <p>The parts: {@link DnnData} (the data, cached), {@link DnnTraining} (the model and its
 * hyper-parameters), {@link DnnFigureSpec} (what each figure evaluates), {@link ChipEvaluation} (the
 * accuracies), {@link ChipResults} (resuming) and {@link DnnProvenance}.
 */
public final class DnnExperiments {
    /** Figure 5(a) n_W values. */
    public static final int[] FIG5_SLICES = DnnFigureSpec.SLICES.clone();

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
                               boolean trainedNow, double trainingSeconds, String trainingThreads,
                               double digitalAccuracy, double clippedAccuracy) {
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
        return DnnTraining.obtain(o, data, listener);
    }

    /**
     * @param o options
     * @return the folder of the training checkpoint of these options
     */
    public static Path checkpointDir(DnnOptions o) {
        return DnnTraining.checkpointDir(o);
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
        return figure(o, DnnFigureSpec.figure5a(o.timePoints()), listener, notes);
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
        return figure(o, DnnFigureSpec.figure5c(), listener, notes);
    }

    /** Prepares data and model, then evaluates every configuration of the figure on its chips. */
    private static FigureResult figure(DnnOptions o, DnnFigureSpec f, ProgressListener listener,
                                       Consumer<String> notes) throws IOException {
        DnnData data = prepareData(o);
        TrainedModel m = obtainModel(o, data, listener);
        String name = f.name();
        String fig = f.code();
        String title = f.title() + ", " + o.network().name() + " on " + o.dataset().label();
        XAxis axis = f.axis();
        double[] times = f.times();
        List<SliceConfig> configs = f.configs();
        String panel = f.panel();
        long start = System.nanoTime();
        ChipResults store = ChipResults.open(o.outDir(), m.network(), data.test(), m.normalization(), o);
        int finished = 0;
        for (SliceConfig c : configs) {
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
            quantAcc = ChipEvaluation.digitalAccuracy(ev, quantized, data.test(), m.normalization(), o.evalBatchSize());
            for (SliceConfig c : configs) {
                AnalogConfig ac = AnalogConfig.paper(c.algorithm(), c.nSlices(), c.base()).withDevice(device)
                        .withConverters(o.converters());
                double[][] acc = ChipEvaluation.chipAccuracies(ev, m.network(), ac, c, times, data.test(), m.normalization(), o,
                        store, () -> listener.progress(done.addAndGet(times.length), total));
                for (int ti = 0; ti < times.length; ti++) {
                    rows.add(new ResultRow(fig, c.series(), "int9", c.algorithm().id(), c.base(), c.nSlices(),
                            times[ti], o.chips(), "accuracy", ChipEvaluation.mean(acc[ti]), ChipEvaluation.std(acc[ti]),
                            "", "", Double.NaN, o.converters().csvId()));
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
        DnnProvenance prov = DnnProvenance.of(o, data, m, device, clippedAcc, quantAcc, finished,
                (System.nanoTime() - start) / 1e9);
        return new FigureResult(name, fig, title, axis, times, panels, rows, prov);
    }
}
