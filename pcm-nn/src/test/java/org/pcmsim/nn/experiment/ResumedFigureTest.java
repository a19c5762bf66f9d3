package org.pcmsim.nn.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcmsim.experiment.FigureResult;

/** A figure run killed during its chip evaluations resumes from the chips it finished. */
class ResumedFigureTest {
    @TempDir
    Path dir;

    /** Stands for the process being killed. */
    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aResumedRunGivesTheNumbersOfAnUninterruptedOne() throws Exception {
        DnnOptions base = DnnOptions.ci(dir.resolve("data"), 5).withImages(200, 60).withEpochs(1, 1).withChips(3)
                .withThreads(2);
        DnnOptions killed = new DnnOptions(base.dataset(), dir.resolve("data"), base.trainImages(), base.testImages(),
                base.network(), dir.resolve("model.zip"), dir.resolve("work-a"), base.epochs(), base.noiseAwareEpochs(),
                base.batchSize(), 25, base.chips(), base.seed(), 1, 1, 1, 3, 2);
        long evaluations = 4L * 3 * 3;
        // Killed after 7 of the 12 chips (each chip reports its 3 times at once).
        assertThrows(Killed.class, () -> DnnExperiments.figure5a(killed, (d, t) -> {
            if (t == evaluations && d >= 7 * 3) {
                throw new Killed();
            }
        }));
        List<String> notes = new ArrayList<>();
        FigureResult resumed = DnnExperiments.figure5a(killed, (d, t) -> { }, notes::add);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("resuming: 7 of 12 chips done"), notes.get(0));
        assertEquals(7, assertInstanceOf(DnnProvenance.class, resumed.provenance()).evaluation()
                .chipsReusedFromWorkFolder());

        // The same model, evaluated from scratch in another work folder.
        DnnOptions fresh = new DnnOptions(killed.dataset(), killed.dataDir(), killed.trainImages(),
                killed.testImages(), killed.network(), killed.modelFile(), dir.resolve("work-b"), killed.epochs(),
                killed.noiseAwareEpochs(), killed.batchSize(), killed.evalBatchSize(), killed.chips(), killed.seed(),
                1, 1, 1, killed.timePoints(), 1);
        List<String> none = new ArrayList<>();
        FigureResult whole = DnnExperiments.figure5a(fresh, (d, t) -> { }, none::add);
        assertTrue(none.isEmpty(), none.toString());
        assertEquals(whole.rows(), resumed.rows(), "resumed rows (2 threads) = uninterrupted rows (1 thread)");

        // Figure 5(c) reuses the Max-fill b_W = 1 chips read at t0 by 5(a): those configurations start done
        // for t0 only, so no chip of 5(c) is complete and nothing is announced, yet the t0 rows agree.
        FigureResult c = DnnExperiments.figure5c(fresh, (d, t) -> { }, none::add);
        assertTrue(none.isEmpty(), none.toString());
        for (int n : DnnExperiments.FIG5_SLICES) {
            double a = whole.rows().stream().filter(r -> r.nW() == n && r.timeS() == whole.times()[0])
                    .findFirst().orElseThrow().mean();
            double b = c.rows().stream().filter(r -> r.nW() == n && r.timeS() == whole.times()[0]
                    && r.series().equals("Max-fill (b_W = 1)")).findFirst().orElseThrow().mean();
            assertEquals(a, b, 0.0, "n_W = " + n);
        }
    }
}
