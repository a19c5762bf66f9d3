package org.pcmsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.pcmsim.cli.daemon.DaemonCommand;
import org.pcmsim.cli.daemon.DaemonSafe;
import org.pcmsim.cli.figures.FigureRegistry;
import org.pcmsim.cli.progress.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code pcm} command. Exit codes: 0 success, 2 usage error (one line naming the option and
 * the value), 1 runtime failure (one line; the stack trace only with {@code --verbose}), 130 when
 * interrupted.
 */
@Command(name = "pcm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {RunCommand.class, ListCommand.class, TrainCommand.class, BenchCommand.class,
            DaemonCommand.class, CommandLine.HelpCommand.class},
        description = {"Simulate bit-sliced matrix-vector multiplication on analog phase-change-memory crossbars and "
                + "reproduce the figures of Le Gallo, Ciric et al., Neuromorph. Comput. Eng. 2, 024003 (2022)."},
        footer = {"", "Start with:  pcm list    then:  pcm run figure-4a"})
public final class PcmCommand implements Callable<Integer>, DaemonSafe {
    /** Exit code of a run stopped by an interrupt. */
    public static final int EXIT_INTERRUPTED = 130;

    @Spec
    CommandSpec spec;

    private final FigureRegistry registry;
    private final boolean stderrIsTerminal;
    private final WorkingDirectory workingDirectory;
    private final int terminalColumns;

    /**
     * @param registry the figures {@code run} and {@code list} know
     * @param stderrIsTerminal whether progress may draw a live bar on the real stderr
     * @param workingDirectory what relative paths mean
     * @param terminalColumns the width of the terminal, or 0 to ask the terminal itself
     */
    public PcmCommand(FigureRegistry registry, boolean stderrIsTerminal, WorkingDirectory workingDirectory,
                      int terminalColumns) {
        this.registry = registry;
        this.stderrIsTerminal = stderrIsTerminal;
        this.workingDirectory = workingDirectory;
        this.terminalColumns = terminalColumns;
    }

    /** @return the figures registered by default */
    public static FigureRegistry defaultRegistry() {
        return FigureRegistry.standard();
    }

    /** @return the figures this command knows */
    public FigureRegistry registry() {
        return registry;
    }

    /** @return whether a live progress bar may be drawn */
    public boolean stderrIsTerminal() {
        return stderrIsTerminal;
    }

    /** @return the width of the progress bar's terminal, or 0 to ask the terminal itself */
    public int terminalColumns() {
        return terminalColumns;
    }

    /** @return what relative paths mean: this JVM's folder, or the daemon client's */
    public WorkingDirectory workingDirectory() {
        return workingDirectory;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of run, list, train, bench, daemon");
    }

    /**
     * A command line with the project's error handling, for {@link #main} and for tests.
     *
     * @param registry the figures to offer
     * @param stderrIsTerminal whether progress may draw a live bar
     * @return the configured command line
     */
    public static CommandLine commandLine(FigureRegistry registry, boolean stderrIsTerminal) {
        return commandLine(registry, stderrIsTerminal, WorkingDirectory.jvm(), 0);
    }

    /**
     * A command line with the project's error handling whose relative paths mean {@code workingDirectory}
     * (the daemon's requests).
     *
     * @param registry the figures to offer
     * @param stderrIsTerminal whether progress may draw a live bar
     * @param workingDirectory what relative paths mean
     * @param terminalColumns the width of the client's terminal, or 0 to ask the terminal itself
     * @return the configured command line
     */
    public static CommandLine commandLine(FigureRegistry registry, boolean stderrIsTerminal,
                                          WorkingDirectory workingDirectory, int terminalColumns) {
        CommandLine cl = new CommandLine(new PcmCommand(registry, stderrIsTerminal, workingDirectory, terminalColumns));
        // Before the handlers below: picocli gives them to the subcommands that exist when they are set.
        RunCommand.addFigures(cl.getSubcommands().get("run"), registry);
        workingDirectory.register(cl);
        cl.setParameterExceptionHandler(PcmCommand::usageError);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> failure(ex, cmd, parseResult));
        return cl;
    }

    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        String message = ex instanceof UnmatchedArgumentException u
                ? RunCommand.explain(u).orElse(ex.getMessage()) : ex.getMessage();
        err.println(prefix(cmd) + ": " + oneLine(message) + " (see '" + name + " --help')");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * What an error line starts with: the command's name, but {@code pcm run} for a figure's
     * subcommand, whose messages name the figure themselves (and "figure-4a:" starts progress lines).
     */
    private static String prefix(CommandLine cmd) {
        CommandLine named = cmd.getCommand() instanceof FigureRun && cmd.getParent() != null ? cmd.getParent() : cmd;
        return named.getCommandSpec().qualifiedName();
    }

    private static int failure(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        String name = prefix(cmd);
        if (ex instanceof ParameterException pe) {
            return usageError(pe, new String[0]);
        }
        int code = 1;
        String message;
        if (ex instanceof CliFailure) {
            message = ex.getMessage();
        } else if (ex instanceof CancellationException) {
            message = "interrupted";
            code = EXIT_INTERRUPTED;
        } else {
            message = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
        }
        err.println(name + ": error: " + oneLine(message));
        if (verbose(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean verbose(ParseResult pr) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /**
     * Runs {@code pcm} and exits with its code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        configureJvm();
        int code;
        try {
            code = commandLine(defaultRegistry(), Progress.stderrIsTerminal()).execute(args);
        } catch (OutOfMemoryError e) {
            // Errors pass picocli's exception handler; any command (bench, train) ends in one line too.
            System.err.println(outOfMemoryLine(e));
            code = 1;
        }
        System.exit(code);
    }

    /**
     * @param e an error that escaped a command
     * @return the one line that reports it: how much memory, and how to give more
     */
    public static String outOfMemoryLine(OutOfMemoryError e) {
        return "pcm: error: " + MemoryCheck.outOfMemory(e).getMessage();
    }

    /** The system properties every JVM that runs {@code pcm} sets first: {@link #main} and the daemon's. */
    public static void configureJvm() {
        // Charts are drawn off-screen, also on machines with a display.
        System.setProperty("java.awt.headless", "true");
        // ND4J and DL4J (DNN commands) log their start-up at INFO; keep stderr for progress and errors.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // JavaCPP (ND4J's native loader) looks for its artifacts' Maven metadata, which the merged jar
        // does not carry, and would warn "Version of org.bytedeco:openblas could not be found" on System.err.
        if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
            System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
            System.setProperty("org.slf4j.simpleLogger.log.org.bytedeco.javacpp", "error");
        }
    }
}
