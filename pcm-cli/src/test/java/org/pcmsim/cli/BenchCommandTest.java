package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code pcm bench} input that the parser accepts but the machine cannot hold. */
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
}
