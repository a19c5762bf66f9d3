package org.pcmsim.montecarlo;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.WeightQuantization;

/**
 * The memory a {@link MonteCarloEngine#runAll} run needs, in bytes, before it starts: every worker
 * thread holds, per crossbar size N, one trial's data (N² weights in double and per quantisation in
 * int, the programming normals of the deepest chip, 16 B per device and slice) and the crossbar
 * storage (44 B per device and slice), and per configuration that reads a chip of its own a reader
 * (drift and step per device, 16 B) and the programmer's per-weight buffers (4 B, or 16 B with error
 * correction). The per-N² terms dominate from N ≈ 256 on, where the estimate is within a few percent
 * of the arrays allocated; it ignores the small per-row buffers.
 */
public final class WorkingSet {
    private WorkingSet() {
    }

    /**
     * @param configs the configurations of one run
     * @return bytes one worker thread allocates
     */
    public static long bytesPerThread(List<MvmTrialConfig> configs) {
        boolean[] own = RunCost.readsOwnChip(configs);
        Map<CrossbarConfig, Integer> deepest = new HashMap<>();
        Map<CrossbarConfig, Set<WeightQuantization>> kinds = new HashMap<>();
        long bytes = 0;
        for (int c = 0; c < configs.size(); c++) {
            MvmTrialConfig config = configs.get(c);
            long n2 = (long) config.crossbar().size() * config.crossbar().size();
            deepest.merge(config.crossbar(), config.slicing().nSlices(), Math::max);
            kinds.computeIfAbsent(config.crossbar(), k -> EnumSet.noneOf(WeightQuantization.class)).add(config.weights());
            if (own[c]) {
                boolean ec = config.slicing().algorithm() == SlicingAlgorithm.MAX_FILL_EC;
                bytes += n2 * (16 + (ec ? 16 : 4));
            }
        }
        for (Map.Entry<CrossbarConfig, Integer> e : deepest.entrySet()) {
            long n2 = (long) e.getKey().size() * e.getKey().size();
            bytes += n2 * (8 + 4L * kinds.get(e.getKey()).size() + (16 + 44L) * e.getValue());
        }
        return bytes;
    }

    /**
     * @param configs the configurations of one run
     * @param threads worker threads
     * @return bytes the run allocates (all threads)
     */
    public static long bytes(List<MvmTrialConfig> configs, int threads) {
        return bytesPerThread(configs) * threads;
    }
}
