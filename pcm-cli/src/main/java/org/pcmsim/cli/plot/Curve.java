package org.pcmsim.cli.plot;

/**
 * One line of a panel, ready to draw.
 *
 * @param label legend label
 * @param algorithm the row's algorithm id (chooses the marker)
 * @param base b_W of the series (first point)
 * @param nW n_W of the series (first point)
 * @param theory whether this is an analytical curve (thin, no markers, no error bars)
 * @param x x values, increasing
 * @param y means
 * @param err standard deviations (NaN where there are none)
 */
record Curve(String label, String algorithm, int base, int nW, boolean theory, double[] x, double[] y,
             double[] err) {
}
