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

/**
 * The client when no daemon answers, the request's wire format, and that the classes of the client's
 * own jar ({@code target/pcm-client.jar}, the include patterns of pcm-cli's pom) are all it needs.
 */
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
    void theClientJarsClassesAreAllTheClientLoads() throws Exception {
        Path classes = Path.of(DaemonClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("client");
        String pom = Files.readString(Path.of("pom.xml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<include>(org/pcmsim/[^<]+)</include>").matcher(pom);
        int patterns = 0;
        while (m.find()) {
            patterns++;
            String glob = m.group(1);
            Path folder = classes.resolve(glob.substring(0, glob.lastIndexOf('/')));
            java.nio.file.PathMatcher match = folder.getFileSystem().getPathMatcher("glob:" + glob.substring(glob.lastIndexOf('/') + 1));
            try (java.util.stream.Stream<Path> files = Files.list(folder)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (match.matches(f.getFileName())) {
                        Path to = jar.resolve(classes.relativize(f).toString());
                        Files.createDirectories(to.getParent());
                        Files.copy(f, to);
                    }
                }
            }
        }
        assertTrue(patterns >= 4, "the pom's client includes were not found");
        // Only the client's classes over the platform's: a class it needs beyond them fails here.
        try (java.net.URLClassLoader only = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> client = only.loadClass(DaemonClient.class.getName());
            Class<?> request = only.loadClass(Request.class.getName());
            Object r = request.getMethod("ofThisProcess", List.class).invoke(null, List.of("list"));
            java.lang.reflect.Method encode = request.getDeclaredMethod("encode");
            encode.setAccessible(true);
            encode.invoke(r);
            Object code = client.getMethod("run", Path.class, request, java.io.OutputStream.class,
                    java.io.OutputStream.class).invoke(null, dir.resolve("none.sock"), r,
                    new ByteArrayOutputStream(), new ByteArrayOutputStream());
            assertEquals(DaemonClient.EXIT_NO_DAEMON, code);
            assertEquals(false, client.getMethod("answers", Path.class).invoke(null, dir.resolve("none.sock")));
        }
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
