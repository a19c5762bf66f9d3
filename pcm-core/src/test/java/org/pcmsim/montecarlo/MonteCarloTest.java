package org.pcmsim.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.ReadNoiseSampling;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;
import org.pcmsim.slicing.WeightQuantization;

/** Exact laws and reproducibility of the Monte Carlo engine. */
class MonteCarloTest {
    private static final double[] TIMES = {ReadTimes.T0, ReadTimes.DAY, ReadTimes.MONTH};

    @Test
    void withOneSliceEveryAlgorithmAndBaseGivesTheSameEtaToTheLastDigit() {
        for (ReadNoiseSampling sampling : ReadNoiseSampling.values()) {
            for (WeightQuantization w : WeightQuantization.values()) {
                MvmTrialConfig base = MvmTrialConfig.paper(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 1, 1))
                        .withSampling(sampling).withWeights(w);
                for (int trial = 0; trial < 3; trial++) {
                    double[] expected = MonteCarloEngine.replay(base, TIMES, 42, trial);
                    List<SlicingScheme> others = new ArrayList<>();
                    others.add(SlicingScheme.positional(1));
                    for (int b = 1; b <= 8; b++) {
                        for (SlicingAlgorithm a : new SlicingAlgorithm[] {SlicingAlgorithm.EQUAL_FILL,
                            SlicingAlgorithm.MAX_FILL, SlicingAlgorithm.MAX_FILL_EC}) {
                            others.add(SlicingScheme.of(a, 1, b));
                        }
                    }
                    for (SlicingScheme s : others) {
                        assertArrayEquals(expected, MonteCarloEngine.replay(base.withSlicing(s), TIMES, 42, trial),
                                0.0, s + " " + sampling + " " + w + " trial " + trial);
                    }
                }
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCountAndTrialsReplayAlone() {
        List<MvmTrialConfig> configs = List.of(
                MvmTrialConfig.paper(SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 1)),
                MvmTrialConfig.paper(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 2, 2)),
                MvmTrialConfig.paper(SlicingScheme.positional(4)).withSampling(ReadNoiseSampling.PER_DEVICE),
                // Reuses the slice outputs of Equal-fill b_W = 2 (same chip): must equal its own replay.
                MvmTrialConfig.paper(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 2, 5)));
        List<MonteCarloResult> one = new MonteCarloEngine(1).keepingTrials().runAll(configs, TIMES, 7, 99,
                ProgressListener.NONE);
        List<MonteCarloResult> two = new MonteCarloEngine(2).keepingTrials().runAll(configs, TIMES, 7, 99,
                ProgressListener.NONE);
        List<MonteCarloResult> three = new MonteCarloEngine(3).runAll(configs, TIMES, 7, 99, ProgressListener.NONE);
        for (int c = 0; c < configs.size(); c++) {
            for (int t = 0; t < 7; t++) {
                assertArrayEquals(one.get(c).trial(t), two.get(c).trial(t), 0.0);
            }
            for (int k = 0; k < TIMES.length; k++) {
                // The streamed statistics too, to the last bit, kept or not.
                assertEquals(one.get(c).mean(k), two.get(c).mean(k), 0.0);
                assertEquals(one.get(c).mean(k), three.get(c).mean(k), 0.0);
                assertEquals(one.get(c).std(k), two.get(c).std(k), 0.0);
                assertEquals(one.get(c).std(k), three.get(c).std(k), 0.0);
            }
            assertArrayEquals(one.get(c).trial(5), MonteCarloEngine.replay(configs.get(c), TIMES, 99, 5), 0.0);
        }
        assertFalse(three.get(0).hasTrialValues(), "per-trial values only on request");
        assertThrows(IllegalStateException.class, () -> three.get(0).trial(0));
    }

    /** Streaming, with many more trials than the fold window, gives the two-pass mean and spread. */
    @Test
    void streamedStatisticsEqualTheTwoPassOnesOverManyTrials() {
        MvmTrialConfig paper = MvmTrialConfig.paper(SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 2, 2));
        MvmTrialConfig small = new MvmTrialConfig(CrossbarConfig.paper().withSize(8), paper.device(), paper.slicing(),
                paper.weights(), paper.sampling());
        int trials = 3000;
        MonteCarloResult r = new MonteCarloEngine(3).keepingTrials().run(small, TIMES, trials, 4);
        for (int k = 0; k < TIMES.length; k++) {
            double[] v = r.etaAt(k);
            double s = 0;
            for (double x : v) {
                s += x;
            }
            double m = s / trials;
            double ss = 0;
            for (double x : v) {
                ss += (x - m) * (x - m);
            }
            assertEquals(m, r.mean(k), 0.0, "the mean is the plain sum in trial order / T");
            assertEquals(Math.sqrt(ss / (trials - 1)), r.std(k), 1e-12 * r.std(k));
            assertTrue(r.std(k) > 0);
        }
    }

    @Test
    void aDifferentSeedGivesDifferentNumbers() {
        MvmTrialConfig c = MvmTrialConfig.paper(SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 2, 1));
        double[] a = MonteCarloEngine.replay(c, TIMES, 1, 0);
        double[] b = MonteCarloEngine.replay(c, TIMES, 2, 0);
        assertTrue(a[0] != b[0]);
    }

    @Test
    void progressIsReportedForEveryTrial() {
        java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong();
        new MonteCarloEngine(2).runAll(List.of(MvmTrialConfig.paper(SlicingScheme.positional(2))), TIMES, 6, 1,
                (done, total) -> {
                    assertEquals(6, total);
                    last.accumulateAndGet(done, Math::max);
                });
        assertEquals(6, last.get());
    }

    @Test
    void withoutNoiseTheOnlyErrorIsTheAdc() {
        PcmDeviceModel ideal = PcmDeviceModel.ideal();
        MvmTrialConfig c = MvmTrialConfig.paper(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 1, 1)).withDevice(ideal);
        double eta = MonteCarloEngine.replay(c, new double[] {ReadTimes.T0}, 3, 0)[0];
        // ADC rounding: uniform error of 1/12 LSB^2 against outputs of ~32 LSB rms: eta ~ 0.29 / 32 ~ 0.009.
        assertTrue(eta > 0.002 && eta < 0.02, "eta " + eta);
        MvmTrialConfig wide = c.withSlicing(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 1, 1));
        MvmTrialConfig fine = new MvmTrialConfig(CrossbarConfig.paper().withAdcBits(20), ideal, wide.slicing(),
                WeightQuantization.INT9, ReadNoiseSampling.AGGREGATED);
        double etaFine = MonteCarloEngine.replay(fine, new double[] {ReadTimes.T0}, 3, 0)[0];
        assertTrue(etaFine < 1e-3 * eta * 10, "a 20-bit ADC leaves eta " + etaFine);
    }

    @Test
    void sliceMaxNormalisationOnlyMattersWhenASliceNeverReachesGMax() {
        PcmDeviceModel sliceMax = PcmDeviceModel.nandakumar2019()
                .withReadNoiseNormalization(ReadNoiseNormalization.SLICE_MAX);
        MvmTrialConfig int9 = MvmTrialConfig.paper(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 1, 1));
        // 9-bit Gaussian weights almost always contain |W| = 255 in a 128 x 128 array, so both agree.
        assertArrayEquals(MonteCarloEngine.replay(int9, TIMES, 5, 0),
                MonteCarloEngine.replay(int9.withDevice(sliceMax), TIMES, 5, 0), 0.0);
        MvmTrialConfig ternary = int9.withWeights(WeightQuantization.TERNARY);
        double[] g = MonteCarloEngine.replay(ternary, TIMES, 5, 0);
        double[] s = MonteCarloEngine.replay(ternary.withDevice(sliceMax), TIMES, 5, 0);
        assertTrue(s[2] < g[2], "slice-max normalisation lowers the ternary read noise: " + s[2] + " vs " + g[2]);
    }

    @Test
    void badArgumentsAreRejectedByName() {
        MvmTrialConfig c = MvmTrialConfig.paper(SlicingScheme.positional(2));
        MonteCarloEngine e = new MonteCarloEngine(1);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> e.run(c, TIMES, 0, 1));
        assertEquals("trials must be >= 1, got 0", ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> new MonteCarloEngine(0));
        assertEquals("threads must be >= 1, got 0", ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> e.run(c, new double[] {20, -5}, 1, 1));
        assertTrue(ex.getMessage().contains("-5"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> e.run(c, new double[] {Double.NaN}, 1, 1));
        assertTrue(ex.getMessage().contains("NaN"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> e.run(c, new double[] {100, 20}, 1, 1));
        assertTrue(ex.getMessage().contains("increase"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> CrossbarConfig.paper().withSize(0));
        assertEquals("size (N) must be >= 1, got 0", ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class,
                () -> new CrossbarConfig(128, 9, Double.NaN, 9, 3, 8, true));
        assertTrue(ex.getMessage().contains("inputClipSigmas") && ex.getMessage().contains("NaN"), ex.getMessage());
    }
}
