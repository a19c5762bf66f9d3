package org.pcmsim.cli;

import java.time.Instant;
import java.util.List;
import org.pcmsim.Build;
import org.pcmsim.experiment.ClippedTargets;
import org.pcmsim.experiment.MonteCarloRun;
import org.pcmsim.experiment.MvmProvenance;
import org.pcmsim.experiment.RunSettings;
import org.pcmsim.experiment.Timing;

/** Provenance for hand-made figure results in tests: the paper's model, no run behind it. */
public final class TestProvenance {
    private TestProvenance() {
    }

    /**
     * @param trials trials per point
     * @return a Monte Carlo record of the paper's settings with that many trials
     */
    public static MvmProvenance mvm(int trials) {
        RunSettings s = RunSettings.paper(trials);
        return new MvmProvenance(Build.current(), MonteCarloRun.of("test", s), "gaussian", null,
                new ClippedTargets(s.device().targetRange(), 0, 0, List.of()), List.of(20.0), 1,
                new Timing(Instant.EPOCH, 0));
    }
}
