package org.pcmsim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The typed streams give, to the bit, the numbers of the bare-int keys they replaced. */
class TrialStreamsTest {
    @Test
    void everyStreamKeepsItsSlotAndItsNumbers() {
        assertEquals(0, TrialStream.DATA.slot());
        assertEquals(1, TrialStream.PROGRAMMING.slot());
        assertEquals(2, TrialStream.READ.slot());
        assertEquals(3, TrialStream.PERIPHERY.slot());
        // First outputs of (seed 20220401, trial 7, stream 0..3), computed with the int-keyed TrialStreams.
        long[] golden = {8419557908138995302L, 6122543727676105331L, -5579300653150576334L, 8959172740656196591L};
        for (TrialStream s : TrialStream.values()) {
            assertEquals(golden[s.slot()], TrialStreams.stream(20220401L, 7, s).nextLong(), s.name());
        }
    }

    @Test
    void theChipsMismatchIsThePeripheryStreamAndTheConversionsFollowItsJump() {
        PeripheryStreams p = TrialStreams.periphery(20220401L, 7);
        assertEquals(8959172740656196591L, p.chip().nextLong());
        assertEquals(3534641591232341440L, p.conversions().nextLong());
    }

    @Test
    void aSubSeedIsTheFirstOutputOfItsPeripheryStream() {
        assertEquals(5331153987292879073L, TrialStreams.subSeed(42L, 5));
        assertEquals(TrialStreams.stream(-3L, 11, TrialStream.PERIPHERY).nextLong(), TrialStreams.subSeed(-3L, 11));
    }

    @Test
    void aNegativeIndexIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrialStreams.stream(1L, -1, TrialStream.DATA));
        assertEquals("index must be >= 0, got -1", e.getMessage());
    }
}
