package org.pcmsim.random;

/**
 * The four streams of one index of a seed: a Monte Carlo trial, a chip, or a layer of a chip
 * ({@link TrialStreams#stream}). Each constant has a fixed slot, never its ordinal, so that every
 * number the project has published stays the same when a constant is added or reordered.
 */
public enum TrialStream {
    /** The index's data: the trial's weights and inputs. */
    DATA(0),
    /** Programming noise and drift exponents of the devices. */
    PROGRAMMING(1),
    /** 1/f read noise of every read (and the GDC calibration read). */
    READ(2),
    /**
     * The periphery of a Monte Carlo trial: the chip's ADC mismatch and the converters'
     * per-conversion noise ({@link TrialStreams#periphery}). Unused, and so never created, with the
     * ideal periphery. The same slot, kept so that no number changes, gives the sub-seeds of
     * {@link TrialStreams#subSeed} (whose seeds are never trial seeds) and, at index 0, the synthetic
     * weight matrices of {@code WeightDistribution.sample} (docs/model.md §7).
     */
    PERIPHERY(3);

    /** The number of slots per index: stream s of index i has key {@code SLOTS·i + s}. */
    static final int SLOTS = 4;

    private final int slot;

    TrialStream(int slot) {
        this.slot = slot;
    }

    /**
     * @return this stream's fixed slot, 0 … 3, the number it had before it was typed
     */
    public int slot() {
        return slot;
    }
}
