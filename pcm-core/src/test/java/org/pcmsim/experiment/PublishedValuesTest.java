package org.pcmsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.montecarlo.ProgressListener;

/**
 * Headline points of the published figures (values read off {@code shared/reference-figures} to
 * about ±0.003) are reproduced at the published trial count. The tolerance is the reading precision
 * plus 4 standard errors of the simulated mean (false-failure rate from the simulation alone 6e-5
 * per point).
 */
class PublishedValuesTest {
    private static final double READING = 0.003;

    private static void check(FigureResult r, String series, int n, double time, double published) {
        List<ResultRow> rows = r.rows().stream()
                .filter(x -> x.series().equals(series) && x.nW() == n && x.timeS() == time && x.metric().equals("eta"))
                .toList();
        assertEquals(1, rows.size(), series + " n=" + n + " t=" + time);
        ResultRow row = rows.get(0);
        double tol = READING + 4 * row.std() / Math.sqrt(row.trials());
        assertTrue(Math.abs(row.mean() - published) <= tol,
                String.format("%s n=%d t=%g: simulated %.4f, published %.3f, tolerance %.4f", series, n, time,
                        row.mean(), published, tol));
    }

    @Test
    void figure4aAtOneAndEightSlices() {
        FigureResult r = ExperimentRunner.run(Experiments.FIGURE_4A, RunSettings.paper(200), ProgressListener.NONE);
        double t0 = ReadTimes.T0;
        double mo = ReadTimes.MONTH;
        check(r, "b_W=1, Equal-fill", 1, t0, 0.107);
        check(r, "b_W=1, Equal-fill", 1, mo, 0.162);
        check(r, "Digital slicing", 8, t0, 0.044);
        check(r, "b_W=2, Equal-fill", 8, t0, 0.064);
        check(r, "b_W=2, Max-fill", 8, t0, 0.044);
        check(r, "b_W=2, Max-fill EC", 8, t0, 0.030);
        check(r, "b_W=1, Equal-fill", 8, t0, 0.039);
        check(r, "b_W=1, Max-fill", 8, t0, 0.034);
        check(r, "b_W=1, Max-fill EC", 8, t0, 0.027);
        check(r, "Digital slicing", 8, mo, 0.087);
        check(r, "b_W=2, Equal-fill", 8, mo, 0.098);
        check(r, "b_W=2, Max-fill", 8, mo, 0.090);
        check(r, "b_W=2, Max-fill EC", 8, mo, 0.084);
        check(r, "b_W=1, Equal-fill", 8, mo, 0.060);
        check(r, "b_W=1, Max-fill", 8, mo, 0.064);
        check(r, "b_W=1, Max-fill EC", 8, mo, 0.059);
    }

    @Test
    void bitnetTernaryNeedsTheSliceMaxQuirk() {
        RunSettings s = RunSettings.paper(200);
        s = s.withDevice(s.device().withReadNoiseNormalization(ReadNoiseNormalization.SLICE_MAX));
        FigureResult r = ExperimentRunner.run(Experiments.BITNET, s, ProgressListener.NONE);
        double t0 = ReadTimes.T0;
        double yr = ReadTimes.YEAR;
        check(r, "Ternary n_W=1 (baseline)", 1, t0, 0.096);
        check(r, "Ternary n_W=1 (baseline)", 1, yr, 0.155);
        check(r, "Ternary Equal-fill n_W=4", 4, yr, 0.078);
        check(r, "Ternary Max-fill n_W=4", 4, yr, 0.099);
        check(r, "INT-9 n_W=1 (baseline)", 1, yr, 0.183);
        check(r, "INT-9 Equal-fill n_W=4", 4, yr, 0.093);
    }
}
