package org.pcmsim.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/** The memory estimate behind the CLI's up-front check for large crossbars. */
class WorkingSetTest {
    private static List<MvmTrialConfig> at(int n, SlicingScheme... schemes) {
        return java.util.Arrays.stream(schemes).map(s -> {
            MvmTrialConfig p = MvmTrialConfig.paper(s);
            return new MvmTrialConfig(CrossbarConfig.paper().withSize(n), p.device(), p.slicing(), p.weights(),
                    p.sampling());
        }).toList();
    }

    @Test
    void oneEcConfigurationCountsItsArraysExactly() {
        // 8 slices, error correction, N = 1024: data 8 + int9 weights 4 + (normals 16 + storage 44) x 8 slices,
        // reader 16 + EC buffers 16, in bytes per weight position.
        long n2 = 1024L * 1024;
        assertEquals(n2 * (8 + 4 + 60 * 8 + 16 + 16),
                WorkingSet.bytesPerThread(at(1024, SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 8, 1))));
    }

    @Test
    void scalesWithTheSquareOfTheSizeAndTheThreadsAndSharesEqualFillChips() {
        SlicingScheme[] schemes = {SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 4, 2),
            SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 4, 1), SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 4, 3)};
        long small = WorkingSet.bytesPerThread(at(256, schemes));
        assertEquals(16 * small, WorkingSet.bytesPerThread(at(1024, schemes)));
        assertEquals(3 * small, WorkingSet.bytes(at(256, schemes), 3));
        // Equal-fill b_W = 3 reuses the chip of b_W = 1: no reader or buffers of its own.
        long two = WorkingSet.bytesPerThread(at(256, schemes[0], schemes[1]));
        assertEquals(two, small);
        assertTrue(WorkingSet.bytesPerThread(at(128, schemes)) < 20L << 20, "the paper's 128 x 128 needs little");
    }
}
