package org.pcmsim.nn.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.nn.OneDnn;
import org.pcmsim.nn.analog.AnalogConfig;
import org.pcmsim.nn.data.Batches;
import org.pcmsim.nn.data.LabeledImages;
import org.pcmsim.nn.data.SyntheticCifar;
import org.pcmsim.nn.model.ResNetSpec;
import org.pcmsim.nn.model.ResNets;
import org.pcmsim.nn.training.ChunkedEvaluator;
import org.pcmsim.slicing.SlicingAlgorithm;

/** The chip evaluations give bit-identical accuracies on 1, 2 and 3 Java threads. */
class ParallelEvaluationTest {

    @Test
    void oneAndTwoThreadsGiveIdenticalAccuracies() {
        OneDnn.enableHelpers();
        SyntheticCifar gen = new SyntheticCifar(6);
        LabeledImages train = gen.generate(256, 1);
        LabeledImages test = gen.generate(230, 2);
        Batches.Normalization norm = Batches.Normalization.of(train);
        ComputationGraph net = ResNets.build(ResNetSpec.RESNET8_CI, 6, new Nesterovs(0.05, 0.9), 1e-4, null);
        int[] all = new int[train.count()];
        Arrays.setAll(all, i -> i);
        for (int e = 0; e < 3; e++) {
            for (int from = 0; from < all.length; from += 64) {
                net.fit(Batches.batch(train, Arrays.copyOfRange(all, from, from + 64), norm, null));
            }
        }
        // Strong noise, so that chips, times and reads visibly differ; 230 images in chunks of 50 (the last short).
        AnalogConfig ac = AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 2, 1)
                .withDevice(PcmDeviceModel.nandakumar2019().withNoiseScales(3, 3, 3));
        SliceConfig c = new SliceConfig("Max-fill", SlicingAlgorithm.MAX_FILL, 1, 2);
        double[] times = {ReadTimes.T0, ReadTimes.DAY, ReadTimes.YEAR};
        DnnOptions o = DnnOptions.ci(Path.of("unused"), 5).withChips(3);
        DnnOptions chunks50 = new DnnOptions(o.dataset(), o.dataDir(), o.trainImages(), o.testImages(), o.network(),
                o.modelFile(), o.outDir(), o.epochs(), o.noiseAwareEpochs(), o.batchSize(), 50, o.chips(), o.seed(),
                1, 1, 1, o.timePoints(), 1);
        double[][] one;
        double[][] two;
        double[][] three;
        double digital1;
        double digital2;
        try (ChunkedEvaluator t1 = new ChunkedEvaluator(1); ChunkedEvaluator t2 = new ChunkedEvaluator(2);
             ChunkedEvaluator t3 = new ChunkedEvaluator(3)) {
            one = ChipEvaluation.chipAccuracies(t1, net, ac, c, times, test, norm, chunks50, () -> { });
            two = ChipEvaluation.chipAccuracies(t2, net, ac, c, times, test, norm, chunks50, () -> { });
            three = ChipEvaluation.chipAccuracies(t3, net, ac, c, times, test, norm, chunks50, () -> { });
            digital1 = ChipEvaluation.digitalAccuracy(t1, net, test, norm, 50);
            digital2 = ChipEvaluation.digitalAccuracy(t2, net, test, norm, 50);
        }
        for (int t = 0; t < times.length; t++) {
            assertArrayEquals(one[t], two[t], 0.0, "time " + times[t]);
            assertArrayEquals(one[t], three[t], 0.0, "time " + times[t]);
        }
        long distinct = Arrays.stream(one).flatMapToDouble(Arrays::stream).distinct().count();
        assertTrue(distinct > 3, "chips and times must differ for the comparison to mean something: "
                + Arrays.deepToString(one));
        assertEquals(digital1, digital2, 0.0);
    }
}
