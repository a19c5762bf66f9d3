package org.pcmsim.cli.plot;

/**
 * What a curve is, decided from the typed fields of its rows (metric, algorithm, n_W, number of
 * points), never from its label; {@link SeriesStyle} maps it to colour, marker and line.
 */
enum SeriesRole {
    /** An analytical curve (metric {@code *_theory}): thin grey, no markers, no error bars. */
    THEORY,
    /** A single-valued non-analog result (a digital accuracy): a level drawn across the panel. */
    REFERENCE_LEVEL,
    /**
     * What the analog series are compared with: digital or positional slicing, or the single-slice
     * series of a panel that otherwise compares algorithms at one n_W > 1 (the BitNet figure).
     */
    BASELINE,
    /** A simulated analog series. */
    ANALOG
}
