package org.pcmsim.weights;

import org.apache.commons.rng.UniformRandomProvider;
import org.pcmsim.montecarlo.TrialStreams;

/** Generators for synthetic weights, derived from a user's seed (never from the user's own wiring). */
final class Seeds {
    /** The stream of synthetic weight matrices. */
    static final int WEIGHTS = 3;

    private Seeds() {
    }

    /** Stream {@code stream} of index 0 of the seed, as {@link TrialStreams} derives them. */
    static UniformRandomProvider generator(long seed, int stream) {
        return TrialStreams.stream(seed, 0, stream);
    }
}
