package org.pcmsim.experiment;

/** What varies along the horizontal axis of a figure. */
public enum XAxis {
    /** The number of slices n_W; one panel per read time. */
    N_SLICES,
    /** The base b_W; one panel per read time. */
    BASE,
    /** Seconds after programming, on a log scale; one panel per panel title. */
    TIME,
    /** The weights' clip k in σ (the k·σ quantiser); one panel per panel title. */
    WEIGHT_CLIP
}
