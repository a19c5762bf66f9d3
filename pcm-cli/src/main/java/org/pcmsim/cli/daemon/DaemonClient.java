package org.pcmsim.cli.daemon;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The daemon's client, started by the launcher as
 * {@code java -XX:TieredStopAtLevel=1 -Xshare:auto -cp pcm.jar org.pcmsim.cli.daemon.DaemonClient SOCKET ARGS...}:
 * it sends {@link Request#ofThisProcess} to the daemon on SOCKET, copies the command's stdout and
 * stderr to its own and exits with the command's code. It loads java.base classes only, so its JVM
 * starts in ≈ 0.1–0.2 s.
 *
 * <p>Exit codes besides the command's own: {@value #EXIT_FALLBACK} when the daemon answered but did not
 * run the command (busy with another, or a command that needs a fresh JVM); {@value #EXIT_NO_DAEMON}
 * when no daemon answers on SOCKET (none started, or a stale socket file). Nothing was run or printed
 * in either case, and the launcher then runs the command in a fresh JVM. {@code pcm} itself never
 * exits with these codes.
 */
public final class DaemonClient {
    /** The daemon did not run the command; run it in a fresh JVM. */
    public static final int EXIT_FALLBACK = 75;
    /** No daemon answers on the socket; run the command in a fresh JVM. */
    public static final int EXIT_NO_DAEMON = 76;
    /**
     * The client JVM's options, as the launcher passes them: C1 only and the serial collector start a
     * JVM that runs for a fraction of a second fastest; the JDK's own class-data archive.
     */
    public static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    private DaemonClient() {
    }

    /**
     * @param args the socket path, then the {@code pcm} arguments
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: DaemonClient SOCKET [pcm arguments...]");
            System.exit(2);
        }
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        Request request = Request.ofThisProcess(Arrays.asList(args).subList(1, args.length));
        System.exit(run(Path.of(args[0]), request, out, err));
    }

    /**
     * Runs one request through the daemon.
     *
     * @param socket the daemon's socket
     * @param request the command and where it runs
     * @param out where the command's stdout goes
     * @param err where its stderr goes
     * @return the command's exit code, or {@link #EXIT_FALLBACK} or {@link #EXIT_NO_DAEMON}
     */
    public static int run(Path socket, Request request, OutputStream out, OutputStream err) {
        SocketChannel ch;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException | UnsupportedOperationException e) {
            return EXIT_NO_DAEMON;
        }
        try {
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
                Frames.write(ch, Frames.RUN, request.encode());
                if (Frames.read(ch).type() != Frames.STARTED) {
                    return EXIT_FALLBACK;
                }
            } catch (IOException e) {
                return EXIT_NO_DAEMON;
            }
            return forward(ch, out, err);
        } finally {
            try {
                ch.close();
            } catch (IOException ignored) {
                // The exit code is known; closing cannot change it.
            }
        }
    }

    /**
     * Copies the command's output until its exit code; the daemon vanishing now is a failure of the
     * command. A stream that cannot be written (a closed pipe: {@code pcm list | head -1}) is dropped
     * and the command runs on, as in a fresh JVM, whose {@link System#out} ignores such errors.
     */
    private static int forward(SocketChannel ch, OutputStream out, OutputStream err) {
        OutputStream[] streams = {out, err};
        try {
            while (true) {
                Frames.Frame f = Frames.read(ch);
                switch (f.type()) {
                    case Frames.STDOUT -> copy(streams, 0, f.payload());
                    case Frames.STDERR -> copy(streams, 1, f.payload());
                    case Frames.EXIT -> {
                        return f.code();
                    }
                    default -> throw new IOException("unexpected frame '" + (char) f.type() + "'");
                }
            }
        } catch (IOException e) {
            copy(streams, 1, ("pcm: error: the background JVM (pcm daemon) stopped before the command finished; run "
                    + "it again (PCM_DAEMON=0 runs every command in a fresh JVM)\n").getBytes(StandardCharsets.UTF_8));
            return 1;
        }
    }

    private static void copy(OutputStream[] streams, int i, byte[] b) {
        if (streams[i] != null) {
            try {
                streams[i].write(b);
                streams[i].flush();
            } catch (IOException e) {
                streams[i] = null;
            }
        }
    }

    /**
     * @param socket a daemon's socket
     * @return whether a daemon answers there
     */
    public static boolean answers(Path socket) {
        return control(socket, Frames.STATUS) != null;
    }

    /**
     * @param socket a daemon's socket
     * @return whether a daemon answered there and stops
     */
    public static boolean stop(Path socket) {
        return control(socket, Frames.STOP) != null;
    }

    /**
     * Sends a {@link Frames#STATUS} or {@link Frames#STOP} frame and returns the text answered.
     *
     * @param socket the daemon's socket
     * @param type the frame type
     * @return the answer, or null if no daemon answers
     */
    static String control(Path socket, byte type) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            Frames.write(ch, type, new byte[0]);
            StringBuilder text = new StringBuilder();
            while (true) {
                Frames.Frame f = Frames.read(ch);
                if (f.type() == Frames.EXIT) {
                    return text.toString();
                }
                text.append(new String(f.payload(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return null;
        }
    }
}
