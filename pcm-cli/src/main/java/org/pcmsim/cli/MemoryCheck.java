package org.pcmsim.cli;

import java.util.List;
import java.util.Locale;
import org.pcmsim.montecarlo.MvmTrialConfig;
import org.pcmsim.montecarlo.WorkingSet;

/**
 * Refuses, before computing, a run whose working set does not fit in the Java heap (large
 * {@code --crossbar-size}), and turns an {@link OutOfMemoryError} that happens anyway into one line;
 * both say how much memory is needed and how to give Java more ({@code PCM_JAVA_OPTS}, read by the
 * {@code pcm} launcher, whose default is {@code -Xmx1g}).
 */
final class MemoryCheck {
    /** Room kept for everything the estimate leaves out (JVM, results, plotting). */
    private static final long MARGIN = 96L << 20;

    private MemoryCheck() {
    }

    /**
     * @param what e.g. {@code figure-4b at --crossbar-size 2048}
     * @param configs the configurations of the run
     * @param threads the worker threads it will use
     * @throws CliFailure if the run would not fit
     */
    static void check(String what, List<MvmTrialConfig> configs, int threads) {
        Runtime rt = Runtime.getRuntime();
        check(what, configs, threads, rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()), rt.maxMemory());
    }

    /**
     * @param free heap bytes free for the run
     * @param max the maximum heap, bytes
     */
    static void check(String what, List<MvmTrialConfig> configs, int threads, long free, long max) {
        long perThread = WorkingSet.bytesPerThread(configs);
        // G1 gives each large array whole heap regions: up to ~10 % more than the arrays themselves.
        perThread += perThread / 10;
        long need = perThread * threads + MARGIN;
        if (need <= free) {
            return;
        }
        String fewer = threads > 1 && perThread + MARGIN <= free
                ? String.format(Locale.ROOT, ", or run on fewer threads (--threads %d fits)",
                        Math.max(1, (free - MARGIN) / perThread))
                : "";
        throw new CliFailure(String.format(Locale.ROOT, "%s needs about %s of Java heap on %d thread%s, but only %s "
                + "is free (maximum heap %s); give Java more with PCM_JAVA_OPTS=-Xmx%dg%s", what, size(need), threads,
                threads == 1 ? "" : "s", size(free), size(max), gigabytesFor(need + (max - free)),
                fewer), null);
    }

    /**
     * @param e the error
     * @return a one-line failure saying how large the heap was and how to raise it
     */
    static CliFailure outOfMemory(OutOfMemoryError e) {
        long max = Runtime.getRuntime().maxMemory();
        return new CliFailure(String.format(Locale.ROOT, "out of memory (maximum Java heap %s); give Java more with "
                + "PCM_JAVA_OPTS=-Xmx%dg, or use fewer --threads", size(max), Math.max(2, 2 * gigabytesFor(max))), e);
    }

    private static long gigabytesFor(long bytes) {
        return Math.max(1, (bytes + (1L << 30) - 1) >> 30);
    }

    private static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MB", bytes >> 20);
    }
}
