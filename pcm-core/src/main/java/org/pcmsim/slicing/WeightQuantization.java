package org.pcmsim.slicing;

/** The quantiser that turns real weights into the integers that are sliced. */
public enum WeightQuantization {
    /** Signed 9-bit integers clipped at 3 σ ({@link IntegerQuantizer#WEIGHTS_9BIT_3SIGMA}). */
    INT9("int9"),
    /** Ternary BitNet b1.58 weights ({@link TernaryQuantizer#BITNET}), scaled to 9-bit levels. */
    TERNARY("ternary");

    private final String id;

    WeightQuantization(String id) {
        this.id = id;
    }

    /** @return the name used in CSV files ({@code int9}, {@code ternary}) */
    public String id() {
        return id;
    }
}
