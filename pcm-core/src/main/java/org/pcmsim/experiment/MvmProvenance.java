package org.pcmsim.experiment;

import java.util.List;
import java.util.Objects;
import org.pcmsim.Build;

/**
 * The provenance of a published Monte Carlo figure (4(a)–(c), BitNet) as {@link ExperimentRunner} runs
 * it.
 *
 * @param build the software
 * @param run the experiment, seed, trials, threads and full model
 * @param weightSource the weights' source: a distribution's id, or {@code matrix} for a user's matrix
 * @param matrix the user's matrix, or null when the weights were drawn from a distribution
 * @param clippedTargets devices whose target was clipped to G_max
 * @param readTimesS the read times, s after programming
 * @param simulatedConfigurations distinct configurations simulated (n_W = 1 points and repeats collapse)
 * @param timing start and wall time of the Monte Carlo run
 */
public record MvmProvenance(Build build, MonteCarloRun run, String weightSource, MatrixSource matrix,
                            ClippedTargets clippedTargets, List<Double> readTimesS, int simulatedConfigurations,
                            Timing timing) implements MonteCarloProvenance {

    /** Copies the read times; everything but the matrix is required. */
    public MvmProvenance {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(weightSource, "weightSource");
        Objects.requireNonNull(clippedTargets, "clippedTargets");
        Objects.requireNonNull(timing, "timing");
        readTimesS = List.copyOf(readTimesS);
        if (simulatedConfigurations < 0) {
            throw new IllegalArgumentException("simulatedConfigurations must be >= 0, got " + simulatedConfigurations);
        }
    }
}
