package org.pcmsim.cli.progress;

import java.io.PrintStream;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A live progress bar with elapsed time and ETA (me.tongfei:progressbar). The total is only known
 * at the first report, so the bar is built then.
 */
final class BarProgress implements Progress {
    private final String task;
    private final String unit;
    private final PrintStream stream;
    private final int columns;
    private ProgressBar bar;
    private long done;

    /** @param columns the terminal's width, or 0 to ask the terminal (which a daemon has not) */
    BarProgress(String task, String unit, PrintStream stream, int columns) {
        this.task = task;
        this.unit = " " + unit;
        this.stream = stream;
        this.columns = columns;
    }

    @Override
    public synchronized void progress(long d, long total) {
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(total)
                    .setUnit(unit, 1)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUpdateIntervalMillis(250)
                    .setConsumer(columns > 0 ? new InteractiveConsoleProgressBarConsumer(stream, columns - 1)
                            : new InteractiveConsoleProgressBarConsumer(stream))
                    .build();
        }
        // Workers report out of order; only ever move forward.
        if (d > done) {
            done = d;
            bar.stepTo(d);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
