package org.pcmsim.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.pcmsim.random.NamedStream;
import org.pcmsim.random.TrialStream;
import org.pcmsim.random.TrialStreams;

class WeightDistributionTest {
    /** A sampled matrix draws from its own named stream and replays none of the seed's trial streams. */
    @Test
    void aSampledMatrixHasItsOwnStream() {
        for (long seed : new long[] {1, 42, 20220401L}) {
            double[] w = WeightDistribution.UNIFORM.sample(1, 64, seed).toArray();
            double[] again = WeightDistribution.UNIFORM.sample(1, 64, seed).toArray();
            assertArrayEquals(w, again, 0.0, "the same seed gives the same matrix");
            assertArrayEquals(uniform(NamedStream.SYNTHETIC_WEIGHTS.stream(seed, 0), 64), w, 0.0);
            for (long trial = 0; trial < 4; trial++) {
                for (TrialStream s : TrialStream.values()) {
                    double[] other = uniform(TrialStreams.stream(seed, trial, s), 64);
                    assertTrue(!Arrays.equals(other, w), "replays trial " + trial + " stream " + s);
                }
            }
        }
    }

    @Test
    void sampledMatricesHaveUnitVariance() {
        // 40 000 draws: the sample variance of a unit-variance law has standard error ≈ sqrt((κ + 2) / n),
        // κ the excess kurtosis (Laplace: 3, so ≈ 0.011); 6 standard errors: false-failure rate < 1e-8.
        for (WeightDistribution d : new WeightDistribution[] {WeightDistribution.GAUSSIAN, WeightDistribution.LAPLACE,
            WeightDistribution.UNIFORM}) {
            double[] w = d.sample(200, 200, 5).toArray();
            double sum = 0;
            double sq = 0;
            for (double v : w) {
                sum += v;
                sq += v * v;
            }
            double mean = sum / w.length;
            double var = sq / w.length - mean * mean;
            assertEquals(0, mean, 6 / Math.sqrt(w.length), d + " mean");
            assertEquals(1, var, 6 * Math.sqrt(5.0 / w.length), d + " variance");
        }
    }

    private static double[] uniform(UniformRandomProvider rng, int n) {
        var s = WeightDistribution.UNIFORM.sampler(rng);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = s.sample();
        }
        return v;
    }
}
