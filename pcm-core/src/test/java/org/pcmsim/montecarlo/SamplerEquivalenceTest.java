package org.pcmsim.montecarlo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.pcmsim.crossbar.ReadNoiseSampling;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/**
 * The aggregated read-noise sampler (one correlated pair of normals per output line) and the
 * per-device sampler (one normal per device) give η with the same distribution.
 *
 * <p>Both samplers share the data and programming streams of a trial, so the per-trial η differ only
 * through the read noise; the test compares the two η distributions over 300 trials with a
 * two-sample Kolmogorov–Smirnov test at level 1e-4 (the stated false-failure rate per comparison;
 * 6 comparisons give &lt; 1e-3 overall) and checks that their means agree within 4 standard errors of
 * the paired difference (false-failure rate 6e-5 per comparison).
 */
class SamplerEquivalenceTest {
    private static final double[] TIMES = {ReadTimes.T0, ReadTimes.YEAR};
    private static final int TRIALS = 300;

    @Test
    void bothSamplersGiveTheSameEtaDistribution() {
        MonteCarloEngine engine = MonteCarloEngine.allCores().keepingTrials();
        for (SlicingScheme s : new SlicingScheme[] {SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 1, 1),
            SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 1), SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 8, 2)}) {
            MvmTrialConfig c = MvmTrialConfig.paper(s);
            MonteCarloResult agg = engine.run(c.withSampling(ReadNoiseSampling.AGGREGATED), TIMES, TRIALS, 11);
            MonteCarloResult dev = engine.run(c.withSampling(ReadNoiseSampling.PER_DEVICE), TIMES, TRIALS, 11);
            for (int t = 0; t < TIMES.length; t++) {
                double[] a = agg.etaAt(t);
                double[] d = dev.etaAt(t);
                assertSameDistribution(a, d, s + " t=" + TIMES[t]);
                PairedDifference gap = PairedDifference.of(a, d);
                assertTrue(Math.abs(gap.mean()) < 4 * gap.standardError(), s + " t=" + TIMES[t] + ": " + gap);
            }
        }
    }

    /**
     * Asserts that two samples come from the same distribution: two-sample Kolmogorov–Smirnov test
     * (Apache Commons Statistics, exact p-value) at level 1e-4, the false-failure rate per call.
     */
    static void assertSameDistribution(double[] x, double[] y, String what) {
        double p = KolmogorovSmirnovTest.withDefaults().test(x, y).getPValue();
        assertTrue(p > 1e-4, what + ": Kolmogorov-Smirnov p = " + p);
    }
}
