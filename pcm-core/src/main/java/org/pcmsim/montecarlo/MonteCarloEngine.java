package org.pcmsim.montecarlo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.internal.Checks;
import org.pcmsim.weights.WeightDistribution;

/**
 * Runs Monte Carlo trials of analog MVMs in parallel.
 *
 * <p>Reproducibility: trial i of any configuration draws from streams derived from (seed, i) alone
 * ({@link org.pcmsim.random.TrialStreams}), and results are stored by trial index, so one seed
 * gives bit-identical numbers whatever the thread count, and {@link #replay} recomputes any single trial. Because the
 * data stream does not depend on the configuration, trial i of every configuration sees the same
 * weights and inputs (common random numbers), which sharpens comparisons between configurations.
 *
 * <p>Memory: each trial's η is folded into running statistics in trial order ({@link TrialFolder}),
 * so a run needs memory independent of the trial count unless {@link #keepingTrials()} asks for
 * every trial's values.
 */
public final class MonteCarloEngine {
    /** Trials a worker may run ahead of the oldest unfinished one, per thread. */
    private static final int WINDOW_PER_THREAD = 64;

    private final int threads;
    private final boolean keepTrials;

    /** @param threads worker threads, ≥ 1 */
    public MonteCarloEngine(int threads) {
        this(threads, false);
    }

    private MonteCarloEngine(int threads, boolean keepTrials) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.keepTrials = keepTrials;
    }

    /**
     * @return this engine, but its results also keep every trial's η ({@link MonteCarloResult#trial},
     *     {@link MonteCarloResult#etaAt}): memory proportional to trials × configurations × times
     */
    public MonteCarloEngine keepingTrials() {
        return new MonteCarloEngine(threads, true);
    }

    /** @return an engine with one thread per available processor */
    public static MonteCarloEngine allCores() {
        return new MonteCarloEngine(Runtime.getRuntime().availableProcessors());
    }

    /** @return the number of worker threads */
    public int threads() {
        return threads;
    }

    /**
     * Runs one configuration.
     *
     * @param config the configuration
     * @param times read times, s, strictly increasing
     * @param trials T ≥ 1
     * @param seed root seed
     * @return mean and spread of η per time (and every trial's η if {@link #keepingTrials()})
     */
    public MonteCarloResult run(MvmTrialConfig config, double[] times, int trials, long seed) {
        return runAll(List.of(config), times, trials, seed, ProgressListener.NONE).get(0);
    }

    /**
     * Runs several configurations on the same trials, spreading all (configuration, trial) pairs over
     * the threads.
     *
     * @param configs the configurations
     * @param times read times, s, strictly increasing
     * @param trials T ≥ 1 per configuration
     * @param seed root seed
     * @param listener told of progress (trials over all configurations)
     * @return one result per configuration, in order
     * @throws CancellationException if the calling thread is interrupted
     */
    public List<MonteCarloResult> runAll(List<MvmTrialConfig> configs, double[] times, int trials, long seed,
                                         ProgressListener listener) {
        return runAll(configs, WeightDistribution.GAUSSIAN, times, trials, seed, listener);
    }

    /**
     * As {@link #runAll(List, double[], int, long, ProgressListener)}, with every trial's N × N weights
     * drawn from another unit-variance distribution (the inputs stay standard normal); with
     * {@link WeightDistribution#GAUSSIAN} the two are the same to the bit.
     *
     * @param configs the configurations
     * @param distribution the distribution of the weights
     * @param times read times, s, strictly increasing
     * @param trials T ≥ 1 per configuration
     * @param seed root seed
     * @param listener told of progress (trials over all configurations)
     * @return one result per configuration, in order
     * @throws CancellationException if the calling thread is interrupted
     */
    public List<MonteCarloResult> runAll(List<MvmTrialConfig> configs, WeightDistribution distribution, double[] times,
                                         int trials, long seed, ProgressListener listener) {
        Objects.requireNonNull(distribution, "distribution");
        if (checkRun(times, trials, listener, configs)) {
            return List.of();
        }
        int nc = configs.size();
        int nt = times.length;
        long total = (long) nc * trials;
        AtomicLong done = new AtomicLong();
        // Device counts summed over trials: integers, so the totals do not depend on the thread count.
        AtomicLongArray programmed = new AtomicLongArray(nc);
        AtomicLongArray clipped = new AtomicLongArray(nc);
        // Trial-major: a worker draws one trial's data and runs every configuration on it.
        TrialFolder folder = forEachTrial(nc, nt, trials, () -> {
            MvmTrial[] perConfig = new MvmTrial[nc];
            int[] readsOf = RunCost.sameReads(configs, perConfig);
            Map<CrossbarConfig, TrialData> data = new HashMap<>();
            double[] e = new double[nt];
            return i -> {
                for (TrialData d : data.values()) {
                    d.draw(seed, i);
                }
                double[] eta = new double[nc * nt];
                for (int c = 0; c < nc; c++) {
                    MvmTrialConfig config = configs.get(c);
                    TrialData d = data.get(config.crossbar());
                    if (d == null) {
                        d = new TrialData(config.crossbar(), distribution);
                        d.draw(seed, i);
                        data.put(config.crossbar(), d);
                    }
                    perConfig[c].run(d, seed, i, times, e, readsOf[c] < 0 ? null : perConfig[readsOf[c]]);
                    System.arraycopy(e, 0, eta, c * nt, nt);
                    programmed.addAndGet(c, perConfig[c].programmedDevices());
                    clipped.addAndGet(c, perConfig[c].clippedDevices());
                    listener.progress(done.incrementAndGet(), total);
                }
                return eta;
            };
        });
        return results(configs, times, trials, folder, seed, programmed, clipped);
    }

    private static List<MonteCarloResult> results(List<MvmTrialConfig> configs, double[] times, int trials,
                                                  TrialFolder folder, long seed, AtomicLongArray programmed,
                                                  AtomicLongArray clipped) {
        List<MonteCarloResult> out = new ArrayList<>(configs.size());
        for (int c = 0; c < configs.size(); c++) {
            out.add(new MonteCarloResult(configs.get(c), times, trials, folder.mean(c), folder.std(c), folder.kept(c),
                    seed, programmed.get(c), clipped.get(c)));
        }
        return out;
    }

    /**
     * The work of one worker thread: runs trial i (in any order) and returns its η, configuration-major
     * ({@code eta[c * times + k]}).
     */
    private interface TrialTask {
        double[] run(long trial);
    }

    /**
     * Runs trials 0 … trials − 1 on this engine's threads, each worker with its own task (its own
     * buffers), and folds every trial's η in trial order; the first failure stops every worker and
     * is rethrown.
     */
    private TrialFolder forEachTrial(int nc, int nt, int trials, Supplier<TrialTask> perWorker) {
        int nThreads = Math.min(threads, trials);
        TrialFolder folder = new TrialFolder(nc, nt, trials, (long) WINDOW_PER_THREAD * nThreads, keepTrials);
        AtomicLong next = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                TrialTask task = perWorker.get();
                long i;
                while (failure.get() == null && (i = next.getAndIncrement()) < trials && folder.awaitTurn(i)) {
                    folder.add(i, task.run(i));
                }
            } catch (RuntimeException | Error ex) {
                failure.compareAndSet(null, ex);
                folder.stop();
            }
        };
        List<Thread> pool = new ArrayList<>();
        for (int k = 1; k < nThreads; k++) {
            Thread t = new Thread(worker, "pcm-montecarlo-" + k);
            t.setDaemon(true);
            pool.add(t);
            t.start();
        }
        worker.run();
        try {
            for (Thread t : pool) {
                t.join();
            }
        } catch (InterruptedException e) {
            failure.compareAndSet(null, new CancellationException("Monte Carlo run interrupted"));
            folder.stop();
            for (Thread t : pool) {
                try {
                    t.join();
                } catch (InterruptedException ignored) {
                    // Already cancelling; the workers stop at their next trial.
                }
            }
            Thread.currentThread().interrupt();
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error er) {
            throw er;
        }
        if (folder.folded() != trials) {
            throw new IllegalStateException("folded " + folder.folded() + " of " + trials + " trials");
        }
        return folder;
    }

    /**
     * Runs several configurations over a fixed user matrix: the weights stay the same in every
     * trial, while trial i draws its own inputs (standard normal, one per matrix column), programming
     * noise and read noise from the streams of (seed, i) ({@link org.pcmsim.random.TrialStreams}).
     * The matrix is tiled on arrays of {@code matrix.array()} ({@link org.pcmsim.crossbar.TiledCrossbar}). Same guarantees
     * as {@link #runAll(List, double[], int, long, ProgressListener)}: any thread count gives the same
     * numbers, {@link #replay(MvmTrialConfig, FixedMatrix, double[], long, int)} recomputes a trial, and
     * configurations share each trial's inputs and programming normals.
     *
     * @param configs the configurations (their crossbar gives bit widths, k·σ clips and GDC)
     * @param matrix the fixed weights and their tiling
     * @param times read times, s, strictly increasing
     * @param trials T ≥ 1 per configuration
     * @param seed root seed
     * @param listener told of progress (trials over all configurations)
     * @return one result per configuration, in order
     * @throws CancellationException if the calling thread is interrupted
     */
    public List<MonteCarloResult> runAll(List<MvmTrialConfig> configs, FixedMatrix matrix, double[] times,
                                         int trials, long seed, ProgressListener listener) {
        Objects.requireNonNull(matrix, "matrix");
        if (checkRun(times, trials, listener, configs)) {
            return List.of();
        }
        int nc = configs.size();
        int nt = times.length;
        long total = (long) nc * trials;
        AtomicLong done = new AtomicLong();
        TrialFolder folder = forEachTrial(nc, nt, trials, () -> {
            FixedMatrixTrial[] perConfig = new FixedMatrixTrial[nc];
            for (int c = 0; c < nc; c++) {
                perConfig[c] = new FixedMatrixTrial(configs.get(c), matrix);
            }
            double[] e = new double[nt];
            return i -> {
                double[] eta = new double[nc * nt];
                for (int c = 0; c < nc; c++) {
                    perConfig[c].run(seed, i, times, e);
                    System.arraycopy(e, 0, eta, c * nt, nt);
                    listener.progress(done.incrementAndGet(), total);
                }
                return eta;
            };
        });
        // Device counts are kept by the own-data engine only; a fixed matrix reports none.
        return results(configs, times, trials, folder, seed, new AtomicLongArray(nc), new AtomicLongArray(nc));
    }

    /**
     * Runs one configuration over a fixed user matrix (see
     * {@link #runAll(List, FixedMatrix, double[], int, long, ProgressListener)}).
     *
     * @param config the configuration
     * @param matrix the fixed weights and their tiling
     * @param times read times, s, strictly increasing
     * @param trials T ≥ 1
     * @param seed root seed
     * @return η per trial and time
     */
    public MonteCarloResult run(MvmTrialConfig config, FixedMatrix matrix, double[] times, int trials, long seed) {
        return runAll(List.of(config), matrix, times, trials, seed, ProgressListener.NONE).get(0);
    }

    /**
     * Recomputes one trial over a fixed matrix alone; equals that trial inside a full run.
     *
     * @param config the configuration
     * @param matrix the fixed weights and their tiling
     * @param times read times, s
     * @param seed root seed
     * @param trial trial index
     * @return η at every time
     */
    public static double[] replay(MvmTrialConfig config, FixedMatrix matrix, double[] times, long seed, int trial) {
        checkTimes(times);
        if (trial < 0) {
            throw new IllegalArgumentException("trial must be >= 0, got " + trial);
        }
        double[] e = new double[times.length];
        new FixedMatrixTrial(config, Objects.requireNonNull(matrix, "matrix")).run(seed, trial, times, e);
        return e;
    }

    /** Checks a run's arguments; true when there is nothing to run (no configuration). */
    private static boolean checkRun(double[] times, int trials, ProgressListener listener, List<MvmTrialConfig> configs) {
        Objects.requireNonNull(listener, "listener");
        checkTimes(times);
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        }
        return configs.isEmpty();
    }

    /**
     * Recomputes one trial alone; equals that trial inside a full run with the same seed.
     *
     * @param config the configuration
     * @param times read times, s
     * @param seed root seed
     * @param trial trial index
     * @return η at every time
     */
    public static double[] replay(MvmTrialConfig config, double[] times, long seed, int trial) {
        return replay(config, WeightDistribution.GAUSSIAN, times, seed, trial);
    }

    /**
     * Recomputes one trial with weights of another distribution alone; equals that trial inside
     * {@link #runAll(List, WeightDistribution, double[], int, long, ProgressListener)}.
     *
     * @param config the configuration
     * @param distribution the distribution of the weights
     * @param times read times, s
     * @param seed root seed
     * @param trial trial index
     * @return η at every time
     */
    public static double[] replay(MvmTrialConfig config, WeightDistribution distribution, double[] times, long seed,
                                  int trial) {
        checkTimes(times);
        if (trial < 0) {
            throw new IllegalArgumentException("trial must be >= 0, got " + trial);
        }
        double[] e = new double[times.length];
        TrialData data = new TrialData(config.crossbar(), Objects.requireNonNull(distribution, "distribution"));
        data.draw(seed, trial);
        new MvmTrial(config).run(data, seed, trial, times, e, null);
        return e;
    }

    private static void checkTimes(double[] times) {
        if (times.length == 0) {
            throw new IllegalArgumentException("at least one read time is needed");
        }
        for (int i = 0; i < times.length; i++) {
            Checks.readTime(times[i]);
            if (i > 0 && !(times[i] > times[i - 1])) {
                throw new IllegalArgumentException("read times must increase, got " + times[i - 1] + " then " + times[i]);
            }
        }
    }
}
