package org.pcmsim.cli.daemon;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.pcmsim.cli.CliFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code pcm daemon start|stop|status}: the warm JVM that the launcher reuses for the MVM figures and
 * {@code pcm list} (see {@link org.pcmsim.cli.daemon}). The launcher starts one by itself after an
 * interactive command; these commands manage it by hand. Always run in a fresh JVM.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {DaemonCommand.Start.class, DaemonCommand.Stop.class, DaemonCommand.Status.class},
        description = {"Manage the background JVM that runs 'pcm run' of the MVM figures and 'pcm list' warm.",
            "The pcm launcher starts it after a command typed at a terminal and reuses it while it runs; "
                + "PCM_DAEMON=0 turns it off, PCM_DAEMON=1 uses it from scripts too. The DNN commands and "
                + "'pcm bench' always run in a fresh JVM."})
public final class DaemonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of start, stop, status");
    }

    /** {@code pcm daemon start}. */
    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start the daemon for this jar and these "
            + "JVM options in the background (nothing happens if it runs already).")
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--idle", paramLabel = "DURATION", defaultValue = "3h", converter = Durations.class,
                description = "Exit after this long without a command, e.g. 90m, 3h, 1d (default: ${DEFAULT-VALUE}).")
        Duration idle;

        @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
        boolean quiet;

        @Override
        public Integer call() {
            Path socket = DaemonSocket.ofThisJvm();
            PrintWriter out = spec.commandLine().getOut();
            String status = DaemonClient.control(socket, Frames.STATUS);
            if (status == null) {
                status = awaitStart(socket, spawn(socket, idle));
            }
            if (!quiet) {
                out.print(status);
                out.flush();
            }
            return 0;
        }
    }

    /** {@code pcm daemon stop}. */
    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the daemon of this jar; a command "
            + "it is running finishes first.")
    static final class Stop implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String answer = DaemonClient.control(DaemonSocket.ofThisJvm(), Frames.STOP);
            spec.commandLine().getOut().print(answer != null ? answer : "pcm daemon: not running\n");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code pcm daemon status}. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Say whether the daemon of this jar "
            + "runs, since when and how much it served. Exit code 3 if it does not run.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path socket = DaemonSocket.ofThisJvm();
            String answer = DaemonClient.control(socket, Frames.STATUS);
            spec.commandLine().getOut().print(answer != null ? answer : "pcm daemon: not running (socket " + socket + ")\n");
            spec.commandLine().getOut().flush();
            return answer != null ? 0 : 3;
        }
    }

    /**
     * Starts {@link DaemonServer} in a new JVM with this JVM's java and options, in its own session
     * ({@code setsid}, where there is one) so that no terminal's hang-up or Ctrl-C reaches it, with
     * stdin from /dev/null and its log appended to {@code daemon.log} beside the socket.
     */
    static Process spawn(Path socket, Duration idle) {
        try {
            DaemonSocket.ensurePrivateFolder(socket);
        } catch (IOException e) {
            throw new CliFailure("cannot make the daemon's folder private: " + e.getMessage(), e);
        }
        List<String> cmd = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (Files.isExecutable(setsid)) {
            cmd.add(setsid.toString());
        }
        cmd.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), DaemonServer.class.getName(),
                "--socket", socket.toString(), "--idle", Long.toString(idle.toSeconds())));
        File log = socket.resolveSibling("daemon.log").toFile();
        try {
            return new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new CliFailure("cannot start the daemon: " + e.getMessage(), e);
        }
    }

    /**
     * Waits (up to 30 s) for the new daemon to answer. A server that failed (its log says why) ends the
     * wait at once; one that exited with 0 was {@code setsid} forking, and the daemon may still come.
     */
    private static String awaitStart(Path socket, Process server) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive() && server.exitValue() != 0 && DaemonClient.control(socket, Frames.STATUS) == null) {
                throw new CliFailure("the daemon did not start; see " + socket.resolveSibling("daemon.log"), null);
            }
            String status = DaemonClient.control(socket, Frames.STATUS);
            if (status != null) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
        throw new CliFailure("the daemon did not answer within 30 s; see " + socket.resolveSibling("daemon.log"), null);
    }

    /** {@code --idle}: a number and a unit, s, m, h or d. */
    static final class Durations implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String v) {
            String s = v.trim().toLowerCase(Locale.ROOT);
            if (s.matches("\\d{1,7}[smhd]")) {
                long n = Long.parseLong(s.substring(0, s.length() - 1));
                Duration d = switch (s.charAt(s.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
                if (!d.isZero()) {
                    return d;
                }
            }
            throw new TypeConversionException("'" + v + "' (expected a positive number and a unit s, m, h or d, e.g. 3h)");
        }
    }
}
