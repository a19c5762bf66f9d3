package org.pcmsim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** Every consumer of the root seed draws from its own named stream. */
class NamedStreamTest {
    private static long[] first(UniformRandomProvider rng, int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextLong();
        }
        return v;
    }

    @Test
    void everyStreamAndIndexIsItsOwn() {
        // 64-bit outputs: a false collision among these 7 x 4 x 3 starts has probability ~ 1e-16.
        Set<Long> starts = new HashSet<>();
        int made = 0;
        for (long seed : new long[] {20220401L, 0L, -7L}) {
            for (NamedStream s : NamedStream.values()) {
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
        // The old bug: the generator's sets 0, 1, 2 and training epochs 0, 1, 2 both used the trial streams (seed, i, DATA).
        for (int i = 0; i < 3; i++) {
            long[] shuffle = first(NamedStream.TRAINING_ORDER.stream(seed, i), 8);
            NamedStream generator = i == 0 ? NamedStream.SYNTHETIC_CLASSES : NamedStream.SYNTHETIC_IMAGES;
            assertTrue(!Arrays.equals(shuffle, first(generator.stream(seed, i), 8)), "index " + i);
            assertTrue(!Arrays.equals(shuffle, first(TrialStreams.stream(seed, i, TrialStream.DATA), 8)),
                    "the shuffle of epoch " + i + " is not the root seed's bare stream");
        }
    }

    @Test
    void aStreamReplaysFromItsCoordinates() {
        assertEquals(NamedStream.CHIPS.seed(42), NamedStream.CHIPS.seed(42));
        assertTrue(Arrays.equals(first(NamedStream.TRAINING_NOISE.stream(42, 9), 5),
                first(NamedStream.TRAINING_NOISE.stream(42, 9), 5)));
    }

    @Test
    void theKeysAreTheOnesEveryPublishedNumberWasMadeWith() {
        long[] keys = Arrays.stream(NamedStream.values()).mapToLong(NamedStream::key).toArray();
        assertTrue(Arrays.equals(new long[] {1, 2, 3, 4, 5, 6, 7, 8}, keys), Arrays.toString(keys));
        // Computed with the int-keyed derivation this enum replaced (pcm-nn's NnStream.CHIPS).
        assertEquals(-8700552343759138202L, NamedStream.CHIPS.seed(20220401L));
    }
}
