package org.pcmsim.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.pcmsim.montecarlo.TrialStreams;

/** Every consumer of randomness in pcm-nn draws from its own stream of the root seed. */
class NnStreamTest {
    private static long[] first(UniformRandomProvider rng, int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextLong();
        }
        return v;
    }

    @Test
    void everyStreamAndIndexIsItsOwn() {
        // 64-bit outputs: a false collision among these 6 x 4 x 3 starts has probability ~ 1e-16.
        Set<Long> starts = new HashSet<>();
        int made = 0;
        for (long seed : new long[] {20220401L, 0L, -7L}) {
            for (NnStream s : NnStream.values()) {
                for (long index = 0; index < 4; index++) {
                    starts.add(s.stream(seed, index).nextLong());
                    made++;
                }
            }
        }
        assertEquals(made, starts.size(), "two (seed, stream, index) triples start alike");
    }

    @Test
    void theSyntheticGeneratorAndTheTrainingShuffleNoLongerShareNumbers() {
        long seed = 20220401L;
        // The old bug: the generator's sets 0, 1, 2 and training epochs 0, 1, 2 both used TrialStreams (seed, i, DATA).
        for (int i = 0; i < 3; i++) {
            long[] shuffle = first(NnStream.TRAINING_ORDER.stream(seed, i), 8);
            NnStream generator = i == 0 ? NnStream.SYNTHETIC_CLASSES : NnStream.SYNTHETIC_IMAGES;
            assertTrue(!java.util.Arrays.equals(shuffle, first(generator.stream(seed, i), 8)), "index " + i);
            assertTrue(!java.util.Arrays.equals(shuffle, first(TrialStreams.stream(seed, i, TrialStreams.DATA), 8)),
                    "the shuffle of epoch " + i + " is not the root seed's bare stream");
        }
    }

    @Test
    void aStreamReplaysFromItsCoordinates() {
        assertEquals(NnStream.CHIPS.seed(42), NnStream.CHIPS.seed(42));
        assertTrue(java.util.Arrays.equals(first(NnStream.TRAINING_NOISE.stream(42, 9), 5),
                first(NnStream.TRAINING_NOISE.stream(42, 9), 5)));
    }
}
