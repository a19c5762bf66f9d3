package org.pcmsim.nn.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.pcmsim.nn.data.Batches;
import org.pcmsim.nn.data.LabeledImages;

/**
 * Test accuracy on several Java threads with results that do not depend on the thread count. The
 * test set is cut into chunks of a fixed size (independent of the threads: with oneDNN a network's
 * output for an image changes in the last bits with the batch it is in), and every (setting, chunk)
 * pair is one task; a setting is whatever the caller varies over one call, e.g. the drift time of
 * an analog chip. Worker i always runs on the same thread with replica i, its own copy of the
 * network (DL4J networks are not thread-safe, and ND4J's workspaces belong to a thread). A task sees
 * only its setting and chunk index, so whatever randomness it draws must be keyed by them (an analog
 * network reads chunk c with read index c), never by the thread or the order of tasks.
 *
 * <p>With {@code OMP_NUM_THREADS=1} (the launcher's default) each ND4J op runs on its calling
 * thread, so two workers use two cores. One worker runs on the caller's thread. The worker threads
 * live until {@link #close}, which also frees their ND4J workspaces: reuse one evaluator for many
 * evaluations.
 */
public final class ChunkedEvaluator implements AutoCloseable {
    /**
     * One forward pass of a task.
     *
     * @param <R> the replica type
     */
    @FunctionalInterface
    public interface Forward<R> {
        /**
         * @param replica the worker's own network
         * @param setting setting index, 0 … settings − 1
         * @param chunk chunk index
         * @param features the chunk's normalised images [n, 3, 32, 32]
         * @return class scores [n, classes]
         */
        INDArray output(R replica, int setting, int chunk, INDArray features);
    }

    private final int threads;
    private final List<ExecutorService> workers = new ArrayList<>();

    /**
     * @param threads worker threads, ≥ 1 (1: everything on the caller's thread)
     */
    public ChunkedEvaluator(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        if (threads > 1) {
            for (int i = 0; i < threads; i++) {
                int id = i;
                workers.add(Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "pcm-eval-" + id);
                    t.setDaemon(true);
                    return t;
                }));
            }
        }
    }

    /** @return worker threads */
    public int threads() {
        return threads;
    }

    /**
     * @param testImages images in the test set, ≥ 1
     * @param chunkSize images per chunk, ≥ 1
     * @return chunks of the test set (the last may be short)
     */
    public static int chunks(int testImages, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be >= 1, got " + chunkSize);
        }
        if (testImages < 1) {
            throw new IllegalArgumentException("no test images");
        }
        return (testImages + chunkSize - 1) / chunkSize;
    }

    /**
     * Top-1 accuracy of every setting.
     *
     * @param <R> the replica type
     * @param replicas one network per worker thread ({@link #threads()} of them), replica i used only by worker i
     * @param test test images
     * @param norm input normalisation
     * @param chunkSize images per forward pass, ≥ 1, independent of the thread count
     * @param settings settings, ≥ 1
     * @param forward the forward pass of one task
     * @return accuracy of each setting, percent
     */
    public <R> double[] accuracy(List<R> replicas, LabeledImages test, Batches.Normalization norm, int chunkSize,
                             int settings, Forward<R> forward) {
        if (replicas.size() != threads) {
            throw new IllegalArgumentException("expected " + threads + " replicas, got " + replicas.size());
        }
        if (settings < 1) {
            throw new IllegalArgumentException("settings must be >= 1, got " + settings);
        }
        int chunks = chunks(test.count(), chunkSize);
        int tasks = Math.multiplyExact(settings, chunks);
        int[] correct = new int[tasks];
        AtomicInteger next = new AtomicInteger();
        if (threads == 1) {
            work(replicas.get(0), next, tasks, chunks, test, norm, chunkSize, forward, correct);
        } else {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                R replica = replicas.get(i);
                running.add(workers.get(i).submit(() -> work(replica, next, tasks, chunks, test, norm, chunkSize,
                        forward, correct)));
            }
            await(running, next, tasks);
        }
        double[] acc = new double[settings];
        for (int s = 0; s < settings; s++) {
            int sum = 0;
            for (int c = 0; c < chunks; c++) {
                sum += correct[s * chunks + c];
            }
            acc[s] = 100.0 * sum / test.count();
        }
        return acc;
    }

    /** Takes tasks until none is left; task k is (setting k / chunks, chunk k % chunks). */
    private static <R> void work(R replica, AtomicInteger next, int tasks, int chunks, LabeledImages test,
                      Batches.Normalization norm, int chunkSize, Forward<R> forward, int[] correct) {
        for (int k = next.getAndIncrement(); k < tasks; k = next.getAndIncrement()) {
            int setting = k / chunks;
            int chunk = k % chunks;
            int from = chunk * chunkSize;
            int n = Math.min(chunkSize, test.count() - from);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = from + i;
            }
            DataSet ds = Batches.batch(test, idx, norm, null);
            INDArray pred = forward.output(replica, setting, chunk, ds.getFeatures()).argMax(1);
            int hits = 0;
            for (int i = 0; i < n; i++) {
                if (pred.getInt(i) == test.label(from + i)) {
                    hits++;
                }
            }
            // Each task writes its own slot; Future.get orders these writes before the caller's reads.
            correct[k] = hits;
        }
    }

    /** Waits for every worker; on a failure, stops the others taking tasks and rethrows it. */
    private static void await(List<Future<?>> running, AtomicInteger next, int tasks) {
        RuntimeException failure = null;
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                next.set(tasks);
                Throwable c = e.getCause();
                if (c instanceof Error err) {
                    throw err;
                }
                if (failure == null) {
                    failure = c instanceof RuntimeException r ? r : new IllegalStateException(c);
                }
            } catch (InterruptedException e) {
                next.set(tasks);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while evaluating", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Frees each worker's ND4J workspaces (off-heap, held per thread) and stops the workers. */
    @Override
    public void close() {
        List<Future<?>> freed = new ArrayList<>();
        for (ExecutorService w : workers) {
            freed.add(w.submit(() -> Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread()));
            w.shutdown();
        }
        await(freed, new AtomicInteger(), 0);
    }
}
