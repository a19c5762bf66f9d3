package org.pcmsim.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcmsim.cli.PcmCommand;
import org.pcmsim.cli.figures.FigureRegistry;
import picocli.CommandLine;

/** The daemon served in-process: same numbers as a direct run, separate streams, exit codes, fallbacks. */
class DaemonServerTest {
    @TempDir
    Path dir;

    private static final String[] SMALL = {"run", "figure-4a", "--trials", "3", "--format", "csv", "--seed", "11"};

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void aFigureThroughTheDaemonTwiceHasTheBytesOfADirectRun() throws Exception {
        Path direct = dir.resolve("direct");
        CommandLine cl = PcmCommand.commandLine(FigureRegistry.standard(), false);
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute(with(SMALL, "--out", direct.toString())));
        byte[] expected = Files.readAllBytes(direct.resolve("figure-4a.csv"));
        try (DaemonTestServer d = new DaemonTestServer(dir)) {
            for (String out : new String[] {"first", "second"}) {
                DaemonTestServer.Seen s = d.run(dir, with(SMALL, "--out", out));
                assertEquals(0, s.exit(), s.err());
                assertArrayEquals(expected, Files.readAllBytes(dir.resolve(out).resolve("figure-4a.csv")), out);
            }
            assertFalse(d.clientLost.get());
        }
    }

    @Test
    void stdoutAndStderrArriveApartAndAUsageErrorExitsWith2() throws Exception {
        try (DaemonTestServer d = new DaemonTestServer(dir)) {
            DaemonTestServer.Seen list = d.run(dir, "list");
            assertEquals(0, list.exit());
            assertTrue(list.out().contains("figure-4a"), list.out());
            assertEquals("", list.err());

            DaemonTestServer.Seen bad = d.run(dir, "run", "figure-4a", "--trials", "0");
            assertEquals(2, bad.exit());
            assertEquals("", bad.out());
            assertTrue(bad.err().contains("'--trials': 0"), bad.err());
            assertEquals(1, bad.err().lines().count(), bad.err());

            DaemonTestServer.Seen ran = d.run(dir, with(SMALL, "--out", "o"));
            assertEquals(0, ran.exit(), ran.err());
            assertTrue(ran.out().startsWith("figure-4a: wrote o/figure-4a.csv ("), ran.out());
            // Not a terminal: progress is plain lines on stderr, never on stdout.
            assertFalse(ran.out().contains("trials"), ran.out());
        }
    }

    @Test
    void dnnCommandsAndBenchAreHandedBackUnrun() throws Exception {
        try (DaemonTestServer d = new DaemonTestServer(dir)) {
            for (String[] args : new String[][] {{"run", "figure-5a", "--dataset", "synthetic", "--out", "x"},
                {"bench", "-r", "1"}, {"train", "--dataset", "synthetic"}, {"daemon", "status"}}) {
                DaemonTestServer.Seen s = d.run(dir, args);
                assertEquals(DaemonClient.EXIT_FALLBACK, s.exit(), String.join(" ", args));
                assertEquals("", s.out() + s.err());
            }
            assertFalse(Files.exists(dir.resolve("x")));
        }
    }

    @Test
    void theWarmUpRunsAFigureQuietlyAndIsNoServedCommand() throws Exception {
        try (DaemonTestServer d = new DaemonTestServer(dir)) {
            assertEquals(0, d.server.warmUp(dir, java.util.List.of("run", "bitnet", "--trials", "2", "--format", "csv",
                    "--quiet", "--out", "warm")));
            assertTrue(Files.isRegularFile(dir.resolve("warm/bitnet.csv")));
            assertTrue(d.server.status().contains(" 0 commands served"), d.server.status());
        }
    }

    @Test
    void statusAndStopAnswerAndTheSocketFolderIsPrivate() throws Exception {
        try (DaemonTestServer d = new DaemonTestServer(dir)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            String status = DaemonClient.control(d.socket, Frames.STATUS);
            assertNotNull(status);
            assertTrue(status.startsWith("pcm daemon: running (pid "), status);
            assertTrue(DaemonClient.control(d.socket, Frames.STOP).contains("stopped"));
            d.stop();
            assertFalse(Files.exists(d.socket));
            assertNull(DaemonClient.control(d.socket, Frames.STATUS));
        }
    }
}
