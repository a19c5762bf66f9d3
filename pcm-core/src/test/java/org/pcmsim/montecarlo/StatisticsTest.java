package org.pcmsim.montecarlo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;
import org.pcmsim.theory.EqualFillTheory;

/**
 * Statistical laws of the simulated MVM error. Every test uses a fixed seed, so it gives the same
 * answer on every run; the stated false-failure rate is the probability that a fresh seed would fail
 * although the law holds, from the normal approximation of the trial means.
 */
class StatisticsTest {
    private static final double[] TIMES = {ReadTimes.T0, ReadTimes.MONTH};
    private static final int TRIALS = 100;
    private static final long SEED = 2022;
    private static final MonteCarloEngine ENGINE = MonteCarloEngine.allCores().keepingTrials();

    private static MonteCarloResult run(SlicingAlgorithm a, int n, int b) {
        return ENGINE.run(MvmTrialConfig.paper(SlicingScheme.of(a, n, b)), TIMES, TRIALS, SEED);
    }

    /**
     * Equal-fill follows eq. 8 within ±1 σ of the trial distribution (the paper's criterion), at t0 and
     * at one month, for n_W ∈ {2, 4, 8} and b_W ∈ {1, 2}. The observed gaps are below 0.5 σ; with 100
     * trials the mean moves by 0.1 σ per standard error, so a failure needs a &gt; 5 SE excursion:
     * false-failure rate &lt; 1e-6 per point.
     */
    @Test
    void equalFillFollowsEquationEight() {
        MonteCarloResult single = run(SlicingAlgorithm.EQUAL_FILL, 1, 1);
        for (int b : new int[] {1, 2}) {
            for (int n : new int[] {2, 4, 8}) {
                MonteCarloResult r = run(SlicingAlgorithm.EQUAL_FILL, n, b);
                for (int t = 0; t < TIMES.length; t++) {
                    double theory = EqualFillTheory.eta(single.mean(t), n, b);
                    double gap = Math.abs(r.mean(t) - theory);
                    assertTrue(gap < r.std(t), String.format("b=%d n=%d t=%g: sim %.4f ± %.4f, theory %.4f",
                            b, n, TIMES[t], r.mean(t), r.std(t), theory));
                }
            }
        }
    }

    /**
     * At t0 more slices lower η, for every algorithm at b_W = 1 and 2 (n_W = 1, 2, 4, 8). Each step
     * lowers the mean by ≥ 10 standard errors of the paired difference (common random numbers):
     * false-failure rate &lt; 1e-20.
     */
    @Test
    void moreSlicesLowerTheErrorAtT0() {
        for (SlicingAlgorithm a : new SlicingAlgorithm[] {
            SlicingAlgorithm.EQUAL_FILL, SlicingAlgorithm.MAX_FILL, SlicingAlgorithm.MAX_FILL_EC}) {
            for (int b : new int[] {1, 2}) {
                List<MonteCarloResult> rs = new ArrayList<>();
                for (int n : new int[] {1, 2, 4, 8}) {
                    rs.add(run(a, n, b));
                }
                for (int k = 1; k < rs.size(); k++) {
                    assertPairedDecrease(rs.get(k - 1).etaAt(0), rs.get(k).etaAt(0), 5, a + " b=" + b + " step " + k);
                }
            }
        }
    }

    /**
     * η grows with time: one month after programming it exceeds η at t0 for every configuration, by
     * ≥ 20 standard errors of the paired difference: false-failure rate &lt; 1e-80.
     */
    @Test
    void errorGrowsWithTime() {
        for (SlicingScheme s : new SlicingScheme[] {SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 1, 1),
            SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 1), SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 8, 2),
            SlicingScheme.positional(4)}) {
            MonteCarloResult r = ENGINE.run(MvmTrialConfig.paper(s), TIMES, TRIALS, SEED);
            assertPairedDecrease(r.etaAt(1), r.etaAt(0), 10, s.toString());
        }
    }

    /** Asserts mean(before − after) &gt; k standard errors of the paired difference. */
    static void assertPairedDecrease(double[] before, double[] after, double k, String what) {
        PairedDifference d = PairedDifference.of(before, after);
        assertTrue(d.mean() > k * d.standardError(), what + ": mean decrease " + d);
    }
}
