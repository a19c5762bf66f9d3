package org.pcmsim.experiment;

import java.util.List;
import java.util.Objects;
import org.pcmsim.Build;

/**
 * The provenance of a {@link WeightStudy} figure (heavy-tailed weights over time or against the clip).
 *
 * @param build the software
 * @param run the study's seed, trials, threads and model (its crossbar's clip is the one over time)
 * @param weightSources the weight sources, one panel each
 * @param weightDistributions how each distribution is scaled
 * @param weightClipsSigma the weight clips swept, in σ; null for the study over time
 * @param readTimesS the read times, s after programming
 * @param timing start and wall time of the study
 */
public record WeightStudyProvenance(Build build, MonteCarloRun run, List<String> weightSources,
                                    String weightDistributions, List<Double> weightClipsSigma, List<Double> readTimesS,
                                    Timing timing) implements MonteCarloProvenance {

    /** Copies the lists; everything but the clips is required. */
    public WeightStudyProvenance {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(weightDistributions, "weightDistributions");
        Objects.requireNonNull(timing, "timing");
        weightSources = List.copyOf(weightSources);
        weightClipsSigma = weightClipsSigma == null ? null : List.copyOf(weightClipsSigma);
        readTimesS = List.copyOf(readTimesS);
    }
}
