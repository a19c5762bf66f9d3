package org.pcmsim.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pcmsim.Build;
import org.pcmsim.periphery.Periphery;

/**
 * The provenance of the {@link PeripheryStudy}: the run's settings and every periphery condition it
 * compared.
 *
 * @param build the software
 * @param run the study's seed, trials, threads and model (its periphery is the extra condition, if any)
 * @param conditions each condition's label and periphery, in plotting order
 * @param readTimesS the read times, s after programming
 * @param timing start and wall time of the study
 */
public record PeripheryStudyProvenance(Build build, MonteCarloRun run, Map<String, Periphery> conditions,
                                       List<Double> readTimesS, Timing timing) implements MonteCarloProvenance {

    /** Copies the conditions (keeping their order) and the read times. */
    public PeripheryStudyProvenance {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(timing, "timing");
        conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
        readTimesS = List.copyOf(readTimesS);
    }
}
