package org.pcmsim.cli.daemon;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import org.pcmsim.cli.PcmCommand;
import org.pcmsim.cli.WorkingDirectory;
import org.pcmsim.cli.figures.FigureRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.ParseResult;

/**
 * Runs one {@link Request} in this JVM as {@link PcmCommand#main} would in a fresh one, without
 * exiting: the same command line, its relative paths against the client's folder, its output to the
 * given streams (also {@link System#out} and {@link System#err} for the request's duration, which is
 * safe because requests run one at a time), its progress display chosen by the client's terminal.
 * A command that is not {@link DaemonSafe} is not run: its parse is handed back as a fallback.
 */
final class RequestRunner {
    /**
     * What became of a request.
     *
     * @param ran whether the command ran here (false: it must run in a fresh JVM)
     * @param exitCode its exit code, if it ran
     * @param outOfMemory whether it ran out of heap (the daemon then retires)
     */
    record Outcome(boolean ran, int exitCode, boolean outOfMemory) {
    }

    /** The execution strategy's answer for a command that needs a fresh JVM; never seen outside. */
    private static final int NOT_HERE = Integer.MIN_VALUE;

    private final FigureRegistry registry;

    RequestRunner(FigureRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param request the command and where it runs
     * @param out the command's stdout
     * @param err the command's stderr
     * @return whether it ran and its exit code
     */
    Outcome run(Request request, OutputStream out, OutputStream err) {
        Charset cs = Charset.forName(request.charset());
        PrintStream outStream = new PrintStream(out, true, cs);
        PrintStream errStream = new PrintStream(err, true, cs);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(outStream);
        System.setErr(errStream);
        try {
            CommandLine cl = PcmCommand.commandLine(registry, request.stderrTerminal(),
                    WorkingDirectory.of(request.workingDirectory()), request.columns());
            cl.setOut(new PrintWriter(new OutputStreamWriter(outStream, cs), true));
            cl.setErr(new PrintWriter(new OutputStreamWriter(errStream, cs), true));
            cl.setColorScheme(Help.defaultColorScheme(ansi(request.console(), request.environment())));
            cl.setExecutionStrategy(pr -> safe(pr) ? new CommandLine.RunLast().execute(pr) : NOT_HERE);
            int code;
            boolean oom = false;
            try {
                code = cl.execute(request.args().toArray(String[]::new));
            } catch (OutOfMemoryError e) {
                errStream.println(PcmCommand.outOfMemoryLine(e));
                code = 1;
                oom = true;
            }
            return code == NOT_HERE ? new Outcome(false, 0, false) : new Outcome(true, code, oom);
        } finally {
            outStream.flush();
            errStream.flush();
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Whether every command of the parse, from {@code pcm} to the one named last, may run here. */
    static boolean safe(ParseResult pr) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (!(p.commandSpec().userObject() instanceof DaemonSafe)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether help is coloured, as picocli 4.7 decides for a fresh JVM ({@code Help.Ansi.AUTO}) but
     * from the client's console and environment: {@code NO_COLOR} turns colours off,
     * {@code CLICOLOR_FORCE} on, {@code CLICOLOR=0} off, else a console turns them on.
     */
    static Help.Ansi ansi(boolean console, Map<String, String> env) {
        if (env.containsKey("NO_COLOR")) {
            return Help.Ansi.OFF;
        }
        String force = env.get("CLICOLOR_FORCE");
        if (force != null && !"0".equals(force)) {
            return Help.Ansi.ON;
        }
        if ("0".equals(env.get("CLICOLOR"))) {
            return Help.Ansi.OFF;
        }
        return console ? Help.Ansi.ON : Help.Ansi.OFF;
    }
}
