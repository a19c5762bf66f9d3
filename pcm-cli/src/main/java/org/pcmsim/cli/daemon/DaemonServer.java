package org.pcmsim.cli.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.pcmsim.cli.PcmCommand;
import org.pcmsim.cli.figures.FigureRegistry;

/**
 * The daemon: a warm JVM that runs {@code pcm} requests sent to a Unix-domain socket
 * ({@link DaemonClient}), one at a time. A request that arrives while another runs is answered
 * {@link Frames#FALLBACK} at once, and the launcher runs it in a fresh JVM: a quick command never
 * waits behind a long one. A client that goes away during its request (Ctrl-C, kill) ends this JVM
 * (the {@code onClientLost} action of {@link #bind}): the command would otherwise go on burning CPU for nobody, and its files are
 * written under temporary names and renamed, so nothing partial is left.
 */
public final class DaemonServer implements AutoCloseable {
    private final Path socket;
    private final ServerSocketChannel server;
    private final RequestRunner runner;
    private final Runnable onClientLost;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicInteger served = new AtomicInteger();
    private final long startedAt = System.nanoTime();
    private volatile long lastUsed = System.nanoTime();
    private volatile boolean retire;
    private volatile boolean trimmed = true;

    private DaemonServer(Path socket, ServerSocketChannel server, FigureRegistry registry, Runnable onClientLost) {
        this.socket = socket;
        this.server = server;
        this.runner = new RequestRunner(registry);
        this.onClientLost = onClientLost;
    }

    /**
     * Listens on {@code socket}, replacing a stale socket file that nobody answers on.
     *
     * @param socket the socket path; its folder is made private
     * @param registry the figures
     * @param onClientLost what to do when a client leaves mid-request (the daemon's main: exit)
     * @return the server, not yet serving
     * @throws IOException if the folder or socket cannot be made, or a daemon already answers there
     */
    public static DaemonServer bind(Path socket, FigureRegistry registry, Runnable onClientLost) throws IOException {
        DaemonSocket.ensurePrivateFolder(socket);
        if (Files.exists(socket)) {
            if (DaemonClient.control(socket, Frames.STATUS) != null) {
                throw new IOException("a daemon already answers on " + socket);
            }
            Files.deleteIfExists(socket);
        }
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        ch.bind(UnixDomainSocketAddress.of(socket));
        return new DaemonServer(socket, ch, registry, onClientLost);
    }

    /** Accepts requests until {@link #close}; each is handled on its own thread. */
    public void serve() {
        while (server.isOpen()) {
            try {
                SocketChannel ch = server.accept();
                Thread t = new Thread(() -> handle(ch), "pcm-daemon-request");
                t.setDaemon(true);
                t.start();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log("accept failed: " + e.getMessage());
            }
        }
    }

    private void handle(SocketChannel ch) {
        try (ch) {
            Frames.Frame f = Frames.read(ch);
            switch (f.type()) {
                case Frames.STATUS -> answer(ch, status());
                case Frames.STOP -> {
                    answer(ch, "pcm daemon: stopped (pid " + ProcessHandle.current().pid() + ")\n");
                    close();
                }
                case Frames.RUN -> run(ch, Request.decode(f.payload()));
                default -> log("unknown request '" + (char) f.type() + "'");
            }
        } catch (IOException e) {
            log("request failed: " + e.getMessage());
        }
        if (retire) {
            close();
        }
    }

    private void run(SocketChannel ch, Request request) throws IOException {
        if (!busy.compareAndSet(false, true)) {
            Frames.write(ch, Frames.FALLBACK, "busy".getBytes(StandardCharsets.UTF_8));
            return;
        }
        AtomicBoolean finished = new AtomicBoolean();
        StartedWriter w = new StartedWriter(ch);
        RequestRunner.Outcome o;
        try {
            Thread watcher = new Thread(() -> watch(ch, finished), "pcm-daemon-client-watch");
            watcher.setDaemon(true);
            watcher.start();
            o = runner.run(request, w.stream(Frames.STDOUT), w.stream(Frames.STDERR));
        } finally {
            // Before the exit code: the client closes the connection as soon as it has it, and may send
            // its next command at once, which must not find this one still running.
            finished.set(true);
            lastUsed = System.nanoTime();
            trimmed = false;
            busy.set(false);
        }
        if (!o.ran()) {
            Frames.write(ch, Frames.FALLBACK, "needs a fresh JVM".getBytes(StandardCharsets.UTF_8));
            return;
        }
        served.incrementAndGet();
        retire = o.outOfMemory();
        w.exit(o.exitCode());
    }

    /**
     * Gives the heap the last request grew to back to the system (a full collection, after which G1
     * shrinks the heap), once the daemon has waited {@code nanos}: not right after a request, where it
     * would slow a command typed straight after.
     *
     * @param nanos how long the daemon must have waited
     */
    void trimIfIdle(long nanos) {
        if (!trimmed && idleNanos() > nanos) {
            trimmed = true;
            System.gc();
        }
    }

    /** Waits for the client's end of the connection: the client sends nothing more, so EOF means it left. */
    private void watch(SocketChannel ch, AtomicBoolean finished) {
        try {
            Frames.read(ch);
        } catch (IOException e) {
            // EOF or a reset: the client is gone, or the request is over and the channel closed.
        }
        if (!finished.get()) {
            log("the client left during its request; exiting");
            onClientLost.run();
        }
    }

    /** Frames that announce {@link Frames#STARTED} before the first output or exit code. */
    private static final class StartedWriter extends Frames.Writer {
        private boolean started;

        StartedWriter(SocketChannel ch) {
            super(ch);
        }

        @Override
        synchronized void write(byte type, byte[] b, int off, int len) throws IOException {
            if (!started) {
                started = true;
                super.write(Frames.STARTED, new byte[0], 0, 0);
            }
            super.write(type, b, off, len);
        }

        void exit(int code) throws IOException {
            byte[] b = java.nio.ByteBuffer.allocate(4).putInt(code).array();
            write(Frames.EXIT, b, 0, 4);
        }
    }

    private static void answer(SocketChannel ch, String text) throws IOException {
        Frames.write(ch, Frames.STDOUT, text.getBytes(StandardCharsets.UTF_8));
        Frames.writeExit(ch, 0);
    }

    /** @return the {@code pcm daemon status} text */
    String status() {
        return String.format(Locale.ROOT, "pcm daemon: running (pid %d, up %s, %d commands served, idle %s, %s)%n"
                        + "socket: %s%n", ProcessHandle.current().pid(), human(System.nanoTime() - startedAt),
                served.get(), human(System.nanoTime() - lastUsed), busy.get() ? "running a command" : "waiting", socket);
    }

    /** @return nanoseconds since the last request ended, or 0 while one runs */
    long idleNanos() {
        return busy.get() ? 0 : System.nanoTime() - lastUsed;
    }

    /**
     * Runs {@code args} once as a request from {@code dir} whose output goes nowhere, so that the first
     * real command finds the engine and the plotting path compiled; requests meanwhile are declined
     * (and run in a fresh JVM) as during any other request.
     *
     * @param dir an absolute folder for the files it writes
     * @param args e.g. {@code run bitnet --trials 2 --out warm-up}
     * @return the command's exit code, or -1 if a request was running
     */
    int warmUp(Path dir, List<String> args) {
        if (!busy.compareAndSet(false, true)) {
            return -1;
        }
        try {
            Request r = new Request(dir, args, false, false, 0, "UTF-8", Map.of());
            return runner.run(r, OutputStream.nullOutputStream(), OutputStream.nullOutputStream()).exitCode();
        } finally {
            lastUsed = System.nanoTime();
            trimmed = false;
            busy.set(false);
        }
    }

    /** Waits until no request runs (after {@link #close}, so that a running command finishes). */
    void awaitRequest() throws InterruptedException {
        while (busy.get()) {
            Thread.sleep(100);
        }
    }

    /** Stops accepting and removes the socket file; a running request finishes. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do.
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // A stale socket file is replaced by the next daemon.
        }
    }

    static String human(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min"
                : d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
    }

    /** The daemon's own log: the stderr it was started with (its log file), never a request's. */
    private static final PrintStream LOG = System.err;

    static void log(String line) {
        LOG.println(java.time.Instant.now() + " pcm daemon " + ProcessHandle.current().pid() + ": " + line);
        LOG.flush();
    }

    /**
     * Serves on a socket until stopped, idle for the timeout, or its jar changes.
     *
     * @param args {@code --socket PATH --idle SECONDS}
     */
    public static void main(String[] args) {
        PcmCommand.configureJvm();
        DaemonMain.run(args);
    }
}
