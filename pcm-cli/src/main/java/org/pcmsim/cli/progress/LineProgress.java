package org.pcmsim.cli.progress;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Plain progress lines for logs: at most one every {@link #INTERVAL_NS} and every 10 %, whichever
 * comes later (a short run prints only its final line), and one at the end; each with the
 * fraction done, the elapsed time and the estimated time left.
 */
final class LineProgress implements Progress {
    /** Minimum time between two lines, ns. */
    static final long INTERVAL_NS = 5_000_000_000L;

    private final String task;
    private final String unit;
    private final PrintWriter out;
    private final LongSupplier clock;
    private final long start;
    private long lastLine;
    private long lastPercent = -100;
    private long done;
    private long total;

    LineProgress(String task, PrintWriter out, LongSupplier clock) {
        this(task, "trials", out, clock);
    }

    LineProgress(String task, String unit, PrintWriter out, LongSupplier clock) {
        this.task = task;
        this.unit = unit;
        this.out = out;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    @Override
    public synchronized void progress(long d, long t) {
        if (d <= done) {
            return;
        }
        done = d;
        total = t;
        long now = clock.getAsLong();
        long percent = t == 0 ? 100 : 100 * d / t;
        if (d < t && (now - lastLine < INTERVAL_NS || percent - lastPercent < 10)) {
            return;
        }
        if (d == t) {
            return; // close() prints the final line
        }
        lastLine = now;
        lastPercent = percent;
        double elapsed = (now - start) / 1e9;
        // Before 5 % the rate still includes JIT warm-up and thread start, so no estimate yet.
        String left = 20 * d < t ? "" : ", about " + seconds(elapsed / d * (t - d)) + " left";
        out.printf("%s: %3d%% (%d/%d %s), %s elapsed%s%n", task, percent, d, t, unit, seconds(elapsed), left);
        out.flush();
    }

    @Override
    public synchronized void close() {
        if (total > 0) {
            out.printf("%s: 100%% (%d/%d %s) in %s%n", task, done, total, unit, seconds((clock.getAsLong() - start) / 1e9));
            out.flush();
        }
    }

    static String seconds(double s) {
        if (s < 60) {
            return String.format(java.util.Locale.ROOT, "%.1f s", s);
        }
        long r = Math.round(s);
        return r / 60 + " min " + r % 60 + " s";
    }
}
