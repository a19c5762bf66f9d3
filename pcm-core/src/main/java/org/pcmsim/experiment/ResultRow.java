package org.pcmsim.experiment;

import java.util.Objects;

/**
 * One point of a figure in the project's long CSV format:
 * {@code figure,series,weights,algorithm,base,n_w,time_s,trials,metric,mean,std}.
 *
 * @param figure figure code: {@code 4a}, {@code 4b}, {@code 4c}, {@code bitnet}, {@code 5a}, {@code 5c}
 * @param series the legend label
 * @param weights {@code int9} or {@code ternary}
 * @param algorithm {@code equal-fill}, {@code max-fill}, {@code max-fill-ec}, {@code positional},
 *     or {@code digital} for a non-analog baseline
 * @param base b_W (the effective base 2^k for positional slicing; 0 for a digital baseline)
 * @param nW slices (0 for a digital baseline)
 * @param timeS seconds after programming
 * @param trials Monte Carlo trials (or chips) behind the point
 * @param metric {@code eta}, {@code eta_theory} or {@code accuracy}
 * @param mean mean over trials
 * @param std sample standard deviation over trials, NaN where it has no meaning (theory)
 */
public record ResultRow(String figure, String series, String weights, String algorithm, int base, int nW,
                        double timeS, int trials, String metric, double mean, double std) {

    /** CSV header, in column order. */
    public static final String[] COLUMNS =
        {"figure", "series", "weights", "algorithm", "base", "n_w", "time_s", "trials", "metric", "mean", "std"};

    /** Rejects nulls. */
    public ResultRow {
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(metric, "metric");
    }
}
