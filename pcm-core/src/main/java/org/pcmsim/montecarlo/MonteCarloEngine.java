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
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.CrossbarProgrammer;
import org.pcmsim.crossbar.ProgrammedCrossbar;
import org.pcmsim.device.PcmDeviceModel;

/**
 * Runs Monte Carlo trials of analog MVMs in parallel.
 *
 * <p>Reproducibility: trial i of any configuration draws from streams derived from (seed, i) alone
 * ({@link TrialStreams}), and results are stored by trial index, so one seed gives bit-identical
 * numbers whatever the thread count, and {@link #replay} recomputes any single trial. Because the
 * data stream does not depend on the configuration, trial i of every configuration sees the same
 * weights and inputs (common random numbers), which sharpens comparisons between configurations.
 */
public final class MonteCarloEngine {
    private final int threads;

    /** @param threads worker threads, ≥ 1 */
    public MonteCarloEngine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
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
     * @return η per trial and time
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
        Objects.requireNonNull(listener, "listener");
        checkTimes(times);
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        }
        if (configs.isEmpty()) {
            return List.of();
        }
        int nc = configs.size();
        double[][][] eta = new double[nc][trials][];
        long total = (long) nc * trials;
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // Device counts summed over trials: integers, so the totals do not depend on the thread count.
        AtomicLongArray programmed = new AtomicLongArray(nc);
        AtomicLongArray clipped = new AtomicLongArray(nc);
        // Trial-major: a worker draws one trial's data and runs every configuration on it.
        Runnable worker = () -> {
            MvmTrial[] perConfig = new MvmTrial[nc];
            int[] readsOf = sameReads(configs, perConfig);
            Map<CrossbarConfig, TrialData> data = new HashMap<>();
            long i;
            while (failure.get() == null && (i = next.getAndIncrement()) < trials) {
                try {
                    for (TrialData d : data.values()) {
                        d.draw(seed, i);
                    }
                    for (int c = 0; c < nc; c++) {
                        MvmTrialConfig config = configs.get(c);
                        TrialData d = data.get(config.crossbar());
                        if (d == null) {
                            d = new TrialData(config.crossbar());
                            d.draw(seed, i);
                            data.put(config.crossbar(), d);
                        }
                        double[] e = new double[times.length];
                        perConfig[c].run(d, seed, i, times, e, readsOf[c] < 0 ? null : perConfig[readsOf[c]]);
                        eta[c][(int) i] = e;
                        programmed.addAndGet(c, perConfig[c].programmedDevices());
                        clipped.addAndGet(c, perConfig[c].clippedDevices());
                        listener.progress(done.incrementAndGet(), total);
                    }
                } catch (RuntimeException | Error ex) {
                    failure.compareAndSet(null, ex);
                    return;
                }
            }
        };
        int nThreads = Math.min(threads, trials);
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
        List<MonteCarloResult> out = new ArrayList<>(nc);
        for (int c = 0; c < nc; c++) {
            out.add(new MonteCarloResult(configs.get(c), times, eta[c], seed, programmed.get(c), clipped.get(c)));
        }
        return out;
    }

    /**
     * For each configuration, the earlier one whose slice outputs it reuses within a trial (the
     * same chip from the same normals, e.g. Equal-fill at every b_W), or −1 if it reads its own chip.
     */
    private static int[] sameReads(List<MvmTrialConfig> configs, MvmTrial[] perConfig) {
        int nc = configs.size();
        int[] readsOf = new int[nc];
        for (int c = 0; c < nc; c++) {
            perConfig[c] = new MvmTrial(configs.get(c));
            readsOf[c] = -1;
            for (int o = 0; o < c && readsOf[c] < 0; o++) {
                if (readsOf[o] < 0 && perConfig[c].readsLike(perConfig[o])) {
                    readsOf[c] = o;
                }
            }
        }
        return readsOf;
    }

    /**
     * Which configurations of a {@link #runAll} program and read a chip of their own; the others
     * reuse, within each trial, the slice outputs of an earlier configuration that programs the same
     * chip from the same normals (Equal-fill at every b_W with the same n_W) and only shift and add
     * them with their own b^j.
     *
     * @param configs the configurations of a run
     * @return per configuration, true if it reads its own chip
     */
    public static boolean[] readsOwnChip(List<MvmTrialConfig> configs) {
        int[] readsOf = sameReads(configs, new MvmTrial[configs.size()]);
        boolean[] own = new boolean[readsOf.length];
        for (int c = 0; c < own.length; c++) {
            own[c] = readsOf[c] < 0;
        }
        return own;
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
        checkTimes(times);
        if (trial < 0) {
            throw new IllegalArgumentException("trial must be >= 0, got " + trial);
        }
        double[] e = new double[times.length];
        TrialData data = new TrialData(config.crossbar());
        data.draw(seed, trial);
        new MvmTrial(config).run(data, seed, trial, times, e, null);
        return e;
    }

    /**
     * How many devices one trial programs (targets ≠ 0 over all slices): the main cost of a trial,
     * two standard normals each. Programs the trial's weights without reading them.
     *
     * @param config the configuration
     * @param seed root seed
     * @param trial trial index
     * @return programmed devices
     */
    public static long programmedDevices(MvmTrialConfig config, long seed, int trial) {
        TrialData data = new TrialData(config.crossbar());
        data.draw(seed, trial);
        int n = config.crossbar().size();
        CrossbarProgrammer programmer = new CrossbarProgrammer(config.slicing(), config.device());
        ProgrammedCrossbar pc = programmer.allocate(n, n);
        programmer.programInto(pc, data.quantized(config.weights()).w, data::programmingNormals, null);
        long count = 0;
        for (int j = 0; j < pc.nSlices(); j++) {
            count += pc.programmedDevices(j);
        }
        return count;
    }

    private static void checkTimes(double[] times) {
        if (times.length == 0) {
            throw new IllegalArgumentException("at least one read time is needed");
        }
        for (int i = 0; i < times.length; i++) {
            PcmDeviceModel.checkTime(times[i]);
            if (i > 0 && !(times[i] > times[i - 1])) {
                throw new IllegalArgumentException("read times must increase, got " + times[i - 1] + " then " + times[i]);
            }
        }
    }
}
