package org.pcmsim.cli.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pcmsim.cli.figures.FigureRegistry;

/** A daemon serving in this JVM on a socket in a test folder, and a client's view of one request. */
final class DaemonTestServer implements AutoCloseable {
    final Path socket;
    final DaemonServer server;
    final AtomicBoolean clientLost = new AtomicBoolean();
    private final Thread thread;

    DaemonTestServer(Path dir) throws IOException {
        socket = dir.resolve("d.sock");
        server = DaemonServer.bind(socket, FigureRegistry.standard(), () -> clientLost.set(true));
        thread = new Thread(server::serve, "test-daemon");
        thread.start();
    }

    /**
     * What a client saw.
     *
     * @param exit the exit code the client would exit with
     * @param out its stdout
     * @param err its stderr
     */
    record Seen(int exit, String out, String err) {
    }

    /** Sends {@code args} as a client working in {@code cwd}, without terminals, would. */
    Seen run(Path cwd, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Request r = new Request(cwd.toAbsolutePath(), List.of(args), false, false, 0, "UTF-8", Map.of());
        int code = DaemonClient.run(socket, r, out, err);
        return new Seen(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Stops the server and waits for its accept loop to end. */
    void stop() throws InterruptedException {
        server.close();
        thread.join(10_000);
    }

    @Override
    public void close() {
        server.close();
    }
}
