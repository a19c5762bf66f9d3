package org.pcmsim.weights;

import org.apache.commons.rng.UniformRandomProvider;
import org.pcmsim.random.TrialStream;
import org.pcmsim.random.TrialStreams;

/** Generators for synthetic weights, derived from a user's seed (never from the user's own wiring). */
final class Seeds {
    /**
     * The stream of synthetic weight matrices: slot 3 of index 0, the slot it always had, so that
     * every matrix keeps its numbers (docs/model.md §7).
     */
    static final TrialStream WEIGHTS = TrialStream.PERIPHERY;

    private Seeds() {
    }

    /** Stream {@code stream} of index 0 of the seed, as {@link TrialStreams} derives them. */
    static UniformRandomProvider generator(long seed, TrialStream stream) {
        return TrialStreams.stream(seed, 0, stream);
    }
}
