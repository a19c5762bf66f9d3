package org.pcmsim.experiment;

/** The read times of the published experiments, in seconds after programming. */
public final class ReadTimes {
    /** t0 = 20 s, the first read and the drift reference. */
    public static final double T0 = 20.0;
    /** One hour, s. */
    public static final double HOUR = 3600.0;
    /** One day, s. */
    public static final double DAY = 86_400.0;
    /** One month = 30 days, s. */
    public static final double MONTH = 30 * DAY;
    /** One year = 365 days, s. */
    public static final double YEAR = 365 * DAY;

    private ReadTimes() {
    }

    /**
     * @param from first time, s, &gt; 0
     * @param to last time, s, &gt; from
     * @param points number of points ≥ 2
     * @return points log-spaced times from {@code from} to {@code to}, both included
     */
    public static double[] logSpaced(double from, double to, int points) {
        if (!(from > 0) || !(to > from) || points < 2) {
            throw new IllegalArgumentException("need 0 < from < to and points >= 2, got from=" + from + ", to=" + to
                    + ", points=" + points);
        }
        double[] t = new double[points];
        double ratio = Math.log(to / from);
        for (int i = 0; i < points; i++) {
            t[i] = from * Math.exp(ratio * i / (points - 1));
        }
        t[0] = from;
        t[points - 1] = to;
        return t;
    }

    /** @return the 12 log-spaced read times of Figure 4(c), t0 … 1 year */
    public static double[] figure4c() {
        return logSpaced(T0, YEAR, 12);
    }
}
