package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input: exit code 2, one line on stderr naming the option and the bad value, nothing written. */
class UsageErrorTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(new String[] {"run", "figure-4a", "--trials", "0"}, "--trials", "0"),
                Arguments.of(new String[] {"run", "figure-4a", "--trials", "abc"}, "--trials", "abc"),
                Arguments.of(new String[] {"run", "figure-4a", "--seed", "x"}, "--seed", "x"),
                Arguments.of(new String[] {"run", "figure-9z"}, "<figure>", "figure-9z"),
                Arguments.of(new String[] {"run", "figure-4a", "--format", "png,gif"}, "--format", "gif"),
                Arguments.of(new String[] {"run", "figure-4a", "--format", ","}, "--format", "no format"),
                Arguments.of(new String[] {"run", "figure-4a", "--format", ""}, "--format", "format"),
                Arguments.of(new String[] {"run", "figure-4a", "--threads", "0"}, "--threads", "0"),
                Arguments.of(new String[] {"run", "figure-4a", "--read-noise-norm", "max"}, "--read-noise-norm", "max"),
                Arguments.of(new String[] {"run", "figure-4a", "--conventions", "pub"}, "--conventions",
                        "'pub', expected physical or published"),
                Arguments.of(new String[] {"run", "figure-4a", "--read-noise-sampler", "per_device"},
                        "--read-noise-sampler", "expected per-device or aggregated"),
                Arguments.of(new String[] {"run", "figure-5a", "--dataset", "synthetic", "--scale", "huge"}, "--scale",
                        "'huge', expected published or ci"),
                Arguments.of(new String[] {"run", "figure-4a", "--adc-bits", "40"}, "--adc-bits", "40"),
                Arguments.of(new String[] {"run", "figure-4a", "--read-noise", "-1"}, "--read-noise", "-1"),
                Arguments.of(new String[] {"run", "figure-4a", "--read-noise", "1e300"}, "--read-noise", "1.0E300"),
                Arguments.of(new String[] {"run", "figure-4a", "--programming-noise", "1e300"}, "--programming-noise",
                        "0..100"),
                Arguments.of(new String[] {"run", "figure-4a", "--drift", "101"}, "--drift", "101"),
                Arguments.of(new String[] {"run", "figure-4a", "--drift", "NaN"}, "--drift", "NaN"),
                Arguments.of(new String[] {"run", "figure-4a", "--slices", "3"}, "--slices", "3"),
                Arguments.of(new String[] {"run", "figure-4a", "--adc-noise", "-1"}, "--adc-noise", "-1"),
                Arguments.of(new String[] {"run", "figure-4a", "--dac-inl", "NaN"}, "--dac-inl", "NaN"),
                Arguments.of(new String[] {"run", "figure-4a", "--adc-gain-mismatch", "0.7"}, "--adc-gain-mismatch",
                        "0.7"),
                Arguments.of(new String[] {"run", "figure-4a", "--wire-resistance", "-0.1"}, "--wire-resistance", "-0.1"),
                Arguments.of(new String[] {"run", "figure-4a", "--ir-drop-model", "exactly"}, "--ir-drop-model",
                        "'exactly', expected none, first-order or exact"),
                Arguments.of(new String[] {"run", "figure-4a", "--ir-drop-model", "none", "--wire-resistance", "1"},
                        "--ir-drop-model", "none"),
                Arguments.of(new String[] {"run", "figure-5a", "--dataset", "synthetic", "--adc-noise", "-1"},
                        "--adc-noise", "-1"),
                Arguments.of(new String[] {"run", "figure-4a", "--bogus"}, "--bogus", "--bogus"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsAUsageErrorNamingOptionAndValue(String[] args, String option, String value) throws IOException {
        Path out = tmp.resolve("out");
        String[] withOut = Stream.concat(Stream.of(args), Stream.of("--out", out.toString())).toArray(String[]::new);
        CliRunner r = CliRunner.run(withOut);
        assertEquals(2, r.exit, r.err);
        assertEquals(1, r.errLines(), "one line: " + r.err);
        assertTrue(r.err.contains(option), r.err);
        assertTrue(r.err.contains(value), r.err);
        assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
        assertFalse(Files.exists(out), "nothing created on a usage error");
    }

    @org.junit.jupiter.api.Test
    void benchNamesAnUnknownNetworkAndRefusesMixingDnnWithFigures() {
        CliRunner r = CliRunner.run("bench", "--dnn", "resnet99");
        assertEquals(2, r.exit, r.err);
        assertEquals(1, r.errLines(), r.err);
        assertTrue(r.err.contains("--dnn") && r.err.contains("resnet99"), r.err);
        r = CliRunner.run("bench", "--dnn", "resnet8-ci", "figure-4a");
        assertEquals(2, r.exit, r.err);
        assertTrue(r.err.contains("--dnn"), r.err);
    }

    @org.junit.jupiter.api.Test
    void noSubcommandIsAUsageErrorWithItsHintOnce() {
        CliRunner r = CliRunner.run();
        assertEquals(2, r.exit);
        assertEquals(1, r.errLines(), r.err);
        assertEquals(1, r.err.split("--help", -1).length - 1, "the hint once: " + r.err);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"run figure-4a --trials 1 --out", "train --dataset synthetic --out",
        "run figure-5a --dataset synthetic --model", "run figure-5a --dataset synthetic --work"})
    void anEmptyPathIsAUsageError(String command) throws IOException {
        Path here = Path.of("").toAbsolutePath();
        java.util.List<String> before;
        try (Stream<Path> s = Files.list(here)) {
            before = s.map(Path::toString).sorted().toList();
        }
        String[] args = Stream.concat(Stream.of(command.split(" ")), Stream.of("")).toArray(String[]::new);
        String option = args[args.length - 2];
        CliRunner r = CliRunner.run(args);
        assertEquals(2, r.exit, r.err);
        assertEquals(1, r.errLines(), r.err);
        assertTrue(r.err.contains(option) && r.err.contains("empty path"), r.err);
        try (Stream<Path> s = Files.list(here)) {
            assertEquals(before, s.map(Path::toString).sorted().toList(), "nothing written to the current folder");
        }
    }

    @org.junit.jupiter.api.Test
    void aDanglingSymlinkOutIsRejectedBeforeComputing() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("gone"));
        CliRunner r = CliRunner.run("run", "figure-4b", "--trials", "100000", "--out", link.toString());
        assertEquals(1, r.exit, r.err);
        assertEquals(1, r.errLines(), r.err);
        assertTrue(r.err.contains(link.toString()) && r.err.contains("does not exist"), r.err);
        assertFalse(r.err.contains("figure-4b:"), "no progress: failed before computing: " + r.err);
        assertFalse(Files.exists(tmp.resolve("gone")), "nothing created");
    }

    @org.junit.jupiter.api.Test
    void aCrossbarTooLargeForTheHeapIsRefusedBeforeComputingWithHowToRaiseIt() {
        // 4096 x 4096 on 2 threads needs about 35 GB: more than any test JVM here is given.
        Path out = tmp.resolve("out");
        CliRunner r = CliRunner.run("run", "all", "--crossbar-size", "4096", "--trials", "2", "--threads", "2",
                "--out", out.toString());
        assertEquals(1, r.exit, r.err);
        assertEquals(1, r.errLines(), r.err);
        assertTrue(r.err.contains("--crossbar-size 4096") && r.err.contains("GB of Java heap")
                && r.err.contains("PCM_JAVA_OPTS=-Xmx"), r.err);
        assertFalse(r.err.contains("\tat "), r.err);
        assertFalse(Files.exists(out), "refused before anything is written");
    }
}
