package org.pcmsim.cli.progress;

import java.util.function.BiFunction;
import java.util.function.LongFunction;

/**
 * Progress of a task that runs in phases, each reported with its own total (a DNN figure: training
 * steps, then chip evaluations). A report whose total differs from the current phase's, or whose
 * count goes back, starts the next phase: the current display is closed and a new one opened under
 * the name the new total stands for. Reports come from one thread at a time.
 */
public final class PhasedProgress implements Progress {
    /** A phase: its display name and what it counts. */
    public record Phase(String name, String unit) {
    }

    private final LongFunction<Phase> phaseOf;
    private final BiFunction<String, String, Progress> display;
    private Progress current;
    private long total = -1;
    private long done;

    /**
     * @param phaseOf the phase a report's total belongs to (e.g. the known number of chip evaluations
     *     is the evaluation phase, any other total the training phase)
     * @param display opens a display for (name, unit)
     */
    public PhasedProgress(LongFunction<Phase> phaseOf, BiFunction<String, String, Progress> display) {
        this.phaseOf = phaseOf;
        this.display = display;
    }

    @Override
    public synchronized void progress(long d, long t) {
        if (current == null || t != total || d < done) {
            if (current != null) {
                current.close();
            }
            Phase p = phaseOf.apply(t);
            current = display.apply(p.name(), p.unit());
            total = t;
        }
        done = d;
        current.progress(d, t);
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
        }
    }
}
