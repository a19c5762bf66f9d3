package org.pcmsim.montecarlo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ProgrammingNoiseExtrapolation;
import org.pcmsim.device.TargetRange;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.random.TrialStream;
import org.pcmsim.random.TrialStreams;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/**
 * The optimised engine (tabulated laws, slice-by-slice programming, packed rows, aggregated read
 * noise, cached drift steps) against a literal, slow transcription of docs/model.md §2–§4 written here
 * independently of the main code: per-device read noise, weights programmed one by one, every law
 * evaluated with Math.pow/log as written. Both see the same weights and inputs (the data stream), so
 * their η differ only through the noise draws, which are in a different order and sampled
 * differently; the engine's speed work changed the random stream, and this test shows that the
 * results are equal in distribution.
 *
 * <p>Per configuration and time: two-sample Kolmogorov–Smirnov test at level 1e-4 and the paired
 * mean difference within 4 standard errors (false-failure rate ≈ 2e-4 per comparison, &lt; 3e-3 for
 * the 12 comparisons).
 */
class LiteralModelTest {
    private static final int N = 128;
    private static final int TRIALS = 200;
    private static final double[] TIMES = {ReadTimes.T0, ReadTimes.MONTH};

    @Test
    void engineMatchesALiteralTranscriptionOfTheModel() {
        SlicingScheme[] schemes = {SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 4, 1),
            SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 8, 1), SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 2),
            SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 2, 1), SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 4, 3),
            SlicingScheme.positional(4)};
        for (SlicingScheme s : schemes) {
            // The transcription programs every target as computed with the quadratic σ_P as it stands
            // (a negative σ times a normal draw has the spread |σ|): the unbounded, absolute conventions.
            PcmDeviceModel literalConventions = PcmDeviceModel.nandakumar2019().withTargetRange(TargetRange.UNBOUNDED)
                    .withProgrammingNoiseExtrapolation(ProgrammingNoiseExtrapolation.ABSOLUTE);
            MonteCarloResult engine = MonteCarloEngine.allCores().keepingTrials()
                    .run(MvmTrialConfig.paper(s).withDevice(literalConventions), TIMES, TRIALS, 5);
            double[][] literal = new double[TRIALS][];
            for (int t = 0; t < TRIALS; t++) {
                literal[t] = literalTrial(s, 5, t);
            }
            for (int k = 0; k < TIMES.length; k++) {
                double[] a = engine.etaAt(k);
                double[] b = new double[TRIALS];
                for (int t = 0; t < TRIALS; t++) {
                    b[t] = literal[t][k];
                }
                SamplerEquivalenceTest.assertSameDistribution(a, b, s + " t=" + TIMES[k]);
                PairedDifference gap = PairedDifference.of(a, b);
                assertTrue(Math.abs(gap.mean()) < 4 * gap.standardError(),
                        s + " t=" + TIMES[k] + ": paired mean gap " + gap);
            }
        }
    }

    /** One trial exactly as docs/model.md §4 words it, with its own noise streams. */
    static double[] literalTrial(SlicingScheme s, long seed, int trial) {
        NormalizedGaussianSampler data =
                ZigguratSampler.NormalizedGaussian.of(TrialStreams.stream(seed, trial, TrialStream.DATA));
        int[][] w = new int[N][N];
        int[] x = new int[N];
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < N; k++) {
                w[i][k] = (int) Math.max(-255, Math.min(255, Math.rint(data.sample() * 255 / 3.0)));
            }
        }
        for (int k = 0; k < N; k++) {
            x[k] = (int) Math.max(-255, Math.min(255, Math.rint(data.sample() * 255 / 4.0)));
        }
        UniformRandomProvider own = new XoRoShiRo128PlusPlus(0x5eedL + trial, seed);
        NormalizedGaussianSampler xi = ZigguratSampler.NormalizedGaussian.of(own);
        int n = s.nSlices();
        double b = s.base();
        double r = s.range();
        double gMax = 25.0;
        double[][][] gp = new double[n][N][N];
        double[][][] nu = new double[n][N][N];
        double[][][] g = new double[n][N][N];
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < N; k++) {
                double sign = Math.signum(w[i][k]);
                double rest = Math.abs(w[i][k]);
                for (int j = n - 1; j >= 0; j--) {
                    double bj = Math.pow(b, j);
                    double sj;
                    switch (s.algorithm()) {
                        case EQUAL_FILL -> {
                            double sum = 0;
                            for (int q = 0; q < n; q++) {
                                sum += Math.pow(b, q);
                            }
                            sj = Math.abs(w[i][k]) / sum;
                        }
                        case POSITIONAL -> {
                            int bits = Integer.numberOfTrailingZeros(s.base());
                            sj = (Math.abs(w[i][k]) >> (j * bits)) & (s.base() - 1);
                        }
                        default -> {
                            double below = b == 1 ? r * j : r * (Math.pow(b, j) - 1) / (b - 1);
                            if (j == 0) {
                                sj = rest;
                            } else if (b == 1) {
                                sj = rest >= r ? r : 0;
                            } else {
                                sj = rest > below ? Math.min(rest / bj, r) : 0;
                            }
                            if (Math.abs(sj) < 1e-9) {
                                sj = 0;
                            }
                        }
                    }
                    double target = sign * sj * gMax / r;
                    double programmed = 0;
                    if (target != 0) {
                        double gn = Math.abs(target) / gMax;
                        double sigmaP = -1.1731 * gn * gn + 1.9650 * gn + 0.2635;
                        programmed = target + sigmaP * xi.sample();
                        double mu = Math.min(0.1, Math.max(0.049, -0.0155 * Math.log(gn + 1e-15) + 0.0244));
                        double sd = Math.min(0.045, Math.max(0.008, -0.0125 * Math.log(gn + 1e-15) - 0.0059));
                        nu[j][i][k] = Math.abs(mu + sd * xi.sample());
                        g[j][i][k] = gn;
                    }
                    gp[j][i][k] = programmed;
                    double actual = s.algorithm() == SlicingAlgorithm.MAX_FILL_EC ? sign * programmed * r / gMax : sj;
                    rest -= bj * actual;
                }
            }
        }
        double sOut = (127 / 4.0) / (255 * gMax * Math.sqrt(N)) * ((4 - 1.5) / 1 + 1.5) * ((3 - 1.5) / n + 1.5);
        double[] eta = new double[TIMES.length];
        double cRef = 0;
        for (int tIdx = 0; tIdx < TIMES.length; tIdx++) {
            double t = TIMES[tIdx];
            double f = Math.sqrt(Math.log((t + 250e-9) / (2 * 250e-9)));
            double[] y = new double[N];
            double[] cal = new double[N];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < N; i++) {
                    double id = 0;
                    double ic = 0;
                    for (int k = 0; k < N; k++) {
                        if (gp[j][i][k] == 0) {
                            continue;
                        }
                        double drifted = t > 20 ? gp[j][i][k] * Math.pow(t / 20, -nu[j][i][k]) : gp[j][i][k];
                        double qs = Math.min(0.0088 / Math.pow(g[j][i][k] + 1e-15, 0.65), 0.2);
                        double read = drifted + drifted * qs * f * xi.sample();
                        id += read * x[k];
                        ic += read * 64;
                    }
                    y[i] += Math.pow(b, j) * Math.max(-127, Math.min(127, Math.rint(sOut * id)));
                    cal[i] += Math.pow(b, j) * Math.max(-127, Math.min(127, Math.rint(sOut * ic)));
                }
            }
            double c = 0;
            for (double v : cal) {
                c += Math.abs(v);
            }
            if (tIdx == 0) {
                cRef = c;
            }
            double err = 0;
            double ref = 0;
            for (int i = 0; i < N; i++) {
                long exact = 0;
                for (int k = 0; k < N; k++) {
                    exact += (long) w[i][k] * x[k];
                }
                double yRef = exact / (255 / 4.0 * 255 / 3.0);
                double yHat = y[i] * cRef / c / (sOut * 255 / 4.0 * 255 / 3.0) * r / gMax;
                err += (yHat - yRef) * (yHat - yRef);
                ref += yRef * yRef;
            }
            eta[tIdx] = Math.sqrt(err / ref);
        }
        return eta;
    }
}
