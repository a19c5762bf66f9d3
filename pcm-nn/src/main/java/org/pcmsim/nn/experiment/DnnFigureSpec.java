package org.pcmsim.nn.experiment;

import java.util.ArrayList;
import java.util.List;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.experiment.XAxis;
import org.pcmsim.slicing.SlicingAlgorithm;

/**
 * What a DNN figure evaluates, as data: its names, axis, read times and slicing configurations
 * (Le Gallo, Ciric et al. 2022, Figure 5; docs/model.md §6).
 *
 * @param name file stem, e.g. {@code figure-5a}
 * @param code figure code in the CSV, e.g. {@code 5a}
 * @param title the title, without the network and dataset
 * @param axis the x axis
 * @param times read times, s
 * @param configs the configurations, in legend order
 * @param panel the single panel's title, or null for one panel per read time
 */
record DnnFigureSpec(String name, String code, String title, XAxis axis, double[] times, List<SliceConfig> configs,
                     String panel) {

    /** Figure 5(a) and 5(c) n_W values. */
    static final int[] SLICES = {1, 2, 4, 8};

    /** A series of Figure 5(c): one algorithm and base over {@link #SLICES}. */
    private record Series(String label, SlicingAlgorithm algorithm, int base) {
    }

    /** Figure 5(c)'s series, as published. */
    private static final List<Series> FIGURE_5C = List.of(
            new Series("Equal-fill (b_W = 1)", SlicingAlgorithm.EQUAL_FILL, 1),
            new Series("Max-fill (b_W = 1)", SlicingAlgorithm.MAX_FILL, 1),
            new Series("Max-fill EC (b_W = 1)", SlicingAlgorithm.MAX_FILL_EC, 1),
            new Series("Max-fill (b_W = 2)", SlicingAlgorithm.MAX_FILL, 2),
            new Series("Max-fill EC (b_W = 2)", SlicingAlgorithm.MAX_FILL_EC, 2));

    /**
     * @param timePoints read times from t0 to one year, log-spaced
     * @return Figure 5(a): Max-fill b_W = 1 at n_W ∈ {1, 2, 4, 8}, accuracy vs time
     */
    static DnnFigureSpec figure5a(int timePoints) {
        String panel = "Max-fill (b_W = 1) with GDC";
        List<SliceConfig> configs = new ArrayList<>();
        for (int n : SLICES) {
            configs.add(new SliceConfig("n_W = " + n, SlicingAlgorithm.MAX_FILL, 1, n));
        }
        return new DnnFigureSpec("figure-5a", "5a", "Figure 5(a): " + panel, XAxis.TIME,
                ReadTimes.logSpaced(ReadTimes.T0, ReadTimes.YEAR, timePoints), configs, panel);
    }

    /** @return Figure 5(c): five algorithm/base series at n_W ∈ {1, 2, 4, 8}, at t0 and one month */
    static DnnFigureSpec figure5c() {
        List<SliceConfig> configs = new ArrayList<>();
        for (Series s : FIGURE_5C) {
            for (int n : SLICES) {
                configs.add(new SliceConfig(s.label(), s.algorithm(), s.base(), n));
            }
        }
        return new DnnFigureSpec("figure-5c", "5c", "Figure 5(c): accuracy vs n_W at t0 and one month",
                XAxis.N_SLICES, new double[] {ReadTimes.T0, ReadTimes.MONTH}, configs, null);
    }
}
