package org.pcmsim.cli;

import java.util.concurrent.CancellationException;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.random.TrialStream;
import org.pcmsim.random.TrialStreams;

/**
 * The floor of a Monte Carlo run that {@code pcm bench} reports beside each figure (its {@code xFLOOR}
 * column): how fast this machine draws the standard normals the engine needs, measured the way the engine
 * draws them (docs/performance.md, "The floor").
 */
final class NormalFloor {
    private NormalFloor() {
    }

    /**
     * Standard normals per second on {@code threads} threads, drawn as the engine draws them
     * (commons-rng ziggurat over XoRoShiRo128++): the floor of a Monte Carlo run.
     */
    static double normalsPerSecond(int threads) {
        final int perThread = 40_000_000;
        double[] sink = new double[threads];
        Runnable[] work = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            final int id = t;
            work[t] = () -> {
                NormalizedGaussianSampler g =
                        ZigguratSampler.NormalizedGaussian.of(TrialStreams.stream(1, id, TrialStream.PROGRAMMING));
                double s = 0;
                for (int i = 0; i < perThread; i++) {
                    s += g.sample();
                }
                sink[id] = s;
            };
        }
        // One pass to compile the sampler, one timed.
        runAll(work);
        long t0 = System.nanoTime();
        runAll(work);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return (double) perThread * threads / seconds;
    }

    private static void runAll(Runnable[] work) {
        Thread[] pool = new Thread[work.length];
        for (int t = 0; t < work.length; t++) {
            pool[t] = new Thread(work[t]);
            pool[t].start();
        }
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("benchmark interrupted");
            }
        }
    }
}
