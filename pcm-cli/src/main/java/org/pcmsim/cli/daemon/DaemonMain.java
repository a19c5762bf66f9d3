package org.pcmsim.cli.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pcmsim.cli.figures.FigureRegistry;

/**
 * The daemon process's life: binds the socket, serves, and ends when stopped, when idle for the
 * timeout, when the jar it runs from changes (a rebuilt jar gets a new socket, so this daemon would
 * only hold memory), or when a client leaves mid-request.
 */
final class DaemonMain {
    /** How long an exit may take (shutdown hooks remove temporary files) before the JVM is halted. */
    private static final long EXIT_GRACE_MILLIS = 5_000;
    /** How long after a request the daemon returns its grown heap to the system, s. */
    private static final long TRIM_AFTER_SECONDS = 30;

    private DaemonMain() {
    }

    static void run(String[] args) {
        Path socket = null;
        Duration idle = Duration.ofHours(3);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--socket" -> socket = Path.of(args[i + 1]);
                case "--idle" -> idle = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                default -> fail("unknown option " + args[i]);
            }
        }
        if (socket == null) {
            fail("usage: DaemonServer --socket PATH [--idle SECONDS]");
        }
        DaemonServer server;
        try {
            server = DaemonServer.bind(socket, FigureRegistry.standard(), DaemonMain::exitNow);
        } catch (IOException e) {
            DaemonServer.log("not started: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        DaemonServer.log("serving on " + socket + " (idle timeout " + DaemonServer.human(idle.toNanos()) + ")");
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pcm-daemon-watchdog");
            t.setDaemon(true);
            return t;
        });
        String jar = System.getProperty("java.class.path");
        String stamp = stamp(jar);
        long idleNanos = idle.toNanos();
        long period = Math.max(1, Math.min(TRIM_AFTER_SECONDS, idle.toSeconds() / 4));
        watchdog.scheduleAtFixedRate(() -> {
            server.trimIfIdle(TimeUnit.SECONDS.toNanos(TRIM_AFTER_SECONDS));
            if (server.idleNanos() > idleNanos) {
                DaemonServer.log("idle for " + DaemonServer.human(server.idleNanos()) + "; exiting");
                server.close();
            } else if (server.idleNanos() > 0 && !stamp.equals(stamp(jar))) {
                DaemonServer.log(jar + " changed; exiting");
                server.close();
            }
        }, period, period, TimeUnit.SECONDS);
        Thread warm = new Thread(() -> warmUp(server), "pcm-daemon-warm-up");
        warm.setDaemon(true);
        warm.start();
        server.serve();
        try {
            server.awaitRequest();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        DaemonServer.log("stopped");
        System.exit(0);
    }

    /**
     * A 2-trial BitNet figure with every format, as the launcher's class-data archive is made (≈ 5 s of
     * CPU): the first command the daemon serves is then warm too, not only the later ones.
     */
    private static void warmUp(DaemonServer server) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("pcm-daemon-warm-up");
            int code = server.warmUp(dir, List.of("run", "bitnet", "--trials", "2", "--quiet", "--out", "out"));
            DaemonServer.log("warmed up" + (code == 0 ? "" : " (exit " + code + ")"));
        } catch (IOException e) {
            DaemonServer.log("no warm-up: " + e.getMessage());
        } finally {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // A temporary folder left behind is harmless.
                }
            }
        }
    }

    /** The jar's size and time, as the launcher keys the socket by. */
    private static String stamp(String jar) {
        try {
            Path p = Path.of(jar);
            return Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException | RuntimeException e) {
            return "missing";
        }
    }

    /** Ends the JVM (shutdown hooks delete pending temporaries and the socket), halting it if that hangs. */
    private static void exitNow() {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE_MILLIS);
            } catch (InterruptedException ignored) {
                // Halting now is as good.
            }
            Runtime.getRuntime().halt(130);
        }, "pcm-daemon-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(130);
    }

    private static void fail(String message) {
        System.err.println("pcm daemon: " + message);
        System.exit(2);
    }
}
