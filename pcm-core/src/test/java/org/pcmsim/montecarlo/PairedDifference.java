package org.pcmsim.montecarlo;

/**
 * Mean and standard error of the paired differences a_i − b_i of two samples of the same trials:
 * the statistic behind the tests that compare configurations or samplers on common random numbers.
 *
 * @param mean mean of a_i − b_i
 * @param standardError sample standard deviation of a_i − b_i over sqrt(n)
 */
record PairedDifference(double mean, double standardError) {

    static PairedDifference of(double[] a, double[] b) {
        int n = a.length;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += (a[i] - b[i]) / n;
        }
        double var = 0;
        for (int i = 0; i < n; i++) {
            double d = a[i] - b[i] - mean;
            var += d * d / (n - 1);
        }
        return new PairedDifference(mean, Math.sqrt(var / n));
    }
}
