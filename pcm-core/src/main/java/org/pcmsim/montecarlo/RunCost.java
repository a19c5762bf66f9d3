package org.pcmsim.montecarlo;

import java.util.List;
import org.pcmsim.crossbar.CrossbarProgrammer;
import org.pcmsim.crossbar.ProgrammedCrossbar;
import org.pcmsim.internal.Access;

/**
 * What the trials of a Monte Carlo run cost, for run-time and memory estimates: which configurations
 * program and read a chip of their own ({@link MonteCarloEngine} lets the others reuse it), and how
 * many devices one trial programs (two standard normals each, the main cost of a trial).
 */
public final class RunCost {
    private RunCost() {
    }

    /**
     * Which configurations of a {@link MonteCarloEngine#runAll} program and read a chip of their own; the others
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
        int[] weights = data.quantized(config.weights()).w;
        Access.crossbar().programInto(programmer, pc, weights, data::programmingNormals, null);
        long count = 0;
        for (int j = 0; j < pc.nSlices(); j++) {
            count += pc.programmedDevices(j);
        }
        return count;
    }

    /**
     * For each configuration, the earlier one whose slice outputs it reuses within a trial (the
     * same chip from the same normals, e.g. Equal-fill at every b_W), or −1 if it reads its own chip.
     */
    static int[] sameReads(List<MvmTrialConfig> configs, MvmTrial[] perConfig) {
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
}
