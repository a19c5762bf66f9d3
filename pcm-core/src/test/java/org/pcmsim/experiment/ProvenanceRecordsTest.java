package org.pcmsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcmsim.Build;
import org.pcmsim.Version;
import org.pcmsim.device.Conventions;
import org.pcmsim.periphery.Periphery;

/** The provenance records: what a run records, and the checks that keep a record self-consistent. */
class ProvenanceRecordsTest {

    @Test
    void theBuildNamesTheProjectVersionAndACommitOnlyIfKnown() {
        Build b = Build.current();
        assertEquals("pcm-sim", b.project());
        assertEquals(Version.get(), b.version());
        if (b.gitCommit() == null) {
            assertNull(b.gitDirty(), "no commit, no dirty flag");
        } else {
            assertTrue(b.gitCommit().matches("[0-9a-f]{40}"), b.gitCommit());
        }
        assertThrows(IllegalArgumentException.class, () -> new Build("pcm-sim", "0.1.0", "abc", null));
        assertThrows(IllegalArgumentException.class, () -> new Build("pcm-sim", "0.1.0", null, true));
        assertThrows(IllegalArgumentException.class, () -> new Build(" ", "0.1.0", null, null));
    }

    @Test
    void aRunRecordsItsSettingsAndRefusesDescriptionsThatDisagreeWithTheModel() {
        RunSettings s = RunSettings.paper(3).withSeed(11).withPeriphery(Periphery.ADC_NOISE_ONE_LSB);
        MonteCarloRun r = MonteCarloRun.of("figure-4a", s);
        assertEquals(11, r.seed());
        assertEquals(3, r.trials());
        assertEquals(s.device(), r.device());
        assertEquals(Periphery.ADC_NOISE_ONE_LSB.describe(), r.periphery());
        assertThrows(IllegalArgumentException.class, () -> new MonteCarloRun("x", 1, 3, 1, r.readNoiseSampling(),
                r.crossbar(), r.device(), Conventions.PUBLISHED.id(), r.periphery(), r.peripheryParameters()));
        assertThrows(IllegalArgumentException.class, () -> new MonteCarloRun("x", 1, 3, 1, r.readNoiseSampling(),
                r.crossbar(), r.device(), r.conventions(), "ideal", r.peripheryParameters()));
        assertThrows(IllegalArgumentException.class, () -> new MonteCarloRun("x", 1, 0, 1, r.readNoiseSampling(),
                r.crossbar(), r.device(), r.conventions(), r.periphery(), r.peripheryParameters()));
    }

    @Test
    void aFiguresProvenanceIsImmutableAndSaysWhatRan() {
        FigureResult f = ExperimentRunner.run(Experiments.FIGURE_4A, RunSettings.paper(2), (d, t) -> { });
        MvmProvenance p = assertInstanceOf(MvmProvenance.class, f.provenance());
        assertEquals("figure-4a", p.run().experiment());
        assertEquals(RunSettings.paper(2).seed(), p.seed());
        assertEquals(Build.current(), p.build());
        assertEquals(List.of(20.0, ReadTimes.MONTH), p.readTimesS());
        assertNull(p.matrix(), "weights drawn from a distribution");
        assertTrue(p.timing().wallTimeS() >= 0 && !p.timing().started().isAfter(Instant.now()));
        assertThrows(UnsupportedOperationException.class, () -> p.readTimesS().add(1.0));
        List<Double> times = new ArrayList<>(List.of(20.0));
        WeightStudyProvenance w = new WeightStudyProvenance(p.build(), p.run(), List.of("gaussian"), "unit variance",
                null, times, p.timing());
        times.add(30.0);
        assertEquals(List.of(20.0), w.readTimesS(), "the record keeps its own copy");
    }
}
