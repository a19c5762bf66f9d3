package org.pcmsim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;
import org.pcmsim.slicing.WeightQuantization;

/**
 * The published Monte Carlo MVM experiments (Le Gallo, Ciric et al. 2022, Figures 4a–c, and the
 * seed study's BitNet extension; docs/model.md §5), by name.
 */
public final class Experiments {
    private static final int[] SLICES = {1, 2, 4, 8};

    /** Figure 4(a): η vs n_W at t0 and one month, 200 trials. */
    public static final ExperimentSpec FIGURE_4A = figure4a();
    /** Figure 4(b): η vs b_W at t0 and one month, 300 trials. */
    public static final ExperimentSpec FIGURE_4B = figure4b();
    /** Figure 4(c): η vs time, t0 … 1 year, 200 trials. */
    public static final ExperimentSpec FIGURE_4C = figure4c();
    /** BitNet b1.58 extension: ternary vs 9-bit weights over time, 200 trials. */
    public static final ExperimentSpec BITNET = bitnet();

    private Experiments() {
    }

    /** @return every experiment, in figure order */
    public static List<ExperimentSpec> all() {
        return List.of(FIGURE_4A, FIGURE_4B, FIGURE_4C, BITNET);
    }

    /**
     * @param name a command-line name such as {@code figure-4a} or {@code bitnet}
     * @return the experiment
     * @throws IllegalArgumentException naming the value if there is none
     */
    public static ExperimentSpec byName(String name) {
        for (ExperimentSpec e : all()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown experiment '" + name
                + "', expected one of figure-4a, figure-4b, figure-4c, bitnet");
    }

    private static String label(SlicingAlgorithm a) {
        return switch (a) {
            case EQUAL_FILL -> "Equal-fill";
            case MAX_FILL -> "Max-fill";
            case MAX_FILL_EC -> "Max-fill EC";
            case POSITIONAL -> "Digital slicing";
        };
    }

    private static List<SlicingScheme> overSlices(SlicingAlgorithm a, int base, int... slices) {
        List<SlicingScheme> l = new ArrayList<>();
        for (int n : slices) {
            l.add(SlicingScheme.of(a, n, base));
        }
        return l;
    }

    private static ExperimentSpec figure4a() {
        List<SeriesSpec> s = new ArrayList<>();
        s.add(new SeriesSpec("Digital slicing", WeightQuantization.INT9,
                overSlices(SlicingAlgorithm.POSITIONAL, 0, SLICES), false, ""));
        for (int base : new int[] {2, 1}) {
            for (SlicingAlgorithm a : new SlicingAlgorithm[] {
                SlicingAlgorithm.EQUAL_FILL, SlicingAlgorithm.MAX_FILL, SlicingAlgorithm.MAX_FILL_EC}) {
                s.add(new SeriesSpec("b_W=" + base + ", " + label(a), WeightQuantization.INT9,
                        overSlices(a, base, SLICES), a == SlicingAlgorithm.EQUAL_FILL, ""));
            }
        }
        return new ExperimentSpec("figure-4a", "4a", "Figure 4(a): MVM error vs number of weight slices",
                "eta vs n_W in {1,2,4,8} at t0 and one month: digital slicing and Equal-fill, Max-fill, "
                        + "Max-fill EC at b_W = 1 and 2, with the eq. 8 theory",
                XAxis.N_SLICES, new double[] {ReadTimes.T0, ReadTimes.MONTH}, 200, s);
    }

    private static ExperimentSpec figure4b() {
        List<SeriesSpec> s = new ArrayList<>();
        for (int n : new int[] {2, 4}) {
            for (SlicingAlgorithm a : new SlicingAlgorithm[] {
                SlicingAlgorithm.EQUAL_FILL, SlicingAlgorithm.MAX_FILL, SlicingAlgorithm.MAX_FILL_EC}) {
                List<SlicingScheme> pts = new ArrayList<>();
                for (int b = 1; b <= 8; b++) {
                    pts.add(SlicingScheme.of(a, n, b));
                }
                s.add(new SeriesSpec("n_W=" + n + ", " + label(a), WeightQuantization.INT9, pts, false, ""));
            }
        }
        return new ExperimentSpec("figure-4b", "4b", "Figure 4(b): MVM error vs precision base b_W",
                "eta vs b_W in 1..8 at t0 and one month for Equal-fill, Max-fill, Max-fill EC at n_W = 2 and 4",
                XAxis.BASE, new double[] {ReadTimes.T0, ReadTimes.MONTH}, 300, s);
    }

    private static ExperimentSpec figure4c() {
        String ec = "Max-fill with error correction";
        String mf = "Max-fill and Equal-fill";
        List<SeriesSpec> s = new ArrayList<>();
        for (int n : SLICES) {
            s.add(new SeriesSpec("EC n_W=" + n, WeightQuantization.INT9,
                    overSlices(SlicingAlgorithm.MAX_FILL_EC, 1, n), false, ec));
        }
        s.add(new SeriesSpec("EC b_W=2 n_W=2", WeightQuantization.INT9,
                overSlices(SlicingAlgorithm.MAX_FILL_EC, 2, 2), false, ec));
        for (int n : SLICES) {
            s.add(new SeriesSpec("Max-fill n_W=" + n, WeightQuantization.INT9,
                    overSlices(SlicingAlgorithm.MAX_FILL, 1, n), false, mf));
        }
        for (int n : SLICES) {
            s.add(new SeriesSpec("Equal-fill n_W=" + n, WeightQuantization.INT9,
                    overSlices(SlicingAlgorithm.EQUAL_FILL, 1, n), false, mf));
        }
        return new ExperimentSpec("figure-4c", "4c", "Figure 4(c): MVM error over time",
                "eta vs time (12 log-spaced reads, t0 .. 1 year) for b_W = 1 Max-fill EC, Max-fill and "
                        + "Equal-fill at n_W in {1,2,4,8}, and b_W = 2 Max-fill EC at n_W = 2",
                XAxis.TIME, ReadTimes.figure4c(), 200, s);
    }

    private static ExperimentSpec bitnet() {
        List<SeriesSpec> s = new ArrayList<>();
        for (WeightQuantization w : WeightQuantization.values()) {
            String panel = w == WeightQuantization.INT9 ? "Standard INT-9" : "Ternary {-1, 0, +1}";
            String tag = w == WeightQuantization.INT9 ? "INT-9" : "Ternary";
            s.add(new SeriesSpec(tag + " Max-fill EC n_W=4", w, overSlices(SlicingAlgorithm.MAX_FILL_EC, 1, 4), false,
                    panel));
            s.add(new SeriesSpec(tag + " Max-fill n_W=4", w, overSlices(SlicingAlgorithm.MAX_FILL, 1, 4), false, panel));
            s.add(new SeriesSpec(tag + " Equal-fill n_W=4", w, overSlices(SlicingAlgorithm.EQUAL_FILL, 1, 4), false,
                    panel));
            s.add(new SeriesSpec(tag + " n_W=1 (baseline)", w, overSlices(SlicingAlgorithm.EQUAL_FILL, 1, 1), false,
                    panel));
        }
        return new ExperimentSpec("bitnet", "bitnet", "BitNet extension: ternary vs 9-bit weights under PCM noise",
                "eta vs time for INT-9 and ternary (BitNet b1.58) weights: Max-fill EC, Max-fill, Equal-fill at "
                        + "n_W = 4 (b_W = 1) and n_W = 1",
                XAxis.TIME, ReadTimes.figure4c(), 200, s);
    }
}
