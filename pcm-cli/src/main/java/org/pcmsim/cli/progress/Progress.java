package org.pcmsim.cli.progress;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.pcmsim.montecarlo.ProgressListener;

/**
 * Progress of one figure on stderr: a live bar with ETA on a terminal, plain periodic lines
 * otherwise (CI logs, pipes), nothing with {@code --quiet}. Receives progress from worker threads.
 */
public interface Progress extends ProgressListener, AutoCloseable {

    /** Ends the display (a finished bar, or a final line). */
    @Override
    void close();

    /** @return a progress that shows nothing */
    static Progress none() {
        return new Progress() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * @param task what is running, e.g. {@code figure-4a}
     * @param quiet show nothing
     * @param terminal whether stderr is an interactive terminal
     * @param terminalStream the real stderr, for the live bar
     * @param err where plain lines go
     * @return the progress display
     */
    static Progress start(String task, boolean quiet, boolean terminal, PrintStream terminalStream, PrintWriter err) {
        return start(task, "trials", quiet, terminal, terminalStream, err);
    }

    /**
     * @param task what is running, e.g. {@code figure-5a: training}
     * @param unit what is counted, plural, e.g. {@code steps}
     * @param quiet show nothing
     * @param terminal whether stderr is an interactive terminal
     * @param terminalStream the real stderr, for the live bar
     * @param err where plain lines go
     * @return the progress display
     */
    static Progress start(String task, String unit, boolean quiet, boolean terminal, PrintStream terminalStream,
                          PrintWriter err) {
        return start(task, unit, quiet, terminal, 0, terminalStream, err);
    }

    /**
     * @param task what is running, e.g. {@code figure-4a}
     * @param unit what is counted, plural, e.g. {@code trials}
     * @param quiet show nothing
     * @param terminal whether stderr is an interactive terminal
     * @param columns the terminal's width, or 0 to ask the terminal (the daemon passes its client's)
     * @param terminalStream the real stderr, for the live bar
     * @param err where plain lines go
     * @return the progress display
     */
    static Progress start(String task, String unit, boolean quiet, boolean terminal, int columns,
                          PrintStream terminalStream, PrintWriter err) {
        if (quiet) {
            return none();
        }
        return terminal ? new BarProgress(task, unit, terminalStream, columns)
                : new LineProgress(task, unit, err, System::nanoTime);
    }

    /**
     * Whether this process's stderr is an interactive terminal ({@link Tty#isTerminal}).
     *
     * @return true if stderr is a terminal
     */
    static boolean stderrIsTerminal() {
        return Tty.isTerminal(2);
    }
}
