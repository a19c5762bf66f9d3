package org.pcmsim.nn.training;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many native threads a training run may use, and what a seed then guarantees.
 *
 * <p>Two kinds of native threads run a training step: oneDNN's kernels (convolution, batch norm,
 * pooling, forward and backward) and OpenBLAS take the OpenMP thread count of the calling thread,
 * which can be changed at any time; libnd4j's own loops (element-wise ops, reductions, the updater)
 * take the count libnd4j read from {@code OMP_NUM_THREADS} when it loaded, which cannot be changed
 * afterwards ({@code Environment.setMaxThreads} is ignored by nd4j-native 1.0.0-M2.1, checked). With
 * 2 threads, the backward kernels and the reductions add per-thread partial sums in another order
 * than with 1, so the trained weights change in the last bits and, after an epoch or more, the
 * accuracies by a few tenths of a point (measured on the CI-scale Figure 5(a), docs/dnn.md "Speed").
 *
 * <ul>
 *   <li>{@link #REPRODUCIBLE} (the default): one thread for every training op. The same seed, data
 *       and options give bit-identical weights and accuracies on every run and any core count (on
 *       the same oneDNN build and instruction set, which the {@code pcm} launcher caps at AVX2 with
 *       {@code DNNL_MAX_CPU_ISA}: oneDNN picks its kernels by the CPU's vector
 *       extensions). It needs libnd4j loaded with one thread ({@code OMP_NUM_THREADS=1}, as the
 *       {@code pcm} launcher sets it); otherwise {@link #during} refuses to start.</li>
 *   <li>{@link #FASTEST}: oneDNN and OpenBLAS on every available processor, libnd4j's loops on
 *       what {@code OMP_NUM_THREADS} gave them (start with {@code OMP_NUM_THREADS=2} for both). The
 *       weights depend on the thread counts: reproducible only with the same counts on the same
 *       machine type.</li>
 *   <li>{@link #REPLICAS}: two data-parallel replicas, each on its own thread with one native thread,
 *       each computing the gradient of half of the batch, combined in a fixed order
 *       ({@link org.pcmsim.nn.model.DataParallelStep}). The same seed gives bit-identical weights on
 *       every run and any core count, like {@link #REPRODUCIBLE} (and with the same proviso on oneDNN's
 *       kernels), and uses both cores of a 2-core machine; but batch norm normalises each half-batch by
 *       its own statistics, so the weights are not those of the other modes. Needs
 *       {@code OMP_NUM_THREADS=1} as {@link #REPRODUCIBLE} does.</li>
 * </ul>
 *
 * <p>Only the training thread changes: evaluation threads keep one native thread each, so the
 * figures' evaluations stay independent of their thread count in both modes. The calling thread's
 * setting is restored after {@link #during}.
 */
public enum TrainingThreads {
    /** One native thread: the same weights for a seed on any machine (with the same oneDNN kernels). */
    REPRODUCIBLE,
    /** All available processors: faster; reproducible only on the same processor count. */
    FASTEST,
    /** Two data-parallel replicas of one native thread each: the same weights for a seed on any machine. */
    REPLICAS;

    /** The replicas of {@link #REPLICAS}: a constant, so that a seed means the same weights on every machine. */
    public static final int REPLICA_COUNT = 2;

    /** The environment variable the {@code pcm} CLI reads the mode from: {@code reproducible}, {@code fastest} or {@code replicas}. */
    public static final String ENVIRONMENT = "PCM_TRAINING_THREADS";

    /** @return the native threads of each of this mode's replicas on this machine, ≥ 1 */
    public int threads() {
        return this == FASTEST ? Math.max(1, Runtime.getRuntime().availableProcessors()) : 1;
    }

    /** @return the data-parallel replicas a training step is split over: 1, or {@link #REPLICA_COUNT} */
    public int replicas() {
        return this == REPLICAS ? REPLICA_COUNT : 1;
    }

    /** @return the lower-case name used on the command line and in provenance */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id {@code reproducible}, {@code fastest} or {@code replicas} (any case)
     * @return the mode
     * @throws IllegalArgumentException naming the value if it is neither
     */
    public static TrainingThreads of(String id) {
        for (TrainingThreads t : values()) {
            if (t.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException(ENVIRONMENT + " must be reproducible, fastest or replicas, got '" + id + "'");
    }

    /**
     * @param value the value of {@link #ENVIRONMENT}, or null if unset
     * @return {@link #REPRODUCIBLE} when unset or blank, else the mode it names
     */
    public static TrainingThreads fromEnvironment(String value) {
        return value == null || value.isBlank() ? REPRODUCIBLE : of(value);
    }

    /**
     * Runs {@code work} (a training run) with this mode's native threads on the calling thread, then
     * restores the previous setting.
     *
     * @param work the training
     * @param <T> its result
     * @return its result
     * @throws Exception whatever {@code work} throws
     */
    public <T> T during(Callable<T> work) throws Exception {
        int loops = Nd4j.getEnvironment().maxThreads(); // also loads the backend before the native calls
        if (this != FASTEST && loops > 1) {
            throw new IllegalStateException(id() + " training needs one native thread, but libnd4j was loaded "
                    + "with " + loops + " (OMP_NUM_THREADS); start with OMP_NUM_THREADS=1, or set "
                    + ENVIRONMENT + "=fastest to train on all cores without the same-weights guarantee");
        }
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int before = ops.ompGetMaxThreads();
        ops.setOmpNumThreads(threads());
        try {
            return work.call();
        } finally {
            ops.setOmpNumThreads(before);
        }
    }
}
