package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code pcm bench} input that the parser accepts but the machine cannot hold, and the slice-read mode. */
class BenchCommandTest {
    @ParameterizedTest
    @ValueSource(strings = {"100000000", "2147483647"})
    void aTrialCountWhoseResultsDoNotFitIsRefusedUpFrontInOneLine(String n) {
        CliRunner r = CliRunner.run("bench", "-n", n, "figure-4a");
        assertEquals(1, r.exit, r.err);
        assertEquals(1, r.errLines(), r.err);
        assertTrue(r.err.contains("--trials " + n) && r.err.contains("heap") && r.err.contains("PCM_JAVA_OPTS"), r.err);
        assertTrue(r.out.isEmpty(), "refused before any timing: " + r.out);
    }

    /** The slice-read benchmark prints a ratio to the ideal read for every slice, periphery and read mode. */
    @Test
    void sliceReadsPrintARatioPerSliceAndPeriphery() {
        CliRunner r = CliRunner.run("bench", "--slice-reads", "-r", "1");
        assertEquals(0, r.exit, r.err);
        assertEquals(2, r.out.split("Equal-fill n_W=1 ", -1).length - 1, r.out);
        assertEquals(2, r.out.split("Max-fill EC n_W=4, slice 1 ", -1).length - 1, r.out);
        assertTrue(r.out.contains("first order 0.35 ohm (x ideal)") && r.out.contains("Figure 4(c)"), r.out);
    }

    @Test
    void sliceReadsTakeNoFigure() {
        CliRunner r = CliRunner.run("bench", "--slice-reads", "figure-4a");
        assertEquals(2, r.exit, r.err);
        assertEquals(1, r.errLines(), r.err);
        assertTrue(r.err.contains("--slice-reads"), r.err);
    }
}
