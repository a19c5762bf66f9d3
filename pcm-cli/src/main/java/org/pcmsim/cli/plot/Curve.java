package org.pcmsim.cli.plot;

/**
 * One line of a panel, ready to draw.
 *
 * @param label legend label
 * @param algorithm the row's algorithm id (chooses the marker)
 * @param base b_W of the series (first point)
 * @param nW n_W of the series (first point)
 * @param role what the curve is (chooses colour and line)
 * @param periphery the row's periphery column ({@code ideal} or a
 *     {@link org.pcmsim.periphery.Periphery#describe()}); where a panel holds several, they choose line and marker
 * @param x x values, increasing
 * @param y means
 * @param err standard deviations (NaN where there are none)
 */
record Curve(String label, String algorithm, int base, int nW, SeriesRole role, String periphery, double[] x,
             double[] y, double[] err) {

    /** @return whether this is an analytical curve */
    boolean theory() {
        return role == SeriesRole.THEORY;
    }

    /** @return whether this is drawn as a baseline (digital, positional, single-slice reference, level) */
    boolean baseline() {
        return role == SeriesRole.BASELINE || role == SeriesRole.REFERENCE_LEVEL;
    }

    /** @return the same curve in another role */
    Curve withRole(SeriesRole r) {
        return new Curve(label, algorithm, base, nW, r, periphery, x, y, err);
    }
}
