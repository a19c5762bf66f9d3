package org.pcmsim.experiment;

import java.util.Objects;

/**
 * One point of a figure in the project's long CSV format:
 * {@code figure,series,weights,algorithm,base,n_w,time_s,trials,metric,mean,std,weight_source,array,weight_clip,periphery}.
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
 * @param weightSource where the weights came from: {@code gaussian}, {@code laplace}, {@code student-t3},
 *     {@code uniform} or a file's name; empty where it does not apply
 * @param array the size of one crossbar array, e.g. {@code 128x128}; empty where it does not apply
 * @param weightClip the weights' clip k in σ (3 in the paper); NaN where it does not apply
 * @param periphery the converters and wires the point was simulated with: {@code ideal} (the paper's) or
 *     {@link org.pcmsim.periphery.Periphery#describe()}, e.g. {@code adc-noise=0.5lsb;ir-drop=0.35ohm/first-order}
 */
public record ResultRow(String figure, String series, String weights, String algorithm, int base, int nW,
                        double timeS, int trials, String metric, double mean, double std, String weightSource,
                        String array, double weightClip, String periphery) {

    /**
     * CSV header, in column order: the eleven original columns, then the weight source, array and clip,
     * then the periphery.
     */
    public static final String[] COLUMNS =
        {"figure", "series", "weights", "algorithm", "base", "n_w", "time_s", "trials", "metric", "mean", "std",
         "weight_source", "array", "weight_clip", "periphery"};

    /** The value of the periphery column for the paper's ideal converters and wires. */
    public static final String IDEAL_PERIPHERY = "ideal";

    /**
     * A row simulated with the ideal periphery.
     *
     * @param figure figure code
     * @param series the legend label
     * @param weights the weight quantisation
     * @param algorithm the slicing algorithm
     * @param base b_W
     * @param nW slices
     * @param timeS seconds after programming
     * @param trials trials or chips
     * @param metric the metric
     * @param mean mean over trials
     * @param std standard deviation over trials
     * @param weightSource where the weights came from
     * @param array the array size
     * @param weightClip the weights' clip in σ
     */
    public ResultRow(String figure, String series, String weights, String algorithm, int base, int nW, double timeS,
                     int trials, String metric, double mean, double std, String weightSource, String array,
                     double weightClip) {
        this(figure, series, weights, algorithm, base, nW, timeS, trials, metric, mean, std, weightSource, array,
                weightClip, IDEAL_PERIPHERY);
    }

    /**
     * A row without weight source, array or clip (the DNN figures).
     *
     * @param figure figure code
     * @param series the legend label
     * @param weights the weight quantisation
     * @param algorithm the slicing algorithm
     * @param base b_W
     * @param nW slices
     * @param timeS seconds after programming
     * @param trials trials or chips
     * @param metric the metric
     * @param mean mean over trials
     * @param std standard deviation over trials
     */
    public ResultRow(String figure, String series, String weights, String algorithm, int base, int nW, double timeS,
                     int trials, String metric, double mean, double std) {
        this(figure, series, weights, algorithm, base, nW, timeS, trials, metric, mean, std, "", "", Double.NaN);
    }

    /** Rejects nulls. */
    public ResultRow {
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(weightSource, "weightSource");
        Objects.requireNonNull(array, "array");
        Objects.requireNonNull(periphery, "periphery");
    }
}
