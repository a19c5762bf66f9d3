package org.pcmsim.cli.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcmsim.experiment.Experiments;
import org.pcmsim.experiment.RunSettings;
import org.pcmsim.experiment.SeriesSpec;

class MvmFigureProducerTest {
    @Test
    void bitnetSliceSweepChangesOnlyTheMultiSliceSeries() {
        MvmFigureProducer p = new MvmFigureProducer(Experiments.BITNET).withMultiSliceCount(8);
        for (SeriesSpec s : p.spec().series()) {
            int n = s.schemes().get(0).nSlices();
            if (s.label().contains("baseline")) {
                assertEquals(1, n, s.label());
            } else {
                assertEquals(8, n, s.label());
                assertTrue(s.label().endsWith("n_W=8"), s.label());
            }
        }
        assertTrue(p.description().contains("n_W = 8 (b_W = 1)"), p.description());
    }

    @Test
    void registryResolvesNamesAndAll() {
        FigureRegistry r = FigureRegistry.standard();
        assertEquals(List.of("figure-4a", "figure-4b", "figure-4c", "bitnet", "weights-time", "weights-clip", "periphery", "figure-5a",
                "figure-5c", "periphery-dnn", "weights", "all"), r.names());
        // 'weights' runs both figures of the heavy-tailed-weights study.
        assertEquals(List.of("weights-time", "weights-clip"),
                r.resolve("weights").orElseThrow().stream().map(FigureProducer::name).toList());
        // 'all' is the four MVM figures: the DNN figures need a dataset and run minutes to days.
        assertEquals(List.of("figure-4a", "figure-4b", "figure-4c", "bitnet"),
                r.resolve("all").orElseThrow().stream().map(FigureProducer::name).toList());
        assertTrue(r.resolve("figure-5a").orElseThrow().get(0) instanceof DnnFigureProducer);
        assertTrue(r.resolve("figure-5z").isEmpty());
    }

    @Test
    void estimatesScaleWithTrialsAndThreads() {
        MvmFigureProducer p = new MvmFigureProducer(Experiments.FIGURE_4A);
        long one = p.estimate(RunSettings.paper(100).withThreads(1)).toMillis();
        long two = p.estimate(RunSettings.paper(200).withThreads(1)).toMillis();
        long par = p.estimate(RunSettings.paper(200).withThreads(2)).toMillis();
        assertTrue(one > 0);
        assertEquals(2 * one, two, 2);
        assertEquals(one, par, 2);
    }
}
