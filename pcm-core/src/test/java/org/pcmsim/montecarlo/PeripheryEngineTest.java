package org.pcmsim.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcmsim.crossbar.ArrayShape;
import org.pcmsim.crossbar.DriftCompensationScope;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.periphery.IrDropModel;
import org.pcmsim.periphery.Periphery;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;
import org.pcmsim.weights.WeightDistribution;
import org.pcmsim.weights.WeightMatrix;

/** Monte Carlo runs through a non-ideal periphery: reproducible, and the ideal one changes nothing. */
class PeripheryEngineTest {
    private static final double[] TIMES = {ReadTimes.T0, ReadTimes.DAY, ReadTimes.MONTH};
    private static final Periphery ALL = Periphery.IDEAL.withAdcNoise(0.5).withAdcMismatch(0.02, 0.3)
            .withDac(0.3, 0.5).withIrDrop(0.35, IrDropModel.FIRST_ORDER);

    @Test
    void idealPeripheryGivesTheDefaultNumbersToTheBit() {
        MvmTrialConfig plain = MvmTrialConfig.paper(SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 1));
        Periphery zero = new Periphery(0, 0, 0, 0, 0, 0, 25, IrDropModel.EXACT);
        MonteCarloEngine engine = new MonteCarloEngine(2).keepingTrials();
        MonteCarloResult a = engine.run(plain, TIMES, 4, 3);
        MonteCarloResult b = engine.run(plain.withPeriphery(zero), TIMES, 4, 3);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(a.trial(i), b.trial(i), 0.0);
        }
    }

    @Test
    void anyThreadCountAndReplayGiveTheSameNumbers() {
        List<MvmTrialConfig> configs = List.of(
                MvmTrialConfig.paper(SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 1)).withPeriphery(ALL),
                MvmTrialConfig.paper(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 2, 1)).withPeriphery(ALL),
                MvmTrialConfig.paper(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 2, 2)).withPeriphery(ALL));
        List<MonteCarloResult> one = new MonteCarloEngine(1).keepingTrials()
                .runAll(configs, TIMES, 5, 17, ProgressListener.NONE);
        List<MonteCarloResult> two = new MonteCarloEngine(2).keepingTrials()
                .runAll(configs, TIMES, 5, 17, ProgressListener.NONE);
        List<MonteCarloResult> ideal = new MonteCarloEngine(2).keepingTrials()
                .runAll(configs.stream().map(c -> c.withPeriphery(Periphery.IDEAL)).toList(), TIMES, 5, 17,
                        ProgressListener.NONE);
        for (int c = 0; c < configs.size(); c++) {
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(one.get(c).trial(i), two.get(c).trial(i), 0.0);
            }
            assertArrayEquals(one.get(c).trial(3), MonteCarloEngine.replay(configs.get(c), TIMES, 17, 3), 0.0);
            // The periphery adds error on average.
            assertTrue(one.get(c).mean(2) > ideal.get(c).mean(2), configs.get(c).slicing() + ": "
                    + one.get(c).mean(2) + " vs " + ideal.get(c).mean(2));
        }
    }

    @Test
    void tiledMatricesReadThroughThePeripheryReproducibly() {
        WeightMatrix w = WeightDistribution.GAUSSIAN.sample(200, 150, 4);
        FixedMatrix m = new FixedMatrix(w, ArrayShape.square(128), DriftCompensationScope.PER_TILE);
        MvmTrialConfig c = MvmTrialConfig.paper(SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 2, 1))
                .withPeriphery(ALL.withIrDrop(0.35, IrDropModel.EXACT));
        MonteCarloResult one = new MonteCarloEngine(1).keepingTrials().run(c, m, TIMES, 3, 9);
        MonteCarloResult two = new MonteCarloEngine(2).keepingTrials().run(c, m, TIMES, 3, 9);
        MonteCarloResult ideal = new MonteCarloEngine(2).run(c.withPeriphery(Periphery.IDEAL), m, TIMES, 3, 9);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(one.trial(i), two.trial(i), 0.0);
        }
        assertTrue(one.mean(0) > ideal.mean(0));
    }
}
