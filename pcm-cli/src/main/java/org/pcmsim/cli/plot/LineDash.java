package org.pcmsim.cli.plot;

import java.awt.BasicStroke;

/** The dash pattern of a curve's line, in multiples of the line width so it scales with it. */
enum LineDash {
    /** A continuous line. */
    SOLID,
    /** Dashes of 4 widths, gaps of 2.2 (the published figures' dashed lines). */
    DASHED,
    /** Round dots one width across, 2 widths apart. */
    DOTTED,
    /** A dash of 4 widths, then a dot, gaps of 1.6 widths. */
    DASH_DOT,
    /** Dashes of 8 widths, gaps of 2.5. */
    LONG_DASH;

    /**
     * @param width line width, px
     * @return the stroke of this pattern at that width
     */
    BasicStroke stroke(float width) {
        return switch (this) {
            case SOLID -> new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            case DASHED -> dashes(width, BasicStroke.CAP_BUTT, 4 * width, 2.2f * width);
            // A round cap on a near-zero dash draws a dot of the line's width.
            case DOTTED -> dashes(width, BasicStroke.CAP_ROUND, 0.01f, 2 * width);
            case DASH_DOT -> dashes(width, BasicStroke.CAP_BUTT, 4 * width, 1.6f * width, width, 1.6f * width);
            case LONG_DASH -> dashes(width, BasicStroke.CAP_BUTT, 8 * width, 2.5f * width);
        };
    }

    private static BasicStroke dashes(float width, int cap, float... pattern) {
        return new BasicStroke(width, cap, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
    }
}
