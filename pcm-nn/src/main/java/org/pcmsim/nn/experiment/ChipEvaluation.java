package org.pcmsim.nn.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.pcmsim.nn.analog.AnalogConfig;
import org.pcmsim.nn.analog.AnalogNetwork;
import org.pcmsim.nn.data.Batches;
import org.pcmsim.nn.data.LabeledImages;
import org.pcmsim.nn.model.Networks;
import org.pcmsim.nn.training.ChunkedEvaluator;

/**
 * Test accuracy of trained networks: digital, and on independently programmed analog chips read at
 * given times (docs/model.md §6), with the same numbers for any thread count.
 */
final class ChipEvaluation {
    private ChipEvaluation() {
    }

    /**
     * Chip k of every configuration with n_W slices uses trial index n_W·10^6 + k of the root seed:
     * common random numbers across algorithms and bases. Comparisons between configurations are
     * then paired, the same configuration programs the same chips in 5a and 5c, and at n_W = 1
     * (where every algorithm gives the same slices) every series reads the very same chips.
     */
    static long chipIndex(SliceConfig c, int chip) {
        return c.nSlices() * 1_000_000L + chip;
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
     * Accuracy of chips 0 … chips − 1 of one configuration at every time. Chip k is programmed once
     * (on this thread); then every (time, chunk of {@link DnnOptions#evalBatchSize()} test images)
     * is one task on the evaluator's threads, each with its own replica of the analog network sharing
     * the chip read-only. Chunk c at time t reads with read index c, so the noise of every read, and
     * the accuracies, are the same for any thread count.
     *
     * @param afterChip called after each chip's evaluations
     * @return accuracy, percent, [time][chip]
     */
    static double[][] chipAccuracies(ChunkedEvaluator ev, Model trained, AnalogConfig ac, SliceConfig c, double[] times,
                                     LabeledImages test, Batches.Normalization norm, DnnOptions o, Runnable afterChip) {
        try {
            return chipAccuracies(ev, trained, ac, c, times, test, norm, o, null, afterChip);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * As {@link #chipAccuracies(ChunkedEvaluator, Model, AnalogConfig, SliceConfig, double[], LabeledImages,
     * Batches.Normalization, DnnOptions, Runnable)}, taking the (chip, time) results found in
     * {@code store} and adding each chip's new ones to it once the chip is done.
     *
     * @param store per-chip results of earlier runs, or null for none
     * @throws IOException if the store cannot be read or written
     */
    static double[][] chipAccuracies(ChunkedEvaluator ev, Model trained, AnalogConfig ac, SliceConfig c, double[] times,
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

    // Plain sums, not Commons Statistics' Mean/StandardDeviation: those differ in the last bit and
    // would change the committed figure CSVs (see TrialFolder in pcm-core, where both were compared).
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
