package org.pcmsim.nn.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.solvers.BaseOptimizer;
import org.deeplearning4j.optimize.stepfunctions.NegativeDefaultStepFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * One training step of a {@link ComputationGraph} split over R data-parallel replicas, each on its
 * own Java thread with one native thread, the parts combined in a fixed order: the same weights for
 * a seed whatever the machine's core count and however the threads are scheduled.
 *
 * <p>The batch of n images is cut into R contiguous parts (sizes differing by at most one, the
 * larger first). Replica r, a copy of the network with the network's current parameters and
 * iteration count, runs the forward and backward pass on part r; the network itself is replica 0.
 * Then, in the order r = 0, 1, …:
 * <ul>
 *   <li>the gradients are added: DL4J's backward pass gives the sum over a part's images and its
 *       updater divides by the batch size, so the sum of the parts' gradients is the batch's;</li>
 *   <li>each batch-norm layer's running mean and variance, which DL4J updates through the gradient
 *       array (the update (1 − d)·(m − μ_part), applied as is), get the parts' updates weighted by
 *       n_r / n;</li>
 *   <li>the network's own updater (momentum, learning-rate schedule, weight decay) and step run once,
 *       with batch size n, exactly as in {@code fit}.</li>
 * </ul>
 * What differs from {@code fit} on the whole batch: batch norm normalises each part by that part's
 * mean and variance (as PyTorch's {@code DistributedDataParallel} without synchronised batch norm
 * does), and the gradients are summed in another order, so the weights differ from single-thread
 * training in more than the last bits; noise-aware weight noise depends on (seed, layer, iteration)
 * only, so every replica sees the same noisy weights, as the whole batch would. With R = 1 this is
 * {@code fit} to the bit ({@code DataParallelStepTest}).
 *
 * <p>The replicas must keep one native thread each: libnd4j loaded with {@code OMP_NUM_THREADS=1}
 * (as the {@code pcm} launcher does); each worker thread also sets its OpenMP count to 1 for oneDNN.
 */
public final class DataParallelStep implements AutoCloseable {
    private final ComputationGraph net;
    private final List<ComputationGraph> replicas = new ArrayList<>();
    private final ExecutorService workers;
    /**
     * The gradient keys of the batch-norm running statistics. DL4J's "gradient" for them is their update,
     * (1 − d)·(m − μ_part) (subtracted as is: no division by the batch size, no optimiser), so the parts'
     * updates are averaged rather than summed.
     */
    private final Set<String> runningStatistics = new HashSet<>();

    /**
     * @param net the network to train (replica 0; it keeps the parameters and the updater state)
     * @param replicas R, ≥ 1
     */
    public DataParallelStep(ComputationGraph net, int replicas) {
        this.net = Objects.requireNonNull(net, "net");
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be >= 1, got " + replicas);
        }
        this.replicas.add(net);
        for (int r = 1; r < replicas; r++) {
            ComputationGraph copy = new ComputationGraph(net.getConfiguration().clone());
            copy.init(net.params().dup(), false);
            this.replicas.add(copy);
        }
        for (ComputationGraph g : this.replicas) {
            TrainingConvolution.install(g);
        }
        for (Layer l : Networks.layers(net)) {
            if (l instanceof BatchNormalization) {
                for (String key : List.of(BatchNormalizationParamInitializer.GLOBAL_MEAN,
                        BatchNormalizationParamInitializer.GLOBAL_VAR, BatchNormalizationParamInitializer.GLOBAL_LOG_STD)) {
                    runningStatistics.add(l.conf().getLayer().getLayerName() + "_" + key);
                }
            }
        }
        // One thread per replica beyond the first, kept for the run: DL4J's workspaces are per thread.
        workers = replicas == 1 ? null : Executors.newFixedThreadPool(replicas - 1, r -> {
            Thread t = new Thread(() -> {
                NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
                r.run();
            }, "pcm-replica");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return the network being trained (replica 0) */
    public ComputationGraph network() {
        return net;
    }

    /** @return R */
    public int replicas() {
        return replicas.size();
    }

    /**
     * One step on {@code batch}: forward and backward on every part, then one update of the network.
     *
     * @param batch features [n, channels, side, side] and labels [n, classes], n ≥ 1
     */
    public void fit(DataSet batch) {
        INDArray x = batch.getFeatures();
        INDArray y = batch.getLabels();
        int n = Math.toIntExact(x.size(0));
        int parts = Math.min(replicas.size(), n);
        int[] from = new int[parts + 1];
        for (int r = 0; r < parts; r++) {
            from[r + 1] = from[r] + n / parts + (r < n % parts ? 1 : 0);
        }
        if (net.getGradientsViewArray() == null) {
            net.initGradientsView();
        }
        List<Future<?>> running = new ArrayList<>();
        for (int r = 1; r < parts; r++) {
            ComputationGraph g = replicas.get(r);
            // The network's current state: its parameters (batch-norm statistics included) and counts.
            g.params().assign(net.params());
            g.getConfiguration().setIterationCount(net.getConfiguration().getIterationCount());
            g.getConfiguration().setEpochCount(net.getConfiguration().getEpochCount());
            INDArray xr = part(x, from[r], from[r + 1]);
            INDArray yr = part(y, from[r], from[r + 1]);
            running.add(workers.submit(() -> gradient(g, xr, yr)));
        }
        gradient(net, parts == 1 ? x : part(x, 0, from[1]), parts == 1 ? y : part(y, 0, from[1]));
        for (Future<?> f : running) {
            await(f);
        }
        if (parts > 1) {
            combine(parts, from, n);
        }
        Gradient gradient = net.gradient();
        // DL4J's fit from here on (BaseOptimizer.gradientAndScore, StochasticGradientDescent.optimize).
        net.getUpdater().update(gradient, net.getIterationCount(), net.getEpochCount(), n,
                LayerWorkspaceMgr.noWorkspaces());
        INDArray g = gradient.gradient();
        new NegativeDefaultStepFunction().step(net.params(), g.reshape(g.length()));
        BaseOptimizer.incrementIterationCount(net, 1);
        BaseOptimizer.applyConstraints(net);
        for (ComputationGraph r : replicas) {
            r.clearLayersStates();
        }
    }

    private static void gradient(ComputationGraph g, INDArray x, INDArray y) {
        if (g.getGradientsViewArray() == null) {
            g.initGradientsView();
        }
        g.setInputs(x);
        g.setLabels(y);
        g.computeGradientAndScore();
    }

    /**
     * Sums the parts' gradients into the network's, in replica order, after weighting the batch-norm
     * running-statistics updates by n_r / n.
     */
    private void combine(int parts, int[] from, int n) {
        for (int r = 0; r < parts; r++) {
            double w = (double) (from[r + 1] - from[r]) / n;
            for (Map.Entry<String, INDArray> g : replicas.get(r).gradient().gradientForVariable().entrySet()) {
                if (runningStatistics.contains(g.getKey())) {
                    g.getValue().muli(w);
                }
            }
        }
        INDArray sum = net.getGradientsViewArray();
        for (int r = 1; r < parts; r++) {
            sum.addi(replicas.get(r).getGradientsViewArray());
        }
    }

    /** Rows [from, to) of {@code a}, as a dense copy. */
    private static INDArray part(INDArray a, int from, int to) {
        INDArrayIndex[] rows = new INDArrayIndex[a.rank()];
        rows[0] = NDArrayIndex.interval(from, to);
        for (int i = 1; i < rows.length; i++) {
            rows[i] = NDArrayIndex.all();
        }
        return a.get(rows).dup('c');
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a replica trained", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** Stops the replicas' threads. */
    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
