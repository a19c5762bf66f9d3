package org.pcmsim.montecarlo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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
                double ks = ksStatistic(a, d);
                // Critical value of the two-sample KS statistic at level alpha: c(alpha) sqrt(2 / n).
                double critical = Math.sqrt(-0.5 * Math.log(1e-4 / 2)) * Math.sqrt(2.0 / TRIALS);
                assertTrue(ks < critical, s + " t=" + TIMES[t] + ": KS " + ks + " >= " + critical);
                PairedDifference gap = PairedDifference.of(a, d);
                assertTrue(Math.abs(gap.mean()) < 4 * gap.standardError(), s + " t=" + TIMES[t] + ": " + gap);
            }
        }
    }

    static double ksStatistic(double[] x, double[] y) {
        double[] a = x.clone();
        double[] b = y.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < a.length && j < b.length) {
            double v = Math.min(a[i], b[j]);
            while (i < a.length && a[i] <= v) {
                i++;
            }
            while (j < b.length && b[j] <= v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
        }
        return d;
    }
}
