package org.pcmsim.montecarlo;

/** What the analog output is compared with in η = ‖ŷ − y_ref‖₂ / ‖y_ref‖₂. */
public enum ErrorReference {
    /**
     * The exact product of the quantised weights and inputs, W·X / (scale_in · scale_w): the paper's
     * η (docs/model.md §4.2), which measures the analog error alone. CSV metric {@code eta}.
     */
    QUANTIZED("eta"),
    /**
     * The exact product of the real (unquantised, unclipped) weights and inputs, w·x: the total error,
     * including what the k·σ clip and the integer rounding lose. CSV metric {@code eta_float}.
     */
    FLOAT("eta_float");

    private final String metric;

    ErrorReference(String metric) {
        this.metric = metric;
    }

    /** @return the CSV metric name of η against this reference */
    public String metric() {
        return metric;
    }
}
