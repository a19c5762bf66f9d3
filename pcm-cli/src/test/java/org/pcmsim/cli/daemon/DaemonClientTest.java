package org.pcmsim.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcmsim.cli.figures.FigureRegistry;

/** The client when no daemon answers, and the request's wire format. */
class DaemonClientTest {
    @TempDir
    Path dir;

    private int run(Path socket) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Request r = new Request(dir, List.of("list"), false, false, 0, "UTF-8", Map.of());
        int code = DaemonClient.run(socket, r, out, err);
        assertEquals(0, out.size() + err.size(), "nothing may be printed before the fallback");
        return code;
    }

    @Test
    void noSocketAndAStaleSocketBothSayNoDaemon() throws Exception {
        assertEquals(DaemonClient.EXIT_NO_DAEMON, run(dir.resolve("none.sock")));
        // A socket file whose daemon died (kill -9): bound once, closed, the file left behind.
        Path stale = dir.resolve("stale.sock");
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        s.bind(UnixDomainSocketAddress.of(stale));
        s.close();
        assertTrue(Files.exists(stale));
        assertEquals(DaemonClient.EXIT_NO_DAEMON, run(stale));
        // A new daemon replaces the stale file.
        DaemonServer d = DaemonServer.bind(stale, FigureRegistry.standard(), () -> { });
        assertTrue(Files.exists(stale));
        d.close();
    }

    @Test
    void aRequestSurvivesItsWireFormat() throws Exception {
        Request r = new Request(dir, List.of("run", "figure-4a", "--out", "é x"), true, false, 0, "UTF-8",
                Map.of("NO_COLOR", "1"));
        assertEquals(r, Request.decode(r.encode()));
        assertThrows(IllegalArgumentException.class,
                () -> new Request(Path.of("rel"), List.of(), false, false, 0, "UTF-8", Map.of()));
    }

    @Test
    void helpColoursFollowTheClientsConsoleAndEnvironment() {
        assertEquals(picocli.CommandLine.Help.Ansi.ON, RequestRunner.ansi(true, Map.of()));
        assertEquals(picocli.CommandLine.Help.Ansi.OFF, RequestRunner.ansi(false, Map.of()));
        assertEquals(picocli.CommandLine.Help.Ansi.OFF, RequestRunner.ansi(true, Map.of("NO_COLOR", "")));
        assertEquals(picocli.CommandLine.Help.Ansi.ON, RequestRunner.ansi(false, Map.of("CLICOLOR_FORCE", "1")));
    }
}
