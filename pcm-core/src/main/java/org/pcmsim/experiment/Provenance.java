package org.pcmsim.experiment;

import org.pcmsim.Build;

/**
 * Where a figure's numbers come from: the software, the seed, and everything else needed to run it
 * again and get the same numbers. Each experiment family has its own immutable record
 * ({@link MvmProvenance}, {@link WeightStudyProvenance}, {@link PeripheryStudyProvenance}, and the DNN
 * records of pcm-nn); the CLI writes it into the result's JSON and reads it back by type.
 */
public interface Provenance {
    /** @return the project, version and git commit that produced the result */
    Build build();

    /** @return the root seed every random stream of the run was split from */
    long seed();
}
