package org.pcmsim.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.pcmsim.cli.daemon.DaemonClient;
import org.pcmsim.cli.daemon.DaemonServer;

/**
 * The daemon column of {@code pcm bench --whole}: a daemon JVM started like this one (same Java, same
 * options, so the launcher's heap limit and class-data archive) on a socket of its own, warmed by its
 * own warm-up and by one request, then the whole client process timed per figure, as the launcher
 * starts it.
 */
final class DaemonBench implements AutoCloseable {
    private final Path dir;
    private final Path socket;
    private final Process server;

    private DaemonBench(Path dir, Path socket, Process server) {
        this.dir = dir;
        this.socket = socket;
        this.server = server;
    }

    /**
     * Starts a daemon and runs {@code warmUp} through it once.
     *
     * @param warmUp e.g. {@code run figure-4a --threads 2}; {@code --quiet --out <tmp>} are added
     * @return the running daemon
     */
    static DaemonBench start(List<String> warmUp) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("pcm-bench-daemon");
            Path socket = dir.resolve("bench.sock");
            List<String> cmd = new ArrayList<>();
            cmd.add(WholeCommandBench.javaCommand());
            cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), DaemonServer.class.getName(),
                    "--socket", socket.toString(), "--idle", "3600"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("daemon.log").toFile()).start();
            DaemonBench bench = new DaemonBench(dir, socket, p);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!DaemonClient.answers(socket)) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    bench.close();
                    throw new CliFailure("the benchmark's daemon did not start (see its log: exit "
                            + (p.isAlive() ? "none" : p.exitValue()) + ")", null);
                }
                Thread.sleep(50);
            }
            // The daemon warms itself first; the benchmark's request is declined (75) until it has.
            while (bench.runClient(warmUp) == DaemonClient.EXIT_FALLBACK) {
                if (System.nanoTime() > deadline) {
                    bench.close();
                    throw new CliFailure("the benchmark's daemon stayed busy for 60 s", null);
                }
                Thread.sleep(200);
            }
            return bench;
        } catch (IOException e) {
            WholeCommandBench.deleteTree(dir);
            throw new CliFailure("cannot start the benchmark's daemon: " + CliFailure.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            WholeCommandBench.deleteTree(dir);
            throw new CancellationException("benchmark interrupted");
        }
    }

    /**
     * Times {@code pcm <args>} through the daemon: the client's whole process, from its start to its exit.
     *
     * @param args e.g. {@code run figure-4a}; {@code --quiet --out <tmp>} are added
     * @return wall time, s
     */
    double time(List<String> args) {
        long t0 = System.nanoTime();
        int rc = runClient(args);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            List<String> log;
            try {
                log = Files.readAllLines(dir.resolve("client.log"));
            } catch (IOException e) {
                log = List.of();
            }
            throw new CliFailure("'pcm " + String.join(" ", args) + "' through the daemon failed (exit " + rc
                    + (rc == DaemonClient.EXIT_FALLBACK || rc == DaemonClient.EXIT_NO_DAEMON ? ": not run there" : "")
                    + "): " + (log.isEmpty() ? "no output" : log.get(log.size() - 1)), null);
        }
        return seconds;
    }

    /** Runs the client process once and returns its exit code. */
    private int runClient(List<String> args) {
        Path out = dir.resolve("out");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(WholeCommandBench.javaCommand());
            cmd.addAll(DaemonClient.JVM_OPTIONS);
            cmd.addAll(List.of("-cp", clientClassPath(), DaemonClient.class.getName(), socket.toString()));
            cmd.addAll(args);
            cmd.addAll(List.of("--quiet", "--out", out.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("client.log").toFile());
            return pb.start().waitFor();
        } catch (IOException e) {
            throw new CliFailure("cannot start the daemon's client: " + CliFailure.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("benchmark interrupted");
        }
    }

    /**
     * The client's class path as the launcher builds it: {@code pcm-client.jar} beside {@code pcm.jar}
     * when this JVM runs from {@code pcm.jar} and the client jar is not older, else this JVM's class path.
     */
    private static String clientClassPath() {
        String cp = System.getProperty("java.class.path");
        Path jar = Path.of(cp);
        Path client = jar.resolveSibling("pcm-client.jar");
        try {
            if (jar.getFileName() != null && jar.getFileName().toString().equals("pcm.jar") && Files.isRegularFile(client)
                    && Files.getLastModifiedTime(client).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
                return client.toString();
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            // the full class path below
        }
        return cp;
    }

    /** Stops the daemon and deletes its folder. */
    @Override
    public void close() {
        DaemonClient.stop(socket);
        try {
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroy();
            }
        } catch (InterruptedException e) {
            server.destroy();
            Thread.currentThread().interrupt();
        }
        WholeCommandBench.deleteTree(dir);
    }
}
