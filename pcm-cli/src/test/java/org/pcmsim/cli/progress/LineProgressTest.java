package org.pcmsim.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LineProgressTest {
    @Test
    void printsAtMostOneLinePerIntervalAndAFinalLine() {
        AtomicLong clock = new AtomicLong();
        StringWriter buf = new StringWriter();
        LineProgress p = new LineProgress("fig", new PrintWriter(buf), clock::get);
        for (int done = 1; done <= 100; done++) {
            // One trial per second: 100 s in all, so about one line per 5 s (and per 10 %).
            clock.addAndGet(1_000_000_000L);
            p.progress(done, 100);
        }
        p.close();
        List<String> lines = buf.toString().lines().toList();
        assertTrue(lines.size() >= 5 && lines.size() <= 12, lines.toString());
        assertTrue(lines.get(0).startsWith("fig:   5% (5/100 trials)"), lines.get(0));
        assertTrue(lines.get(0).contains("left"), "an ETA: " + lines.get(0));
        assertEquals("fig: 100% (100/100 trials) in 1 min 40 s", lines.get(lines.size() - 1));
    }

    @Test
    void ignoresReportsThatArriveOutOfOrder() {
        AtomicLong clock = new AtomicLong();
        StringWriter buf = new StringWriter();
        LineProgress p = new LineProgress("fig", new PrintWriter(buf), clock::get);
        clock.set(10_000_000_000L);
        p.progress(50, 100);
        p.progress(40, 100);
        p.close();
        assertTrue(buf.toString().endsWith("fig: 100% (50/100 trials) in 10.0 s" + System.lineSeparator()),
                buf.toString());
    }
}
