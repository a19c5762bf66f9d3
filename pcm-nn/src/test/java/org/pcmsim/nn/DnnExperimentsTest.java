package org.pcmsim.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.ResultRow;
import org.pcmsim.experiment.XAxis;
import org.pcmsim.nn.experiment.DnnExperiments;
import org.pcmsim.nn.experiment.DnnProvenance;
import org.pcmsim.nn.experiment.DnnOptions;

/** The Figure 5 pipeline end to end at a toy scale (not a statement about accuracy). */
class DnnExperimentsTest {
    @TempDir
    Path dir;

    @Test
    void figure5cRunsEndToEndOnSyntheticDataAndSaysSo() throws Exception {
        DnnOptions o = DnnOptions.ci(dir, 3).withImages(200, 100).withEpochs(1, 1).withChips(2);
        AtomicLong last = new AtomicLong();
        FigureResult r = DnnExperiments.figure5c(o, (d, t) -> last.set(d));
        assertEquals("5c", r.figure());
        assertEquals(XAxis.N_SLICES, r.xAxis());
        assertTrue(r.title().contains("synthetic"), r.title());
        DnnProvenance prov = assertInstanceOf(DnnProvenance.class, r.provenance());
        assertTrue(prov.data().synthetic());
        assertTrue(prov.data().dataset().contains("not CIFAR-10"), prov.data().dataset());
        List<ResultRow> analog = r.rows().stream().filter(x -> !x.algorithm().equals("digital")).toList();
        assertEquals(5 * 4 * 2, analog.size(), "5 series x 4 n_W x 2 times");
        for (ResultRow row : analog) {
            assertEquals("accuracy", row.metric());
            assertEquals(2, row.trials());
            assertTrue(row.mean() >= 0 && row.mean() <= 100, row.toString());
        }
        // docs/model.md §3 sanity law: with n_W = 1 every algorithm and base gives the same slices, and the
        // chips share their random streams, so all five series agree exactly.
        for (double t : r.times()) {
            List<Double> atOne = analog.stream().filter(x -> x.nW() == 1 && x.timeS() == t).map(ResultRow::mean).toList();
            assertEquals(5, atOne.size());
            assertTrue(atOne.stream().distinct().count() == 1, "n_W = 1 rows differ at t = " + t + ": " + atOne);
        }
        List<ResultRow> digital = r.rows().stream().filter(x -> x.algorithm().equals("digital")).toList();
        assertFalse(digital.isEmpty());
        assertEquals(0, digital.get(0).nW());
        assertTrue(Files.exists(o.resolvedModelFile()), "the trained model is saved for reuse");
        assertEquals(5 * 4 * 2 * 2, last.get(), "progress ends at configurations x chips x times");

        // Reusing the saved model: no training, same digital accuracy.
        FigureResult again = DnnExperiments.figure5c(o.withChips(1), (d, t) -> { });
        assertFalse(assertInstanceOf(DnnProvenance.class, again.provenance()).network().modelTrainedInThisRun());
        assertEquals(digital.get(0).mean(), again.rows().stream().filter(x -> x.algorithm().equals("digital"))
                .findFirst().orElseThrow().mean(), 0.0);
    }
}
