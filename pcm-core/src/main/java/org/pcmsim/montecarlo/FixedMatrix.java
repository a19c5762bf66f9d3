package org.pcmsim.montecarlo;

import java.util.Objects;
import org.pcmsim.crossbar.ArrayShape;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.DriftCompensationScope;
import org.pcmsim.weights.WeightMatrix;

/**
 * A user's weight matrix for a Monte Carlo run in which the weights stay fixed and every trial
 * draws new inputs, programming noise and read noise ({@link MonteCarloEngine#runAll(java.util.List,
 * FixedMatrix, double[], int, long, ProgressListener)}), with how it is tiled.
 *
 * @param weights the real matrix, any shape (quantised per configuration at its k·σ clip)
 * @param array the size of one array; a larger matrix is tiled
 * @param driftScope one drift calibration per tile or per matrix
 */
public record FixedMatrix(WeightMatrix weights, ArrayShape array, DriftCompensationScope driftScope) {

    /** Rejects nulls. */
    public FixedMatrix {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(array, "array");
        Objects.requireNonNull(driftScope, "driftScope");
    }

    /**
     * @param weights the real matrix
     * @param crossbar the periphery whose N × N array the matrix is tiled on
     * @return the matrix on square N × N arrays with per-tile drift compensation
     */
    public static FixedMatrix of(WeightMatrix weights, CrossbarConfig crossbar) {
        return new FixedMatrix(weights, ArrayShape.of(crossbar), DriftCompensationScope.PER_TILE);
    }
}
