package org.pcmsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.pcmsim.cli.figures.FigureRegistry;
import picocli.CommandLine;

/** Runs {@code pcm} in-process with captured output, as {@link PcmCommand#main} would but without exiting. */
final class CliRunner {
    final int exit;
    final String out;
    final String err;

    private CliRunner(int exit, String out, String err) {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    static CliRunner run(String... args) {
        CommandLine cl = PcmCommand.commandLine(FigureRegistry.standard(), false);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRunner(code, out.toString(), err.toString());
    }

    /** @return the non-empty lines of stderr */
    long errLines() {
        return err.lines().filter(l -> !l.isBlank()).count();
    }
}
