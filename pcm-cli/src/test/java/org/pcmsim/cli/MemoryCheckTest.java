package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.experiment.ExperimentRunner;
import org.pcmsim.experiment.Experiments;
import org.pcmsim.experiment.RunSettings;
import org.pcmsim.montecarlo.MvmTrialConfig;

/** The up-front memory check: how much, and how to raise it or how many threads fit. */
class MemoryCheckTest {
    private static final long GB = 1L << 30;

    private static List<MvmTrialConfig> figure4b(int size) {
        RunSettings s = RunSettings.paper(2).withCrossbar(CrossbarConfig.paper().withSize(size));
        return ExperimentRunner.configurations(Experiments.FIGURE_4B, s);
    }

    @Test
    void thePaperSizeFitsInTheLaunchersHeap() {
        assertDoesNotThrow(() -> MemoryCheck.check("figure-4b", figure4b(128), 2, GB - (50L << 20), GB));
    }

    @Test
    void aLargeCrossbarSaysHowMuchAndHowToRaiseIt() {
        CliFailure f = assertThrows(CliFailure.class,
                () -> MemoryCheck.check("figure-4b at --crossbar-size 2048", figure4b(2048), 2, GB - (50L << 20), GB));
        String m = f.getMessage();
        assertTrue(m.contains("figure-4b at --crossbar-size 2048") && m.contains("GB of Java heap on 2 threads")
                && m.contains("PCM_JAVA_OPTS=-Xmx") && !m.contains("fewer threads"), m);
        // With room for one thread but not two, it says so.
        f = assertThrows(CliFailure.class,
                () -> MemoryCheck.check("figure-4b at --crossbar-size 1024", figure4b(1024), 2, 2 * GB, 2 * GB));
        assertTrue(f.getMessage().contains("--threads 1 fits"), f.getMessage());
        assertTrue(MemoryCheck.outOfMemory(new OutOfMemoryError()).getMessage().contains("PCM_JAVA_OPTS=-Xmx"));
    }
}
