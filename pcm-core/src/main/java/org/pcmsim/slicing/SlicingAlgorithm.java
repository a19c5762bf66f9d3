package org.pcmsim.slicing;

/**
 * How an integer weight magnitude is split over the devices of its slices (Le Gallo, Ciric et al.
 * 2022, section 3; docs/model.md §3).
 */
public enum SlicingAlgorithm {
    /** Every slice holds the same value |W| / Σ_k b^k: uniform use of the slices. */
    EQUAL_FILL("equal-fill"),
    /** The most significant slices are filled to their range first; the rest takes what remains. */
    MAX_FILL("max-fill"),
    /**
     * Max-fill with error correction: each slice is programmed before the next is computed, and its
     * actual programming error is subtracted from what remains, so later slices compensate it.
     */
    MAX_FILL_EC("max-fill-ec"),
    /** Digital (positional) slicing: slice j holds bits j·k … (j+1)·k − 1 of |W|, base 2^k. */
    POSITIONAL("positional");

    private final String id;

    SlicingAlgorithm(String id) {
        this.id = id;
    }

    /** @return the kebab-case name used in CSV files and on the command line */
    public String id() {
        return id;
    }

    /**
     * @param id a kebab-case name such as {@code max-fill-ec}
     * @return the algorithm
     * @throws IllegalArgumentException naming the value if unknown
     */
    public static SlicingAlgorithm fromId(String id) {
        for (SlicingAlgorithm a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown slicing algorithm '" + id
                + "', expected one of equal-fill, max-fill, max-fill-ec, positional");
    }
}
